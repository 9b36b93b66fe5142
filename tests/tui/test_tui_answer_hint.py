"""The answer box says what an answer looks like for the question shown: a multiple-choice
question is answered by an option's number or name, not by a list of numbers (walk #6)."""

from __future__ import annotations

from helpers import wait_ready
from textual.widgets import Input

from quizapp.study import ReviewSession
from quizapp.tui.screens.review import ReviewScreen


async def test_the_placeholder_follows_the_questions_answer_shape(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_ready(pilot)
        cards = app.workspace.cards
        for template, hint in (
            ("identify-activation", "an option's number or name, e.g. 2 — enter submits"),
            ("activation-vector", "your answer, e.g. 0.5, 0, 1.2 — enter submits"),
            ("derivative-point", "your answer, e.g. 0.5 — enter submits"),
        ):
            card = next(card for card in cards if card.template == template)
            session = ReviewSession(app.workspace.store, [card])
            await app.push_screen(ReviewScreen(session, "Review"))
            await pilot.pause()
            assert app.screen.query_one("#numeric-input", Input).placeholder == hint
            app.pop_screen()
            await pilot.pause()
