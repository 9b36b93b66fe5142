"""The score trend over finished interviews, for the stats screen and `quizapp stats --json`."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from quizapp.study.store import StudyStore
from quizapp.study.store.interviews import interviews
from quizapp.study.store.records import InterviewSummary
from quizapp.wording import percent


@dataclass(frozen=True)
class MockTrend:
    """Finished interviews oldest first (each with its score); abandoned ones are only counted,
    since their unanswered questions say nothing about the user's level."""

    finished: tuple[InterviewSummary, ...]
    abandoned: int

    @property
    def scores(self) -> list[float]:
        return [summary.score or 0.0 for summary in self.finished]

    def summary_line(self) -> str:
        abandoned = f" · {self.abandoned} abandoned" if self.abandoned else ""
        if not self.finished:
            return f"Mock interviews: none finished yet{abandoned}"
        scores = self.scores
        return (
            f"Mock interviews: {len(scores)} finished · last {percent(scores[-1])}"
            f" · best {percent(max(scores))} · average {percent(sum(scores) / len(scores))}"
            f"{abandoned}"
        )

    def to_dict(self) -> dict[str, Any]:
        return {
            "finished": [
                {
                    "id": summary.id,
                    "started_at": summary.started_at.isoformat(),
                    "day": summary.day.isoformat(),
                    "questions": summary.planned,
                    "answered": summary.answered,
                    "score": summary.score,
                    "seed": summary.seed,
                }
                for summary in self.finished
            ],
            "abandoned": self.abandoned,
        }


def mock_trend(store: StudyStore) -> MockTrend:
    stored = interviews(store)
    return MockTrend(
        finished=tuple(summary for summary in stored if summary.status == "finished"),
        abandoned=sum(1 for summary in stored if summary.status == "abandoned"),
    )
