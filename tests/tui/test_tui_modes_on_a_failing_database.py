"""Every mode opens on a study database that fails every read: the screen shows, a notice names
the database for each read that failed, and escape goes home. None reads the database as it
is built or composed (on the UI thread, where a failure would crash the app): each reads it in
a worker, or (Browse, the mock setup) not until asked to."""

from __future__ import annotations

from pathlib import Path

import pytest
from helpers import failing_database, settle, wait_ready

from quizapp.tui.screens.home import MODE_TITLES

READ_LATER = {"browse", "mock"}
"""Browse reads the decks only; the mock setup reads the history once the interview starts."""


@pytest.mark.parametrize("mode", sorted(MODE_TITLES))
async def test_a_mode_opens_on_a_failing_database(make_app, tmp_path: Path, mode: str) -> None:
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await wait_ready(pilot)
        with failing_database(app.workspace.store, tmp_path):
            app.home.action_open(mode)
            await settle(pilot)
            await settle(pilot)
            assert app.screen is not app.home
            assert app.screen.is_mounted
            errors = [n.message for n in app._notifications if n.severity == "error"]
            assert all("quizapp.sqlite3" in message for message in errors), errors
            assert bool(errors) is (mode not in READ_LATER)
        await pilot.press("escape")
        await settle(pilot)
        assert app.screen is app.home
