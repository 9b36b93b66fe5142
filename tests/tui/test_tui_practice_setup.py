"""Practice opens with the drill setup the user last started, also after a restart."""

from __future__ import annotations

from helpers import settle, wait_ready
from textual.widgets import Checkbox, Input, SelectionList

from quizapp.tui.screens.practice import DrillScreen, PracticeSetupScreen


async def _open_setup(app, pilot) -> PracticeSetupScreen:
    await wait_ready(pilot)
    await pilot.press("p")
    await settle(pilot)
    screen = app.screen
    assert isinstance(screen, PracticeSetupScreen)
    return screen


async def test_the_last_drill_setup_is_there_after_a_restart(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await _open_setup(app, pilot)
        activations = screen.query_one("#practice-activations", SelectionList)
        families = screen.query_one("#practice-families", SelectionList)
        assert len(activations.selected) > 1 and len(families.selected) > 1
        chosen_activation, chosen_family = activations.selected[1], families.selected[0]
        activations.deselect_all()
        activations.select(chosen_activation)
        families.deselect_all()
        families.select(chosen_family)
        screen.query_one("#practice-count", Input).value = "3"
        screen.query_one("#practice-schedule", Checkbox).value = False
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert isinstance(app.screen, DrillScreen)

    again = make_app()
    async with again.run_test(size=(100, 30)) as pilot:
        screen = await _open_setup(again, pilot)
        assert screen.query_one("#practice-activations", SelectionList).selected == [
            chosen_activation
        ]
        assert screen.query_one("#practice-families", SelectionList).selected == [chosen_family]
        assert screen.query_one("#practice-count", Input).value == "3"


async def test_a_setup_edited_into_nonsense_is_ignored(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await wait_ready(pilot)
        app.workspace.store.set_setting(
            "practice_setup", {"activations": ["no-such"], "families": 3, "count": "x"}
        )
        screen = await _open_setup(app, pilot)
        assert len(screen.query_one("#practice-activations", SelectionList).selected) > 1
        assert screen.query_one("#practice-count", Input).value == "10"


async def test_ticked_and_unticked_choices_differ_in_shape(make_app) -> None:
    """Not by colour alone: `[x]` before a chosen activation, `[ ]` before the others."""
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await _open_setup(app, pilot)
        activations = screen.query_one("#practice-activations", SelectionList)
        lines = [activations.render_line(y).text for y in range(activations.size.height)]
        marks = {line[4:].strip(): line[:4] for line in lines if line[:1] == "["}
        assert marks["ReLU"] == "[x] " and marks["CELU"] == "[ ] "

        schedule = screen.query_one("#practice-schedule", Checkbox)
        assert not schedule.value and "X" not in schedule.render().plain
        await pilot.click("#practice-schedule")
        await settle(pilot)
        assert schedule.value and "X" in schedule.render().plain
