"""Resetting a card asks one question wherever it starts (review, the card browser): the same
`store.reset` is behind each, so the same consequences are named, with the key that undoes it."""

from __future__ import annotations

from fsrs import Rating, Scheduler
from helpers import wait_ready
from test_tui_cards import open_cards
from textual.widgets import Static

from quizapp.study import record_answer
from quizapp.tui.dialogs import ConfirmScreen, reset_question
from quizapp.tui.screens.review import ReviewScreen


def _question(app) -> str:
    assert isinstance(app.screen, ConfirmScreen)
    return str(app.screen.query_one("#confirm-question", Static).render())


async def test_review_and_the_card_browser_ask_the_same_reset_question(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_ready(pilot)
        await pilot.press("r")
        await wait_ready(pilot)
        assert isinstance(app.screen, ReviewScreen)
        shown_card = app.screen.item.card
        await pilot.press("ctrl+n")
        await pilot.pause()
        assert _question(app) == reset_question(shown_card.id, "ctrl+z")
        assert "schedule, lapses and leech mark start over" in _question(app)
        assert _question(app).endswith("review log is kept. ctrl+z undoes it.")
        await pilot.press("n", "escape")
        await wait_ready(pilot)

        store = app.workspace.store
        record_answer(store, shown_card, Rating.Good, scheduler=Scheduler(enable_fuzzing=False))
        await open_cards(pilot, "is:learning")
        await pilot.press("x")
        await pilot.pause()
        assert _question(app) == reset_question(shown_card.id, "z")
