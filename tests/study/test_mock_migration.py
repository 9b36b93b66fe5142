"""Schema step 2 adds the mock interview tables to an existing file without touching its history."""

import sqlite3
from pathlib import Path

import pytest
from fsrs import Rating, Scheduler
from study_fakes import cards

from quizapp.study import DATABASE_NAME, FakeClock, open_store, record_answer
from quizapp.study.migrations import MIGRATIONS, latest_version, migrate, schema_version

MOCK_TABLES = {"mock_interviews", "mock_answers"}


def _tables(store) -> set[str]:
    return {row[0] for row in store.query("SELECT name FROM sqlite_master WHERE type = 'table'")}


def test_a_version_1_file_with_history_gains_the_mock_tables(
    tmp_path: Path, clock: FakeClock
) -> None:
    deck = cards(3)
    with open_store(tmp_path, clock, migrations=MIGRATIONS[:1]) as store:
        assert store.schema_version() == 1
        assert not MOCK_TABLES & _tables(store)
        before = [
            record_answer(store, card, Rating.Good, scheduler=Scheduler()).review for card in deck
        ]
        days = store.query("SELECT * FROM review_days")
    with open_store(tmp_path, clock) as store:
        assert store.schema_version() == latest_version()
        assert _tables(store) >= MOCK_TABLES
        assert [store.reviews_of(card.id)[0] for card in deck] == before
        assert store.query("SELECT * FROM review_days") == days
        assert store.integrity_check() == ["ok"]


def test_the_mock_tables_refuse_values_outside_their_domain(
    tmp_path: Path, clock: FakeClock
) -> None:
    with open_store(tmp_path, clock) as store, store.transaction() as connection:
        connection.execute(
            "INSERT INTO mock_interviews (id, started_at, day, status, seed, options, budget_ms,"
            " planned) VALUES (1, 0, '2025-03-10', 'finished', 1, '{}', 1000, 1)"
        )
        bad_rows = [
            "UPDATE mock_interviews SET status = 'paused'",
            "UPDATE mock_interviews SET score = 1.5",
            "INSERT INTO mock_answers (interview_id, position, card_id, kind, topics, prompt,"
            " budget_ms, outcome) VALUES (1, 0, 'c', 'essay', '[]', 'p', 1, 'pending')",
            "INSERT INTO mock_answers (interview_id, position, card_id, kind, topics, prompt,"
            " budget_ms, outcome) VALUES (1, 0, 'c', 'numeric', '[]', 'p', 1, 'late')",
        ]
        for statement in bad_rows:
            with pytest.raises(sqlite3.IntegrityError):
                connection.execute(statement)


def test_a_file_stopped_mid_step_2_stays_at_version_1(tmp_path: Path, clock: FakeClock) -> None:
    path = tmp_path / DATABASE_NAME
    connection = sqlite3.connect(path, isolation_level=None)
    migrate(connection, MIGRATIONS[:1])
    connection.execute("CREATE TABLE mock_answers (x)")  # a clash makes step 2 fail midway
    with pytest.raises(sqlite3.OperationalError):
        migrate(connection)
    assert schema_version(connection) == 1
    assert connection.execute(
        "SELECT count(*) FROM sqlite_master WHERE name = 'mock_interviews'"
    ).fetchone() == (0,)
    connection.close()
