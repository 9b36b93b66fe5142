"""Keys typed in one burst in the card browser act on the card highlighted when each key is
handled: `Down s` (tmux send-keys) suspended the card the cursor had left, because the screen
learnt of the move from the table's RowHighlighted, still queued behind the `s`."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from fsrs import Rating, Scheduler
from helpers import burst, last_message, settle, shown, wait_ready
from test_tui_cards import column, open_cards
from textual.widgets import DataTable

from quizapp.study import StudyStore, record_answer
from quizapp.tui.dialogs import ConfirmScreen

Prepare = Callable[[StudyStore, str], object]
Done = Callable[[StudyStore, str], bool]

ACTIONS: dict[str, tuple[str, Prepare | None, Done]] = {
    "suspend": ("s", None, lambda store, card_id: store.card_state(card_id).suspended),
    "unsuspend": (
        "u",
        StudyStore.suspend,
        lambda store, card_id: not store.card_state(card_id).suspended,
    ),
    "unbury": (
        "b",
        StudyStore.bury,
        lambda store, card_id: store.card_state(card_id).buried_until is None,
    ),
    "flag": ("f", None, lambda store, card_id: card_id in store.flagged_ids()),
}


@pytest.mark.parametrize("name", list(ACTIONS))
async def test_down_then_an_action_in_one_burst_acts_on_the_card_moved_to(
    make_app, name: str
) -> None:
    key, prepare, done = ACTIONS[name]
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await wait_ready(pilot)
        store = app.workspace.store
        left, reached = (card.id for card in app.workspace.cards[:2])
        for card_id in (left, reached):
            if prepare is not None:
                prepare(store, card_id)
        screen = await open_cards(pilot)
        assert column(screen, 0)[:2] == [left, reached]
        burst(app, "down", key)
        await settle(pilot)
        assert screen.query_one("#cards-table", DataTable).cursor_row == 1
        assert (done(store, left), done(store, reached)) == (False, True)
        assert last_message(app).startswith(f"{reached} ")


async def test_down_then_reset_in_one_burst_asks_about_the_card_moved_to(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await wait_ready(pilot)
        store = app.workspace.store
        left, reached = app.workspace.cards[:2]
        for card in (left, reached):
            record_answer(store, card, Rating.Good, scheduler=Scheduler(enable_fuzzing=False))
        screen = await open_cards(pilot)
        assert column(screen, 0)[:2] == [left.id, reached.id]
        burst(app, "down", "x")
        await settle(pilot)
        assert isinstance(app.screen, ConfirmScreen)
        assert f"\n\n{reached.id}\n\n" in shown(app, "#confirm-question")
        await pilot.press("y")
        await settle(pilot)
        assert store.card_state(reached.id).state is None
        assert store.card_state(left.id).state is not None
