"""One answered (or unanswered) mock question and what it scores.

Under the clock there is no asking again: a numeric answer the grader cannot read scores 0 and
is kept with its text. A conceptual answer scores the share of the model answer's key points it
covered: the key-point matcher suggests them from the text typed, the user confirms or changes
the ticks afterwards. A coding answer is the code written, graded by its hidden test cases: it
scores the share of cases passed.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, replace
from datetime import datetime, timedelta
from enum import StrEnum
from typing import Protocol, cast

from quizapp.explain import heard_points
from quizapp.study.mock.coding import CodeGradeLike, cases_json
from quizapp.study.mock.plan import PlannedQuestion
from quizapp.study.protocols import GradeLike


class Outcome(StrEnum):
    """How a question ended: the user moved on, or a clock did it for them."""

    PENDING = "pending"
    SUBMITTED = "submitted"
    SKIPPED = "skipped"
    QUESTION_TIME = "question-time"
    SESSION_TIME = "session-time"
    NOT_REACHED = "not-reached"

    @property
    def label(self) -> str:
        return _LABELS[self]


_LABELS = {
    Outcome.PENDING: "not asked",
    Outcome.SUBMITTED: "submitted",
    Outcome.SKIPPED: "skipped",
    Outcome.QUESTION_TIME: "time up",
    Outcome.SESSION_TIME: "session over",
    Outcome.NOT_REACHED: "not reached",
}
TIMED_OUT = frozenset({Outcome.QUESTION_TIME, Outcome.SESSION_TIME})
"""A clock ended the question and submitted the answer typed so far."""
ATTEMPTED = frozenset({Outcome.SUBMITTED, *TIMED_OUT})
"""Outcomes whose text counts: graded (numeric) or open to self-assessment (conceptual)."""
NEVER_ASKED = frozenset({Outcome.PENDING, Outcome.NOT_REACHED})
"""Questions never put to the user: they score 0 in the session's score, but say nothing about
their topics or cards (not weak, not missed)."""


@dataclass(frozen=True)
class MockAnswer:
    """`used` excludes paused time; `grade` is set for an attempted numeric answer (its
    `parse_error` set when it could not be read) and for attempted code that was run (a
    `quizapp.coding.check.CheckReport`); `covered` are the ticked key point indices:
    the matcher's suggestion while `suggested` (with the words it heard per point in
    `evidence`), the user's own ticks once assessed."""

    planned: PlannedQuestion
    outcome: Outcome
    response: str = ""
    used: timedelta = timedelta(0)
    paused: timedelta = timedelta(0)
    answered_at: datetime | None = None
    grade: GradeLike | None = None
    covered: frozenset[int] = frozenset()
    suggested: bool = False
    evidence: tuple[str, ...] = ()
    self_assessed: bool = False

    @property
    def attempted(self) -> bool:
        return self.outcome in ATTEMPTED

    @property
    def topics(self) -> tuple[str, ...]:
        return self.planned.topics

    @property
    def graded(self) -> bool:
        """Judged by the app (numeric, coding), not self-assessed on key points."""
        return self.planned.kind != "conceptual"

    @property
    def readable(self) -> bool | None:
        """None for conceptual answers and for graded ones not attempted."""
        if self.grade is None:
            return None
        return getattr(self.grade, "parse_error", None) is None

    @property
    def assessable(self) -> bool:
        return self.planned.kind == "conceptual" and self.attempted

    @property
    def awaiting_ticks(self) -> bool:
        """A conceptual answer with nothing ticked yet, by the matcher or by the user: its 0%
        says nothing about the topic until the user has assessed it."""
        return self.assessable and not self.covered and not self.self_assessed

    @property
    def score(self) -> float:
        if self.graded:
            return float(self.grade.score) if self.grade is not None and self.readable else 0.0
        if not self.attempted:
            return 0.0
        return len(self.covered) / len(self.planned.key_points)

    @property
    def correct(self) -> bool | None:
        """A numeric or coding verdict (coding: every case passed); None for conceptual answers
        (they have a score, not a verdict)."""
        if not self.graded:
            return None
        return bool(self.grade is not None and self.readable and self.grade.correct)

    @property
    def missed(self) -> bool:
        """Worth another review: a question put to the user and not fully answered (a graded
        answer not fully right, a conceptual one below 100% of its key points, no answer)."""
        if self.outcome in NEVER_ASKED:
            return False
        if self.graded:
            return not self.correct
        return self.score < 1.0

    @property
    def code_grade(self) -> CodeGradeLike | None:
        """The run of a coding answer (None for other kinds, and for code never run)."""
        if self.planned.kind != "coding" or self.grade is None:
            return None
        return cast("CodeGradeLike", self.grade)

    @property
    def cases_record(self) -> str | None:
        """What the database keeps of a coding answer's run (see `coding.cases_json`)."""
        grade = self.code_grade
        return None if grade is None else cases_json(grade)

    def assessed(self, covered: frozenset[int]) -> MockAnswer:
        if not self.assessable:
            raise ValueError(f"question {self.planned.position + 1} cannot be self-assessed")
        points = len(self.planned.key_points)
        outside = sorted(index for index in covered if not 0 <= index < points)
        if outside:
            raise ValueError(f"key point {outside[0] + 1} does not exist; there are {points}")
        return replace(self, covered=frozenset(covered), suggested=False, self_assessed=True)


def suggest_covered(answer: MockAnswer) -> MockAnswer:
    """An attempted conceptual answer with the key points the matcher hears in its text ticked
    as a suggestion (a card without key points is left to the user)."""
    if not answer.assessable or not answer.planned.card.key_points:
        return answer
    heard = heard_points(answer.planned.card, answer.response)
    return replace(answer, covered=heard.covered, suggested=True, evidence=heard.evidence)


class Scored(Protocol):
    """An answer as the run has it (`MockAnswer`) or as the archive read it back."""

    @property
    def score(self) -> float: ...

    @property
    def used(self) -> timedelta: ...


def session_score(answers: Iterable[Scored], planned: int) -> float:
    """The mean score over every planned question: one never answered counts as 0."""
    if planned <= 0:
        return 0.0
    return min(1.0, sum(answer.score for answer in answers) / planned)


def answering_time(answers: Iterable[Scored]) -> timedelta:
    """The time spent answering, pauses left out."""
    return sum((answer.used for answer in answers), timedelta(0))
