"""Due dates recomputed after desired retention or the FSRS parameters change.

Each studied card's scheduled reviews since it was last new are replayed with the new scheduler
(fsrs's `reschedule_card`), so its memory state and due date are what they would be had the new
settings always been used. A card due now stays due now: it may have been sent to today's queue
(after a mock interview) or be overdue, and rescheduling should not hide it again.
"""

from __future__ import annotations

from datetime import datetime

from fsrs import Card, ReviewLog, Scheduler

from quizapp.study.store import StudyStore
from quizapp.study.store.reviews import ScheduledAnswer


def reschedule_all(store: StudyStore, scheduler: Scheduler, now: datetime) -> int:
    """Recompute every studied card in one transaction; returns how many due dates moved."""

    def replay(due: datetime, answers: list[ScheduledAnswer]) -> Card:
        card = scheduler.reschedule_card(Card(card_id=0, due=due), _since_last_new(answers))
        if due <= now:
            card.due = due
        return card

    return store.rewrite_schedules(replay)


def _since_last_new(answers: list[ScheduledAnswer]) -> list[ReviewLog]:
    """The card's reviews since it was last new (a reset card's older reviews are left out)."""
    starts = [index for index, answer in enumerate(answers) if answer.prev_state == 0]
    return [
        ReviewLog(
            card_id=0,
            rating=answer.rating,
            review_datetime=answer.reviewed_at,
            review_duration=None,
        )
        for answer in answers[starts[-1] if starts else 0 :]
    ]
