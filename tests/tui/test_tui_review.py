"""Review as a user drives it: reveal, rate, undo, bury, suspend, each card kind, the summary."""

from __future__ import annotations

from datetime import timedelta

from helpers import last_message, settle, shown, wait_ready
from textual.widgets import Input

from quizapp.study import ReviewSession, State
from quizapp.tui.dialogs import ConfirmScreen
from quizapp.tui.screens.review import ReviewScreen


async def open_review(app, pilot, *card_ids: str) -> ReviewScreen:
    """Today's queue over all cards, or over just `card_ids` to reach one card kind directly."""
    workspace = app.workspace
    cards = [workspace.library.card(card_id) for card_id in card_ids] or workspace.cards
    await app.push_screen(ReviewScreen(ReviewSession(workspace.store, cards), "Review"))
    await pilot.pause()
    assert isinstance(app.screen, ReviewScreen)
    return app.screen


def first_of_kind(app, kind: str) -> str:
    return next(card.id for card in app.workspace.cards if card.kind == kind)


async def test_flashcard_reveal_rate_and_undo(make_app, clock) -> None:
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await wait_ready(pilot)
        await pilot.press("r")
        await pilot.pause()
        screen = app.screen
        card = screen.item.card
        assert card.front in shown(app, "#card-front")
        await pilot.press("3")  # rating is not possible before the answer is shown
        await pilot.pause()
        assert app.workspace.store.review_count() == 0
        await pilot.press("space")
        await pilot.pause()
        assert card.back in shown(app, "#card-back")
        assert "Good" in shown(app, "#rating-bar")
        clock.advance(seconds=12)
        await pilot.press("3")
        await pilot.pause()
        store = app.workspace.store
        assert store.review_count() == 1
        assert store.card_state(card.id).state == State.Learning
        assert screen.item.card.id != card.id
        await pilot.press("u")
        await pilot.pause()
        assert store.review_count() == 0
        assert store.card_state(card.id).state is None
        assert screen.item.card.id == card.id


