"""Grading a mock interview's coding questions in the sandbox (the runner's `CodeGrader`).

One warm child serves the whole interview: `ctrl+r` during the question and the final run when
it ends go through the same grader, and code run unchanged since its last run is not run again.
"""

from __future__ import annotations

import threading
from typing import cast

from quizapp.coding.cases import ExerciseError
from quizapp.coding.check import CheckReport, check
from quizapp.coding.sandbox import Sandbox, SandboxError
from quizapp.content.model import Card
from quizapp.study.mock.topics import MockCard


class SandboxCodeGrader:
    """Runs code against a card's hidden cases; a run that cannot happen is a report whose
    `problem` says why (never an exception: the runner calls this while storing an answer)."""

    def __init__(self, sandbox: Sandbox | None = None) -> None:
        self._sandbox = sandbox
        self._lock = threading.Lock()
        self._last: tuple[str, str, CheckReport] | None = None

    def _opened(self) -> Sandbox:
        """The sandbox, made on first use (an interview without code never needs one)."""
        with self._lock:
            if self._sandbox is None:
                self._sandbox = Sandbox()
            return self._sandbox

    def start(self) -> None:
        """Start the child now (an interpreter and numpy), so the first run is quick."""
        try:
            self._opened().start()
        except (SandboxError, OSError):
            return  # the first run reports it

    def __call__(self, card: MockCard, code: str) -> CheckReport:
        with self._lock:
            if self._last is not None and self._last[:2] == (card.id, code):
                return self._last[2]
        report = self._run(cast("Card", card), code)
        with self._lock:
            self._last = (card.id, code, report)
        return report

    def _run(self, card: Card, code: str) -> CheckReport:
        if card.exercise is None:
            return CheckReport(card.id, (), problem="this card has no code exercise")
        try:
            return check(card, code, self._opened())
        except (SandboxError, ExerciseError, OSError) as error:
            return CheckReport(card.id, (), problem=f"could not run the tests: {error}")

    def close(self) -> None:
        with self._lock:
            sandbox, self._sandbox = self._sandbox, None
        if sandbox is not None:
            sandbox.close()
