"""Every text box applies a burst of keys in the order typed: the card browser's search, Browse's
search and plot range, the mock setup's fields. A plain Textual `Input` inserted the characters
as they came but ran its own bound keys (backspace, home, ctrl+k) only once they had bubbled up
to the app, after the characters typed behind them (Textual issue #6605): "sigmoix backspace d"
searched for "sigmoix" minus its last letter typed, "sigmoi", instead of "sigmoid"."""

from __future__ import annotations

from helpers import burst, settle, wait_ready
from textual.widgets import Input

from quizapp.tui.screens.browse import BrowseScreen
from quizapp.tui.screens.cards import CardsScreen
from quizapp.tui.screens.mock import MockSetupScreen
from quizapp.tui.widgets.ordered_input import OrderedInput

TYPO_FIXED = (*"sigmoix", "backspace", "d")
"""A typo, taken back, and the right letter: "sigmoid"."""
PREFIXED = (*"relu", "home", "leaky ", "end", "!", "ctrl+a", "ctrl+k", *"gelu")
"""Edits at both ends, then all of it replaced: "gelu"."""


async def test_the_card_browser_search_takes_a_burst_in_order(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await wait_ready(pilot)
        await pilot.press("c")
        await settle(pilot)
        assert isinstance(app.screen, CardsScreen)
        await pilot.press("slash")
        await settle(pilot)
        box = app.screen.query_one("#cards-search", Input)
        assert box.has_focus
        burst(app, *TYPO_FIXED)
        await settle(pilot)
        assert box.value == "sigmoid"
        burst(app, *PREFIXED)
        await settle(pilot)
        assert box.value == "gelu"


async def test_the_browse_search_and_range_take_a_burst_in_order(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await wait_ready(pilot)
        await pilot.press("b")
        await settle(pilot)
        assert isinstance(app.screen, BrowseScreen)
        burst(app, "slash", *TYPO_FIXED)
        await settle(pilot)
        search = app.screen.query_one("#browse-search", Input)
        assert search.value == "sigmoid"
        burst(app, *PREFIXED)
        await settle(pilot)
        assert search.value == "gelu"
        await pilot.press("escape")
        await settle(pilot)
        await app.screen.show_function("activation-functions", "relu")
        await settle(pilot)
        await pilot.press("g")
        await settle(pilot)
        box = app.screen.query_one("#browse-range", Input)
        assert box.has_focus
        burst(app, "ctrl+a", "ctrl+k", *"-3 9", "backspace", "4")
        await settle(pilot)
        assert box.value == "-3 4"


async def test_the_mock_setup_fields_take_a_burst_in_order(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await wait_ready(pilot)
        await pilot.press("m")
        await settle(pilot)
        assert isinstance(app.screen, MockSetupScreen)
        for field in ("questions", "minutes", "seconds", "seed", "coding"):
            box = app.screen.query_one(f"#mock-{field}", Input)
            box.focus()
            await settle(pilot)
            burst(app, "ctrl+a", "ctrl+k", *"19", "backspace", "2", "home", "3")
            await settle(pilot)
            assert box.value == "312", field


async def test_every_text_box_of_the_app_is_the_ordered_one(make_app) -> None:
    """A box added later as a plain `Input` would bring the reordering back."""
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await wait_ready(pilot)
        for key in ("c", "b", "m"):
            await pilot.press(key)
            await settle(pilot)
            if isinstance(app.screen, BrowseScreen):
                await app.screen.show_function("activation-functions", "relu")
                await settle(pilot)
            boxes = list(app.screen.query(Input))
            assert boxes and all(isinstance(box, OrderedInput) for box in boxes), key
            await pilot.press("escape")
            await settle(pilot)