async def test_suspend_asks_first(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await wait_ready(pilot)
        screen = await open_review(app, pilot)
        card_id = screen.item.card.id
        await pilot.press("s")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("n")
        await pilot.pause()
        assert app.screen is screen
        assert not app.workspace.store.card_state(card_id).suspended
        await pilot.press("s")
        await pilot.pause()
        await pilot.press("y")
        await pilot.pause()
        assert app.workspace.store.card_state(card_id).suspended
        assert screen.item.card.id != card_id


async def test_bury_moves_on_and_hides_the_card_until_tomorrow(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await wait_ready(pilot)
        screen = await open_review(app, pilot)
        card_id = screen.item.card.id
        await pilot.press("b")
        await pilot.pause()
        assert screen.item.card.id != card_id
        assert app.workspace.store.card_state(card_id).buried_until is not None


async def test_undo_takes_back_bury_and_suspend_not_the_answer_before(make_app) -> None:
    """Issue 13.1: `b` then `u`, or `s`,`y` then `u`, undid the previous answer instead."""
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_ready(pilot)
        screen = await open_review(app, pilot)
        store = app.workspace.store
        await pilot.press("space", "3")
        await settle(pilot)
        assert store.review_count() == 1
        for key, flag in (("b", "buried_until"), ("s", "suspended")):
            card_id = screen.item.card.id
            await pilot.press(key)
            await settle(pilot)
            if key == "s":
                await pilot.press("y")
                await settle(pilot)
            assert getattr(store.card_state(card_id), flag)
            assert screen.item.card.id != card_id
            await pilot.press("u")
            await settle(pilot)
            assert not getattr(store.card_state(card_id), flag)
            assert screen.item.card.id == card_id
            assert store.review_count() == 1
            assert last_message(app) in ("Bury undone", "Suspend undone")


async def test_failing_a_new_card_all_day_does_not_make_it_a_leech(make_app, clock) -> None:
    """Issue 13.3: Again while first learning counted as lapses (learning, lapses=8, leech)."""
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_ready(pilot)
        card_id = first_of_kind(app, "definition")
        screen = await open_review(app, pilot, card_id)
        for _ in range(8):
            assert screen.item.card.id == card_id
            await pilot.press("space", "1")
            await settle(pilot)
            clock.advance(minutes=30)
        state = app.workspace.store.card_state(card_id)
        assert (state.state, state.lapses, state.leech) == (State.Learning, 0, False)


async def test_interview_card_key_points_checklist_proposes_a_rating(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await wait_ready(pilot)
        card_id = first_of_kind(app, "interview")
        screen = await open_review(app, pilot, card_id)
        await pilot.press("space")
        await pilot.pause()
        points = screen.query_one("#key-points")
        assert points.display and points.option_count == len(screen.item.card.key_points)
        await pilot.press("space")  # ticks the highlighted key point
        await pilot.pause()
        assert len(points.selected) == 1
        assert screen.proposed is not None
        await pilot.press("4")
        await pilot.pause()
        assert app.workspace.store.reviews_of(card_id)[0].rating.name == "Easy"


async def test_multiple_choice_takes_the_option_number_as_shown(make_app) -> None:
    """Options come in this showing's order; the answer is matched by value and the log names
    the option chosen."""
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await wait_ready(pilot)
        card_id = first_of_kind(app, "choice")
        screen = await open_review(app, pilot, card_id)
        card = screen.item.card
        key = card.options[card.answer_index]
        shown_options = screen.item.options
        assert sorted(shown_options) == sorted(card.options)
        wrong = next(i for i, option in enumerate(shown_options) if option != key)
        listing = shown(app, "#card-options")
        assert f"{shown_options.index(key) + 1}) {key}" in listing
        await pilot.press(str(wrong + 1))
        await pilot.pause()
        assert screen.state == "graded"
        assert f"The answer is {shown_options.index(key) + 1} ({key})" in shown(app, "#card-result")
        assert screen.proposed.name == "Again"
        assert "Proposed: wrong → Again · enter records it" in shown(app, "#rating-bar")
        await pilot.press("enter")
        await settle(pilot)
        review = app.workspace.store.reviews_of(card_id)[0]
        assert review.rating.name == "Again"
        assert review.correct is False
        assert review.response == shown_options[wrong]


async def test_numeric_card_end_to_end(make_app, clock) -> None:
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await wait_ready(pilot)
        card_id = first_of_kind(app, "numeric")
        screen = await open_review(app, pilot, card_id)
        question = screen.item.question
        assert question.prompt in shown(app, "#numeric-prompt")
        # Decimal commas, one per value expected: read as such only when that makes the count.
        await pilot.press(*", ".join(["1,5"] * question.expected_vector.size))
        await pilot.press("enter")
        await pilot.pause()
        error = shown(app, "#numeric-error")
        assert "column" in error and "decimal point" in error
        assert screen.state == "front"
        assert app.workspace.store.review_count() == 0
        await pilot.press("ctrl+a", "ctrl+k", *question.expected_text, "enter")
        await pilot.pause()
        assert screen.state == "graded"
        assert "Correct" in shown(app, "#numeric-feedback")
        assert "Worked solution" in shown(app, "#numeric-solution")
        assert screen.proposed.name == "Good"
        await pilot.press("enter")
        await pilot.pause()
        review = app.workspace.store.reviews_of(card_id)[0]
        assert review.correct is True
        assert review.seed == question.seed
        assert review.response == question.expected_text


async def test_wrong_numeric_answer_names_the_mistake_and_proposes_again(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await wait_ready(pilot)
        card_id = next(
            card.id
            for card in app.workspace.cards
            if card.template == "derivative-point" and card.activation == "sigmoid"
        )
        screen = await open_review(app, pilot, card_id)
        question = screen.item.question
        mistake = next(m for m in question.mistakes if m.id == "sigmoid-instead-of-derivative")
        screen.query_one("#numeric-input", Input).value = question.mistake_text(mistake)
        await pilot.press("enter")
        await pilot.pause()
        assert mistake.description in shown(app, "#numeric-feedback")
        assert screen.proposed.name == "Again"
        await pilot.press("2")
        await pilot.pause()
        assert app.workspace.store.reviews_of(card_id)[0].rating.name == "Hard"


async def test_summary_when_the_queue_is_empty(make_app, clock) -> None:
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await wait_ready(pilot)
        card_id = first_of_kind(app, "definition")
        screen = await open_review(app, pilot, card_id)
        clock.advance(timedelta(seconds=8))
        await pilot.press("space", "4")
        await pilot.pause()
        assert screen.item is None
        summary = shown(app, "#card-front")
        assert "Session complete" in summary
        assert "Cards answered: 1" in summary
        assert "Easy: 1" in summary
