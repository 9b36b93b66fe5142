"""Keys pressed in a burst while review records a rating all count, in the order pressed: a key
already on its way to the screen when the write began used to reach the old card and be dropped
(walk #14: `space 3` three times, 50 ms apart, recorded two cards)."""

from __future__ import annotations

import asyncio

import pytest
from helpers import burst, settle, wait_ready
from test_tui_review import open_review
from textual import events
from textual.widgets import Input

from quizapp.study import Rating

PAIRS = 4
INTERVIEW_CARD = "iq-vanishing-gradient"
ANSWER = "Gradients shrink layer by layer, so early layers barely learn."


async def test_reveal_and_rate_keys_sent_back_to_back_all_count(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await wait_ready(pilot)
        cards = [card.id for card in app.workspace.cards if card.kind == "definition"][:PAIRS]
        screen = await open_review(app, pilot, *cards)
        for key, character in [("space", " "), ("3", "3")] * PAIRS:
            app.post_message(events.Key(key, character))  # as the terminal driver does
            await asyncio.sleep(0)
        for _ in range(20):
            await settle(pilot)
        store = app.workspace.store
        assert [len(store.reviews_of(card)) for card in cards] == [1] * PAIRS
        assert {review.rating for review in store.iter_reviews()} == {Rating.Good}
        assert screen.tally.answered == PAIRS


@pytest.mark.parametrize("rating", list(Rating))
async def test_a_rating_typed_with_the_enter_that_submits_an_answer_is_recorded(
    make_app, rating: Rating
) -> None:
    """`enter 2` in one burst (tmux send-keys): the 2 reached the answer box before the answer
    was sent to be judged, and was typed into the hidden box instead of rating."""
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_ready(pilot)
        screen = await open_review(app, pilot, INTERVIEW_CARD)
        await pilot.press("enter")
        box = screen.query_one("#typed-answer", Input)
        assert box.has_focus
        box.value = ANSWER
        burst(app, "enter", str(rating.value))
        await settle(pilot)
        reviews = app.workspace.store.reviews_of(INTERVIEW_CARD)
        assert [review.rating for review in reviews] == [rating]
        assert ANSWER in (reviews[0].response or "")
        assert screen.tally.answered == 1
