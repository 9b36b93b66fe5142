"""Every earlier schema version upgrades on open; an appended step is all a new version needs."""

import sqlite3
from datetime import timedelta
from pathlib import Path

import pytest
from fsrs import Rating, Scheduler
from study_fakes import cards

from quizapp.study import (
    DATABASE_NAME,
    FakeClock,
    NewerSchemaError,
    StudyStore,
    open_store,
    record_answer,
)
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


def test_lapses_counted_while_learning_are_recounted_from_the_log(
    tmp_path: Path, clock: FakeClock
) -> None:
    """Issue 13.3: earlier versions counted every Again as a lapse; the upgrade recounts a card
    from its review log when the log holds all its answers, and leaves any other card alone."""
    learner, imported = cards(2)
    with open_store(tmp_path, clock, migrations=MIGRATIONS[:3]) as store:
        store.set_setting("leech_threshold", 3)
        for _ in range(4):
            record_answer(store, learner, Rating.Again, scheduler=Scheduler())
        with store.transaction() as connection:
            connection.execute("UPDATE cards SET lapses = 4, leech = 1")
            connection.execute(
                "INSERT INTO cards (card_id, state, reps, lapses, leech) VALUES (?, 2, 5, 5, 1)",
                (imported.id,),
            )
    with open_store(tmp_path, clock) as store:
        assert (store.card_state(learner.id).lapses, store.card_state(learner.id).leech) == (
            0,
            False,
        )
        assert (store.card_state(imported.id).lapses, store.card_state(imported.id).leech) == (
            5,
            True,
        )
        store.set_setting("leech_threshold", 6)
        assert not store.card_state(imported.id).leech


def _due_indexes(store: StudyStore) -> list[str]:
    rows = store.query(
        "SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'cards'"
        " AND name LIKE 'cards_due%'"
    )
    return [name for (name,) in rows]


def test_a_version_7_file_gets_the_covering_due_index_with_the_same_due_cards(
    tmp_path: Path, clock: FakeClock
) -> None:
    deck = cards(6)
    before_step = MIGRATIONS[:7]
    with open_store(tmp_path, clock, migrations=before_step) as store:
        for card, rating in zip(deck, [Rating.Again, Rating.Good, Rating.Easy] * 2, strict=True):
            record_answer(store, card, rating, scheduler=Scheduler())
        edges = [clock.now() + timedelta(days=days) for days in (1, 2, 60)]
        due_before = store.due_ids(edges, clock.now().date())
        assert _due_indexes(store) == ["cards_due"]
    with open_store(tmp_path, clock) as store:
        assert store.schema_version() == latest_version()
        assert _due_indexes(store) == ["cards_due_covering"]
        assert store.due_ids(edges, clock.now().date()) == due_before
        assert sum(map(len, due_before.values())) == len(deck)
        assert store.integrity_check() == ["ok"]


def test_version_9_drops_self_rated_flashcards_from_the_skill_totals(
    tmp_path: Path, clock: FakeClock
) -> None:
    """A formula rated Easy by hand was logged as a correct tanh attempt; a graded numeric answer
    and a numeric card rated without an answer read stay counted."""
    path = tmp_path / DATABASE_NAME
    _file_at_version(path, 8)
    connection = sqlite3.connect(path, isolation_level=None)
    connection.executemany(
        "INSERT INTO reviews (card_id, mode, reviewed_at, day, rating, correct, score, template,"
        " activation) VALUES (?, 'scheduled', 0, '2026-01-01', ?, ?, ?, ?, 'tanh')",
        [
            ("formula-tanh", 4, 1, None, None),
            ("numeric-tanh", 1, 0, 0.0, "derivative-point"),
            ("numeric-tanh", 1, 0, None, "derivative-point"),
        ],
    )
    totals = "SELECT template, attempts, correct FROM skill_totals ORDER BY template"
    assert connection.execute(totals).fetchall() == [("", 1, 1), ("derivative-point", 2, 0)]
    connection.close()
    with open_store(tmp_path, clock) as store:
        assert store.skill_totals() == [("derivative-point", "tanh", 2, 0)]
        assert [review.correct for review in store.reviews_of("formula-tanh")] == [None]
