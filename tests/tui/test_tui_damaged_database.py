"""A database whose header reads but whose pages are damaged (found only as home reads today's
numbers): home and every mode that reads it say what `quizapp` commands say (unreadable or
corrupt, kept, how to recover), never the closed connection the first failure left behind, and
the file is left as it was."""

from __future__ import annotations

from pathlib import Path

from helpers import settle, shown, wait_ready

from quizapp.tui.screens.home import MODE_TITLES

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
