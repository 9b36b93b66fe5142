"""The study database, in parts: `connection` (opening the file, transactions, settings),
`integrity` (the file against deletion and damage, recovery), `cards` (each card's state),
`reviews` (the answer log), `browsing` (the card browser's reads, unbury and flags) and
`interviews` (mock interviews), and `records`, what they hand back for what they wrote or read
from the log (imported when first named, so opening the store for home does not create those
classes). Every SQL statement of the study package lives here
(`tests/study/test_study_sql_seam.py` checks it)."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from quizapp.study.clock import Clock
from quizapp.study.migrations import MIGRATIONS, Migration
from quizapp.study.store.browsing import CardBrowsing, CardStatus
from quizapp.study.store.cards import DueCard
from quizapp.study.store.connection import BUSY_TIMEOUT, DATABASE_NAME
from quizapp.study.store.connection import open_connection as _open_connection
from quizapp.study.store.reviews import Attempt, ReviewLog, TodayCounts

if TYPE_CHECKING:
    from quizapp.study.store.records import Change, PastAnswer, Recorded, ReviewRecord

_RECORDS = frozenset({"Change", "PastAnswer", "Recorded", "ReviewRecord"})


class StudyStore(ReviewLog, CardBrowsing):
    """Open with `open_store`; each public method is one transaction (writes) or one read."""


def open_store(
    data_dir: Path,
    clock: Clock,
    *,
    replace_corrupt: bool = False,
    for_reading: bool = False,
    verify: bool = False,
    migrations: Sequence[Migration] = MIGRATIONS,
) -> StudyStore:
    """Open (creating if needed) `<data_dir>/quizapp.sqlite3` and bring its schema up to date.

    A corrupt file is copied aside and reported, never replaced, unless `replace_corrupt` is true
    (the user asked for a fresh file): then it is moved aside and an empty file takes its place.
    `for_reading`: the caller never writes, so a file in a folder it may not write is opened
    read-only instead of refused. `verify`: report a damaged file as `CorruptDatabaseError` at
    once, even one whose damage a plain read would not notice (SQLite's quick check).
    """
    connection, path = _open_connection(
        data_dir,
        clock,
        replace_corrupt=replace_corrupt,
        for_reading=for_reading,
        verify=verify,
        migrations=migrations,
    )
    return StudyStore(connection, path, clock)


__all__ = [
    "BUSY_TIMEOUT",
    "DATABASE_NAME",
    "Attempt",
    "CardStatus",
    "Change",
    "DueCard",
    "PastAnswer",
    "Recorded",
    "ReviewRecord",
    "StudyStore",
    "TodayCounts",
    "open_store",
]


def __getattr__(name: str) -> object:
    if name not in _RECORDS:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    from quizapp.study.store import records

    value = getattr(records, name)
    globals()[name] = value
    return value
