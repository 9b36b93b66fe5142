"""Study days roll over at the configured local hour, in any zone, across DST changes."""

from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from quizapp.study import FakeClock, StudyCalendar, SystemClock

ZONES = ["UTC", "Europe/Berlin", "America/New_York", "Asia/Kolkata", "Pacific/Auckland"]


def test_fake_clock_moves_only_when_told() -> None:
    clock = FakeClock(datetime(2025, 1, 1, 12, tzinfo=UTC))
    assert clock.now() == clock.now()
    clock.advance(minutes=5)
    assert clock.now() == datetime(2025, 1, 1, 12, 5, tzinfo=UTC)
    clock.set(datetime(2025, 1, 2, 1, tzinfo=ZoneInfo("Europe/Berlin")))
    assert clock.now() == datetime(2025, 1, 2, 0, tzinfo=UTC)
    assert clock.now().tzinfo is UTC


def test_fake_clock_rejects_naive_times() -> None:
    with pytest.raises(ValueError, match="timezone-aware"):
        FakeClock(datetime(2025, 1, 1))


def test_system_clock_is_aware_utc() -> None:
    now = SystemClock().now()
    assert now.tzinfo is UTC
    assert abs(now - datetime.now(UTC)) < timedelta(seconds=5)


def test_day_rolls_over_at_four_local() -> None:
    calendar = StudyCalendar(zone=ZoneInfo("Europe/Berlin"), rollover_hour=4)
    # 03:59 Berlin (winter, UTC+1) still belongs to the previous study day.
    assert calendar.day_of(datetime(2025, 1, 10, 2, 59, tzinfo=UTC)) == date(2025, 1, 9)
    assert calendar.day_of(datetime(2025, 1, 10, 3, 0, tzinfo=UTC)) == date(2025, 1, 10)
    assert calendar.start_of(date(2025, 1, 10)) == datetime(2025, 1, 10, 3, tzinfo=UTC)


def test_day_across_daylight_saving_is_23_hours() -> None:
    calendar = StudyCalendar(zone=ZoneInfo("Europe/Berlin"), rollover_hour=4)
    spring = date(2025, 3, 29)  # clocks jump at 2 am on the 30th, inside this study day
    assert calendar.end_of(spring) - calendar.start_of(spring) == timedelta(hours=23)


def test_invalid_rollover_hour_is_refused() -> None:
    with pytest.raises(ValueError, match=r"0\.\.23"):
        StudyCalendar(rollover_hour=24)


@settings(max_examples=60)
@given(
    day=st.dates(min_value=date(2000, 1, 1), max_value=date(2060, 12, 31)),
    zone=st.sampled_from(ZONES),
    hour=st.integers(0, 23),
)
def test_each_study_day_contains_exactly_its_span(day: date, zone: str, hour: int) -> None:
    calendar = StudyCalendar(zone=ZoneInfo(zone), rollover_hour=hour)
    start, end = calendar.start_of(day), calendar.end_of(day)
    assert start < end
    assert calendar.day_of(start) == day
    assert calendar.day_of(end - timedelta(microseconds=1)) == day
    assert calendar.day_of(end) == day + timedelta(days=1)
