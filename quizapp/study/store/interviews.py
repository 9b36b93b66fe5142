"""Mock interviews in the study database (tables from schema step 2, see `migrations`).

An interview is stored as `abandoned` from its first moment, with every planned question as a
`pending` row; each answer then updates its row in its own committed transaction, and only the
last question turns the interview `finished`. So quitting, a crash or `kill -9` mid-interview
leaves an abandoned interview holding exactly the answers given so far.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from datetime import date, datetime, timedelta
from typing import TYPE_CHECKING, Any

from quizapp.study.micros import from_micros, to_micros

if TYPE_CHECKING:
    from quizapp.study.mock.answers import MockAnswer
    from quizapp.study.mock.plan import MockPlan
    from quizapp.study.store import StudyStore
    from quizapp.study.store.records import InterviewSummary, SentToReview

_NEVER_SCORED = ("pending", "not-reached")
"""The `Outcome` values of a question never put to the user."""

_ASSESSED = (
    "NOT (a.kind = 'conceptual' AND a.covered IS NULL"
    " AND a.outcome IN ('submitted', 'question-time', 'session-time'))"
)
"""Leaves out conceptual answers awaiting ticks (`MockAnswer.awaiting_ticks`: nothing heard,
nothing ticked; stored with `covered` NULL), which say nothing about a topic until assessed."""


def _millis(value: timedelta) -> int:
    return max(0, round(value.total_seconds() * 1000))


def create_interview(store: StudyStore, plan: MockPlan, started_at: datetime) -> int:
    """The interview row and one pending row per planned question, in one transaction."""
    with store.transaction() as connection:
        cursor = connection.execute(
            "INSERT INTO mock_interviews (started_at, day, status, seed, options, budget_ms,"
            " planned) VALUES (?, ?, 'abandoned', ?, ?, ?, ?)",
            (
                to_micros(started_at),
                store.calendar().day_of(started_at).isoformat(),
                plan.seed,
                plan.options.to_json(),
                _millis(plan.session_budget),
                len(plan.questions),
            ),
        )
        interview_id = cursor.lastrowid
        assert interview_id is not None
        connection.executemany(
            "INSERT INTO mock_answers (interview_id, position, card_id, kind, topics, template,"
            " activation, seed, prompt, budget_ms, key_points, outcome)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'pending')",
            [
                (
                    interview_id,
                    planned.position,
                    planned.card.id,
                    planned.kind,
                    json.dumps(list(planned.topics)),
                    planned.card.template,
                    planned.question.activation if planned.question else planned.card.activation,
                    planned.seed,
                    planned.prompt,
                    _millis(planned.budget),
                    len(planned.key_points) if planned.kind == "conceptual" else None,
                )
                for planned in plan.questions
            ],
        )
    return interview_id


def record_answer(store: StudyStore, interview_id: int, answer: MockAnswer) -> None:
    """Committed before returning: what the user was shown as answered is on disk."""
    readable = answer.readable
    correct = answer.correct
    with store.transaction() as connection:
        connection.execute(
            "UPDATE mock_answers SET outcome = ?, response = ?, used_ms = ?, paused_ms = ?,"
            " answered_at = ?, readable = ?, correct = ?, score = ?, covered = ?, cases = ?"
            " WHERE interview_id = ? AND position = ?",
            (
                str(answer.outcome),
                answer.response,
                _millis(answer.used),
                _millis(answer.paused),
                None if answer.answered_at is None else to_micros(answer.answered_at),
                None if readable is None else int(readable),
                None if correct is None else int(correct),
                answer.score,
                None
                if not answer.assessable or answer.awaiting_ticks
                else json.dumps(sorted(answer.covered)),
                answer.cases_record,
                interview_id,
                answer.planned.position,
            ),
        )


def finish_interview(
    store: StudyStore, interview_id: int, ended_at: datetime, score: float
) -> None:
    with store.transaction() as connection:
        connection.execute(
            "UPDATE mock_interviews SET status = 'finished', ended_at = ?, score = ? WHERE id = ?",
            (to_micros(ended_at), score, interview_id),
        )


def end_abandoned(store: StudyStore, interview_id: int, ended_at: datetime) -> None:
    """Note when the user quit (the interview is already stored as abandoned)."""
    with store.transaction() as connection:
        connection.execute(
            "UPDATE mock_interviews SET ended_at = ? WHERE id = ? AND status = 'abandoned'",
            (to_micros(ended_at), interview_id),
        )


def record_assessment(
    store: StudyStore, interview_id: int, answer: MockAnswer, interview_score: float
) -> None:
    """The ticked key points and the interview's new score, together."""
    with store.transaction() as connection:
        connection.execute(
            "UPDATE mock_answers SET covered = ?, score = ?"
            " WHERE interview_id = ? AND position = ?",
            (
                json.dumps(sorted(answer.covered)),
                answer.score,
                interview_id,
                answer.planned.position,
            ),
        )
        connection.execute(
            "UPDATE mock_interviews SET score = ? WHERE id = ? AND status = 'finished'",
            (interview_score, interview_id),
        )


_SUMMARY_SQL = (
    "SELECT i.id, i.started_at, i.day, i.status, i.planned, i.score, i.seed,"
    " (SELECT count(*) FROM mock_answers a WHERE a.interview_id = i.id"
    "  AND a.outcome IN ('submitted', 'question-time', 'session-time')"
    "  AND trim(coalesce(a.response, '')) != '')"
    " FROM mock_interviews i"
)


