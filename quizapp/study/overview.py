"""The few numbers the home screen opens with: what is due, the streak, the week ahead."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime

from quizapp.study.clock import Clock
from quizapp.study.content_changes import find_changed
from quizapp.study.mock.report import last_interview_text
from quizapp.study.protocols import StudyCard
from quizapp.study.session import QueueCounts, ReviewSession
from quizapp.study.stats import compute_stats
from quizapp.study.store import StudyStore
from quizapp.study.store.interviews import latest_finished


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
    changed_cards: int
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

    def _changed_line(self) -> str:
        were = "card was" if self.changed_cards == 1 else "cards were"
        return f"{self.changed_cards} studied {were} rewritten a lot: press C to look at them"


def overview(store: StudyStore, cards: Iterable[StudyCard], clock: Clock) -> Overview:
    cards = list(cards)
    stats = compute_stats(store, cards, clock)
    upcoming = [day.due for day in stats.forecast[1:8]]
    return Overview(
        day=stats.today,
        day_ends=store.calendar().end_of(stats.today),
        queue=ReviewSession(store, cards).counts(),
        streak=stats.streak,
        reviews_today=stats.reviews_today,
        practice_today=stats.practice_today,
        due_tomorrow=upcoming[0] if upcoming else 0,
        due_next_week=sum(upcoming),
        changed_cards=len(find_changed(store, cards)),
        last_mock=last_interview_text(latest_finished(store)),
    )
