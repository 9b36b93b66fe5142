"""The `?` panel lists the screen's own keys first (the Footer's, then the others the app
declares: ratings, ticks, home's hidden modes), Textual's generic scrolling and focus keys after
them, so at 80x24 the keys a screen is about are on its first lines (walk #13)."""

from __future__ import annotations

from helpers import wait_ready
from test_tui_review import open_review
from textual.widgets import DataTable

from quizapp.tui.dialogs import KeysScreen

VISIBLE_ROWS_AT_80X24 = 12
"""The panel's table shows this many rows at 80x24 without scrolling (fewer than it has)."""


async def panel_rows(app, pilot) -> list[tuple[str, str]]:
    await pilot.press("f1")
    await pilot.pause()
    assert isinstance(app.screen, KeysScreen)
    table = app.screen.query_one(DataTable)
    rows = [tuple(map(str, table.get_row_at(row))) for row in range(table.row_count)]
    await pilot.press("escape")
    await pilot.pause()
    return rows


def generic_after_own(rows: list[tuple[str, str]], own: set[str]) -> None:
    actions = [action for _key, action in rows]
    assert own <= set(actions[:VISIBLE_ROWS_AT_80X24]), actions
    first_move = min(actions.index(move) for move in ("Up", "Scroll Up") if move in actions)
    assert max(actions.index(action) for action in own) < first_move, actions


async def test_review_lists_its_keys_before_the_scrolling_keys(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_ready(pilot)
        await open_review(app, pilot, "iq-vanishing-gradient")
        generic_after_own(await panel_rows(app, pilot), {"Show answer", "Type answer", "Bury"})
        await pilot.press("space")  # revealed: the key points have the focus
        await pilot.pause()
        rows = await panel_rows(app, pilot)
        generic_after_own(rows, {"Again", "Hard", "Good", "Easy", "Tick or untick"})
        assert ("space", "Tick or untick") in rows


async def test_home_lists_suspended_and_changed_cards_before_list_moves(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_ready(pilot)
        rows = await panel_rows(app, pilot)
        actions = [action for _key, action in rows]
        assert ("u", "Suspended cards") in rows and ("C", "Changed cards") in rows
        assert actions.index("Suspended cards") < actions.index("Down")
        assert actions.index("Changed cards") < VISIBLE_ROWS_AT_80X24
