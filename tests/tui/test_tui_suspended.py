"""A suspended card can be found and brought back: the confirmation says how, `u` on home opens
the card browser on the suspended cards."""

from __future__ import annotations

from helpers import shown, wait_ready
from textual.widgets import DataTable, Input

from quizapp.tui.dialogs import ConfirmScreen
from quizapp.tui.screens.cards import CardsScreen
from quizapp.tui.screens.home import HomeScreen


async def test_suspend_from_review_then_unsuspend_from_home(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await wait_ready(pilot)
        store = app.workspace.store
        await pilot.press("r")
        await pilot.pause()
        card_id = app.screen.item.card.id
        await pilot.press("s")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmScreen)
        question = shown(app, "#confirm-question")
        assert "until you unsuspend" in question
        assert "u on home lists suspended cards" in question
        assert "not be scheduled again" not in question
        await pilot.press("y")
        await pilot.pause()
        assert store.card_state(card_id).suspended
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)

        await pilot.press("u")
        await wait_ready(pilot)
        screen = app.screen
        assert isinstance(screen, CardsScreen)
        assert screen.query_one("#cards-search", Input).value == "is:suspended"
        table = screen.query_one("#cards-table", DataTable)
        assert [str(table.get_row_at(row)[0]) for row in range(table.row_count)] == [card_id]
        assert shown(app, "#cards-status") == "1 card"
        await pilot.press("u")
        await wait_ready(pilot)
        assert not store.card_state(card_id).suspended
        assert "suspended" not in str(table.get_row_at(0)[5])
        assert not screen.check_action("unsuspend", ())


async def test_the_palette_leads_to_suspended_cards(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await wait_ready(pilot)
        commands = {command.title: command for command in app.get_system_commands(app.screen)}
        commands["Suspended cards"].callback()
        await wait_ready(pilot)
        assert isinstance(app.screen, CardsScreen)
        assert shown(app, "#cards-status") == "No card matches this search."
