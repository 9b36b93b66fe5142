"""The one SQLite file that holds a user's study history.

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
from contextlib import contextmanager
from dataclasses import dataclass, replace
from datetime import date, datetime, timedelta
from pathlib import Path
from statistics import median
from typing import Any, Concatenate, NamedTuple, ParamSpec, TypeVar

from fsrs import Rating, State

from quizapp.study import integrity
from quizapp.study.clock import Clock, StudyCalendar
from quizapp.study.errors import (
    CardChangedError,
    CorruptDatabaseError,
    DatabaseUnavailableError,
    ForeignDatabaseError,
    NewerSchemaError,
    StudyStoreError,
    UndoError,
)
from quizapp.study.migrations import (
    APPLICATION_ID,
    MIGRATIONS,
    Migration,
    latest_version,
    migrate,
    schema_version,
)
from quizapp.study.protocols import GradeLike, StudyCard, visible_text
from quizapp.study.settings import StudySettings
from quizapp.study.state import CARD_COLUMNS, CardState, from_micros, to_micros

DATABASE_NAME = "quizapp.sqlite3"
BUSY_TIMEOUT = 10.0
_SQLITE_CORRUPT = 11
_SQLITE_NOTADB = 26
_USUAL_TIME_WINDOW = 20
_NEW_CHUNK = 256

_P = ParamSpec("_P")
_T = TypeVar("_T")


@dataclass(frozen=True)
class ReviewRecord:
    """One row of the review log, as exported and as returned after recording."""

    id: int
    card_id: str | None
    mode: str
    reviewed_at: datetime
    day: date
    rating: Rating
    duration_ms: int | None
    correct: bool | None
    score: float | None
    template: str | None
    activation: str | None
    seed: int | None
    response: str | None
    content_hash: str | None


_REVIEW_COLUMNS = (
    "id, card_id, mode, reviewed_at, day, rating, duration_ms, correct, score, template, "
    "activation, seed, response, content_hash"
)


def _review_from_row(row: Sequence[Any]) -> ReviewRecord:
    (
        review_id,
        card_id,
        mode,
        at,
        day,
        rating,
        duration,
        correct,
        score,
        template,
        activation,
        seed,
        response,
        content_hash,
    ) = row
    return ReviewRecord(
        id=review_id,
        card_id=card_id,
        mode=mode,
        reviewed_at=from_micros(at),
        day=date.fromisoformat(day),
        rating=Rating(rating),
        duration_ms=duration,
        correct=None if correct is None else bool(correct),
        score=score,
        template=template,
        activation=activation,
        seed=seed,
        response=response,
        content_hash=content_hash,
    )


@dataclass(frozen=True)
class _ReviewEntry:
    """One answer as the log keeps it (the columns every mode shares)."""

    card: StudyCard | None
    mode: str
    now: datetime
    day: date
    rating: Rating
    duration: timedelta | None
    response: str | None
    grade: GradeLike | None
    seed: int | None
    template: str | None = None
    activation: str | None = None


@dataclass(frozen=True)
class Recorded:
    """What `StudyStore.review` committed: the log row and the card's state before and after."""

    review: ReviewRecord
    before: CardState | None
    after: CardState | None


class DueCard(NamedTuple):
    card_id: str
    state: State
    due: datetime


@dataclass(frozen=True)
class TodayCounts:
    introduced: int
    reviews: int


def _guarded(
    method: Callable[Concatenate[StudyStore, _P], _T],
) -> Callable[Concatenate[StudyStore, _P], _T]:
    """Turn SQLite failures into one-line user-facing errors (corruption: a copy is set aside)."""

    @functools.wraps(method)
    def wrapper(store: StudyStore, *args: _P.args, **kwargs: _P.kwargs) -> _T:
        with store._lock:
            try:
                return method(store, *args, **kwargs)
            except sqlite3.DatabaseError as error:
                raise store._translate(error) from error

    return wrapper


