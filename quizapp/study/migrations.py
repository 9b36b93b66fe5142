"""Schema versions: `PRAGMA user_version` counts the steps applied; a new version appends a step.

Each step runs in its own IMMEDIATE transaction together with the version bump, so a crash or an
error mid-way leaves the file at the previous version, never half-migrated.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Sequence

APPLICATION_ID = 0x51_41_50_50  # "QAPP": marks the file as quizapp's

Migration = Callable[[sqlite3.Connection], None]

DEFAULT_LEECH_THRESHOLD = 8

_V1_STATEMENTS = (
    """CREATE TABLE settings (
        key TEXT PRIMARY KEY,
        value TEXT NOT NULL
    )""",
    # One row per card the user has touched; state NULL = new (the row may only bury/suspend it).
    # Times are integer microseconds since the Unix epoch, UTC: exact round trips of fsrs datetimes.
    """CREATE TABLE cards (
        card_id TEXT PRIMARY KEY,
        state INTEGER CHECK (state IN (1, 2, 3)),
        step INTEGER,
        stability REAL,
        difficulty REAL,
        due INTEGER,
        last_review INTEGER,
        reps INTEGER NOT NULL DEFAULT 0,
        lapses INTEGER NOT NULL DEFAULT 0,
        suspended INTEGER NOT NULL DEFAULT 0,
        buried_until TEXT,
        leech INTEGER NOT NULL DEFAULT 0,
        content_hash TEXT,
        topic TEXT
    )""",
    # The text each card had when last reviewed, to measure later edits (apart: rows stay small).
    """CREATE TABLE card_texts (
        card_id TEXT PRIMARY KEY,
        content_text TEXT NOT NULL
    ) WITHOUT ROWID""",
    "CREATE INDEX cards_due ON cards (due, suspended) WHERE state IS NOT NULL",
    "CREATE INDEX cards_status ON cards (state, suspended, leech, buried_until)",
    "CREATE INDEX cards_recall ON cards (topic, stability, last_review) WHERE state IS NOT NULL",
    "CREATE INDEX cards_leech ON cards (card_id) WHERE leech = 1",
    # The review log. prev_state: 0 new, else the fsrs state before; NULL for cram and practice.
    # state_before: the whole previous `cards` row as JSON (or null when there was none), for undo.
    """CREATE TABLE reviews (
        id INTEGER PRIMARY KEY,
        card_id TEXT,
        mode TEXT NOT NULL CHECK (mode IN ('scheduled', 'cram', 'practice')),
        reviewed_at INTEGER NOT NULL,
        day TEXT NOT NULL,
        rating INTEGER NOT NULL CHECK (rating BETWEEN 1 AND 4),
        duration_ms INTEGER,
        prev_state INTEGER,
        mature INTEGER NOT NULL DEFAULT 0,
        correct INTEGER,
        score REAL,
        template TEXT,
        activation TEXT,
        seed INTEGER,
        response TEXT,
        content_hash TEXT,
        state_before TEXT,
        CHECK (card_id IS NOT NULL OR mode = 'practice')
    )""",
    "CREATE INDEX reviews_card ON reviews (card_id, id)",
    "CREATE INDEX reviews_day ON reviews (day, mode, prev_state)",
    # Aggregates kept by triggers, so stats read one row per day instead of scanning the log.
    """CREATE TABLE review_days (
        day TEXT NOT NULL,
        mode TEXT NOT NULL,
        reviews INTEGER NOT NULL,
        passed INTEGER NOT NULL,
        introduced INTEGER NOT NULL,
        mature INTEGER NOT NULL,
        mature_passed INTEGER NOT NULL,
        duration_ms INTEGER NOT NULL,
        PRIMARY KEY (day, mode)
    ) WITHOUT ROWID""",
    """CREATE TABLE skill_totals (
        template TEXT NOT NULL,
        activation TEXT NOT NULL,
        attempts INTEGER NOT NULL,
        correct INTEGER NOT NULL,
        PRIMARY KEY (template, activation)
    ) WITHOUT ROWID""",
    """CREATE TRIGGER reviews_count_insert AFTER INSERT ON reviews BEGIN
        INSERT INTO review_days
            (day, mode, reviews, passed, introduced, mature, mature_passed, duration_ms)
        VALUES (
            NEW.day, NEW.mode, 1, NEW.rating > 1, coalesce(NEW.prev_state = 0, 0), NEW.mature,
            NEW.mature AND NEW.rating > 1, coalesce(NEW.duration_ms, 0)
        )
        ON CONFLICT (day, mode) DO UPDATE SET
            reviews = reviews + 1,
            passed = passed + excluded.passed,
            introduced = introduced + excluded.introduced,
            mature = mature + excluded.mature,
            mature_passed = mature_passed + excluded.mature_passed,
            duration_ms = duration_ms + excluded.duration_ms;
        INSERT INTO skill_totals (template, activation, attempts, correct)
            SELECT coalesce(NEW.template, ''), coalesce(NEW.activation, ''), 1, NEW.correct
            WHERE NEW.correct IS NOT NULL
                AND (NEW.template IS NOT NULL OR NEW.activation IS NOT NULL)
        ON CONFLICT (template, activation) DO UPDATE SET
            attempts = attempts + 1,
            correct = correct + excluded.correct;
    END""",
    """CREATE TRIGGER reviews_count_delete AFTER DELETE ON reviews BEGIN
        UPDATE review_days SET
            reviews = reviews - 1,
            passed = passed - (OLD.rating > 1),
            introduced = introduced - coalesce(OLD.prev_state = 0, 0),
            mature = mature - OLD.mature,
            mature_passed = mature_passed - (OLD.mature AND OLD.rating > 1),
            duration_ms = duration_ms - coalesce(OLD.duration_ms, 0)
        WHERE day = OLD.day AND mode = OLD.mode;
        DELETE FROM review_days WHERE day = OLD.day AND mode = OLD.mode AND reviews = 0;
        UPDATE skill_totals SET
            attempts = attempts - 1,
            correct = correct - OLD.correct
        WHERE OLD.correct IS NOT NULL
            AND template = coalesce(OLD.template, '') AND activation = coalesce(OLD.activation, '');
        DELETE FROM skill_totals WHERE attempts = 0;
    END""",
    f"PRAGMA application_id = {APPLICATION_ID}",
)


def _execute_each(connection: sqlite3.Connection, statements: Sequence[str]) -> None:
    """A step's statements in order, inside the step's transaction (`migrate`)."""
    for statement in statements:
        connection.execute(statement)


def _v1_initial_schema(connection: sqlite3.Connection) -> None:
    _execute_each(connection, _V1_STATEMENTS)


_V2_STATEMENTS = (
    # Timed mock interviews (quizapp.study.mock). An interview is 'abandoned' until its last
    # question ends, so a quit or a crash mid-way needs no further write to be recorded as such.
    """CREATE TABLE mock_interviews (
        id INTEGER PRIMARY KEY,
        started_at INTEGER NOT NULL,
        ended_at INTEGER,
        day TEXT NOT NULL,
        status TEXT NOT NULL CHECK (status IN ('abandoned', 'finished')),
        seed INTEGER NOT NULL,
        options TEXT NOT NULL,
        budget_ms INTEGER NOT NULL,
        planned INTEGER NOT NULL,
        score REAL CHECK (score BETWEEN 0 AND 1)
    )""",
    "CREATE INDEX mock_interviews_started ON mock_interviews (status, started_at)",
    # One row per planned question, written 'pending' at the start and updated as it ends.
    # topics and covered are JSON lists; covered holds the ticked key point indices.
    """CREATE TABLE mock_answers (
        interview_id INTEGER NOT NULL REFERENCES mock_interviews (id),
        position INTEGER NOT NULL,
        card_id TEXT NOT NULL,
        kind TEXT NOT NULL CHECK (kind IN ('conceptual', 'numeric')),
        topics TEXT NOT NULL,
        template TEXT,
        activation TEXT,
        seed INTEGER,
        prompt TEXT NOT NULL,
        budget_ms INTEGER NOT NULL,
        key_points INTEGER,
        outcome TEXT NOT NULL CHECK (outcome IN ('pending', 'submitted', 'skipped',
            'question-time', 'session-time', 'not-reached')),
        response TEXT,
        used_ms INTEGER,
        paused_ms INTEGER,
        answered_at INTEGER,
        readable INTEGER,
        correct INTEGER,
        score REAL NOT NULL DEFAULT 0 CHECK (score BETWEEN 0 AND 1),
        covered TEXT,
        PRIMARY KEY (interview_id, position)
    ) WITHOUT ROWID""",
    "CREATE INDEX mock_answers_card ON mock_answers (card_id)",
)


def _v2_mock_interviews(connection: sqlite3.Connection) -> None:
    _execute_each(connection, _V2_STATEMENTS)


def _v3_code_attempts(connection: sqlite3.Connection) -> None:
    # The last code written per coding exercise (see quizapp.study.store.code_attempts).
    connection.execute(
        """CREATE TABLE code_attempts (
            card_id TEXT PRIMARY KEY,
            code TEXT NOT NULL,
            saved_at INTEGER NOT NULL,
            passed INTEGER,
            total INTEGER
        ) WITHOUT ROWID"""
    )


_LEECH_THRESHOLD = (
    "coalesce((SELECT CAST(value AS INTEGER) FROM settings WHERE key = 'leech_threshold'"
    f" AND CAST(value AS INTEGER) >= 1), {DEFAULT_LEECH_THRESHOLD})"
)

_V4_STATEMENTS = (
    # A lapse is a review card rated Again (not an Again while first learning): recount from the
    # log where it holds every answer the card had, never counting more than was stored.
    """UPDATE cards SET lapses = min(lapses, (
        SELECT count(*) FROM reviews
        WHERE reviews.card_id = cards.card_id AND mode = 'scheduled'
            AND prev_state = 2 AND rating = 1))
    WHERE reps = (
        SELECT count(*) FROM reviews
        WHERE reviews.card_id = cards.card_id AND mode = 'scheduled')""",
    f"UPDATE cards SET leech = (lapses >= {_LEECH_THRESHOLD})",
    # The leech flag follows the threshold: changing the setting re-flags every card.
    *(
        f"""CREATE TRIGGER settings_leech_threshold_{event.lower()} AFTER {event} ON settings
        WHEN NEW.key = 'leech_threshold' BEGIN
            UPDATE cards SET leech = (lapses >= {_LEECH_THRESHOLD});
        END"""
        for event in ("INSERT", "UPDATE")
    ),
)


def _v4_review_lapses(connection: sqlite3.Connection) -> None:
    _execute_each(connection, _V4_STATEMENTS)


def _v5_card_flags(connection: sqlite3.Connection) -> None:
    # The cards a user flagged in the card browser (a mark of their own; scheduling ignores it).
    connection.execute("CREATE TABLE card_flags (card_id TEXT PRIMARY KEY) WITHOUT ROWID")


_V6_STATEMENTS = (
    # Coding questions in mock interviews: SQLite cannot change a CHECK in place, so the table is
    # rebuilt with 'coding' admitted and `cases` (JSON: the run's problem and each hidden case's
    # verdict) added; every row is copied and the index recreated. Nothing references the table.
    """CREATE TABLE mock_answers_v6 (
        interview_id INTEGER NOT NULL REFERENCES mock_interviews (id),
        position INTEGER NOT NULL,
        card_id TEXT NOT NULL,
        kind TEXT NOT NULL CHECK (kind IN ('conceptual', 'numeric', 'coding')),
        topics TEXT NOT NULL,
        template TEXT,
        activation TEXT,
        seed INTEGER,
        prompt TEXT NOT NULL,
        budget_ms INTEGER NOT NULL,
        key_points INTEGER,
        outcome TEXT NOT NULL CHECK (outcome IN ('pending', 'submitted', 'skipped',
            'question-time', 'session-time', 'not-reached')),
        response TEXT,
        used_ms INTEGER,
        paused_ms INTEGER,
        answered_at INTEGER,
        readable INTEGER,
        correct INTEGER,
        score REAL NOT NULL DEFAULT 0 CHECK (score BETWEEN 0 AND 1),
        covered TEXT,
        cases TEXT,
        PRIMARY KEY (interview_id, position)
    ) WITHOUT ROWID""",
    """INSERT INTO mock_answers_v6 (interview_id, position, card_id, kind, topics, template,
        activation, seed, prompt, budget_ms, key_points, outcome, response, used_ms, paused_ms,
        answered_at, readable, correct, score, covered)
    SELECT interview_id, position, card_id, kind, topics, template, activation, seed, prompt,
        budget_ms, key_points, outcome, response, used_ms, paused_ms, answered_at, readable,
        correct, score, covered
    FROM mock_answers""",
    "DROP TABLE mock_answers",
    "ALTER TABLE mock_answers_v6 RENAME TO mock_answers",
    "CREATE INDEX mock_answers_card ON mock_answers (card_id)",
)


def _v6_mock_coding(connection: sqlite3.Connection) -> None:
    _execute_each(connection, _V6_STATEMENTS)


def _v7_shown_questions(connection: sqlite3.Connection) -> None:
    # The seed of the generated question (or option order) on show for a card, kept until it
    # is answered, so leaving review or restarting never re-rolls it (quizapp.study.store.shown).
    connection.execute(
        """CREATE TABLE shown_questions (
            card_id TEXT PRIMARY KEY,
            seed INTEGER NOT NULL
        ) WITHOUT ROWID"""
    )


_V8_STATEMENTS = (
    # Home counts the cards due within the week from this index alone (quizapp.study.overview):
    # it holds every column that read needs, so SQLite never visits the table. It leads with the
    # same columns as the index it replaces, which serves every other read by due date too.
    "CREATE INDEX cards_due_covering ON cards (due, suspended, state, buried_until, card_id)"
    " WHERE state IS NOT NULL",
    "DROP INDEX cards_due",
)


def _v8_covering_due_index(connection: sqlite3.Connection) -> None:
    _execute_each(connection, _V8_STATEMENTS)


_V9_STATEMENTS = (
    # `correct` is the app's verdict on a graded answer (numeric, choice, code: the kinds the
    # registry calls judged). Before, a card only revealed and rated got `rating > Again` there,
    # and stats counted a self-rated flashcard as a correct attempt of its activation. A row with
    # neither a score (no grade) nor a template (no numeric question) was such a rating: its
    # `correct` is cleared, and the totals are counted again.
    "UPDATE reviews SET correct = NULL WHERE score IS NULL AND template IS NULL",
    "DELETE FROM skill_totals",
    """INSERT INTO skill_totals (template, activation, attempts, correct)
        SELECT coalesce(template, ''), coalesce(activation, ''), count(*), sum(correct)
        FROM reviews
        WHERE correct IS NOT NULL AND (template IS NOT NULL OR activation IS NOT NULL)
        GROUP BY coalesce(template, ''), coalesce(activation, '')""",
)


def _v9_graded_answers_only(connection: sqlite3.Connection) -> None:
    _execute_each(connection, _V9_STATEMENTS)


MIGRATIONS: Sequence[Migration] = (
    _v1_initial_schema,
    _v2_mock_interviews,
    _v3_code_attempts,
    _v4_review_lapses,
    _v5_card_flags,
    _v6_mock_coding,
    _v7_shown_questions,
    _v8_covering_due_index,
    _v9_graded_answers_only,
)
"""Append-only: step i upgrades a file from version i to i + 1. Never edit a shipped step."""


def latest_version(migrations: Sequence[Migration] = MIGRATIONS) -> int:
    return len(migrations)


def schema_version(connection: sqlite3.Connection) -> int:
    return int(connection.execute("PRAGMA user_version").fetchone()[0])


def migrate(connection: sqlite3.Connection, migrations: Sequence[Migration] = MIGRATIONS) -> int:
    """Apply the missing steps in order; returns the number applied. The connection must be in
    autocommit mode (`isolation_level=None`) so each step's transaction is explicit."""
    applied = 0
    while True:
        connection.execute("BEGIN IMMEDIATE")
        try:
            version = schema_version(connection)
            if version >= len(migrations):
                connection.execute("COMMIT")
                return applied
            migrations[version](connection)
            connection.execute(f"PRAGMA user_version = {version + 1}")
            connection.execute("COMMIT")
        except BaseException:
            connection.execute("ROLLBACK")
            raise
        applied += 1
