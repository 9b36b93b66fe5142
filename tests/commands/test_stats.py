"""`quizapp stats`: a readable table and JSON, over the real bundled content."""

import json
import os
import subprocess
import sys
from dataclasses import dataclass, field
from datetime import UTC, datetime, time, timedelta
from pathlib import Path

import pytest

from quizapp.cli import main
from quizapp.content import load_library
from quizapp.study import DATABASE_NAME, FakeClock, Rating, ReviewSession, open_store, record_answer
from quizapp.study.clock import DEFAULT_ROLLOVER_HOUR


@dataclass(frozen=True)
class Stranger:
    """A card the content does not have: its history is orphaned."""

    id: str = "vanished-card"
    kind: str = "definition"
    deck: str = "old"
    section: str = "old"
    front: str = "gone"
    back: str = "gone"
    key_points: tuple = ()
    options: tuple = ()
    activation: str | None = None
    template: str | None = None
    params: dict = field(default_factory=dict)

    def content_hash(self) -> str:
        return "gone"


def _study(data_dir: Path, answers: int) -> list[str]:
    """Answer the first `answers` new cards (Easy) at noon of yesterday's study day, through the
    real session: now less a day put the last answers on the next study day when run just before
    the rollover hour, and noon of yesterday's date is today's study day when run after midnight."""
    cards = load_library(data_dir).cards
    study_today = (datetime.now(UTC) - timedelta(hours=DEFAULT_ROLLOVER_HOUR)).date()
    clock = FakeClock(datetime.combine(study_today - timedelta(days=1), time(12), UTC))
    answered = []
    with open_store(data_dir, clock) as store:
        session = ReviewSession(store, cards)
        for _ in range(answers):
            item = session.next()
            clock.advance(seconds=6)
            session.record(item, Rating.Easy)
            answered.append(item.card.id)
    return answered


def test_json_reports_the_recorded_history(tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    answered = _study(tmp_path, 5)
    assert main(["--data-dir", str(tmp_path), "stats", "--json"]) == 0
    report = json.loads(capsys.readouterr().out)
    total = len(load_library(tmp_path).cards)
    assert report["cards"]["total"] == total
    assert report["cards"]["review"] == len(answered)
    assert report["cards"]["new"] == total - len(answered)
    assert sum(day["scheduled"] for day in report["days"]) == len(answered)
    assert report["streak"] == 1
    assert len(report["forecast"]) == 30


def test_interview_date_sets_the_recall_day(tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    _study(tmp_path, 3)
    day = (datetime.now(UTC) + timedelta(days=40)).date().isoformat()
    assert main(["--data-dir", str(tmp_path), "stats", "--json", "--interview-date", day]) == 0
    report = json.loads(capsys.readouterr().out)
    assert report["recall_date"] == day
    studied = [topic for topic in report["recall"] if topic["studied_cards"]]
    assert studied and all(0 < topic["studied"] < 1 for topic in studied)


def test_table_shows_each_part(tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    _study(tmp_path, 4)
    with open_store(tmp_path, FakeClock(datetime.now(UTC))) as store:
        from fsrs import Scheduler

        record_answer(store, Stranger(), Rating.Good, scheduler=Scheduler())
    assert main(["--data-dir", str(tmp_path), "stats"]) == 0
    table = capsys.readouterr().out
    for heading in (
        "Cards",
        "Retention",
        "Reviews per day",
        "Due in the next 30 days",
        "Accuracy by activation function",
        "Accuracy by question family",
        "Leeches",
        "Predicted recall today by topic",
    ):
        assert heading in table
    assert "1 orphaned" in table
    assert "streak 2 days" in table
    assert (
        "Accuracy: answers the app grades (multiple choice, numeric question, code exercise);"
        " cards rated by hand are not counted"
    ) in table


def test_bad_interview_date_is_a_usage_error(tmp_path: Path) -> None:
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "quizapp",
            "--data-dir",
            str(tmp_path),
            "stats",
            "--interview-date",
            "31/12/2025",
        ],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 2
    assert "use YYYY-MM-DD" in result.stderr
    assert "Traceback" not in result.stderr


def test_corrupt_database_is_one_clear_line(tmp_path: Path) -> None:
    (tmp_path / DATABASE_NAME).write_bytes(b"definitely not sqlite" * 100)
    result = subprocess.run(
        [sys.executable, "-m", "quizapp", "--data-dir", str(tmp_path), "stats"],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 1
    assert result.stderr.count("\n") == 1
    assert str(tmp_path / DATABASE_NAME) in result.stderr
    assert "corrupt" in result.stderr and "Traceback" not in result.stderr
    assert list(tmp_path.glob(f"{DATABASE_NAME}.corrupt-*"))


@pytest.mark.parametrize(
    ("zone", "day"), [("Etc/GMT+12", "9999-12-31"), ("Etc/GMT-14", "0001-01-01")]
)
def test_an_interview_date_out_of_reach_is_a_usage_error(
    tmp_path: Path, zone: str, day: str
) -> None:
    """Dates at the edge of the calendar overflow in far time zones: one line, no traceback."""
    command = [sys.executable, "-m", "quizapp", "--data-dir", str(tmp_path), "stats"]
    result = subprocess.run(
        [*command, "--interview-date", day],
        capture_output=True,
        text=True,
        timeout=60,
        env={**os.environ, "TZ": zone},
    )
    assert result.returncode == 2
    assert result.stderr.startswith("quizapp stats: error: the interview date")
    assert result.stderr.count("\n") == 1


def test_the_interview_day_setting_is_the_default_recall_day(
    tmp_path: Path, capsys: pytest.CaptureFixture
) -> None:
    _study(tmp_path, 3)
    day = (datetime.now(UTC) + timedelta(days=40)).date().isoformat()
    assert main(["--data-dir", str(tmp_path), "settings", f"interview_date={day}"]) == 0
    capsys.readouterr()
    assert main(["--data-dir", str(tmp_path), "stats"]) == 0
    out = capsys.readouterr().out
    assert f"Predicted recall on {day} by topic" in out
    line = next(line for line in out.splitlines() if line.startswith(f"Predicted recall on {day}:"))
    assert line.endswith("over 3 studied cards")
    assert 0 < int(line.split(": ")[1].split("%")[0]) < 100