class StudyStore:
    """Open with `open_store`; each public method is one transaction (writes) or one read."""

    def __init__(self, connection: sqlite3.Connection, path: Path, clock: Clock) -> None:
        self._connection = connection
        self._lock = threading.RLock()
        self.path = path
        self.clock = clock
        self._watch = integrity.FileWatch(path)

    def close(self) -> None:
        with self._lock:
            self._connection.close()

    def __enter__(self) -> StudyStore:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    def _translate(self, error: sqlite3.DatabaseError) -> StudyStoreError:
        if _is_corruption(error):
            self._connection.close()
            backup = integrity.copy_aside(self.path, self.clock)
            return CorruptDatabaseError(self.path, backup, str(error))
        return _unavailable(self.path, error)

    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """An IMMEDIATE write transaction, for modules keeping tables of their own in this file."""
        with self._lock:
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

    @_guarded
    def query(self, sql: str, parameters: Sequence[object] | dict[str, object] = ()) -> list[Any]:
        """A read for reporting modules (stats); returns all rows."""
        return self._connection.execute(sql, parameters).fetchall()

    @_guarded
    def schema_version(self) -> int:
        return schema_version(self._connection)

    @_guarded
    def integrity_check(self) -> list[str]:
        """SQLite's full check: `["ok"]` for a sound file."""
        return [row[0] for row in self._connection.execute("PRAGMA integrity_check")]

    @_guarded
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

    @_guarded
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

    @_guarded
    def card_state(self, card_id: str) -> CardState:
        """The stored state, or a fresh new-card state for a card never touched."""
        return self._read_state(card_id) or CardState(card_id=card_id)

    def _read_state(self, card_id: str) -> CardState | None:
        row = self._connection.execute(
            f"SELECT {', '.join(CARD_COLUMNS)} FROM cards WHERE card_id = ?", (card_id,)
        ).fetchone()
        return None if row is None else CardState.from_row(row)

    def _write_state(self, state: CardState) -> None:
        placeholders = ", ".join("?" for _ in CARD_COLUMNS)
        updates = ", ".join(f"{column} = excluded.{column}" for column in CARD_COLUMNS[1:])
        self._connection.execute(
            f"INSERT INTO cards ({', '.join(CARD_COLUMNS)}) VALUES ({placeholders}) "
            f"ON CONFLICT (card_id) DO UPDATE SET {updates}",
            state.as_row(),
        )

    @_guarded
    def stored_state(self, card_id: str) -> CardState | None:
        """The card's row as it is now (None: the card was never studied)."""
        return self._read_state(card_id)

    @_guarded
    def review(
        self,
        card: StudyCard,
        rating: Rating,
        *,
        before: CardState | None,
        after: CardState,
        day: date,
        duration: timedelta | None = None,
        response: str | None = None,
        grade: GradeLike | None = None,
        seed: int | None = None,
        activation: str | None = None,
    ) -> Recorded:
        """Store one scheduled answer: its log row and the card's new state `after` (computed by
        `scheduling.next_states` from the row `before`), committed before returning.

        Refused (`CardChangedError`, nothing written) when the card's row is no longer `before`:
        another instance answered, buried or suspended it since it was shown. `activation` is
        the engine function a skill card's question actually used (defaults to the card's own).
        """
        rating = Rating(rating)
        with self.transaction() as connection:
            now = self.clock.now()
            if self._read_state(card.id) != before:
                raise CardChangedError(
                    f"card {card.id} changed since it was shown (answered in another quizapp "
                    "instance?); it is shown again with its current schedule",
                    self.path,
                )
            entry = _ReviewEntry(
                card=card,
                mode="scheduled",
                now=now,
                day=day,
                rating=rating,
                duration=duration,
                response=response,
                grade=grade,
                seed=seed,
                activation=activation,
            )
            review = self._insert_review(
                connection,
                entry,
                prev_state=0 if before is None or before.state is None else int(before.state),
                mature=before is not None and before.is_mature,
                state_before="null" if before is None else before.to_json(),
            )
            self._write_state(after)
            connection.execute(
                "INSERT INTO card_texts (card_id, content_text) VALUES (?, ?) "
                "ON CONFLICT (card_id) DO UPDATE SET content_text = excluded.content_text",
                (card.id, visible_text(card)),
            )
        return Recorded(review, before, after)

    @_guarded
    def record_unscheduled(
        self,
        mode: str,
        rating: Rating,
        *,
        day: date,
        card: StudyCard | None = None,
        template: str | None = None,
        activation: str | None = None,
        duration: timedelta | None = None,
        response: str | None = None,
        grade: GradeLike | None = None,
        seed: int | None = None,
    ) -> Recorded:
        """Log a cram review or a practice attempt; no card's schedule changes."""
        if mode not in ("cram", "practice"):
            raise ValueError(f"unscheduled mode must be 'cram' or 'practice', not {mode!r}")
        if card is None and mode == "cram":
            raise ValueError("a cram review needs its card")
        entry = _ReviewEntry(
            card=card,
            mode=mode,
            now=self.clock.now(),
            day=day,
            rating=Rating(rating),
            duration=duration,
            response=response,
            grade=grade,
            seed=seed,
            template=template,
            activation=activation,
        )
        with self.transaction() as connection:
            review = self._insert_review(connection, entry)
        return Recorded(review, None, None)

    def _insert_review(
        self,
        connection: sqlite3.Connection,
        entry: _ReviewEntry,
        *,
        prev_state: int | None = None,
        mature: bool = False,
        state_before: str | None = None,
    ) -> ReviewRecord:
        card, grade = entry.card, entry.grade
        values = (
            None if card is None else card.id,
            entry.mode,
            to_micros(entry.now),
            entry.day.isoformat(),
            int(entry.rating),
            _millis(entry.duration),
            grade.correct if grade is not None else entry.rating != Rating.Again,
            None if grade is None else float(grade.score),
            entry.template or (None if card is None else card.template),
            entry.activation or (None if card is None else card.activation),
            entry.seed,
            entry.response,
            None if card is None else card.content_hash(),
        )
        cursor = connection.execute(
            "INSERT INTO reviews (card_id, mode, reviewed_at, day, rating, duration_ms, correct,"
            " score, template, activation, seed, response, content_hash, prev_state, mature,"
            " state_before) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (*values[:6], int(values[6]), *values[7:], prev_state, int(mature), state_before),
        )
        review_id = cursor.lastrowid
        assert review_id is not None
        return _review_from_row((review_id, *values))

    @_guarded
    def undo(self, review_id: int) -> CardState | None:
        """Delete a review and, for a scheduled one, put back the card's exact previous row.

        Refused when a later scheduled review of the same card exists (it was computed from the
        state this would discard). Returns the restored state (None: the card had no row before).
        """
        with self.transaction() as connection:
            row = connection.execute(
                "SELECT card_id, mode, state_before FROM reviews WHERE id = ?", (review_id,)
            ).fetchone()
            if row is None:
                raise UndoError(f"review {review_id} is not in {self.path}", self.path)
            card_id, mode, state_before = row
            restored: CardState | None = None
            if mode == "scheduled":
                latest = connection.execute(
                    "SELECT max(id) FROM reviews WHERE card_id = ? AND mode = 'scheduled'",
                    (card_id,),
                ).fetchone()[0]
                if latest != review_id:
                    raise UndoError(
                        f"card {card_id} was reviewed again after review {review_id}; "
                        "undo that answer first",
                        self.path,
                    )
                if state_before is None:
                    raise UndoError(
                        f"review {review_id} kept no previous state to go back to", self.path
                    )
                restored = None if state_before == "null" else CardState.from_json(state_before)
                if restored is None:
                    connection.execute("DELETE FROM cards WHERE card_id = ?", (card_id,))
                else:
                    self._write_state(restored)
            connection.execute("DELETE FROM reviews WHERE id = ?", (review_id,))
        return restored

    def _update_flags(self, card_id: str, **changes: Any) -> CardState:
        with self.transaction():
            return self._change_state(card_id, **changes)

    def _change_state(self, card_id: str, **changes: Any) -> CardState:
        """Inside a write transaction: the stored (or a fresh) state with `changes`, written."""
        state = replace(self._read_state(card_id) or CardState(card_id=card_id), **changes)
        self._write_state(state)
        return state

    @_guarded
    def bury(self, card_id: str, until: date | None = None) -> CardState:
        """Hide the card until the study day `until` (default: tomorrow) begins."""
        return self._update_flags(card_id, buried_until=until or self.today() + timedelta(days=1))

    @_guarded
    def suspend(self, card_id: str) -> CardState:
        return self._update_flags(card_id, suspended=True)

    @_guarded
    def unsuspend(self, card_id: str) -> CardState:
        return self._update_flags(card_id, suspended=False)

    @_guarded
    def reset(self, card_id: str) -> CardState:
        """Start the card over as new (after its text changed a lot); its review log is kept."""
        with self.transaction() as connection:
            connection.execute("DELETE FROM card_texts WHERE card_id = ?", (card_id,))
            return self._change_state(
                card_id,
                state=None,
                step=None,
                stability=None,
                difficulty=None,
                due=None,
                last_review=None,
                leech=False,
                content_hash=None,
            )

    @_guarded
    def due_cards(self, before: datetime, today: date) -> list[DueCard]:
        """Studied cards due before `before`, earliest first, not suspended or buried today."""
        rows = self._connection.execute(
            "SELECT card_id, state, due FROM cards "
            "WHERE state IS NOT NULL AND due < ? AND suspended = 0 "
            "AND (buried_until IS NULL OR buried_until <= ?) ORDER BY due, card_id",
            (to_micros(before), today.isoformat()),
        ).fetchall()
        return [DueCard(card_id, State(state), from_micros(due)) for card_id, state, due in rows]

    @_guarded
    def new_card_ids(self, candidates: Sequence[str], today: date, limit: int) -> list[str]:
        """The first `limit` candidates (in order) that are new and neither suspended nor buried.

        Candidates are checked in growing chunks, so the usual case reads a few hundred ids and
        a collection with no new card left is still read only once.
        """
        found: list[str] = []
        start, chunk = 0, _NEW_CHUNK
        while len(found) < limit and start < len(candidates):
            batch = candidates[start : start + chunk]
            rows = self._connection.execute(
                "SELECT ids.value FROM json_each(?) AS ids "
                "LEFT JOIN cards ON cards.card_id = ids.value "
                "WHERE cards.card_id IS NULL OR (cards.state IS NULL AND cards.suspended = 0 "
                "AND (cards.buried_until IS NULL OR cards.buried_until <= ?)) ORDER BY ids.key",
                (json.dumps(list(batch)), today.isoformat()),
            )
            found.extend(row[0] for row in rows)
            start += chunk
            chunk *= 2
        return found[:limit]

    @_guarded
    def today_counts(self, day: date) -> TodayCounts:
        """New cards introduced and review-state cards answered on `day` (for the daily limits)."""
        introduced, reviews = self._connection.execute(
            "SELECT coalesce(sum(prev_state = 0), 0), coalesce(sum(prev_state = ?), 0) "
            "FROM reviews WHERE day = ? AND mode = 'scheduled'",
            (int(State.Review), day.isoformat()),
        ).fetchone()
        return TodayCounts(introduced=introduced, reviews=reviews)

    @_guarded
    def answered_on(self, day: date) -> set[str]:
        """Ids of the cards given a scheduled answer on `day` (their siblings wait for tomorrow)."""
        rows = self._connection.execute(
            "SELECT DISTINCT card_id FROM reviews WHERE day = ? AND mode = 'scheduled'",
            (day.isoformat(),),
        )
        return {row[0] for row in rows}

    @_guarded
    def usual_duration(self, card_id: str) -> timedelta | None:
        """The median time of the card's recent answers: the yardstick for "slow" and "fast"."""
        rows = self._connection.execute(
            "SELECT duration_ms FROM reviews WHERE card_id = ? AND duration_ms IS NOT NULL "
            "ORDER BY id DESC LIMIT ?",
            (card_id, _USUAL_TIME_WINDOW),
        ).fetchall()
        if not rows:
            return None
        return timedelta(milliseconds=median(row[0] for row in rows))

    @_guarded
    def reviews_of(self, card_id: str) -> list[ReviewRecord]:
        rows = self._connection.execute(
            f"SELECT {_REVIEW_COLUMNS} FROM reviews WHERE card_id = ? ORDER BY id", (card_id,)
        ).fetchall()
        return [_review_from_row(row) for row in rows]

    @_guarded
    def review_count(self) -> int:
        return int(self._connection.execute("SELECT count(*) FROM reviews").fetchone()[0])

    def iter_reviews(self, batch: int = 5000) -> Iterator[ReviewRecord]:
        """The whole log in order, read in batches so a million rows stream in constant memory."""
        last_id = 0
        while True:
            rows = self.query(
                f"SELECT {_REVIEW_COLUMNS} FROM reviews WHERE id > ? ORDER BY id LIMIT ?",
                (last_id, batch),
            )
            if not rows:
                return
            yield from (_review_from_row(row) for row in rows)
            last_id = rows[-1][0]

    @_guarded
    def card_ids_with_history(self) -> set[str]:
        """Every card id that has a stored state or at least one review."""
        ids = {row[0] for row in self._connection.execute("SELECT card_id FROM cards")}
        ids.update(
            row[0]
            for row in self._connection.execute(
                "SELECT DISTINCT card_id FROM reviews WHERE card_id IS NOT NULL"
            )
        )
        return ids


