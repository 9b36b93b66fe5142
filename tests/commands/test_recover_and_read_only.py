"""`quizapp recover` starts a fresh database with what the damaged one still gives up; the
reading commands (stats, due, export) work on a data dir the user may not write."""

from __future__ import annotations

import contextlib
import os
import shutil
import sqlite3
import subprocess
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest

from quizapp.cli import main
from quizapp.study import DATABASE_NAME, CramSession, FakeClock, Rating, open_store

CARD_IDS = [f"card-{index:03d}" for index in range(40)]


class _Card:
    def __init__(self, card_id: str) -> None:
        self.id = card_id
        self.front = self.back = card_id
        self.kind = "definition"
        self.deck = "deck"
        self.section = "concepts"
        self.key_points = self.options = ()
        self.activation = self.template = None
        self.params: dict[str, object] = {}

    def content_hash(self) -> str:
        return self.id


def _history(data_dir: Path, rounds: int) -> int:
    clock = FakeClock(datetime(2026, 1, 1, tzinfo=UTC))
    with open_store(data_dir, clock) as store:
        for _ in range(rounds):
            cram = CramSession(store, [_Card(card_id) for card_id in CARD_IDS])
            while (item := cram.next()) is not None:
                cram.record(item, Rating.Good)
                clock.advance(seconds=1)
        return store.review_count()


def _damage(path: Path) -> None:
    """Overwrite three pages in the middle of the file (the review log lives there)."""
    data = bytearray(path.read_bytes())
    middle = len(data) // 4096 // 2
    data[middle * 4096 : (middle + 3) * 4096] = b"\xde\xad" * (3 * 2048)
    path.write_bytes(bytes(data))


def test_recover_keeps_the_damaged_file_and_salvages_its_rows(tmp_path: Path, capsys) -> None:
    recorded = _history(tmp_path, rounds=40)
    _damage(tmp_path / DATABASE_NAME)
    damaged_bytes = (tmp_path / DATABASE_NAME).read_bytes()
    assert main(["recover", "--data-dir", str(tmp_path)]) == 0
    out = capsys.readouterr().out
    copies = tmp_path.glob(f"{DATABASE_NAME}.corrupt-*")
    [kept] = [copy for copy in copies if not copy.name.endswith(("-wal", "-shm"))]
    assert kept.read_bytes() == damaged_bytes and str(kept) in out
    with open_store(tmp_path, FakeClock(datetime.now(UTC))) as fresh:
        assert fresh.integrity_check() == ["ok"]
        salvaged = fresh.review_count()
    assert recorded * 0.8 < salvaged < recorded
    assert f"Recovered rows: {salvaged} reviews" in out
    assert main(["recover", "--data-dir", str(tmp_path)]) == 0
    assert "is sound: nothing to recover" in capsys.readouterr().out


def test_recover_on_an_unreadable_file(tmp_path: Path, capsys) -> None:
    (tmp_path / DATABASE_NAME).write_bytes(b"\x00junk" * 4000)
    assert main(["--data-dir", str(tmp_path), "recover"]) == 0
    assert "No row could be read" in capsys.readouterr().out
    with open_store(tmp_path, FakeClock(datetime.now(UTC))) as fresh:
        assert fresh.review_count() == 0


def test_the_corrupt_message_names_the_way_out(tmp_path: Path, capsys) -> None:
    (tmp_path / DATABASE_NAME).write_bytes(b"\x00junk" * 4000)
    assert main(["--data-dir", str(tmp_path), "stats"]) == 1
    assert "quizapp recover" in capsys.readouterr().err


@contextlib.contextmanager
def _read_only(folder: Path) -> Iterator[None]:
    """chmod, and for root (whom chmod does not stop) the immutable attribute."""
    folder.chmod(0o555)
    immutable = False
    if os.geteuid() == 0 and shutil.which("chattr"):
        immutable = subprocess.run(["chattr", "+i", str(folder)], check=False).returncode == 0
    try:
        probe = folder / "probe"
        try:
            probe.touch()
        except OSError:
            pass
        else:
            probe.unlink()
            pytest.skip("this file system lets this user write anywhere")
        yield
    finally:
        if immutable:
            subprocess.run(["chattr", "-i", str(folder)], check=True)
        folder.chmod(0o755)


@pytest.mark.parametrize("command", [["stats"], ["due"], ["export"], ["stats", "--json"]])
def test_reading_commands_work_on_a_read_only_data_dir(
    tmp_path: Path, capsys, command: list[str]
) -> None:
    data_dir = tmp_path / "data"
    _history(data_dir, rounds=1)
    with _read_only(data_dir):
        assert main([*command, "--data-dir", str(data_dir)]) == 0
    captured = capsys.readouterr()
    assert captured.err == "" and captured.out
    if command == ["export"]:
        assert captured.out.count("\n") == len(CARD_IDS) + 1
    assert sorted(path.name for path in data_dir.iterdir()) == [DATABASE_NAME]
    assert sqlite3.connect(data_dir / DATABASE_NAME).execute("PRAGMA quick_check").fetchone() == (
        "ok",
    )
