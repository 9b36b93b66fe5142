"""What was studied on which day, and the streak it makes: read from the per-day totals the
review log's triggers keep. Home shows the streak without importing the full statistics."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from quizapp.study.store import StudyStore


@dataclass(frozen=True)
class DayActivity:
    day: date
    scheduled: int
    cram: int
    practice: int
    passed: int
    minutes: float


def day_activity(store: StudyStore) -> list[DayActivity]:
    totals: dict[str, dict[str, int]] = {}
    for day, mode, reviews, passed, duration_ms in store.day_totals():
        entry = totals.setdefault(
            day, {"scheduled": 0, "cram": 0, "practice": 0, "passed": 0, "duration_ms": 0}
        )
        entry[mode] += reviews
        entry["duration_ms"] += duration_ms
        if mode == "scheduled":
            entry["passed"] += passed
    return [
        DayActivity(
            day=date.fromisoformat(day),
            scheduled=entry["scheduled"],
            cram=entry["cram"],
            practice=entry["practice"],
            passed=entry["passed"],
            minutes=round(entry["duration_ms"] / 60_000, 1),
        )
        for day, entry in totals.items()
    ]


def streaks(active: set[date], today: date) -> tuple[int, int]:
    """Current streak: consecutive active days ending today, or yesterday when today has nothing
    yet (the day is not over). Longest: the longest run ever."""
    start = today if today in active else today - timedelta(days=1)
    current = 0
    while start - timedelta(days=current) in active:
        current += 1
    longest = run = 0
    previous: date | None = None
    for day in sorted(active):
        run = run + 1 if previous is not None and day - previous == timedelta(days=1) else 1
        longest = max(longest, run)
        previous = day
    return current, longest