def _summary(row: Any) -> InterviewSummary:
    from quizapp.study.store.records import InterviewSummary  # not needed at start

    interview_id, started, day, status, planned, score, seed, answered = row
    return InterviewSummary(
        id=interview_id,
        started_at=from_micros(started),
        day=date.fromisoformat(day),
        status=status,
        planned=planned,
        answered=answered,
        score=score,
        seed=seed,
    )


def interviews(store: StudyStore) -> list[InterviewSummary]:
    """Every stored interview, oldest first."""
    return [_summary(row) for row in store.query(f"{_SUMMARY_SQL} ORDER BY i.started_at, i.id")]


def latest_finished(store: StudyStore) -> InterviewSummary | None:
    rows = store.query(
        f"{_SUMMARY_SQL} WHERE i.status = 'finished' ORDER BY i.started_at DESC, i.id DESC LIMIT 1"
    )
    return _summary(rows[0]) if rows else None


def card_scores(store: StudyStore) -> dict[str, float]:
    """Each card's mean score over the questions it was asked in finished interviews (abandoned
    ones were never assessed; a question the session clock cut off was never shown; an answer
    awaiting ticks is not judged yet)."""
    rows = store.query(
        "SELECT a.card_id, avg(a.score) FROM mock_answers a"
        " JOIN mock_interviews i ON i.id = a.interview_id"
        f" WHERE i.status = 'finished' AND a.outcome NOT IN (?, ?) AND {_ASSESSED}"
        " GROUP BY a.card_id",
        _NEVER_SCORED,
    )
    return {str(card_id): float(score) for card_id, score in rows}


def send_to_review(
    store: StudyStore, cards: Iterable[tuple[str, str]], now: datetime
) -> SentToReview:
    """Make these cards (id, topic) due now in the review queue, keeping every bit of history.

    A studied card keeps its FSRS memory state, reps, lapses and review log: only its due time
    moves to now (never later) and a burial is lifted. A card never studied gets exactly the
    state fsrs gives a fresh card (learning, step 0, no stability yet) due now, so it shows up
    with today's learning cards instead of waiting behind the daily new-card limit. Suspended
    cards stay suspended.
    """
    from quizapp.study.store.records import SentToReview  # not needed at start

    due_now: list[str] = []
    suspended: list[str] = []
    moment = to_micros(now)
    with store.transaction() as connection:
        for card_id, topic in dict(cards).items():
            row = connection.execute(
                "SELECT state, suspended FROM cards WHERE card_id = ?", (card_id,)
            ).fetchone()
            if row is not None and row[1]:
                suspended.append(card_id)
                continue
            if row is None:
                connection.execute(
                    "INSERT INTO cards (card_id, state, step, due, topic) VALUES (?, 1, 0, ?, ?)",
                    (card_id, moment, topic),
                )
            elif row[0] is None:
                connection.execute(
                    "UPDATE cards SET state = 1, step = 0, due = ?, buried_until = NULL,"
                    " topic = coalesce(topic, ?) WHERE card_id = ?",
                    (moment, topic, card_id),
                )
            else:
                connection.execute(
                    "UPDATE cards SET due = min(due, ?), buried_until = NULL WHERE card_id = ?",
                    (moment, card_id),
                )
            due_now.append(card_id)
    return SentToReview(tuple(due_now), tuple(suspended))


_ARCHIVED_INTERVIEW = "id, started_at, ended_at, day, status, seed, options, budget_ms, planned"
_ARCHIVED_ANSWER = (
    "position, card_id, kind, topics, template, activation, seed, prompt, budget_ms,"
    " key_points, outcome, response, used_ms, answered_at, readable, correct, score, covered,"
    " cases"
)


def archived_interview(store: StudyStore, interview_id: int) -> tuple[Any, list[Any]] | None:
    """An interview's row (`_ARCHIVED_INTERVIEW`) and its answers' rows (`_ARCHIVED_ANSWER`)
    in question order, as `mock.archive` reads them back; None when there is no such interview."""
    rows = store.query(
        f"SELECT {_ARCHIVED_INTERVIEW} FROM mock_interviews WHERE id = ?", (interview_id,)
    )
    if not rows:
        return None
    answers = store.query(
        f"SELECT {_ARCHIVED_ANSWER} FROM mock_answers WHERE interview_id = ? ORDER BY position",
        (interview_id,),
    )
    return rows[0], answers


def latest_interview_id(store: StudyStore) -> int | None:
    """The most recently started interview, finished or abandoned."""
    rows = store.query("SELECT id FROM mock_interviews ORDER BY started_at DESC, id DESC LIMIT 1")
    return int(rows[0][0]) if rows else None


def topic_score_rows(store: StudyStore) -> list[tuple[int, str, str, int, float]]:
    """(interview id, day, topic, questions, mean score) per topic of each finished interview,
    oldest interview first; questions never put to the user and answers awaiting ticks do not
    count."""
    return store.query(
        "SELECT i.id, i.day, t.value, count(*), avg(a.score)"
        " FROM mock_interviews i JOIN mock_answers a ON a.interview_id = i.id,"
        " json_each(a.topics) t"
        f" WHERE i.status = 'finished' AND a.outcome NOT IN (?, ?) AND {_ASSESSED}"
        " GROUP BY i.id, t.value ORDER BY i.started_at, i.id, t.value",
        _NEVER_SCORED,
    )
