"""The last attempt per exercise survives closing the database; a new save replaces it."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from quizapp.study import FakeClock, open_store
from quizapp.study.store.code_attempts import Attempt, last_attempt, save_attempt

MOMENT = datetime(2026, 3, 2, 9, 30, tzinfo=UTC)


def test_an_attempt_is_kept_across_opens_and_replaced_by_the_next(tmp_path: Path) -> None:
    clock = FakeClock(MOMENT)
    with open_store(tmp_path, clock) as store:
        assert last_attempt(store, "code-relu") is None
        save_attempt(store, Attempt("code-relu", "def relu(x):\n    ...\n", MOMENT))
    with open_store(tmp_path, clock) as store:
        first = last_attempt(store, "code-relu")
        assert first == Attempt("code-relu", "def relu(x):\n    ...\n", MOMENT)
        save_attempt(store, Attempt("code-relu", "relu = abs\n", MOMENT, 2, 6))
        assert last_attempt(store, "code-relu") == Attempt(
            "code-relu", "relu = abs\n", MOMENT, 2, 6
        )
        assert last_attempt(store, "code-softmax") is None
