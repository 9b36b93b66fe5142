"""The store against its file system: a database or journal deleted or replaced under a running
store stops recording (after saving what it held), a damaged file is copied aside once, and a
read-only data dir still serves reads."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest
from damaged_database import studied_then_damaged
from fsrs import Rating
from study_fakes import cards

from quizapp.study import (
    DATABASE_NAME,
    CorruptDatabaseError,
    CramSession,
    FakeClock,
    StudyStore,
    open_store,
)
from quizapp.study.store.integrity import DatabaseVanishedError


def _answer(store: StudyStore, count: int) -> CramSession:
    cram = CramSession(store, cards(count + 1))
    for _ in range(count):
        cram.record(cram.next(), Rating.Good)
    return cram


def _reviews_in(path: Path) -> int:
    connection = sqlite3.connect(path)
    try:
        return connection.execute("SELECT count(*) FROM reviews").fetchone()[0]
    finally:
        connection.close()


def test_a_deleted_data_dir_stops_recording_and_is_written_back(
    tmp_path: Path, clock: FakeClock
) -> None:
    data_dir = tmp_path / "data"
    store = open_store(data_dir, clock)
    cram = _answer(store, 6)
    shutil.rmtree(data_dir)
    with pytest.raises(DatabaseVanishedError, match="deleted or replaced") as raised:
        cram.record(cram.next(), Rating.Good)
    assert f"saved to {data_dir / DATABASE_NAME}" in str(raised.value)
    with pytest.raises(DatabaseVanishedError):
        store.set_setting("still", "refused")
    store.close()
    assert _reviews_in(data_dir / DATABASE_NAME) == 6


def test_a_deleted_journal_loses_nothing_recorded(tmp_path: Path, clock: FakeClock) -> None:
    """Each write reaches the main file at once, so even a `kill -9` right after the journal is
    deleted keeps every answer; the next write is refused instead of going to a lost journal."""
    store = open_store(tmp_path, clock)
    cram = _answer(store, 10)
    for suffix in ("-wal", "-shm"):
        (tmp_path / f"{DATABASE_NAME}{suffix}").unlink()
    assert _reviews_in(tmp_path / DATABASE_NAME) == 10
    with pytest.raises(DatabaseVanishedError, match="-wal") as raised:
        cram.record(cram.next(), Rating.Good)
    rescued = next(tmp_path.glob(f"{DATABASE_NAME}.rescued-*"))
    assert str(rescued) in str(raised.value)
    assert _reviews_in(rescued) == 10
    store.close()


def test_a_replaced_database_is_not_written_to(tmp_path: Path, clock: FakeClock) -> None:
    store = open_store(tmp_path, clock)
    cram = _answer(store, 2)
    other = tmp_path / "other"
    with open_store(other, clock) as elsewhere:
        elsewhere.set_setting("mine", True)
    for suffix in ("", "-wal", "-shm"):
        (tmp_path / f"{DATABASE_NAME}{suffix}").unlink(missing_ok=True)
    (other / DATABASE_NAME).replace(tmp_path / DATABASE_NAME)
    with pytest.raises(DatabaseVanishedError):
        cram.record(cram.next(), Rating.Good)
    store.close()
    assert _reviews_in(tmp_path / DATABASE_NAME) == 0
    assert _reviews_in(next(tmp_path.glob(f"{DATABASE_NAME}.rescued-*"))) == 2


def test_a_damaged_file_is_copied_aside_once(tmp_path: Path, clock: FakeClock) -> None:
    path = tmp_path / DATABASE_NAME
    path.write_bytes(b"\x00junk" * 4000)
    backups = set()
    for _ in range(10):
        with pytest.raises(CorruptDatabaseError) as raised:
            open_store(tmp_path, clock)
        backups.add(raised.value.backup)
        clock.advance(seconds=1)
    assert len(backups) == 1
    assert len(list(tmp_path.glob(f"{DATABASE_NAME}.corrupt-*"))) == 1
    path.write_bytes(b"\x00other junk" * 4000)
    with pytest.raises(CorruptDatabaseError):
        open_store(tmp_path, clock)
    assert len(list(tmp_path.glob(f"{DATABASE_NAME}.corrupt-*"))) == 2


def test_a_check_after_opening_finds_damage_reads_skip_and_keeps_refusing(
    tmp_path: Path, clock: FakeClock
) -> None:
    studied_then_damaged(tmp_path, clock, pages=(5,))
    store = open_store(tmp_path, clock)
    try:
        assert store.review_count() == 8  # the damaged page is not one this read needs
        with pytest.raises(CorruptDatabaseError, match="unreadable or corrupt"):
            store.verify_file()
        with pytest.raises(CorruptDatabaseError):
            store.review_count()
        [kept] = tmp_path.glob(f"{DATABASE_NAME}.corrupt-*")
    finally:
        store.close()
    assert kept.read_bytes() == (tmp_path / DATABASE_NAME).read_bytes()


def test_a_check_of_a_sound_file_changes_nothing(tmp_path: Path, clock: FakeClock) -> None:
    with open_store(tmp_path, clock) as store:
        _answer(store, 2)
        store.verify_file()
        assert store.review_count() == 2
    assert not list(tmp_path.glob("*.corrupt-*"))


def test_a_check_of_a_closed_store_says_nothing(tmp_path: Path, clock: FakeClock) -> None:
    """The app closing as its check runs interrupts the check: no report after the app."""
    studied_then_damaged(tmp_path, clock, pages=(5,))
    store = open_store(tmp_path, clock)
    store.close()
    store.verify_file()
    assert not list(tmp_path.glob("*.corrupt-*"))
