"""The one SQLite file that holds a user's study history: opening it, transactions, settings.

Durability: WAL journal with `synchronous=FULL`; every answer is its own IMMEDIATE transaction,
committed before the method returns, so `kill -9` never loses an answer the UI showed as recorded.

Concurrency (a second instance on the same data dir works safely): each write starts with
`BEGIN IMMEDIATE` and reads the card's current state inside that transaction, so two writers are
serialised by SQLite and neither overwrites the other's update; a writer waits up to `BUSY_TIMEOUT`
for the other before reporting the database busy.
"""

from __future__ import annotations

import functools
import json
import math
import sqlite3
import threading
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager, suppress
from datetime import date
from pathlib import Path
from typing import Any, Concatenate, ParamSpec, TypeVar

from quizapp.study.clock import Clock, StudyCalendar
from quizapp.study.errors import (
    CorruptDatabaseError,
    DatabaseUnavailableError,
    ForeignDatabaseError,
    NewerSchemaError,
    StudyStoreError,
)
from quizapp.study.migrations import (
    APPLICATION_ID,
    MIGRATIONS,
    Migration,
    latest_version,
    migrate,
    schema_version,
)
from quizapp.study.settings import StudySettings
from quizapp.study.store import integrity

DATABASE_NAME = "quizapp.sqlite3"
BUSY_TIMEOUT = 10.0
_SQLITE_CORRUPT = 11
_SQLITE_NOTADB = 26
MALFORMED = "database disk image is malformed"

_P = ParamSpec("_P")
_T = TypeVar("_T")
_C = TypeVar("_C", bound="Connection")


def guarded(
    method: Callable[Concatenate[_C, _P], _T],
) -> Callable[Concatenate[_C, _P], _T]:
    """Turn SQLite failures into one-line user-facing errors (corruption: a copy is set aside)."""

    @functools.wraps(method)
    def wrapper(store: _C, *args: _P.args, **kwargs: _P.kwargs) -> _T:
        with store._lock:
            store._refuse_if_damaged()
            try:
                return method(store, *args, **kwargs)
            except sqlite3.DatabaseError as error:
                raise store._translate(error) from error

    return wrapper


class Connection:
    """The connection and what every part of the store shares: one lock, transactions, the
    settings table and the calendar they define."""

    def __init__(self, connection: sqlite3.Connection, path: Path, clock: Clock) -> None:
        self._connection = connection
        self._lock = threading.RLock()
        self.path = path
        self.clock = clock
        self._watch = integrity.FileWatch(path)
        self._damage: CorruptDatabaseError | None = None
        """The damage SQLite found, which closed the connection (see `_refuse_if_damaged`)."""
        self._checking: sqlite3.Connection | None = None
        """The connection `verify_file` checks on, interrupted by `close`."""
        self._closed = False

    def close(self) -> None:
        """Stops a check under way too: the process would wait for its thread to end."""
        self._closed = True
        checking = self._checking
        if checking is not None:
            with suppress(sqlite3.ProgrammingError):  # the check ended and closed it meanwhile
                checking.interrupt()
        with self._lock:
            self._connection.close()

    def __enter__(self: _C) -> _C:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    def _refuse_if_damaged(self) -> None:
        """Once damage was found, every use reports it again (with the copy already made): not
        the closed connection, nor the journal SQLite removed as it closed."""
        if self._damage is not None:
            raise CorruptDatabaseError(self.path, self._damage.backup, self._damage.detail)

    def verify_file(self) -> None:
        """SQLite's quick check (see `_verify`) for a store opened without it, as the app's is:
        on a connection of its own, so the store's other users do not wait for it (most of a
        second on a large collection). Damage found is kept, and every later use reports it.
        A store closed meanwhile stops the check, which then reports nothing."""
        try:
            check = integrity.connect_read_only(self.path)
        except sqlite3.Error as error:
            raise _unavailable(self.path, error) from error
        self._checking = check
        try:
            sound = _passes_quick_check(check, self.path)
        except StudyStoreError:
            if self._closed:
                return
            raise
        finally:
            self._checking = None
            check.close()
        with self._lock:
            if self._closed:
                return
            if not sound and self._damage is None:
                self._damage = _set_aside(self._connection, self.path, self.clock, MALFORMED)
            self._refuse_if_damaged()

    def _translate(self, error: sqlite3.DatabaseError) -> StudyStoreError:
        if _is_corruption(error):
            self._damage = _set_aside(self._connection, self.path, self.clock, str(error))
            return self._damage
        return _unavailable(self.path, error)

    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """An IMMEDIATE write transaction, for modules keeping tables of their own in this file."""
        with self._lock:
            self._refuse_if_damaged()
            self._watch.check(self._connection, self.clock)
            try:
                self._connection.execute("BEGIN IMMEDIATE")
            except sqlite3.DatabaseError as error:
                raise self._translate(error) from error
            try:
                yield self._connection
                self._connection.execute("COMMIT")
                integrity.checkpoint(self._connection)
            except sqlite3.DatabaseError as error:
                self._rollback()
                raise self._translate(error) from error
            except BaseException:
                self._rollback()
                raise

    def _rollback(self) -> None:
        if self._connection.in_transaction:
            self._connection.execute("ROLLBACK")

    @guarded
    def query(self, sql: str, parameters: Sequence[object] | dict[str, object] = ()) -> list[Any]:
        """A read for reporting modules (stats); returns all rows."""
        return self._connection.execute(sql, parameters).fetchall()

    @guarded
    def schema_version(self) -> int:
        return schema_version(self._connection)

    @guarded
    def integrity_check(self) -> list[str]:
        """SQLite's full check: `["ok"]` for a sound file."""
        return [row[0] for row in self._connection.execute("PRAGMA integrity_check")]

    @guarded
    def get_setting(self, key: str, default: Any = None) -> Any:
        row = self._connection.execute(
            "SELECT value FROM settings WHERE key = ?", (key,)
        ).fetchone()
        if row is None:
            return default
        try:
            return json.loads(row[0])
        except json.JSONDecodeError:
            return default

    @guarded
    def set_setting(self, key: str, value: Any) -> None:
        encoded = json.dumps(value)
        with self.transaction() as connection:
            connection.execute(
                "INSERT INTO settings (key, value) VALUES (?, ?) "
                "ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                (key, encoded),
            )

    def settings(self) -> StudySettings:
        return StudySettings.load(self)

    def calendar(self) -> StudyCalendar:
        return self.settings().calendar(self.clock.zone)

    def today(self) -> date:
        return self.calendar().day_of(self.clock.now())


