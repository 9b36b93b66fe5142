"""The few numbers the home screen opens with: what is due, the streak, the week ahead.

Home shows them every time it appears, so they are read light: one indexed read of the cards
due within the week, the per-day totals the triggers keep, and the changed-cards check on the
content hashes each loaded card keeps. They are the numbers the heavy paths give (a fresh
`ReviewSession`'s counts, `compute_stats`'s streak and forecast; tests compare them over
randomised stores) without building the review queue or the full statistics.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, replace
from datetime import date, datetime, timedelta

from fsrs import State

from quizapp.study.clock import Clock
from quizapp.study.content_changes import find_changed
from quizapp.study.mock.report import last_interview_text
from quizapp.study.protocols import StudyCard
from quizapp.study.session import QueueCounts, today_room, unheld
from quizapp.study.state import to_micros
from quizapp.study.stats import day_activity, streaks
from quizapp.study.store import StudyStore
from quizapp.study.store.interviews import latest_finished

WEEK = 7


@dataclass(frozen=True)
class Overview:
    """Today's numbers as of `day`; they are stale from `day_ends` (the next rollover) on."""

    day: date
    day_ends: datetime
    queue: QueueCounts
    streak: int
    reviews_today: int
    practice_today: int
    due_tomorrow: int
    due_next_week: int
    changed_cards: int | None
    """None: not checked yet (see `with_changed_cards`)."""
    last_mock: str = ""

    def lines(self) -> list[str]:
        days = "day" if self.streak == 1 else "days"
        return [
            f"Due now: {self.queue.review + self.queue.learning}   New: {self.queue.new}"
            f"   Done today: {self.reviews_today}"
            + (f"   Practice/cram: {self.practice_today}" if self.practice_today else ""),
            f"Streak: {self.streak} {days}",
            f"Forecast: {self.due_tomorrow} due tomorrow, {self.due_next_week} in the next 7 days",
            *([self._changed_line()] if self.changed_cards else []),
            *([self.last_mock] if self.last_mock else []),
        ]

    def with_changed_cards(self, store: StudyStore, cards: Iterable[StudyCard]) -> Overview:
        """The same numbers and the changed-cards count: the one part that hashes every loaded
        card's content the first time, so home shows the rest before it."""
        return replace(self, changed_cards=len(find_changed(store, cards)))

    def _changed_line(self) -> str:
        were = "card was" if self.changed_cards == 1 else "cards were"
        return f"{self.changed_cards} studied {were} rewritten a lot: press c to look at them"


def overview(
    store: StudyStore, cards: Iterable[StudyCard], clock: Clock, *, check_changes: bool = True
) -> Overview:
    """Today's numbers; without `check_changes`, the changed-cards count is left unchecked."""
    cards = list(cards)
    ids = list(dict.fromkeys(card.id for card in cards))
    present = set(ids)
    settings = store.settings()
    calendar = settings.calendar(clock.zone)
    today = calendar.day_of(clock.now())
    day_ends = calendar.end_of(today)
    due = [
        row
        for row in store.due_rows(calendar.start_of(today + timedelta(days=WEEK + 1)))
        if row[0] in present
    ]
    room = today_room(store, settings, today)
    not_buried = [row for row in due if row[3] is None or row[3] <= today.isoformat()]
    now_due = [state for _id, state, at, _buried in not_buried if at < to_micros(day_ends)]
    reviews = sum(state == State.Review for state in now_due)
    new = store.new_card_ids(unheld(ids, store.answered_on(today)), today, room.new)
    ahead = [at for _id, _state, at, _buried in due if at >= to_micros(day_ends)]
    day_after = to_micros(calendar.start_of(today + timedelta(days=2)))
    days = day_activity(store)
    activity = next((entry for entry in days if entry.day == today), None)
    summary = Overview(
        day=today,
        day_ends=day_ends,
        queue=QueueCounts(
            learning=len(now_due) - reviews, review=min(reviews, room.reviews), new=len(new)
        ),
        streak=streaks({entry.day for entry in days if entry.scheduled}, today)[0],
        reviews_today=0 if activity is None else activity.scheduled,
        practice_today=0 if activity is None else activity.cram + activity.practice,
        due_tomorrow=sum(at < day_after for at in ahead),
        due_next_week=len(ahead),
        changed_cards=None,
        last_mock=last_interview_text(latest_finished(store)),
    )
    return summary.with_changed_cards(store, cards) if check_changes else summary
