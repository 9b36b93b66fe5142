"""Score per topic over finished mock interviews: is softmax getting better, is gelu not?"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from typing import Any

from quizapp.study.store import StudyStore
from quizapp.study.store.interviews import topic_score_rows

COLUMNS_SHOWN = 6


@dataclass(frozen=True)
class TopicScore:
    """A topic's mean score in one finished interview."""

    interview_id: int
    day: date
    topic: str
    questions: int
    score: float


@dataclass(frozen=True)
class TopicScoreTable:
    """Topics (rows, by name) against the latest interviews (columns, oldest first); a cell is
    None where the interview asked nothing on that topic."""

    interviews: tuple[tuple[int, date], ...]
    rows: tuple[tuple[str, tuple[float | None, ...]], ...]

    @property
    def column_titles(self) -> list[str]:
        return [f"#{interview_id} {day.strftime('%d %b')}" for interview_id, day in self.interviews]


def topic_scores(store: StudyStore) -> list[TopicScore]:
    """Each topic's mean score per finished interview, oldest interview first; questions the
    session clock never reached do not count (as for the weak-area weights)."""
    return [
        TopicScore(interview_id, date.fromisoformat(day), str(topic), count, float(score))
        for interview_id, day, topic, count, score in topic_score_rows(store)
    ]


def topic_table(scores: Iterable[TopicScore], columns: int = COLUMNS_SHOWN) -> TopicScoreTable:
    """The latest `columns` interviews; a topic none of them asked about is left out."""
    ordered = list(scores)
    interviews = list(dict.fromkeys((score.interview_id, score.day) for score in ordered))
    shown = interviews[-columns:] if columns > 0 else []
    position = {interview_id: index for index, (interview_id, _) in enumerate(shown)}
    cells: dict[str, list[float | None]] = {}
    for score in ordered:
        if score.interview_id in position:
            row = cells.setdefault(score.topic, [None] * len(shown))
            row[position[score.interview_id]] = score.score
    rows = tuple((topic, tuple(values)) for topic, values in sorted(cells.items()))
    return TopicScoreTable(tuple(shown), rows)


def topic_scores_json(scores: Iterable[TopicScore]) -> dict[str, list[dict[str, Any]]]:
    """Topic -> its scores, oldest first, for `quizapp stats --json`."""
    grouped: dict[str, list[dict[str, Any]]] = {}
    for score in scores:
        grouped.setdefault(score.topic, []).append(
            {
                "interview_id": score.interview_id,
                "day": score.day.isoformat(),
                "questions": score.questions,
                "score": score.score,
            }
        )
    return dict(sorted(grouped.items()))
