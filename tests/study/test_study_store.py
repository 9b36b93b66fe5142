"""The database file: settings, durability settings, damaged or foreign files, two writers."""

import sqlite3
import threading
from datetime import datetime, timedelta
from pathlib import Path

import pytest
from fsrs import Rating, Scheduler
from study_fakes import cards

from quizapp.study import (
    DATABASE_NAME,
    CardChangedError,
    CorruptDatabaseError,
    DatabaseUnavailableError,
    FakeClock,
    ForeignDatabaseError,
    NewerSchemaError,
    StudySettings,
    StudyStore,
    UndoError,
    open_store,
    record_answer,
)
from quizapp.study.store import Attempt


def test_creates_the_data_dir_and_file(tmp_path: Path, clock: FakeClock) -> None:
    data_dir = tmp_path / "nested" / "data"
    with open_store(data_dir, clock) as store:
        assert store.path == data_dir / DATABASE_NAME
        assert store.integrity_check() == ["ok"]
        assert store.query("PRAGMA journal_mode")[0][0] == "wal"
    assert (data_dir / DATABASE_NAME).is_file()


def test_settings_round_trip_json_values(store: StudyStore) -> None:
    assert store.get_setting("theme", "dark") == "dark"
    for value in ("nord", 3, 0.85, True, None, ["a", 1], {"nested": {"k": [1.5]}}):
        store.set_setting("value", value)
        assert store.get_setting("value", "missing") == value


def test_settings_refuse_what_json_cannot_hold(store: StudyStore) -> None:
    with pytest.raises(TypeError):
        store.set_setting("bad", object())


def test_study_settings_validate_and_fall_back(store: StudyStore) -> None:
    with pytest.raises(ValueError, match="desired_retention"):
        StudySettings(desired_retention=1.5)
    with pytest.raises(ValueError, match="new_per_day"):
        StudySettings(new_per_day=-1)
    store.set_setting("desired_retention", 2)
    store.set_setting("new_per_day", 7)
    loaded = StudySettings.load(store)
    assert loaded.desired_retention == StudySettings().desired_retention
    assert loaded.new_per_day == 7


def test_a_whole_number_stored_before_its_bound_is_held_to_the_bound(store: StudyStore) -> None:
    """new_per_day=1000 was accepted before the bound of 500 existed: the nearest allowed value
    is what the user meant, not the default of 20."""
    store.set_setting("new_per_day", 1000)
    store.set_setting("leech_threshold", 0)
    loaded = StudySettings.load(store)
    assert (loaded.new_per_day, loaded.leech_threshold) == (500, 1)


def test_reopening_keeps_everything(tmp_path: Path, clock: FakeClock) -> None:
    deck = cards(2)
    with open_store(tmp_path, clock) as store:
        recorded = record_answer(
            store, deck[0], Rating.Good, scheduler=Scheduler(enable_fuzzing=False)
        )
        store.set_setting("theme", "nord")
    with open_store(tmp_path, clock) as store:
        assert store.reviews_of(deck[0].id) == [recorded.review]
        assert store.card_state(deck[0].id) == recorded.after
        assert store.get_setting("theme") == "nord"


def test_an_attempt_is_logged_the_same_scheduled_or_not(tmp_path: Path, clock: FakeClock) -> None:
    """One `Attempt` carries how a card was answered to every kind of log row."""
    deck = cards(1)
    attempt = Attempt(duration=timedelta(seconds=3), response="0.5", seed=7, activation="tanh")
    with open_store(tmp_path, clock) as store:
        scheduled = record_answer(
            store, deck[0], Rating.Good, scheduler=Scheduler(), attempt=attempt
        )
        crammed = store.record_unscheduled(
            "cram", Rating.Good, day=store.today(), card=deck[0], attempt=attempt
        )
    for recorded in (scheduled, crammed):
        review = recorded.review
        assert (review.duration_ms, review.response, review.seed, review.activation) == (
            3000,
            "0.5",
            7,
            "tanh",
        )


