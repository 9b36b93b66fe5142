"""Due dates recomputed after desired retention or the FSRS parameters change.

Each studied card's scheduled reviews since it was last new are replayed with the new scheduler
(fsrs's `reschedule_card`), so its memory state and due date are what they would be had the new
settings always been used. A card due now stays due now: it may have been sent to today's queue
(after a mock interview) or be overdue, and rescheduling should not hide it again.
"""

from __future__ import annotations

from datetime import datetime

from fsrs import Card, Rating, ReviewLog, Scheduler, State

from quizapp.study.state import from_micros, to_micros
from quizapp.study.store import StudyStore


def reschedule_all(store: StudyStore, scheduler: Scheduler, now: datetime) -> int:
    """Recompute every studied card in one transaction; returns how many due dates moved."""
    moved = 0
    with store.transaction() as connection:
        histories = _histories(
            connection.execute(
                "SELECT r.card_id, r.reviewed_at, r.rating, r.prev_state FROM reviews r"
                " JOIN cards c ON c.card_id = r.card_id"
                " WHERE r.mode = 'scheduled' AND c.state IS NOT NULL"
                " ORDER BY r.card_id, r.reviewed_at, r.id"
            ).fetchall()
        )
        rows = connection.execute(
            "SELECT card_id, due FROM cards WHERE state IS NOT NULL"
        ).fetchall()
        for card_id, due in rows:
            logs = histories.get(card_id)
            if not logs:
                continue
            card = scheduler.reschedule_card(Card(card_id=0, due=from_micros(due)), logs)
            new_due = to_micros(card.due)
            if from_micros(due) <= now:
                new_due = due
            moved += new_due != due
            connection.execute(
                "UPDATE cards SET state = ?, step = ?, stability = ?, difficulty = ?, due = ?,"
                " last_review = ? WHERE card_id = ?",
                (
                    int(State(card.state)),
                    card.step,
                    card.stability,
                    card.difficulty,
                    new_due,
                    None if card.last_review is None else to_micros(card.last_review),
                    card_id,
                ),
            )
    return moved


def _histories(rows: list[tuple[str, int, int, int | None]]) -> dict[str, list[ReviewLog]]:
    """Each card's reviews since it was last new (a reset card's older reviews are left out)."""
    histories: dict[str, list[ReviewLog]] = {}
    for card_id, reviewed_at, rating, prev_state in rows:
        if prev_state == 0:
            histories[card_id] = []
        histories.setdefault(card_id, []).append(
            ReviewLog(
                card_id=0,
                rating=Rating(rating),
                review_datetime=from_micros(reviewed_at),
                review_duration=None,
            )
        )
    return histories
