"""A damaged study database is reported by every command that reads it, the way `due` reports
it: one line naming the file and `quizapp recover`, exit status 1, the file kept in place. The
damage here (two b-tree page headers overwritten) is one that plain reads do not notice: they
skip rows or read NULLs, which showed as "0 reviews today", studied cards listed as new, and a
traceback from `export`."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from damaged_database import studied_then_damaged

from quizapp.cli import main
from quizapp.study import DATABASE_NAME, FakeClock

READING_COMMANDS = [
    ["export", "--format", "csv", "--output", "-"],
    ["stats"],
    ["stats", "--json"],
    ["cards", "--search", "relu"],
    ["due"],
    ["orphans"],
    ["settings"],
    ["mock-report", "1"],
]


@pytest.fixture(scope="module")
def damaged_bytes(tmp_path_factory: pytest.TempPathFactory) -> bytes:
    clock = FakeClock(datetime.now(UTC) - timedelta(hours=1))
    return studied_then_damaged(tmp_path_factory.mktemp("damaged"), clock)


@pytest.mark.parametrize("command", READING_COMMANDS, ids=" ".join)
def test_every_reader_reports_the_damage(
    command: list[str], damaged_bytes: bytes, tmp_path: Path, capsys: pytest.CaptureFixture
) -> None:
    path = tmp_path / DATABASE_NAME
    path.write_bytes(damaged_bytes)
    assert main(["--data-dir", str(tmp_path), *command]) == 1
    captured = capsys.readouterr()
    assert captured.out == ""
    [line] = captured.err.splitlines()
    assert f"study database {path} is unreadable or corrupt" in line
    assert "quizapp recover" in line and "Traceback" not in line
    assert path.read_bytes() == damaged_bytes
    [kept] = tmp_path.glob(f"{DATABASE_NAME}.corrupt-*")
    assert kept.read_bytes() == damaged_bytes and str(kept) in line


def test_a_sound_file_is_read_as_before(tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    assert main(["--data-dir", str(tmp_path), "stats"]) == 0
    assert "0 reviews today" in capsys.readouterr().out
    assert not list(tmp_path.glob("*.corrupt-*"))
