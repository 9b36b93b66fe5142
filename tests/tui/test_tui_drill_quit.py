"""ctrl+q or escape in a practice drill with an answer typed but not sent asks first, as review,
cram and mock do; with nothing to lose it acts at once."""

from __future__ import annotations

from helpers import burst, quit_question, settle, shown, wait_ready
from textual.widgets import Input

from quizapp.tui.screens.practice import DrillScreen, PracticeSetupScreen


async def _drill(app, pilot) -> DrillScreen:
    await wait_ready(pilot)
    await pilot.press("p")
    await pilot.pause()
    assert isinstance(app.screen, PracticeSetupScreen)
    await pilot.press("ctrl+s")
    await pilot.pause()
    assert isinstance(app.screen, DrillScreen)
    return app.screen


async def test_ctrl_q_with_a_typed_answer_asks_before_quitting(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        drill = await _drill(app, pilot)
        await pilot.press("0", ".", "3")
        question = await quit_question(pilot)
        assert question.startswith("Quit quizapp without your answer?")
        assert "not submitted yet: quitting drops it." in question
        await pilot.press("n")
        await pilot.pause()
        assert app.screen is drill and app.is_running
        assert drill.query_one("#numeric-input", Input).value == "0.3"
        await pilot.press("ctrl+q")
        await pilot.pause()
        await pilot.press("y")
        await pilot.pause()
        assert not app.is_running


async def test_ctrl_q_quits_at_once_with_nothing_typed_or_once_answered(make_app) -> None:
    for answered in (False, True):
        app = make_app()
        async with app.run_test(size=(80, 24)) as pilot:
            drill = await _drill(app, pilot)
            if answered:
                drill.query_one("#numeric-input", Input).value = drill.item.question.expected_text
                await pilot.press("enter")
                await settle(pilot)
                assert drill.answered
            await pilot.press("ctrl+q")
            await pilot.pause()
            assert not app.is_running


async def test_escape_with_a_typed_answer_asks_before_leaving_the_drill(make_app) -> None:
    """Escape left the drill at once and dropped what was typed; with nothing typed it still
    goes back at once."""
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        drill = await _drill(app, pilot)
        await pilot.press("0", ".", "3", "escape")
        await pilot.pause()
        question = shown(app, "#confirm-question")
        assert question.startswith("Leave the drill without your answer?")
        assert "not submitted yet: leaving drops it." in question
        await pilot.press("n")
        await pilot.pause()
        assert app.screen is drill
        assert drill.query_one("#numeric-input", Input).value == "0.3"
        await pilot.press("escape")
        await pilot.pause()
        await pilot.press("y")
        await pilot.pause()
        assert isinstance(app.screen, PracticeSetupScreen)
        await pilot.press("ctrl+s")
        await pilot.pause()
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, PracticeSetupScreen)


async def test_ctrl_q_right_behind_a_typed_answer_still_asks(make_app) -> None:
    """A burst: ctrl+q arrives before the box has taken the digits typed ahead of it."""
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        drill = await _drill(app, pilot)
        burst(app, "0", ".", "3", "ctrl+q")
        await settle(pilot)
        assert app.is_running
        assert shown(app, "#confirm-question").startswith("Quit quizapp without your answer?")
        await pilot.press("n")
        await settle(pilot)
        assert drill.query_one("#numeric-input", Input).value == "0.3"