def test_garbage_file_is_copied_aside_and_left_in_place(tmp_path: Path, clock: FakeClock) -> None:
    path = tmp_path / DATABASE_NAME
    junk = b"this is not sqlite" * 500
    path.write_bytes(junk)
    with pytest.raises(CorruptDatabaseError) as raised:
        open_store(tmp_path, clock)
    message = str(raised.value)
    assert str(path) in message and "\n" not in message
    assert raised.value.backup is not None
    assert raised.value.backup.read_bytes() == junk
    assert str(raised.value.backup) in message
    assert path.read_bytes() == junk


def test_a_fresh_file_only_when_asked(tmp_path: Path, clock: FakeClock) -> None:
    path = tmp_path / DATABASE_NAME
    path.write_bytes(b"\x00garbage" * 800)
    with pytest.raises(CorruptDatabaseError):
        open_store(tmp_path, clock)
    with open_store(tmp_path, clock, replace_corrupt=True) as store:
        assert store.review_count() == 0
    aside = sorted(tmp_path.glob(f"{DATABASE_NAME}.corrupt-*"))
    assert any(candidate.read_bytes() == b"\x00garbage" * 800 for candidate in aside)


def test_replace_corrupt_never_touches_a_sound_file(tmp_path: Path, clock: FakeClock) -> None:
    with open_store(tmp_path, clock) as store:
        store.set_setting("kept", 1)
    with open_store(tmp_path, clock, replace_corrupt=True) as store:
        assert store.get_setting("kept") == 1
    assert not list(tmp_path.glob("*.corrupt-*"))


def test_damage_found_later_is_reported_and_copied(tmp_path: Path, clock: FakeClock) -> None:
    deck = cards(200)
    with open_store(tmp_path, clock) as store:
        scheduler = Scheduler(enable_fuzzing=False)
        for card in deck:
            record_answer(store, card, Rating.Good, scheduler=scheduler)
    path = tmp_path / DATABASE_NAME
    data = bytearray(path.read_bytes())
    page = 4096
    for start in range(page, len(data), page):
        data[start : start + page] = b"\xa5" * page
    path.write_bytes(bytes(data))
    with pytest.raises(CorruptDatabaseError) as raised:
        store = open_store(tmp_path, clock)
        store.card_state(deck[100].id)
    assert raised.value.backup is not None and raised.value.backup.exists()
    assert path.read_bytes() == bytes(data)


def test_damage_stays_reported_after_the_connection_closes(
    tmp_path: Path, clock: FakeClock
) -> None:
    """Damage closes the connection; every later read or write reports the damage again (and its
    one copy), not the closed connection, which said nothing of the file or how to recover it."""
    deck = cards(200)
    with open_store(tmp_path, clock) as store:
        for card in deck:
            record_answer(store, card, Rating.Good, scheduler=Scheduler(enable_fuzzing=False))
    path = tmp_path / DATABASE_NAME
    with sqlite3.connect(path) as raw:
        page_size = raw.execute("PRAGMA page_size").fetchone()[0]
        query = "SELECT rootpage FROM sqlite_master WHERE name = 'reviews'"
        (root,) = raw.execute(query).fetchone()
    raw.close()
    data = bytearray(path.read_bytes())
    data[(root - 1) * page_size : root * page_size] = b"\xa5" * page_size
    path.write_bytes(bytes(data))
    store = open_store(tmp_path, clock)
    with pytest.raises(CorruptDatabaseError) as first:
        store.query("SELECT * FROM reviews")
    for read in (lambda: store.card_state(deck[1].id), lambda: store.set_setting("theme", "x")):
        with pytest.raises(CorruptDatabaseError) as again:
            read()
        assert str(again.value) == str(first.value)
    store.close()
    assert len(list(tmp_path.glob(f"{DATABASE_NAME}.corrupt-*"))) == 1


