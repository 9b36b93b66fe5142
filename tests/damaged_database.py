"""A study database damaged the way plain reads do not notice: two b-tree page headers
overwritten, so a full scan skips rows or reads NULLs instead of failing. Only SQLite's quick
check finds it."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from quizapp.content import load_library
from quizapp.study import DATABASE_NAME, FakeClock, Rating, ReviewSession, open_store


def studied_then_damaged(
    data_dir: Path, clock: FakeClock, pages: tuple[int, ...] = (4, 11)
) -> bytes:
    """Eight answers through the real session, six seconds apart, then bytes 8-40 of `pages`
    overwritten; returns the damaged file's bytes."""
    cards = load_library(data_dir).cards
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
    for page in pages:
        start = (page - 1) * page_size
        data[start + 8 : start + 40] = b"\xa5" * 32
    path.write_bytes(bytes(data))
    raw = sqlite3.connect(path)
    assert raw.execute("PRAGMA integrity_check").fetchone() != ("ok",)
    raw.close()
    return bytes(data)
