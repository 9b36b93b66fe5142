"""The few numbers the home screen opens with: what is due, the streak, the week ahead.

Home shows them every time it appears, so they are read light: one indexed read of the ids of
the cards due within the week, the per-day totals the triggers keep, and the changed-cards check
on the content hashes each loaded card keeps. They are the numbers the heavy paths give (a fresh
`ReviewSession`'s counts, `compute_stats`'s streak and forecast; tests compare them over
randomised stores) without building the review queue or the full statistics.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, replace
from datetime import date, datetime, timedelta, tzinfo
from typing import TYPE_CHECKING

from quizapp.study.activity import day_activity, streaks
from quizapp.study.clock import Clock, calendar_date
from quizapp.study.content_changes import find_changed
from quizapp.study.daily_room import QueueCounts, today_room, unheld
from quizapp.study.protocols import StudyCard
from quizapp.study.store import StudyStore
from quizapp.study.store.interviews import latest_finished
from quizapp.wording import agreeing, percent, plural

if TYPE_CHECKING:
    from quizapp.study.store.records import InterviewSummary

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
        return [
            f"Due now: {self.queue.review + self.queue.learning}   New: {self.queue.new}"
            f"   Done today: {self.reviews_today}"
            + (f"   Practice/cram: {self.practice_today}" if self.practice_today else ""),
            f"Streak: {plural(self.streak, 'day')}",
            f"Forecast: {self.due_tomorrow} due tomorrow, {self.due_next_week} in the next 7 days",
            *([self._changed_line(self.changed_cards)] if self.changed_cards else []),
            *([self.last_mock] if self.last_mock else []),
        ]

    def with_changed_cards(self, store: StudyStore, cards: Iterable[StudyCard]) -> Overview:
        """The same numbers and the changed-cards count: the one part that hashes every loaded
        card's content the first time, so home shows the rest before it."""
        return replace(self, changed_cards=len(find_changed(store, cards)))

    @staticmethod
    def _changed_line(changed: int) -> str:
        were = agreeing(changed, "card was", "cards were")
        return f"{changed} studied {were} rewritten a lot: press C to look at them"


def last_interview_text(summary: InterviewSummary | None, zone: tzinfo | None) -> str:
    """Home's line about the latest finished interview, dated on the calendar (here, not with the
    mock interview's report: home would import the whole mock package for it)."""
    if summary is None or summary.score is None:
        return "Mock interview: none yet (press m for a timed one)"
    return (
        f"Last mock interview: {percent(summary.score)} over {plural(summary.planned, 'question')}"
        f" on {calendar_date(summary.started_at, zone).isoformat()}"
    )


def overview(
    store: StudyStore, cards: Iterable[StudyCard], clock: Clock, *, check_changes: bool = True
) -> Overview:
    """Today's numbers; without `check_changes`, the changed-cards count is left unchecked."""
    cards = list(cards)
    ids = [card.id for card in cards]
    present = set(ids)
    if len(present) < len(ids):
        ids = list(dict.fromkeys(ids))
    settings = store.settings()
    calendar = settings.calendar(clock.zone)
    today = calendar.day_of(clock.now())
    day_ends = calendar.end_of(today)
    ends = [calendar.end_of(today + timedelta(days=offset)) for offset in (0, 1, WEEK)]
    due = {
        key: sum(map(present.__contains__, group))
        for key, group in store.due_ids(ends, today).items()
    }

    def counted(*buckets: int, review: bool | None = None, buried: bool | None = None) -> int:
        """The content's cards due in `buckets` (0: today, 1: tomorrow, 2: the rest of the
        week), in the review state or not and buried or not (None: either)."""
        return sum(
            count
            for (bucket, is_review, is_buried), count in due.items()
            if bucket in buckets and review in (None, is_review) and buried in (None, is_buried)
        )

    room = today_room(store, settings, today, ids)
    new = store.new_card_ids(ids, today, room.new, allowed=unheld(store.answered_on(today)))
    days = day_activity(store)
    activity = next((entry for entry in days if entry.day == today), None)
    summary = Overview(
        day=today,
        day_ends=day_ends,
        queue=QueueCounts(
            learning=counted(0, review=False, buried=False),
            review=min(counted(0, review=True, buried=False), room.reviews),
            new=len(new),
        ),
        streak=streaks({entry.day for entry in days if entry.scheduled}, today)[0],
        reviews_today=0 if activity is None else activity.scheduled,
        practice_today=0 if activity is None else activity.cram + activity.practice,
        due_tomorrow=counted(1),
        due_next_week=counted(1, 2),
        changed_cards=None,
        last_mock=last_interview_text(latest_finished(store), clock.zone),
    )
    return summary.with_changed_cards(store, cards) if check_changes else summary
