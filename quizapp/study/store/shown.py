"""The question on show per card (its seed), kept from when it is first shown until it is
answered: review asks the same question after leaving the screen or a restart."""

from __future__ import annotations

import sqlite3
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from quizapp.study.store import StudyStore


def kept_seed(store: StudyStore, card_id: str) -> int | None:
    rows = store.query("SELECT seed FROM shown_questions WHERE card_id = ?", (card_id,))
    return int(rows[0][0]) if rows else None


def keep_seed(store: StudyStore, card_id: str, seed: int) -> None:
    with store.transaction() as connection:
        keep_seed_in(connection, card_id, seed)


def keep_seed_in(connection: sqlite3.Connection, card_id: str, seed: int) -> None:
    """The card's question on show is the one drawn from `seed`, in the write transaction of
    `connection` (an undone answer asks its question again)."""
    connection.execute(
        "INSERT OR REPLACE INTO shown_questions (card_id, seed) VALUES (?, ?)", (card_id, seed)
    )


def forget_seed_in(connection: sqlite3.Connection, card_id: str) -> None:
    """The card was answered, in the write transaction of `connection`: its next showing asks a
    new question."""
    connection.execute("DELETE FROM shown_questions WHERE card_id = ?", (card_id,))
