"""The study database, in parts: `connection` (opening the file, transactions, settings),
`integrity` (the file against deletion and damage, recovery), `cards` (each card's state),
`reviews` (the answer log), `browsing` (the card browser's reads, unbury and flags) and
`interviews` (mock interviews). Every SQL statement of the study package lives here
(`tests/study/test_study_sql_seam.py` checks it)."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from quizapp.study.clock import Clock
from quizapp.study.migrations import MIGRATIONS, Migration
from quizapp.study.store.browsing import CardBrowsing, CardStatus, PastAnswer
from quizapp.study.store.cards import Change, DueCard
from quizapp.study.store.connection import BUSY_TIMEOUT, DATABASE_NAME
from quizapp.study.store.connection import open_connection as _open_connection
from quizapp.study.store.reviews import Attempt, Recorded, ReviewLog, ReviewRecord, TodayCounts


class StudyStore(ReviewLog, CardBrowsing):
    """Open with `open_store`; each public method is one transaction (writes) or one read."""


def open_store(
    data_dir: Path,
    clock: Clock,
    *,
    replace_corrupt: bool = False,
    for_reading: bool = False,
    migrations: Sequence[Migration] = MIGRATIONS,
) -> StudyStore:
    """Open (creating if needed) `<data_dir>/quizapp.sqlite3` and bring its schema up to date.

    A corrupt file is copied aside and reported, never replaced, unless `replace_corrupt` is true
    (the user asked for a fresh file): then it is moved aside and an empty file takes its place.
    `for_reading`: the caller never writes, so a file in a folder it may not write is opened
    read-only instead of refused.
    """
    connection, path = _open_connection(
        data_dir,
        clock,
        replace_corrupt=replace_corrupt,
        for_reading=for_reading,
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
