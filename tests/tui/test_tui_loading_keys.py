"""A mode key pressed while home is still loading is kept: the mode opens once loading ends."""

from __future__ import annotations

import threading

from helpers import last_message, wait_ready

from quizapp.tui.screens.home import HomeScreen
from quizapp.tui.screens.review import ReviewScreen
from quizapp.tui.screens.stats import StatsScreen


async def test_a_mode_key_pressed_while_loading_opens_the_mode_when_ready(
    make_app, held_loading: threading.Event
) -> None:
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        assert app.workspace is None
        await pilot.press("r")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        assert "Still loading" in last_message(app) and "Review" in last_message(app)
        held_loading.set()
        await wait_ready(pilot)
        assert isinstance(app.screen, ReviewScreen)


async def test_the_last_mode_key_pressed_while_loading_wins(
    make_app, held_loading: threading.Event
) -> None:
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await pilot.press("r", "s")
        await pilot.pause()
        held_loading.set()
        await wait_ready(pilot)
        assert isinstance(app.screen, StatsScreen)
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
