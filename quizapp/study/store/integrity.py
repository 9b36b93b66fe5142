"""The study database against its own file system: files that vanish, damage, read-only folders.

- A running store remembers which file it opened (device and inode, for the database and its WAL
  journal) and checks before every write. A file deleted or replaced under it (`rm -rf` of the
  data dir, a deleted `-wal`) would make every later answer vanish on exit while the app kept
  saying "Recorded": instead, what the connection can still read is saved and writing stops.
- Each write is checkpointed into the main file at once, so a journal deleted afterwards holds
  nothing that is not also in the database.
- A damaged file is copied aside once: the same content is never copied again.
- `recover` moves a damaged file aside and starts a fresh one with every row SQLite can still read.
- A data dir the user may not write is opened read-only for commands that only read.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import shutil
import sqlite3
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import quote

from quizapp.study.clock import Clock
from quizapp.study.errors import StudyStoreError

if TYPE_CHECKING:
    from quizapp.study.store import StudyStore

DIGEST_LENGTH = 16
DERIVED_TABLES = frozenset({"review_days", "skill_totals"})
"""Kept by triggers on `reviews`: rebuilt as the salvaged reviews are inserted, never copied."""


class DatabaseVanishedError(StudyStoreError):
    """The database or its journal was deleted or replaced while this store had it open."""


def companions(path: Path) -> list[Path]:
    """The database file and its WAL files, which together are the data."""
    return [path, path.with_name(path.name + "-wal"), path.with_name(path.name + "-shm")]


def _stamp(clock: Clock) -> str:
    return clock.now().strftime("%Y%m%dT%H%M%S%fZ")


@dataclass(frozen=True)
class _Identity:
    device: int
    inode: int


def _identity(path: Path) -> _Identity | None:
    try:
        status = path.stat()
    except OSError:
        return None
    return _Identity(status.st_dev, status.st_ino)


@dataclass
class FileWatch:
    """Which files a connection opened, checked before each write (`check`)."""

    path: Path
    database: _Identity | None = field(init=False)
    journal: _Identity | None = field(init=False)
    rescued: Path | None = field(init=False, default=None)

    def __post_init__(self) -> None:
        self.database = _identity(self.path)
        self.journal = _identity(companions(self.path)[1])

    def check(self, connection: sqlite3.Connection, clock: Clock) -> None:
        """Raise `DatabaseVanishedError` when the file or its journal is no longer the one opened,
        after saving everything the connection can still read (once)."""
        if self.database is not None and _identity(self.path) != self.database:
            what = f"study database {self.path}"
        elif self.journal is not None and _identity(companions(self.path)[1]) != self.journal:
            what = f"journal of the study database {self.path} (its -wal file)"
        else:
            return
        if self.rescued is None:
            self.rescued = _rescue(connection, self.path, clock)
        kept = (
            f"everything recorded before was saved to {self.rescued}"
            if self.rescued is not None
            else "what it held could not be saved"
        )
        raise DatabaseVanishedError(
            f"the {what} was deleted or replaced while quizapp was running, so nothing more is "
            f"recorded; {kept}; quit and start quizapp again",
            self.path,
        )


def _rescue(connection: sqlite3.Connection, path: Path, clock: Clock) -> Path | None:
    """Write what the open connection still sees (deleted files stay readable through it) back to
    `path` when nothing took its place, else beside it."""
    target = path if not any(p.exists() for p in companions(path)) else None
    target = target or path.with_name(f"{path.name}.rescued-{_stamp(clock)}")
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        connection.execute("VACUUM INTO ?", (str(target),))
    except (OSError, sqlite3.Error):
        return None
    return target


def checkpoint(connection: sqlite3.Connection) -> None:
    """Copy committed pages from the journal into the main file without waiting for readers; if
    it cannot, a later checkpoint (or closing) catches up, and the answer itself is committed."""
    with contextlib.suppress(sqlite3.Error):
        connection.execute("PRAGMA wal_checkpoint(PASSIVE)")


def _digest(path: Path) -> str:
    """A digest of the database file and its journal together."""
    digest = hashlib.sha256()
    for part in companions(path)[:2]:
        try:
            with part.open("rb") as stream:
                for chunk in iter(lambda: stream.read(1 << 20), b""):
                    digest.update(chunk)
        except FileNotFoundError:
            digest.update(b"\x00missing")
    return digest.hexdigest()[:DIGEST_LENGTH]


def copy_aside(path: Path, clock: Clock) -> Path | None:
    """Copy a damaged database (and its journal) beside it, named by content: when a copy of the
    same content exists, that copy is returned and nothing is written."""
    try:
        digest = _digest(path)
        existing = sorted(path.parent.glob(f"{path.name}.corrupt-*-{digest}"))
        if existing:
            return existing[0]
        target = path.with_name(f"{path.name}.corrupt-{_stamp(clock)}-{digest}")
        for source in companions(path):
            if source.exists():
                shutil.copy2(source, target.with_name(target.name + source.name[len(path.name) :]))
    except OSError:
        return None
    return target


def move_aside(path: Path, target: Path) -> None:
    """Move the damaged file (over its identical copy, if one was made) out of the way."""
    for source in companions(path):
        if source.exists():
            source.replace(target.with_name(target.name + source.name[len(path.name) :]))


def is_read_only(path: Path) -> bool:
    """The database exists but the user may not create its journal beside it or write to it."""
    return path.is_file() and not (
        os.access(path.parent, os.W_OK) and os.access(path, os.W_OK) and _can_create(path)
    )


def _can_create(path: Path) -> bool:
    """`os.access` says yes to root even on an immutable or read-only-mounted folder: try it."""
    probe = path.with_name(f".{path.name}.probe-{os.getpid()}")
    try:
        probe.touch(exist_ok=False)
    except OSError:
        return False
    probe.unlink(missing_ok=True)
    return True


def connect_read_only(path: Path) -> sqlite3.Connection:
    """A connection that never writes. `mode=ro` still needs the WAL index beside the file; when
    even that cannot be created, `immutable=1` reads the file as it stands (which holds every
    answer: a clean exit or a checkpoint put them there)."""
    uri = f"file:{quote(str(path))}"
    try:
        connection = sqlite3.connect(f"{uri}?mode=ro", uri=True, check_same_thread=False)
        connection.execute("SELECT count(*) FROM sqlite_master").fetchone()
    except sqlite3.Error:
        connection = sqlite3.connect(f"{uri}?immutable=1", uri=True, check_same_thread=False)
    connection.isolation_level = None
    return connection


def salvage(damaged: Path, fresh: StudyStore) -> dict[str, int]:
    """Copy every row SQLite can read from `damaged` into `fresh`, table by table, in the fresh
    schema's order. A scan stops at the first unreadable page; rowid tables are then read again
    from the other end, so rows past the damage are kept too."""
    try:
        source = connect_read_only(damaged)
    except sqlite3.Error:
        return {}
    copied: dict[str, int] = {}
    try:
        tables = fresh.query(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' "
            "ORDER BY rowid"
        )
        for (table,) in tables:
            with fresh.transaction() as connection:
                columns = _common_columns(source, connection, table)
                if table not in DERIVED_TABLES and columns:
                    copied[table] = _copy_rows(source, connection, table, columns)
    finally:
        source.close()
    return copied


def _columns(connection: sqlite3.Connection, table: str) -> list[str]:
    try:
        return [row[1] for row in connection.execute(f'PRAGMA table_info("{table}")')]
    except sqlite3.Error:
        return []


def _common_columns(source: sqlite3.Connection, fresh: sqlite3.Connection, table: str) -> list[str]:
    readable = set(_columns(source, table))
    return [column for column in _columns(fresh, table) if column in readable]


def _copy_rows(
    source: sqlite3.Connection, fresh: sqlite3.Connection, table: str, columns: Sequence[str]
) -> int:
    names = ", ".join(f'"{column}"' for column in columns)
    marks = ", ".join("?" for _ in columns)
    insert = f'INSERT OR IGNORE INTO "{table}" ({names}) VALUES ({marks})'
    copied = 0
    for order in ("", " ORDER BY rowid DESC"):
        for row in _readable_rows(source, f'SELECT {names} FROM "{table}"{order}'):
            try:
                copied += fresh.execute(insert, row).rowcount
            except sqlite3.Error:
                continue  # a row the fresh schema refuses (a damaged value) is left out
    return copied


def _readable_rows(source: sqlite3.Connection, sql: str) -> Iterator[tuple[object, ...]]:
    try:
        cursor = source.execute(sql)
        while (row := cursor.fetchone()) is not None:
            yield row
    except sqlite3.Error:
        return
