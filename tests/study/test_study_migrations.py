"""Every earlier schema version upgrades on open; an appended step is all a new version needs."""

import sqlite3
from pathlib import Path

import pytest
from fsrs import Rating, Scheduler
from study_fakes import cards

from quizapp.study import DATABASE_NAME, FakeClock, NewerSchemaError, open_store, record_answer
from quizapp.study.migrations import MIGRATIONS, latest_version, migrate, schema_version


def _file_at_version(path: Path, version: int) -> None:
    connection = sqlite3.connect(path, isolation_level=None)
    migrate(connection, MIGRATIONS[:version])
    assert schema_version(connection) == version
    connection.close()


@pytest.mark.parametrize("version", range(latest_version()))
def test_every_earlier_version_upgrades_on_open(
    tmp_path: Path, clock: FakeClock, version: int
) -> None:
    _file_at_version(tmp_path / DATABASE_NAME, version)
    with open_store(tmp_path, clock) as store:
        assert store.schema_version() == latest_version()
        assert store.integrity_check() == ["ok"]
        recorded = record_answer(store, cards(1)[0], Rating.Good, scheduler=Scheduler())
        assert store.reviews_of("card-000") == [recorded.review]


def _add_mock_sessions(connection: sqlite3.Connection) -> None:
    connection.execute("CREATE TABLE mock_sessions (id INTEGER PRIMARY KEY, started INTEGER)")


def test_an_appended_step_upgrades_and_keeps_history(tmp_path: Path, clock: FakeClock) -> None:
    deck = cards(3)
    with open_store(tmp_path, clock) as store:
        before = [
            record_answer(store, card, Rating.Good, scheduler=Scheduler()).review for card in deck
        ]
    upgraded = (*MIGRATIONS, _add_mock_sessions)
    with open_store(tmp_path, clock, migrations=upgraded) as store:
        assert store.schema_version() == latest_version() + 1
        assert store.query("SELECT count(*) FROM mock_sessions") == [(0,)]
        assert [store.reviews_of(card.id)[0] for card in deck] == before
    with pytest.raises(NewerSchemaError):
        open_store(tmp_path, clock)


def test_a_failing_step_leaves_the_previous_version(tmp_path: Path, clock: FakeClock) -> None:
    open_store(tmp_path, clock).close()

    def broken(connection: sqlite3.Connection) -> None:
        connection.execute("CREATE TABLE half_done (x)")
        raise RuntimeError("step failed")

    with pytest.raises(RuntimeError, match="step failed"):
        open_store(tmp_path, clock, migrations=(*MIGRATIONS, broken))
    with open_store(tmp_path, clock) as store:
        assert store.schema_version() == latest_version()
        assert store.query("SELECT name FROM sqlite_master WHERE name = 'half_done'") == []


def test_aggregate_tables_follow_inserts_and_deletes(tmp_path: Path, clock: FakeClock) -> None:
    deck = cards(2)
    with open_store(tmp_path, clock) as store:
        scheduler = Scheduler()
        first = record_answer(store, deck[0], Rating.Again, scheduler=scheduler)
        record_answer(store, deck[1], Rating.Good, scheduler=scheduler)
        assert store.query("SELECT reviews, passed, introduced FROM review_days") == [(2, 1, 2)]
        store.undo(first.review.id)
        assert store.query("SELECT reviews, passed, introduced FROM review_days") == [(1, 1, 1)]