def open_connection(
    data_dir: Path,
    clock: Clock,
    *,
    replace_corrupt: bool = False,
    for_reading: bool = False,
    verify: bool = False,
    migrations: Sequence[Migration] = MIGRATIONS,
) -> tuple[sqlite3.Connection, Path]:
    """Open (creating if needed) `<data_dir>/quizapp.sqlite3`, its schema brought up to date.

    A corrupt file is copied aside and reported, never replaced, unless `replace_corrupt` is true
    (the user asked for a fresh file): then it is moved aside and an empty file takes its place.
    `verify`: run SQLite's quick check first (see `_verify`).
    """
    connection, path = _connect(
        data_dir,
        clock,
        replace_corrupt=replace_corrupt,
        for_reading=for_reading,
        migrations=migrations,
    )
    if verify:
        _verify(connection, path, clock)
    return connection, path


def _connect(
    data_dir: Path,
    clock: Clock,
    *,
    replace_corrupt: bool,
    for_reading: bool,
    migrations: Sequence[Migration],
) -> tuple[sqlite3.Connection, Path]:
    path = Path(data_dir) / DATABASE_NAME
    try:
        Path(data_dir).mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise DatabaseUnavailableError(
            f"cannot create the data directory {data_dir}: {error.strerror or error}", path
        ) from error
    if path.exists() and not path.is_file():
        raise DatabaseUnavailableError(f"study database {path} is not a regular file", path)
    if for_reading and integrity.is_read_only(path):
        return _open_read_only(path, migrations), path
    try:
        return _open(path, clock, migrations), path
    except CorruptDatabaseError as error:
        if not replace_corrupt:
            raise
        integrity.move_aside(path, error.backup or _aside_name(path, clock))
    return _open(path, clock, migrations), path


def _verify(connection: sqlite3.Connection, path: Path, clock: Clock) -> None:
    """Report a damaged file before anything reads it. A damaged page is not always an error
    when read: a full scan may skip its rows or read their columns as NULL, so a report would
    count nothing (or crash on the NULL) instead of saying the file is damaged. SQLite's quick
    check reads every page once (no index cross-check), which is cheap at this file's size."""
    try:
        sound = _passes_quick_check(connection, path)
    except StudyStoreError:
        connection.close()
        raise
    if not sound:
        raise _set_aside(connection, path, clock, MALFORMED)


