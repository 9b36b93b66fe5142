"""Between midnight and the day rollover (4 am) the study day is still yesterday's: every date
shown to the user is the calendar's, and "today" for the interview day is the calendar's."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path

import pytest

from quizapp.cli import main
from quizapp.study import FakeClock, StudySettings, open_store
from quizapp.study.clock import SystemClock
from quizapp.study.custom_study import when_text
from quizapp.study.mock import MockInterview, MockOptions, build_plan
from quizapp.workspace import load_content

AFTER_MIDNIGHT = datetime(2026, 12, 1, 3, 30, tzinfo=UTC)
"""The study day is 2026-11-30 until 4 am (the default rollover) in UTC."""


@pytest.fixture
def after_midnight(monkeypatch: pytest.MonkeyPatch) -> FakeClock:
    """The commands' clock stopped at `AFTER_MIDNIGHT`, in UTC whatever the machine's zone."""
    monkeypatch.setattr(SystemClock, "now", lambda self: AFTER_MIDNIGHT)
    monkeypatch.setattr(SystemClock, "zone", property(lambda self: UTC))
    return FakeClock(AFTER_MIDNIGHT)


def finished_interview(data_dir: Path, clock: FakeClock) -> None:
    """A two-question interview, started and finished after midnight."""
    cards = [card for card in load_content(data_dir).cards if card.kind in ("interview", "numeric")]
    with open_store(data_dir, clock) as store:
        interview = MockInterview(build_plan(cards, MockOptions(2, seed=5)), store, clock)
        interview.start()
        interview.skip()
        interview.skip()
        assert store.today().isoformat() == "2026-11-30"


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_the_interview_day_cannot_be_set_to_yesterday_on_the_calendar(
    tmp_path: Path, after_midnight: FakeClock, capsys: pytest.CaptureFixture[str]
) -> None:
    data = ["--data-dir", str(tmp_path)]
    code, _, err = run(capsys, *data, "settings", "interview_date=2026-11-30")
    assert code != 0
    assert "must be today (2026-12-01) or later, got 2026-11-30" in err
    assert run(capsys, *data, "settings", "interview_date=2026-12-01")[0] == 0


def test_the_mock_report_is_dated_on_the_calendar(
    tmp_path: Path, after_midnight: FakeClock, capsys: pytest.CaptureFixture[str]
) -> None:
    finished_interview(tmp_path, after_midnight)
    code, out, _ = run(capsys, "--data-dir", str(tmp_path), "mock-report", "--last")
    assert code == 0
    assert out.startswith("# Mock interview 1, 2026-12-01 (finished)")


def test_stats_predict_recall_today_not_on_yesterdays_date(
    tmp_path: Path, after_midnight: FakeClock, capsys: pytest.CaptureFixture[str]
) -> None:
    with open_store(tmp_path, after_midnight) as store:
        replace(StudySettings.load(store), interview_date="2026-12-01").save(store)
    code, out, _ = run(capsys, "--data-dir", str(tmp_path), "stats")
    assert code == 0
    assert "Predicted recall on 2026-12-01 by topic" in out
    with open_store(tmp_path, after_midnight) as store:
        replace(StudySettings.load(store), interview_date="").save(store)
    code, out, _ = run(capsys, "--data-dir", str(tmp_path), "stats")
    assert "Predicted recall today by topic" in out
    assert "2026-11-30" not in out.split("Predicted recall")[-1]


def test_a_card_due_this_morning_is_due_today_not_tomorrow() -> None:
    ten = datetime(2026, 12, 1, 10, 0, tzinfo=UTC)
    assert when_text(ten, AFTER_MIDNIGHT, UTC) == "today at 10:00"
    assert when_text(datetime(2026, 12, 2, 2, 0, tzinfo=UTC), AFTER_MIDNIGHT, UTC) == (
        "tomorrow (2026-12-02)"
    )


def test_the_interview_day_is_at_most_ten_years_ahead(
    tmp_path: Path, after_midnight: FakeClock, capsys: pytest.CaptureFixture[str]
) -> None:
    """Settings and stats apply one rule: a day settings accept never makes stats exit 2. Ten
    years are calendar years: on 2026-12-01, up to 2036-12-01 (3650 days ended on 11-28)."""
    data = ["--data-dir", str(tmp_path)]
    for day in ("2036-12-02", "9999-12-31"):
        code, _, err = run(capsys, *data, "settings", f"interview_date={day}")
        assert code != 0
        assert f"must be at most ten years ahead (2036-12-01), got {day}" in err
    assert run(capsys, *data, "settings", "interview_date=2036-12-01")[0] == 0
    code, out, _ = run(capsys, *data, "stats")
    assert code == 0
    assert "Predicted recall on 2036-12-01 by topic" in out


def test_a_stored_interview_day_too_far_ahead_is_told_once_and_ignored(
    tmp_path: Path, after_midnight: FakeClock, capsys: pytest.CaptureFixture[str]
) -> None:
    """As an older version could store it: stats still run, predicting recall today."""
    with open_store(tmp_path, after_midnight) as store:
        replace(StudySettings.load(store), interview_date="9999-12-31").save(store)
    code, out, err = run(capsys, "--data-dir", str(tmp_path), "stats")
    assert code == 0, err
    assert out.count("The interview day 9999-12-31 is ignored: it is more than ten years") == 1
    assert "Predicted recall today by topic" in out


def test_due_says_today_is_the_calendars(
    tmp_path: Path, after_midnight: FakeClock, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _ = run(capsys, "--data-dir", str(tmp_path), "due")
    assert code == 0
    assert out.startswith("Due today (2026-12-01): ")


def test_stats_say_their_date_is_the_study_days_after_midnight(
    tmp_path: Path, after_midnight: FakeClock, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _ = run(capsys, "--data-dir", str(tmp_path), "stats")
    assert code == 0
    assert out.startswith(
        "Study statistics for 2026-11-30 (the study day, until 04:00 on 2026-12-01)\n"
    )