def _millis(duration: timedelta | None) -> int | None:
    if duration is None:
        return None
    return max(0, round(duration.total_seconds() * 1000))


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
        return _open_read_only(path, clock, migrations)
    try:
        return _open(path, clock, migrations)
    except CorruptDatabaseError as error:
        if not replace_corrupt:
            raise
        integrity.move_aside(path, error.backup or _aside_name(path, clock))
    return _open(path, clock, migrations)


def _open(path: Path, clock: Clock, migrations: Sequence[Migration]) -> StudyStore:
    try:
        connection = sqlite3.connect(
            path, timeout=BUSY_TIMEOUT, isolation_level=None, check_same_thread=False
        )
    except sqlite3.Error as error:
        raise _unavailable(path, error) from error
    try:
        _prepare(connection, path, migrations)
    except sqlite3.DatabaseError as error:
        connection.close()
        if _is_corruption(error):
            backup = integrity.copy_aside(path, clock)
            raise CorruptDatabaseError(path, backup, str(error)) from error
        raise _unavailable(path, error) from error
    except BaseException:
        connection.close()
        raise
    return StudyStore(connection, path, clock)


def _open_read_only(path: Path, clock: Clock, migrations: Sequence[Migration]) -> StudyStore:
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
    return StudyStore(connection, path, clock)


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
