"""A damaged study database is reported by every command that reads it, the way `due` reports
it: one line naming the file and `quizapp recover`, exit status 1, the file kept in place. The
damage here (two b-tree page headers overwritten) is one that plain reads do not notice: they
skip rows or read NULLs, which showed as "0 reviews today", studied cards listed as new, and a
traceback from `export`."""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from quizapp.cli import main
from quizapp.content import load_library
from quizapp.study import DATABASE_NAME, FakeClock, Rating, ReviewSession, open_store

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


def _studied_then_damaged(data_dir: Path) -> bytes:
    """A few answers an hour ago, then bytes 8-40 of pages 4 and 11 overwritten."""
    cards = load_library(data_dir).cards
    clock = FakeClock(datetime.now(UTC) - timedelta(hours=1))
    with open_store(data_dir, clock) as store:
        session = ReviewSession(store, cards)
        for _ in range(8):
            item = session.next()
            clock.advance(seconds=6)
            session.record(item, Rating.Good)
    path = data_dir / DATABASE_NAME
    raw = sqlite3.connect(path)
    raw.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    page_size = raw.execute("PRAGMA page_size").fetchone()[0]
    raw.close()
    data = bytearray(path.read_bytes())
    for page in (4, 11):
        start = (page - 1) * page_size
        data[start + 8 : start + 40] = b"\xa5" * 32
    path.write_bytes(bytes(data))
    raw = sqlite3.connect(path)
    assert raw.execute("PRAGMA integrity_check").fetchone() != ("ok",)
    raw.close()
    return bytes(data)


@pytest.fixture(scope="module")
def damaged_bytes(tmp_path_factory: pytest.TempPathFactory) -> bytes:
    return _studied_then_damaged(tmp_path_factory.mktemp("damaged"))


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
