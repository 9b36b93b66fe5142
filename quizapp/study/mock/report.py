"""After the last question: the score, where the time and the points went, what to review.

Everything here is plain text lines and numbers, so the TUI only lays it out and a test can read
exactly what the user will see.
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import timedelta
from typing import Protocol

from quizapp.explain import evidence_lines
from quizapp.safe_text import inert
from quizapp.study.mock.answers import (
    NEVER_ASKED,
    TIMED_OUT,
    MockAnswer,
    Outcome,
    answering_time,
    session_score,
)
from quizapp.study.mock.coding import case_lines, passed_text
from quizapp.study.mock.options import MockOptions
from quizapp.study.mock.plan import exercise_of
from quizapp.wording import percent, plural

WEAKEST_SHOWN = 3
UNREADABLE_NOTE = (
    "{answers} could not be read and score 0: under the clock there is no second"
    " chance to fix the notation."
)


def clock_text(delta: timedelta, *, round_up: bool = False) -> str:
    """m:ss; `round_up` for countdowns, so 0:00 shows only when the time is really up."""
    seconds = delta.total_seconds()
    whole = math.ceil(seconds) if round_up else math.floor(seconds)
    minutes, rest = divmod(max(0, whole), 60)
    return f"{minutes}:{rest:02d}"


@dataclass(frozen=True)
class TopicResult:
    topic: str
    questions: int
    score: float


class TopicEvidence(Protocol):
    """An answer as the running interview has it (`MockAnswer`) or as the archive read it back
    (`archive.StoredAnswer`): the report on screen and `quizapp mock-report` rank both here."""

    @property
    def topics(self) -> Sequence[str]: ...

    @property
    def score(self) -> float: ...

    @property
    def outcome(self) -> Outcome: ...

    @property
    def awaiting_ticks(self) -> bool: ...


def weakest_topics(answers: Iterable[TopicEvidence]) -> tuple[TopicResult, ...]:
    """The lowest scoring topics (an answer counts for each of its topics), none at 100%. Only
    answers that say something count: a question never asked (ended early, the session clock
    ran out) and a conceptual answer awaiting ticks are left out."""
    scores: dict[str, list[float]] = defaultdict(list)
    for answer in answers:
        if answer.outcome in NEVER_ASKED or answer.awaiting_ticks:
            continue
        for topic in answer.topics:
            scores[topic].append(answer.score)
    results = [
        TopicResult(topic, len(values), sum(values) / len(values))
        for topic, values in scores.items()
    ]
    ranked = sorted(
        (result for result in results if result.score < 1.0),
        key=lambda result: (result.score, -result.questions, result.topic),
    )
    return tuple(ranked[:WEAKEST_SHOWN])


@dataclass(frozen=True)
class MockReport:
    """`answers` in question order; `planned` counts every question of the plan; `ended_early`:
    the user ended the interview before its last question (the rest were never asked)."""

    answers: tuple[MockAnswer, ...]
    planned: int
    session_budget: timedelta
    seed: int
    notes: tuple[str, ...] = ()
    options: MockOptions = field(default_factory=MockOptions)
    ended_early: bool = False

    @property
    def score(self) -> float:
        return session_score(self.answers, self.planned)

    def _kind_score(self, kind: str) -> float | None:
        scores = [answer.score for answer in self.answers if answer.planned.kind == kind]
        return sum(scores) / len(scores) if scores else None

    @property
    def numeric_score(self) -> float | None:
        return self._kind_score("numeric")

    @property
    def conceptual_score(self) -> float | None:
        return self._kind_score("conceptual")

    @property
    def coding_score(self) -> float | None:
        return self._kind_score("coding")

    @property
    def time_used(self) -> timedelta:
        return answering_time(self.answers)

    @property
    def unreadable(self) -> int:
        return sum(1 for answer in self.answers if answer.readable is False)

    def count(self, *outcomes: Outcome) -> int:
        return sum(1 for answer in self.answers if answer.outcome in outcomes)

    @property
    def weakest(self) -> tuple[TopicResult, ...]:
        return weakest_topics(self.answers)

    @property
    def missed(self) -> tuple[MockAnswer, ...]:
        """Missed answers, one per card (a card asked twice is sent to review once)."""
        seen: set[str] = set()
        missed = []
        for answer in self.answers:
            if answer.missed and answer.planned.card.id not in seen:
                seen.add(answer.planned.card.id)
                missed.append(answer)
        return tuple(missed)

    def summary_lines(self) -> list[str]:
        by_kind = [
            f"{kind} {percent(value)}"
            for kind, value in (
                ("numeric", self.numeric_score),
                ("conceptual", self.conceptual_score),
                ("coding", self.coding_score),
            )
            if value is not None
        ]
        lines = []
        if self.ended_early:
            lines.append(
                f"Ended early after {len(self.answers)} of {plural(self.planned, 'question')}:"
                " the rest count 0, and an interview ended early is left out of your score trend."
            )
        kinds = f" ({', '.join(by_kind)})" if by_kind else ""
        lines += [
            f"Score {percent(self.score)} over {plural(self.planned, 'question')}{kinds}",
            f"Submitted {self.count(Outcome.SUBMITTED)} · time ran out on"
            f" {self.count(Outcome.QUESTION_TIME, Outcome.SESSION_TIME)}"
            f" · skipped {self.count(Outcome.SKIPPED)}"
            f" · not reached {self.count(Outcome.NOT_REACHED) + self.planned - len(self.answers)}",
            f"Time used {clock_text(self.time_used)} of {clock_text(self.session_budget)}"
            " (pauses not counted)",
        ]
        weakest = self.weakest
        if weakest:
            lines.append(
                "Weakest topics: "
                + ", ".join(f"{result.topic} {percent(result.score)}" for result in weakest)
            )
        if self.unreadable:
            lines.append(UNREADABLE_NOTE.format(answers=plural(self.unreadable, "numeric answer")))
        if any(answer.suggested for answer in self.answers):
            lines.append(
                "Conceptual answers are scored by suggested ticks (the key points heard in what"
                " you typed): check them below."
            )
        elif any(answer.assessable for answer in self.answers):
            lines.append("Tick the key points you covered below: they score conceptual answers.")
        lines.extend(self.notes)
        lines.append(f"Replay these questions: {self.options.replay_command(self.seed)}")
        return lines

    @staticmethod
    def result_text(answer: MockAnswer) -> str:
        if answer.planned.kind == "coding":
            return _coding_result(answer)
        if answer.planned.kind == "numeric":
            if not answer.attempted:
                return answer.outcome.label
            if answer.grade is None:
                return "no answer 0%"
            if answer.readable is False:
                return "unreadable 0%"
            verdict = "correct" if answer.correct else "wrong"
            return f"{verdict} {percent(answer.score)}"
        if not answer.attempted:
            return answer.outcome.label
        points = len(answer.planned.key_points)
        return f"{len(answer.covered)}/{points} points {percent(answer.score)}"

    @staticmethod
    def time_text(answer: MockAnswer) -> str:
        return f"{clock_text(answer.used)} / {clock_text(answer.planned.budget)}"

    def rows(self) -> list[tuple[str, str, str, str, str, str]]:
        """The table: number, kind, main topic, time used against budget, how it ended, result."""
        return [
            (
                str(answer.planned.position + 1),
                answer.planned.kind,
                answer.planned.topics[0],
                self.time_text(answer),
                answer.outcome.label,
                self.result_text(answer),
            )
            for answer in self.answers
        ]

    @staticmethod
    def detail_lines(answer: MockAnswer) -> list[str]:
        """The question, the answer given, and the model answer or the worked solution. The key
        points of an assessable answer are left to the caller, which lets the user tick them."""
        planned = answer.planned
        ended = answer.outcome.label
        if answer.outcome in TIMED_OUT:
            ended += ", what was typed was submitted"
        lines = [
            f"Question {planned.position + 1} · {planned.kind} · {', '.join(planned.topics)}"
            f" · {MockReport.time_text(answer)} · {ended}",
            "",
            planned.prompt,
            "",
        ]
        if planned.kind == "coding":
            return lines + _coding_details(answer)
        lines.append(f"Your answer: {answer.response.strip() or '(nothing typed)'}")
        question = planned.question
        if question is not None:
            grade = answer.grade
            if grade is not None and answer.readable is False:
                lines.append(f"Could not be read, scores 0: {getattr(grade, 'parse_error', '')}")
            elif grade is not None:
                lines.append(
                    f"{'Correct' if answer.correct else 'Not quite'} · score "
                    f"{percent(answer.score)}"
                )
                lines.extend(str(line) for line in getattr(grade, "feedback", ()))
            lines += ["", f"Expected: {question.expected_text}", "Worked solution:"]
            lines += [f"  {step}" for step in question.solution]
            return lines
        lines += ["", "Model answer:", planned.card.back]
        if answer.suggested:
            lines += ["", "Heard in your answer (suggested ticks below):"]
            lines += [f"  {line}" for line in evidence_lines(answer.evidence)]
        if not answer.assessable:
            lines += ["", "Key points:", *(f"  • {point}" for point in planned.key_points)]
        return lines


def _coding_result(answer: MockAnswer) -> str:
    if not answer.attempted:
        return answer.outcome.label
    grade = answer.code_grade
    if grade is None:
        return "not run 0%"
    if grade.problem and not any(case.passed for case in grade.cases):
        return f"failed to run {percent(0)}"
    return passed_text(grade.cases, answer.score)


def _coding_details(answer: MockAnswer) -> list[str]:
    """The code as written, each hidden case's verdict, then the model solution: inert, as the
    code and the messages it raised are the user's text."""
    code = answer.response.rstrip()
    lines = (
        ["Your code:", *(f"  {line}" for line in code.splitlines())]
        if code.strip()
        else ["Your code: (nothing written)"]
    )
    grade = answer.code_grade
    if grade is not None:
        lines += ["", f"Tests: {passed_text(grade.cases, answer.score)}"]
        lines += case_lines(grade.cases, grade.problem)
    elif answer.attempted and code.strip():
        lines += ["", "The tests were not run."]
    exercise = exercise_of(answer.planned.card)
    if exercise is not None:
        lines += ["", "Model solution:", *(f"  {line}" for line in exercise.solution.splitlines())]
    return [inert(line) for line in lines]
