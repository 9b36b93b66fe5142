"""Stored interviews read back for reports: what was asked, answered and scored, row by row.

The running interview keeps live objects (`MockReport`); once it is over, only the database
holds it. This reads that record as plain values, so a report can be written long afterwards,
also for an interview that was abandoned half-way.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any

from quizapp.study.micros import from_micros
from quizapp.study.mock.answers import ATTEMPTED, Outcome, answering_time, session_score
from quizapp.study.mock.coding import StoredCase, cases_from_json
from quizapp.study.mock.report import TopicResult, weakest_topics
from quizapp.study.store import StudyStore
from quizapp.study.store.interviews import archived_interview


@dataclass(frozen=True)
class StoredAnswer:
    """One planned question as stored; `covered` holds ticked key point indices (conceptual),
    `awaiting_ticks` says nothing was heard or ticked yet (see `MockAnswer.awaiting_ticks`);
    `cases` each hidden case's verdict and `problem` what stopped the run (coding)."""

    position: int
    card_id: str
    kind: str
    topics: tuple[str, ...]
    template: str | None
    activation: str | None
    seed: int | None
    prompt: str
    budget: timedelta
    key_points: int | None
    outcome: Outcome
    response: str
    used: timedelta
    answered_at: datetime | None
    readable: bool | None
    correct: bool | None
    score: float
    covered: tuple[int, ...]
    cases: tuple[StoredCase, ...] = ()
    problem: str | None = None
    awaiting_ticks: bool = False

    @property
    def attempted(self) -> bool:
        return self.outcome in ATTEMPTED

    @property
    def answered(self) -> bool:
        """Attempted with something written: an empty answer the clock ended is not one."""
        return self.attempted and bool(self.response.strip())


@dataclass(frozen=True)
class StoredInterview:
    id: int
    started_at: datetime
    ended_at: datetime | None
    day: date
    status: str
    seed: int
    options: dict[str, Any]
    budget: timedelta
    planned: int
    answers: tuple[StoredAnswer, ...]

    @property
    def score(self) -> float:
        """Mean over every planned question; one never answered counts 0 (as when finished)."""
        return session_score(self.answers, self.planned)

    @property
    def time_used(self) -> timedelta:
        return answering_time(self.answers)

    @property
    def answered(self) -> int:
        return sum(1 for answer in self.answers if answer.answered)

    @property
    def weakest(self) -> tuple[TopicResult, ...]:
        """Ranked as the report on screen ranks them (`weakest_topics`)."""
        return weakest_topics(self.answers)


def load_interview(store: StudyStore, interview_id: int) -> StoredInterview | None:
    stored = archived_interview(store, interview_id)
    if stored is None:
        return None
    (found, started, ended, day, status, seed, options, budget_ms, planned), answers = stored
    return StoredInterview(
        id=found,
        started_at=from_micros(started),
        ended_at=None if ended is None else from_micros(ended),
        day=date.fromisoformat(day),
        status=status,
        seed=seed,
        options=_json_object(options),
        budget=timedelta(milliseconds=budget_ms),
        planned=planned,
        answers=tuple(_answer(row) for row in answers),
    )


def _answer(row: Sequence[Any]) -> StoredAnswer:
    (
        position,
        card_id,
        kind,
        topics,
        template,
        activation,
        seed,
        prompt,
        budget_ms,
        key_points,
        outcome,
        response,
        used_ms,
        answered_at,
        readable,
        correct,
        score,
        covered,
        cases,
    ) = row
    problem, stored_cases = cases_from_json(cases)
    ended = Outcome(outcome)
    return StoredAnswer(
        position=position,
        card_id=card_id,
        kind=kind,
        topics=tuple(str(topic) for topic in json.loads(topics)),
        template=template,
        activation=activation,
        seed=seed,
        prompt=prompt,
        budget=timedelta(milliseconds=budget_ms),
        key_points=key_points,
        outcome=ended,
        response=response or "",
        used=timedelta(milliseconds=used_ms or 0),
        answered_at=None if answered_at is None else from_micros(answered_at),
        readable=None if readable is None else bool(readable),
        correct=None if correct is None else bool(correct),
        score=float(score),
        covered=tuple(json.loads(covered)) if covered else (),
        cases=stored_cases,
        problem=problem,
        awaiting_ticks=kind == "conceptual" and ended in ATTEMPTED and covered is None,
    )


def _json_object(text: str) -> dict[str, Any]:
    value = json.loads(text)
    return value if isinstance(value, dict) else {}
