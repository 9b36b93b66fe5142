"""Coding questions in a mock interview: how their code is graded and how the result reads.

The sandbox that runs the code lives in `quizapp.coding`, a layer above this one, so the runner
is handed a `CodeGrader` by its front end; a `quizapp.coding.check.CheckReport` is what comes
back. A coding answer scores the share of its hidden cases passed; the report lists each case.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, Protocol

from quizapp.study.mock.topics import MockCard
from quizapp.study.protocols import GradeLike
from quizapp.wording import percent


class CaseLike(Protocol):
    """One hidden case's verdict (`quizapp.coding.check.CaseResult`)."""

    @property
    def name(self) -> str: ...
    @property
    def passed(self) -> bool: ...
    @property
    def reason(self) -> str: ...


class CodeGradeLike(GradeLike, Protocol):
    """A run's verdict: per-case results and a one-line problem for the run as a whole."""

    @property
    def cases(self) -> Sequence[CaseLike]: ...
    @property
    def problem(self) -> str | None: ...


class CodeGrader(Protocol):
    """Runs `code` against the card's hidden cases. Never raises: a run that could not happen
    comes back as a grade whose `problem` says why (and scores 0)."""

    def __call__(self, card: MockCard, code: str) -> CodeGradeLike: ...


@dataclass(frozen=True)
class StoredCase:
    """A case's verdict as the study database keeps it."""

    name: str
    passed: bool
    reason: str = ""


def cases_json(grade: CodeGradeLike) -> str:
    """What the database keeps of a run: the problem and each case's verdict, as JSON."""
    return json.dumps(
        {
            "problem": grade.problem,
            "cases": [
                {"name": case.name, "passed": bool(case.passed), "reason": case.reason}
                for case in grade.cases
            ],
        }
    )


def cases_from_json(text: str | None) -> tuple[str | None, tuple[StoredCase, ...]]:
    """The problem and cases stored by `cases_json` (nothing for other kinds or bad JSON)."""
    if not text:
        return None, ()
    try:
        data: Any = json.loads(text)
        problem = data.get("problem")
        cases = tuple(
            StoredCase(str(case["name"]), bool(case["passed"]), str(case.get("reason", "")))
            for case in data.get("cases", [])
        )
    except (ValueError, TypeError, KeyError, AttributeError):
        return None, ()
    return (None if problem is None else str(problem)), cases


def passed_text(cases: Sequence[CaseLike], score: float) -> str:
    """The result column: e.g. `5/7 cases 71%`."""
    passed = sum(1 for case in cases if case.passed)
    return f"{passed}/{len(cases)} cases {percent(score)}"


def case_lines(cases: Sequence[CaseLike], problem: str | None) -> list[str]:
    """The run's problem, then one line per case: ✓ name, or ✗ name: why."""
    lines = [f"Problem: {problem}"] if problem else []
    for case in cases:
        if case.passed:
            lines.append(f"  ✓ {case.name}")
        else:
            lines.append(f"  ✗ {case.name}: {case.reason}" if case.reason else f"  ✗ {case.name}")
    return lines
