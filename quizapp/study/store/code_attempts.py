"""The last attempt per coding exercise, kept so the editor reopens where you were.

One row per exercise in `code_attempts` (schema step 3 in `study/migrations.py`), overwritten by
each save; the code is the user's text, stored as typed.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING

from quizapp.study.micros import from_micros, to_micros

if TYPE_CHECKING:
    from quizapp.study.store import StudyStore


@dataclass(frozen=True)
class Attempt:
    """What was written last for an exercise and, if it was run, how many cases passed."""

    card_id: str
    code: str
    saved_at: datetime
    passed: int | None = None
    total: int | None = None


def save_attempt(store: StudyStore, attempt: Attempt) -> None:
    with store.transaction() as connection:
        connection.execute(
            "INSERT INTO code_attempts (card_id, code, saved_at, passed, total)"
            " VALUES (?, ?, ?, ?, ?) ON CONFLICT (card_id) DO UPDATE SET code = excluded.code,"
            " saved_at = excluded.saved_at, passed = excluded.passed, total = excluded.total",
            (
                attempt.card_id,
                attempt.code,
                to_micros(attempt.saved_at),
                attempt.passed,
                attempt.total,
            ),
        )


def last_attempt(store: StudyStore, card_id: str) -> Attempt | None:
    """A read: no write lock, so another instance's write never holds the editor up."""
    rows = store.query(
        "SELECT code, saved_at, passed, total FROM code_attempts WHERE card_id = ?", (card_id,)
    )
    if not rows:
        return None
    code, saved_at, passed, total = rows[0]
    return Attempt(card_id, code, from_micros(saved_at), passed, total)
