"""Burying, suspending or resetting a card in review throws away an answer written or graded
but not recorded (the undo brings back the card, not the answer): review asks first, as it
does before leaving; with nothing to lose, bury acts at once."""

from __future__ import annotations

from helpers import settle, shown, wait_ready
from test_tui_review import open_review
from textual.widgets import Input, TextArea

from quizapp.tui.dialogs import ConfirmScreen
from quizapp.tui.screens.review import ReviewScreen

CARD = "iq-vanishing-gradient"
NEXT_CARD = "iq-dying-relu"
CODE_CARD = "code-relu"
ANSWER = "Gradients shrink layer by layer, so early layers barely learn."


async def asked_then_no(app, pilot, key: str, *words: str) -> None:
    """`key` asks a question naming `words`; no keeps the card and its answer on show."""
    screen = app.screen
    await pilot.press(key)
    await pilot.pause()
    assert isinstance(app.screen, ConfirmScreen)
    question = shown(app, "#confirm-question")
    for word in words:
        assert word in question
    await pilot.press("n")
    await settle(pilot)
    assert app.screen is screen


async def test_bury_with_an_answer_written_asks_first_and_no_keeps_it(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_ready(pilot)
        screen = await open_review(app, pilot, CARD, NEXT_CARD)
        await pilot.press("enter")
        box = screen.query_one("#typed-answer", Input)
        box.value = ANSWER
        await asked_then_no(
            app, pilot, "ctrl+b", "Bury this card without your answer?", "not submitted yet"
        )
        assert screen.item.card.id == CARD and box.value == ANSWER
        await pilot.press("enter")  # judged: the suggestion is not rated yet
        await settle(pilot)
        assert screen.state == "graded"
        await asked_then_no(app, pilot, "ctrl+b", "not rated yet", "burying drops it")
        assert screen.item.card.id == CARD and screen.state == "graded"
        await asked_then_no(app, pilot, "ctrl+s", "Suspend this card without", CARD)
        await asked_then_no(app, pilot, "ctrl+n", "Reset this card without", CARD)
        await pilot.press("ctrl+b", "y")
        await settle(pilot)
        assert screen.item.card.id == NEXT_CARD
        assert app.workspace.store.reviews_of(CARD) == []


async def test_bury_with_code_written_or_graded_asks_first(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_ready(pilot)
        screen = await open_review(app, pilot, CODE_CARD, CARD)
        editor = screen.query_one(TextArea)
        editor.text = editor.text.replace("...", "return np.maximum(x, 0)")
        await asked_then_no(app, pilot, "ctrl+b", "not submitted yet", "burying drops it")
        assert editor.has_focus
        await pilot.press("ctrl+r")
        await settle(pilot)
        assert screen.state == "graded"
        await asked_then_no(app, pilot, "ctrl+b", "not rated yet", "burying drops it")
        assert screen.item.card.id == CODE_CARD and "np.maximum" in editor.text


async def test_bury_with_nothing_to_lose_buries_at_once(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_ready(pilot)
        screen = await open_review(app, pilot, CARD, NEXT_CARD)
        await pilot.press("space", "ctrl+b")  # revealed, nothing typed or ticked
        await settle(pilot)
        assert isinstance(app.screen, ReviewScreen)
        assert screen.item.card.id == NEXT_CARD