def _passes_quick_check(connection: sqlite3.Connection, path: Path) -> bool:
    """SQLite's quick check; damage it stumbles over is a failed check, anything else (a lock,
    a vanished file) is raised as the store being unavailable."""
    try:
        return connection.execute("PRAGMA quick_check(1)").fetchall() == [("ok",)]
    except sqlite3.DatabaseError as error:
        if not _is_corruption(error):
            raise _unavailable(path, error) from error
        return False


def _set_aside(
    connection: sqlite3.Connection, path: Path, clock: Clock, detail: str
) -> CorruptDatabaseError:
    """Damage found: the connection closed, a copy of the file kept beside it (the file itself
    stays in place), and the error that says so."""
    connection.close()
    return CorruptDatabaseError(path, integrity.copy_aside(path, clock), detail)


def _open(path: Path, clock: Clock, migrations: Sequence[Migration]) -> sqlite3.Connection:
    try:
        connection = sqlite3.connect(
            path, timeout=BUSY_TIMEOUT, isolation_level=None, check_same_thread=False
        )
    except sqlite3.Error as error:
        raise _unavailable(path, error) from error
    try:
        _prepare(connection, path, migrations)
    except sqlite3.DatabaseError as error:
        if _is_corruption(error):
            raise _set_aside(connection, path, clock, str(error)) from error
        connection.close()
        raise _unavailable(path, error) from error
    except BaseException:
        connection.close()
        raise
    return connection


def _open_read_only(path: Path, migrations: Sequence[Migration]) -> sqlite3.Connection:
    try:
        connection = integrity.connect_read_only(path)
        _check_owner(connection, path, migrations)
        if schema_version(connection) < latest_version(migrations):
            raise DatabaseUnavailableError(
                f"study database {path} needs an upgrade, but its folder is read-only", path
            )
    except sqlite3.DatabaseError as error:
        if _is_corruption(error):
            raise CorruptDatabaseError(path, None, str(error)) from error
        raise _unavailable(path, error) from error
    _ensure_pow(connection)
    return connection


def _prepare(connection: sqlite3.Connection, path: Path, migrations: Sequence[Migration]) -> None:
    _check_owner(connection, path, migrations)
    _ensure_pow(connection)
    connection.execute("PRAGMA journal_mode = WAL")
    connection.execute("PRAGMA synchronous = FULL")
    migrate(connection, migrations)


def _check_owner(
    connection: sqlite3.Connection, path: Path, migrations: Sequence[Migration]
) -> None:
    """Refuse another application's file, or one a newer quizapp wrote."""
    application_id = connection.execute("PRAGMA application_id").fetchone()[0]
    version = schema_version(connection)
    tables = connection.execute("SELECT count(*) FROM sqlite_master").fetchone()[0]
    if application_id not in (0, APPLICATION_ID) or (
        application_id == 0 and tables and not version
    ):
        raise ForeignDatabaseError(path)
    if version > latest_version(migrations):
        raise NewerSchemaError(path, version, latest_version(migrations))


def _ensure_pow(connection: sqlite3.Connection) -> None:
    """Stats evaluate the forgetting curve in SQL; SQLite builds without math functions get
    Python's `pow` under the same name."""
    try:
        connection.execute("SELECT pow(2.0, 0.5)")
    except sqlite3.OperationalError:
        connection.create_function("pow", 2, math.pow, deterministic=True)


def _is_corruption(error: sqlite3.DatabaseError) -> bool:
    """Only SQLite's own verdict counts: a closed connection or a lock is not damage."""
    code = getattr(error, "sqlite_errorcode", None)
    return code is not None and code & 0xFF in (_SQLITE_CORRUPT, _SQLITE_NOTADB)


def _unavailable(path: Path, error: sqlite3.Error) -> DatabaseUnavailableError:
    detail = str(error)
    if "locked" in detail or "busy" in detail:
        detail = "it stays locked by another quizapp instance; try again when it is done"
    return DatabaseUnavailableError(f"cannot use study database {path}: {detail}", path)


def _aside_name(path: Path, clock: Clock) -> Path:
    stamp = clock.now().strftime("%Y%m%dT%H%M%S%fZ")
    return path.with_name(f"{path.name}.corrupt-{stamp}")
