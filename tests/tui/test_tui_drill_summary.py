"""An endless drill ends with escape on its summary, which names the weakest question family."""

from __future__ import annotations

from helpers import settle, shown, wait_ready, wrong_answer
from textual.widgets import Input

from quizapp.questions import describe
from quizapp.tui.screens.practice import DrillScreen, PracticeSetupScreen


async def test_escape_ends_an_endless_drill_with_a_summary_naming_the_weakest_family(
    make_app,
) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_ready(pilot)
        await pilot.press("p")
        await pilot.pause()
        assert isinstance(app.screen, PracticeSetupScreen)
        app.screen.query_one("#practice-count", Input).value = "0"
        await pilot.press("ctrl+s")
        await pilot.pause()
        drill = app.screen
        assert isinstance(drill, DrillScreen)
        drill.query_one("#numeric-input", Input).value = drill.item.question.expected_text
        await pilot.press("enter")
        await settle(pilot)
        await pilot.press("enter")
        await pilot.pause()
        missed = drill.item.question
        drill.query_one("#numeric-input", Input).value = wrong_answer(missed)
        await pilot.press("enter")
        await settle(pilot)
        await pilot.press("enter")
        await pilot.pause()
        assert drill.item is not None
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen is drill
        summary = shown(app, "#drill-summary")
        assert "Drill finished: 1 of 2 correct." in summary
        assert f"Weakest family: {describe(missed.template_id)} (" in summary
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, PracticeSetupScreen)
