"""A database whose header reads but whose pages are damaged (found only as home reads today's
numbers): home and every mode that reads it say what `quizapp` commands say (unreadable or
corrupt, kept, how to recover), never the closed connection the first failure left behind, and
the file is left as it was."""

from __future__ import annotations

from pathlib import Path

from damaged_database import studied_then_damaged
from helpers import settle, shown, wait_ready

from quizapp.study import FakeClock
from quizapp.tui.screens.home import CHECK_GROUP, MODE_TITLES

READ_LATER = {"browse", "mock"}
"""Browse reads the decks only; the mock setup reads the history once the interview starts."""


async def _study_one_card(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await wait_ready(pilot)
        await pilot.press("r")
        await settle(pilot)
        await pilot.press("space", "3")
        await settle(pilot)
        assert app.workspace.store.review_count() == 1


def _damage_the_middle(database: Path) -> bytes:
    """What the tester did: 8 KB of zeros over the middle of the file."""
    data = bytearray(database.read_bytes())
    middle = len(data) // 2
    data[middle : middle + 8192] = bytes(8192)
    database.write_bytes(bytes(data))
    return bytes(data)


def _says_corrupt(message: str) -> bool:
    return "unreadable or corrupt" in message and "quizapp recover" in message


async def test_damage_found_after_opening_is_reported_as_damage(make_app, data_dir: Path) -> None:
    await _study_one_card(make_app)
    database = data_dir / "quizapp.sqlite3"
    damaged = _damage_the_middle(database)
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await wait_ready(pilot)
        home = shown(app, "#home-today")
        assert _says_corrupt(home), home
        for mode in sorted(set(MODE_TITLES) - READ_LATER):
            app.clear_notifications()
            app.home.action_open(mode)
            await settle(pilot)
            errors = [n.message for n in app._notifications if n.severity == "error"]
            assert errors, mode
            assert all(_says_corrupt(message) for message in errors), (mode, errors)
            await pilot.press("escape")
            await settle(pilot)
    assert database.read_bytes() == damaged
    assert len(list(data_dir.glob("quizapp.sqlite3.corrupt-*"))) == 1


async def test_damage_that_reads_skip_over_is_found_once_home_shows(
    make_app, data_dir: Path, clock: FakeClock
) -> None:
    """Reads skip these damaged pages without an error, so home showed numbers as if nothing
    was wrong and review would have taken more answers into the file: the app runs the quick
    check every command runs, in the background, and says what they say; then every mode does."""
    damaged = studied_then_damaged(data_dir, clock, pages=(5,))
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await wait_ready(pilot)
        await app.workers.wait_for_complete()
        await settle(pilot)
        home = shown(app, "#home-today")
        assert home.startswith("Your study data is damaged:") and _says_corrupt(home), home
        errors = [n.message for n in app._notifications if n.severity == "error"]
        assert errors and all(_says_corrupt(message) for message in errors), errors
        app.clear_notifications()
        await pilot.press("r")
        await settle(pilot)
        errors = [n.message for n in app._notifications if n.severity == "error"]
        assert errors and all(_says_corrupt(message) for message in errors), errors
    database = data_dir / "quizapp.sqlite3"
    assert database.read_bytes() == damaged
    [kept] = data_dir.glob("quizapp.sqlite3.corrupt-*")
    assert kept.read_bytes() == damaged


async def test_a_sound_database_is_checked_without_a_word(make_app, data_dir: Path) -> None:
    await _study_one_card(make_app)
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await wait_ready(pilot)
        await app.workers.wait_for_complete()
        await settle(pilot)
        assert [w for w in app.home.workers if w.group == CHECK_GROUP] == []
        assert not [n for n in app._notifications if n.severity == "error"]
        assert "Due now" in shown(app, "#home-today")
        await pilot.press("r")
        await settle(pilot)
        assert app.screen is not app.home
    assert not list(data_dir.glob("quizapp.sqlite3.corrupt-*"))
