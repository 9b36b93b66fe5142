"""Review of an interview card with a typed answer: tab or enter into the box, the key points come
back pre-ticked with the words heard, ticks stay editable and propose the rating; space still
reveals without typing."""

from __future__ import annotations

from helpers import settle, shown, wait_ready
from test_tui_review import open_review
from textual.widgets import Input, SelectionList

from quizapp.study import Rating

CARD = "iq-vanishing-gradient"
NEXT_CARD = "iq-dying-relu"
ANSWER = "Gradients shrink layer by layer, so early layers barely learn."


async def test_a_typed_answer_is_pre_ticked_with_evidence_and_ticks_stay_editable(
    make_app,
) -> None:
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await wait_ready(pilot)
        screen = await open_review(app, pilot, CARD)
        box = screen.query_one("#typed-answer", Input)
        assert box.display and not box.has_focus
        await pilot.press("tab")
        await pilot.pause()
        assert box.has_focus
        await pilot.press(*"Gradients")  # one keyboard test types; the rest is set directly
        box.value = ANSWER
        await pilot.press("enter")
        await pilot.pause()
        points = screen.query_one("#key-points", SelectionList)
        assert points.display and not box.display
        assert sorted(points.selected) == [0, 1]
        assert shown(app, "#heard").splitlines() == [
            "1. heard “Gradients shrink”",
            "2. heard “early layers”",
            "3. not heard",
            "4. not heard",
        ]
        assert "suggested" in str(points.border_title)
        assert screen.proposed == Rating.Good
        assert points.has_focus
        points.highlighted = 1
        await pilot.press("space")  # the user takes one suggested tick back
        await pilot.pause()
        assert sorted(points.selected) == [0]
        assert screen.proposed == Rating.Hard
        await pilot.press("2")
        await pilot.pause()
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert app.workspace.store.reviews_of(CARD)[0].rating == Rating.Hard


async def test_enter_opens_the_box_and_an_empty_answer_reveals_like_space(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await wait_ready(pilot)
        screen = await open_review(app, pilot, CARD)
        await pilot.press("enter")
        await pilot.pause()
        box = screen.query_one("#typed-answer", Input)
        assert box.has_focus
        await pilot.press("enter")
        await pilot.pause()
        points = screen.query_one("#key-points", SelectionList)
        assert points.display and points.selected == []
        assert screen.state == "back"


async def test_space_still_reveals_without_typing(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await wait_ready(pilot)
        screen = await open_review(app, pilot, CARD)
        await pilot.press("space")
        await pilot.pause()
        assert screen.query_one("#key-points", SelectionList).display
        assert screen.query_one("#typed-answer", Input).value == ""


async def test_the_next_card_after_a_typed_answer_opens_with_its_box_unfocused(
    make_app,
) -> None:
    """The focus left on the key points moved to the next card's box as they hid, and space
    typed a space there instead of revealing."""
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_ready(pilot)
        screen = await open_review(app, pilot, CARD, NEXT_CARD)
        await pilot.press("enter")
        screen.query_one("#typed-answer", Input).value = ANSWER
        await pilot.press("enter")
        await settle(pilot)
        await pilot.press("3")
        await settle(pilot)
        assert screen.item.card.id == NEXT_CARD
        box = screen.query_one("#typed-answer", Input)
        assert box.display and not box.has_focus
        await pilot.press("space")
        await pilot.pause()
        assert screen.state == "back"
        assert box.value == ""


async def test_space_in_the_empty_box_reveals_and_a_blank_answer_is_never_sent(
    make_app,
) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_ready(pilot)
        screen = await open_review(app, pilot, CARD, NEXT_CARD)
        box = screen.query_one("#typed-answer", Input)
        await pilot.press("enter", "x", "space")  # a space after a word is typed
        assert box.value == "x "
        box.value = " \u00a0 "  # a blank answer pasted: enter reveals, nothing is sent
        await pilot.press("enter")
        await pilot.pause()
        assert screen.state == "back" and screen.graded is None
        assert not screen.query_one("#your-answer").display
        await pilot.press("1")
        await settle(pilot)
        (review,) = app.workspace.store.reviews_of(CARD)
        assert review.rating == Rating.Again
        assert "\u00a0" not in (review.response or "")
        assert screen.item.card.id == NEXT_CARD
        await pilot.press("enter", "space")
        await pilot.pause()
        assert screen.state == "back"
        assert box.value == "" and not box.display
        assert screen.query_one("#key-points", SelectionList).has_focus
