"""Home starts with its own rules only: the other screens' are read once home has shown what was
opened (or by the first of those screens, if it comes first), once, and apply as they did from
app.tcss whichever screen comes first."""

from __future__ import annotations

import threading
from pathlib import Path

from helpers import wait_ready

from quizapp.tui.screens.base import SCREENS_CSS
from quizapp.tui.screens.home import HomeScreen


def read_css_files(app) -> list[str]:
    return [Path(path).name for path, _class_var in app.stylesheet.source if path.endswith(".tcss")]


async def test_home_starts_with_app_tcss_the_other_rules_are_read_once_it_has_shown_the_data(
    make_app, held_loading: threading.Event
) -> None:
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        assert app.workspace is None
        assert read_css_files(app) == ["app.tcss"]
        held_loading.set()
        await wait_ready(pilot)
        assert isinstance(app.screen, HomeScreen)
        assert read_css_files(app) == ["app.tcss", SCREENS_CSS.name]
        await pilot.press("b")
        await wait_ready(pilot)
        assert app.screen.query_one("#browse-nav").styles.width.value == 30
        assert read_css_files(app) == ["app.tcss", SCREENS_CSS.name]


async def test_a_screen_opened_as_the_data_opens_has_its_rules(
    make_app, held_loading: threading.Event
) -> None:
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await pilot.press("p")
        await pilot.pause()
        held_loading.set()
        await wait_ready(pilot)
        assert app.screen.query_one("#practice-count").styles.width.value == 11
        assert app.screen.query_one("#practice-activations").styles.max_width.value == 28
        assert read_css_files(app) == ["app.tcss", SCREENS_CSS.name]


async def test_a_screens_rules_apply_whichever_screen_came_first(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await wait_ready(pilot)
        await pilot.press("m")
        await wait_ready(pilot)
        await pilot.press("escape", "p")
        await wait_ready(pilot)
        assert app.screen.query_one("#practice-count").styles.width.value == 11
        assert app.screen.query_one("#practice-activations").styles.max_width.value == 28
