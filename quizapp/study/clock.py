"""Injected time: every "now" and "today" in study comes from a `Clock`, so tests never sleep."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta, tzinfo
from typing import Protocol

DEFAULT_ROLLOVER_HOUR = 4


class Clock(Protocol):
    """`now()` is timezone-aware UTC; `zone` is the user's zone (None: the system's local zone)."""

    @property
    def zone(self) -> tzinfo | None: ...

    def now(self) -> datetime: ...


class SystemClock:
    """The real clock, optionally pinned to a zone instead of the machine's."""

    def __init__(self, zone: tzinfo | None = None) -> None:
        self._zone = zone

    @property
    def zone(self) -> tzinfo | None:
        return self._zone

    def now(self) -> datetime:
        return datetime.now(UTC)


class FakeClock:
    """A settable clock for tests of every layer; it only moves when told to."""

    def __init__(self, start: datetime, zone: tzinfo | None = UTC) -> None:
        self._now = _require_aware(start).astimezone(UTC)
        self._zone = zone

    @property
    def zone(self) -> tzinfo | None:
        return self._zone

    def now(self) -> datetime:
        return self._now

    def set(self, moment: datetime) -> None:
        self._now = _require_aware(moment).astimezone(UTC)

    def advance(self, delta: timedelta | None = None, **parts: float) -> datetime:
        """Move forward by `delta` or by timedelta keyword parts (`advance(minutes=5)`)."""
        self._now += (delta or timedelta()) + timedelta(**parts)
        return self._now


def calendar_date(moment: datetime, zone: tzinfo | None) -> date:
    """The date on the user's calendar at `moment` (`zone` None: the system's): what a date shown
    to the user means. The study day (`StudyCalendar.day_of`) starts at the rollover hour, so
    from midnight until then it is still yesterday's: right for queues, wrong in a sentence."""
    return moment.astimezone(zone).date()


def _require_aware(moment: datetime) -> datetime:
    if moment.tzinfo is None:
        raise ValueError("clock times must be timezone-aware")
    return moment


@dataclass(frozen=True)
class StudyCalendar:
    """Study days run from `rollover_hour` local time to the next one (Anki's 4 am by default)."""

    zone: tzinfo | None = UTC
    rollover_hour: int = DEFAULT_ROLLOVER_HOUR

    def __post_init__(self) -> None:
        if not 0 <= self.rollover_hour <= 23:
            raise ValueError(f"day rollover hour must be 0..23, got {self.rollover_hour}")

    def day_of(self, moment: datetime) -> date:
        local = moment.astimezone(self.zone)
        return (local - timedelta(hours=self.rollover_hour)).date()

    def start_of(self, day: date) -> datetime:
        """The UTC instant the study day begins (DST-aware when the zone is)."""
        return self._at(day, self.rollover_hour)

    def end_of(self, day: date) -> datetime:
        return self.start_of(day + timedelta(days=1))

    def midday_of(self, day: date) -> datetime:
        """The instant that stands for "on that day", e.g. recall on the interview day."""
        return self._at(day, 12)

    def _at(self, day: date, hour: int) -> datetime:
        """`hour` o'clock local time on `day`, as a UTC instant."""
        local = datetime.combine(day, time(hour))
        if self.zone is None:
            return local.astimezone(UTC)
        return local.replace(tzinfo=self.zone).astimezone(UTC)
