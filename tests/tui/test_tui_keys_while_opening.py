"""Keys typed while a mode opens reach it in order: typed with the mode key in one burst, or
while the screen is still mounting (walk #19: `b / relu` left Browse's search box empty or
reading "/re", with "no match")."""

from __future__ import annotations

import asyncio

import pytest
from helpers import settle, shown, wait_ready
from textual import events
from textual.keys import _character_to_key
from textual.widgets import Input, OptionList

from quizapp.tui.app import QuizApp
from quizapp.tui.screens.browse import BrowseScreen
from quizapp.tui.screens.home import HomeScreen


def burst(app: QuizApp, *keys: str) -> None:
    """Keys as a terminal delivers a burst: all queued at once (`pilot.press` waits after each)."""
    driver = app._driver
    assert driver is not None
    for key in keys:
        typed = key if len(key) == 1 else None
        event = events.Key(_character_to_key(key) if typed else key, typed)
        event.set_sender(app)
        driver.send_message(event)


def searched(app: QuizApp) -> tuple[str, list[str]]:
    """What Browse's search box holds and the first results it lists."""
    assert isinstance(app.screen, BrowseScreen)
    results = app.screen.query_one("#browse-results", OptionList)
    shown = [str(results.get_option_at_index(i).prompt) for i in range(results.option_count)]
    return app.screen.query_one("#browse-search", Input).value, shown[:3]


async def test_a_search_typed_with_the_mode_key_reaches_browse(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_ready(pilot)
        burst(app, "b", "/", *"relu")
        await settle(pilot)
        await settle(pilot)
        query, hits = searched(app)
        assert query == "relu"
        assert hits and hits[0].startswith("ReLU")
        assert isinstance(app.focused, Input) and app.focused.id == "browse-search"


async def test_keys_typed_while_browse_mounts_wait_for_it(
    make_app, monkeypatch: pytest.MonkeyPatch
) -> None:
    opened = asyncio.Event()
    show_section = BrowseScreen.show_section

    async def slow_show_section(self: BrowseScreen, deck: str, section_id: str) -> None:
        await opened.wait()
        await show_section(self, deck, section_id)

    monkeypatch.setattr(BrowseScreen, "show_section", slow_show_section)
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_ready(pilot)
        burst(app, "b")
        await asyncio.sleep(0.2)
        try:
            assert isinstance(app.screen, BrowseScreen)
            assert shown(app, "#browse-loading") == "Loading the cheatsheet…"
            burst(app, "/", *"relu")
            await asyncio.sleep(0.2)
            assert shown(app, "#browse-loading") == "Loading the cheatsheet…"
        finally:
            opened.set()
        await settle(pilot)
        await settle(pilot)
        assert searched(app)[0] == "relu"


async def test_escape_typed_while_a_mode_opens_comes_back_home(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_ready(pilot)
        burst(app, "b", "escape", "s", "escape")
        await settle(pilot)
        await settle(pilot)
        assert isinstance(app.screen, HomeScreen)
        assert len(app.screen_stack) == 1


async def test_slash_is_typed_in_the_search_box_once_it_has_the_focus(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_ready(pilot)
        await pilot.press("b")
        await settle(pilot)
        burst(app, "/", *"f/g")
        await settle(pilot)
        assert searched(app)[0] == "f/g"