def test_newer_schema_is_refused(tmp_path: Path, clock: FakeClock) -> None:
    open_store(tmp_path, clock).close()
    with sqlite3.connect(tmp_path / DATABASE_NAME) as raw:
        raw.execute("PRAGMA user_version = 99")
    with pytest.raises(NewerSchemaError, match="schema version 99"):
        open_store(tmp_path, clock)


def test_another_programs_database_is_refused(tmp_path: Path, clock: FakeClock) -> None:
    with sqlite3.connect(tmp_path / DATABASE_NAME) as raw:
        raw.execute("CREATE TABLE bookmarks (url TEXT)")
    with pytest.raises(ForeignDatabaseError, match="another application"):
        open_store(tmp_path, clock)


def test_data_dir_that_is_a_file(tmp_path: Path, clock: FakeClock) -> None:
    blocker = tmp_path / "data"
    blocker.write_text("not a directory")
    with pytest.raises(DatabaseUnavailableError, match="data directory"):
        open_store(blocker, clock)


def test_database_path_that_is_a_directory(tmp_path: Path, clock: FakeClock) -> None:
    (tmp_path / DATABASE_NAME).mkdir()
    with pytest.raises(DatabaseUnavailableError, match="not a regular file"):
        open_store(tmp_path, clock)


def test_two_writers_never_lose_an_update(tmp_path: Path, clock: FakeClock) -> None:
    """An answer computed from a row the other writer changed meanwhile is refused (and then
    computed again from the new row), never written over it."""
    deck = cards(1)
    open_store(tmp_path, clock).close()
    rounds = 25
    errors: list[BaseException] = []

    def hammer() -> None:
        try:
            with open_store(tmp_path, clock) as own:
                scheduler = Scheduler(enable_fuzzing=False)
                done = 0
                while done < rounds:
                    try:
                        record_answer(own, deck[0], Rating.Good, scheduler=scheduler)
                    except CardChangedError:
                        continue
                    done += 1
        except BaseException as error:
            errors.append(error)

    workers = [threading.Thread(target=hammer) for _ in range(2)]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join()
    assert errors == []
    with open_store(tmp_path, clock) as store:
        assert store.card_state(deck[0].id).reps == 2 * rounds
        assert len(store.reviews_of(deck[0].id)) == 2 * rounds


def test_undo_is_refused_once_a_later_review_depends_on_it(store: StudyStore) -> None:
    deck = cards(1)
    scheduler = Scheduler(enable_fuzzing=False)
    first = record_answer(store, deck[0], Rating.Good, scheduler=scheduler)
    second = record_answer(store, deck[0], Rating.Good, scheduler=scheduler)
    with pytest.raises(UndoError, match="reviewed again"):
        store.undo(first.review.id)
    assert store.undo(second.review.id) == first.after
    assert store.undo(first.review.id) is None
    with pytest.raises(UndoError, match="not in"):
        store.undo(first.review.id)


def test_using_a_closed_store_is_not_mistaken_for_damage(tmp_path: Path, clock: FakeClock) -> None:
    store = open_store(tmp_path, clock)
    store.close()
    with pytest.raises(DatabaseUnavailableError, match="closed"):
        store.card_state("any")
    assert not list(tmp_path.glob("*.corrupt-*"))


def test_a_fresh_file_keeps_exactly_one_copy_of_the_damaged_one(
    tmp_path: Path, clock: FakeClock
) -> None:
    class TickingClock(FakeClock):
        """Every reading is a second later, so two backups could not share a name."""

        def now(self) -> datetime:
            return self.advance(seconds=1)

    (tmp_path / DATABASE_NAME).write_bytes(b"junk" * 2000)
    open_store(tmp_path, TickingClock(clock.now()), replace_corrupt=True).close()
    aside = list(tmp_path.glob(f"{DATABASE_NAME}.corrupt-*"))
    assert [path.read_bytes() for path in aside] == [b"junk" * 2000]
