"""Every screen names itself with Textual's `Screen.TITLE`: the header and the keys overlay."""

from __future__ import annotations

import importlib
import pkgutil

from helpers import wait_ready
from textual.widgets import DataTable, Header, Static

import quizapp.tui.screens
from quizapp.tui.screens.base import QuizScreen
from quizapp.tui.screens.stats import StatsScreen


def _screen_classes() -> list[type[QuizScreen]]:
    for module in pkgutil.walk_packages(quizapp.tui.screens.__path__, "quizapp.tui.screens."):
        importlib.import_module(module.name)
    found: list[type[QuizScreen]] = []
    pending = list(QuizScreen.__subclasses__())
    while pending:
        screen = pending.pop()
        found.append(screen)
        pending.extend(screen.__subclasses__())
    return found


def test_every_screen_sets_its_own_title() -> None:
    screens = _screen_classes()
    assert len(screens) >= 10
    untitled = [screen.__name__ for screen in screens if not screen.__dict__.get("TITLE")]
    assert untitled == []


async def test_the_header_and_the_keys_overlay_name_the_screen(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await wait_ready(pilot)
        await pilot.press("s")
        await wait_ready(pilot)
        assert isinstance(app.screen, StatsScreen)
        assert app.screen.query_one(Header).screen_title == "Stats"
        await pilot.press("f1")
        await pilot.pause()
        assert str(app.screen.query_one("#keys-title", Static).render()) == "Keys — Stats"
        assert app.screen.query_one(DataTable).row_count > 0
