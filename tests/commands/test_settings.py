"""`quizapp settings` lists and changes study settings; bad input is one line, changes nothing."""

from __future__ import annotations

import subprocess
import sys
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from quizapp.study import FakeClock, StudySettings, open_store
from quizapp.study.preferences import DESCRIPTIONS, setting_names, updated_settings


def quizapp(data_dir: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "quizapp", "--data-dir", str(data_dir), "settings", *args],
        capture_output=True,
        text=True,
        timeout=60,
    )


def stored(data_dir: Path) -> StudySettings:
    with open_store(data_dir, FakeClock(datetime(2026, 1, 1, tzinfo=UTC))) as store:
        return StudySettings.load(store)


def test_lists_every_setting_with_its_default(tmp_path: Path) -> None:
    result = quizapp(tmp_path)
    assert result.returncode == 0
    listed = {line.split()[0]: line.split()[1] for line in result.stdout.splitlines()}
    assert listed == {name: str(getattr(StudySettings(), name)) or "-" for name in setting_names()}


def test_changes_are_saved_and_used(tmp_path: Path) -> None:
    result = quizapp(tmp_path, "new_per_day=35", "desired_retention=0.93")
    assert result.returncode == 0, result.stderr
    saved = stored(tmp_path)
    assert (saved.new_per_day, saved.desired_retention) == (35, 0.93)


def test_bad_values_are_refused_without_changing_anything(tmp_path: Path) -> None:
    for bad, message in [
        ("desired_retention=2", "desired_retention must be"),
        ("new_per_day=many", "new_per_day must be a whole number"),
        ("colour=blue", "unknown setting 'colour'"),
        ("new_per_day", "expected NAME=VALUE"),
    ]:
        result = quizapp(tmp_path, "reviews_per_day=50", bad)
        assert result.returncode == 2
        assert message in result.stderr
        assert len(result.stderr.strip().splitlines()) == 1
    assert stored(tmp_path).reviews_per_day == StudySettings().reviews_per_day


def test_numbers_are_ascii_digits_within_bounds(tmp_path: Path) -> None:
    """Python's int() reads other scripts' digits and underscores, and has no bound: a typo was
    stored as a number nobody typed (\u0663 as 3, 1_000 as 1000, 21 nines as is)."""
    for bad, message in [
        ("new_per_day=\u0663", "new_per_day must be a whole number, got '\u0663' (digits 0-9"),
        ("new_per_day=1_000", "new_per_day must be a whole number, got '1_000' (digits 0-9"),
        ("new_per_day=999999999999999999999", "new_per_day must be between 0 and 500, got 9"),
        ("new_per_day=501", "new_per_day must be between 0 and 500, got 501"),
        ("reviews_per_day=10000", "reviews_per_day must be between 0 and 9999, got 10000"),
        ("leech_threshold=100", "leech_threshold must be between 1 and 99, got 100"),
        ("learn_ahead_minutes=\uff11", "learn_ahead_minutes must be a whole number, got"),
        ("desired_retention=\u0660.\u0669", "desired_retention must be a number, got"),
        ("desired_retention=0.9_5", "desired_retention must be a number, got"),
    ]:
        result = quizapp(tmp_path, bad)
        assert result.returncode == 2, bad
        assert message in result.stderr, result.stderr
        assert len(result.stderr.strip().splitlines()) == 1
    assert stored(tmp_path) == StudySettings()
    result = quizapp(tmp_path, "new_per_day=+500", "reviews_per_day=9999", "leech_threshold=99")
    assert result.returncode == 0, result.stderr
    saved = stored(tmp_path)
    assert (saved.new_per_day, saved.reviews_per_day, saved.leech_threshold) == (500, 9999, 99)


def test_the_app_caps_extra_new_cards_at_the_new_per_day_bound() -> None:
    """One bound for a day's new cards: the setting and the app's `n` dialog."""
    from quizapp.study.custom_study import MAX_EXTRA_NEW
    from quizapp.study.settings import WHOLE_NUMBER_RANGES

    assert WHOLE_NUMBER_RANGES["new_per_day"] == (0, MAX_EXTRA_NEW)


def test_a_stored_value_beyond_its_bound_is_held_to_the_bound(tmp_path: Path) -> None:
    with open_store(tmp_path, FakeClock(datetime(2026, 1, 1, tzinfo=UTC))) as store:
        store.set_setting("new_per_day", 999999999999999999999)
    assert stored(tmp_path).new_per_day == 500


@settings(max_examples=200)
@given(st.sampled_from(setting_names()), st.text(max_size=12))
def test_any_typed_value_is_accepted_or_explained(name: str, text: str) -> None:
    try:
        changed = updated_settings(StudySettings(), {name: text})
    except ValueError as error:
        assert name in str(error)
    else:
        assert getattr(changed, name) == type(getattr(StudySettings(), name))(text.strip())
        assert text.strip().isascii()


def test_interview_date_is_validated_and_saved(tmp_path: Path) -> None:
    for bad, message in [
        ("interview_date=2020-01-01", "interview_date must be today ("),
        ("interview_date=next week", "interview_date must be a date YYYY-MM-DD"),
        ("interview_date=2030-02-30", "interview_date must be a date YYYY-MM-DD"),
        ("interview_date=9999-12-31", "interview_date must be at most ten years ahead ("),
    ]:
        result = quizapp(tmp_path, bad)
        assert result.returncode == 2
        assert message in result.stderr
        assert len(result.stderr.strip().splitlines()) == 1
    assert stored(tmp_path).interview_date == ""
    ahead = date.today() + timedelta(days=400)
    result = quizapp(tmp_path, f"interview_date={ahead.isoformat()}")
    assert result.returncode == 0, result.stderr
    assert f"interview_date       {ahead.isoformat()}" in result.stdout
    descriptions = [
        line.index(DESCRIPTIONS[line.split()[0]]) for line in result.stdout.splitlines()
    ]
    assert len(set(descriptions)) == 1, "the descriptions start in one column"
    assert stored(tmp_path).interview_day == ahead
