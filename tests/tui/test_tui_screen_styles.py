"""Home starts with its own rules only: the other screens' are read when the first of them shows,
once, and then apply as they did from app.tcss."""

from __future__ import annotations

from pathlib import Path

from helpers import wait_ready

from quizapp.tui.screens.base import SCREENS_CSS


def read_css_files(app) -> list[str]:
    return [Path(path).name for path, _class_var in app.stylesheet.source if path.endswith(".tcss")]


async def test_home_reads_only_app_tcss_the_first_other_screen_reads_screens_tcss(
    make_app,
) -> None:
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await wait_ready(pilot)
        assert read_css_files(app) == ["app.tcss"]
        await pilot.press("b")
        await wait_ready(pilot)
        assert read_css_files(app) == ["app.tcss", SCREENS_CSS.name]
        assert app.screen.query_one("#browse-nav").styles.width.value == 30
        await pilot.press("escape", "s")
        await wait_ready(pilot)
        assert read_css_files(app) == ["app.tcss", SCREENS_CSS.name]


async def test_a_screens_rules_apply_whichever_screen_read_them(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await wait_ready(pilot)
        await pilot.press("m")
        await wait_ready(pilot)
        await pilot.press("escape", "p")
        await wait_ready(pilot)
        assert app.screen.query_one("#practice-count").styles.width.value == 8
        assert app.screen.query_one("#practice-activations").styles.max_width.value == 28
