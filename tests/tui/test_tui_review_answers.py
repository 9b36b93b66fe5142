"""Review keeps what the learner typed: `enter` records the proposed rating (it never changes a
tick), the typed answer stays on screen above the model answer and in the log whatever the ticks,
and leaving with an answer not yet recorded asks first."""

from __future__ import annotations

from helpers import quit_question, settle, shown, wait_ready
from test_tui_review import first_of_kind, open_review
from textual.widgets import Input, SelectionList, TextArea

from quizapp.study import CramSession, Rating
from quizapp.tui.dialogs import ConfirmScreen
from quizapp.tui.screens.home import HomeScreen
from quizapp.tui.screens.review import ReviewScreen

CARD = "iq-vanishing-gradient"
ANSWER = "Gradients shrink layer by layer, so early layers barely learn."


async def typed_and_graded(app, pilot):
    """The interview card answered in its box: the key points come back pre-ticked."""
    screen = await open_review(app, pilot, CARD)
    await pilot.press("enter")
    screen.query_one("#typed-answer", Input).value = ANSWER
    await pilot.press("enter")
    await pilot.pause()
    assert screen.state == "graded"
    return screen


async def test_enter_after_a_typed_answer_records_the_proposal_and_keeps_the_ticks(
    make_app,
) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_ready(pilot)
        screen = await typed_and_graded(app, pilot)
        points = screen.query_one("#key-points", SelectionList)
        assert points.has_focus and sorted(points.selected) == [0, 1]
        assert screen.proposed == Rating.Good
        assert "Record" in {row[1] for row in screen.key_rows()}
        await pilot.press("enter")
        await settle(pilot)
        reviews = app.workspace.store.reviews_of(CARD)
        assert [review.rating for review in reviews] == [Rating.Good]


async def test_space_still_ticks_the_highlighted_key_point(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await wait_ready(pilot)
        screen = await typed_and_graded(app, pilot)
        points = screen.query_one("#key-points", SelectionList)
        points.highlighted = 2
        await pilot.press("space")
        await pilot.pause()
        assert sorted(points.selected) == [0, 1, 2]
        assert "3 of 4" in shown(app, "#rating-bar")


async def test_the_typed_answer_shows_above_the_model_answer_and_stays_in_the_log(
    make_app,
) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_ready(pilot)
        screen = await typed_and_graded(app, pilot)
        assert screen.query_one("#your-answer").display
        assert shown(app, "#your-answer") == f"Your answer\n\n{ANSWER}"
        points = screen.query_one("#key-points", SelectionList)
        points.highlighted = 3
        await pilot.press("space")  # a tick changed by hand
        await pilot.pause()
        assert sorted(points.selected) == [0, 1, 3]
        await pilot.press("enter")
        await settle(pilot)
        [review] = app.workspace.store.reviews_of(CARD)
        assert review.response == ANSWER
        assert review.rating == Rating.Good


async def test_ticks_after_a_reveal_propose_a_rating_enter_records(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await wait_ready(pilot)
        screen = await open_review(app, pilot, CARD)
        await pilot.press("space", "space")  # reveal, then tick the first key point
        await pilot.pause()
        assert not screen.query_one("#your-answer").display
        assert "enter records it" in shown(app, "#rating-bar")
        await pilot.press("enter")
        await settle(pilot)
        [review] = app.workspace.store.reviews_of(CARD)
        assert review.rating == Rating.Hard
        assert review.response.startswith("covered: ")


async def test_escape_with_a_typed_answer_asks_and_no_keeps_it(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await wait_ready(pilot)
        screen = await open_review(app, pilot, CARD)
        await pilot.press("enter")
        box = screen.query_one("#typed-answer", Input)
        box.value = ANSWER
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmScreen)
        assert "not submitted yet" in shown(app, "#confirm-question")
        await pilot.press("n")
        await pilot.pause()
        assert app.screen is screen and box.value == ANSWER
        await pilot.press("enter")  # submitted and graded: leaving still asks
        await pilot.pause()
        await pilot.press("escape")
        await pilot.pause()
        assert "not rated yet" in shown(app, "#confirm-question")
        await pilot.press("y")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        assert app.workspace.store.reviews_of(CARD) == []


async def test_escape_with_nothing_written_leaves_at_once(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await wait_ready(pilot)
        await open_review(app, pilot, CARD)
        await pilot.press("space", "escape")  # revealed, nothing ticked or typed
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)


async def test_escape_from_edited_code_asks_and_ctrl_q_too(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await wait_ready(pilot)
        screen = await open_review(app, pilot, first_of_kind(app, "code"))
        editor = screen.query_one(TextArea)
        starter = editor.text
        await pilot.press("escape")  # the starter untouched: nothing to lose
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        screen = await open_review(app, pilot, first_of_kind(app, "code"))
        editor = screen.query_one(TextArea)
        editor.text = starter.replace("...", "return x")
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("n")
        await pilot.pause()
        assert app.screen is screen and "return x" in editor.text
        await pilot.press("ctrl+q")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("y")
        await pilot.pause()
        assert app.return_code is not None or not app.is_running


async def test_the_suggested_ticks_title_is_whole_at_80_columns(make_app) -> None:
    """Walk #21: at 80x24 the title was cut before "then rate"."""
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_ready(pilot)
        screen = await typed_and_graded(app, pilot)
        points = screen.query_one("#key-points", SelectionList)
        title = str(points.border_title)
        assert title.endswith("then rate)")
        assert len(title) + 4 <= points.region.width  # corners and a space each side


async def test_undo_brings_back_the_typed_answer_and_its_ticks_as_rated(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await wait_ready(pilot)
        screen = await typed_and_graded(app, pilot)
        points = screen.query_one("#key-points", SelectionList)
        points.highlighted = 3
        await pilot.press("space")  # the suggestion corrected by hand: 0, 1 and 3
        await pilot.pause()
        await pilot.press("3")
        await settle(pilot)
        assert len(app.workspace.store.reviews_of(CARD)) == 1
        await pilot.press("ctrl+z")
        await settle(pilot)
        await pilot.pause()  # the restored answer is graded again through posted messages
        assert app.workspace.store.reviews_of(CARD) == []
        assert screen.item.card.id == CARD
        assert screen.query_one("#typed-answer", Input).value == ANSWER
        assert shown(app, "#your-answer") == f"Your answer\n\n{ANSWER}"
        assert screen.query_one("#your-answer").display
        assert sorted(points.selected) == [0, 1, 3]
        assert screen.state == "graded" and screen.proposed == Rating.Good
        assert "gradients shrink" in shown(app, "#heard").casefold()
        await pilot.press("enter")
        await settle(pilot)
        [review] = app.workspace.store.reviews_of(CARD)
        assert (review.response, review.rating) == (ANSWER, Rating.Good)


async def test_undo_brings_back_ticks_given_after_a_reveal(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await wait_ready(pilot)
        screen = await open_review(app, pilot, CARD)
        await pilot.press("space", "space")  # reveal, then tick the first key point
        await pilot.pause()
        await pilot.press("enter")
        await settle(pilot)
        await pilot.press("ctrl+z")
        await settle(pilot)
        await pilot.pause()  # the restored answer is graded again through posted messages
        points = screen.query_one("#key-points", SelectionList)
        assert screen.state == "graded" and points.selected == [0]
        view = screen.query_one("#view-checklist")
        assert view.query_one("#card-back").display
        assert not view.query_one("#your-answer").display


async def test_undo_brings_back_a_numeric_answer_as_graded(make_app) -> None:
    """The typed numbers come back in their box with their verdict; enter records them again."""
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_ready(pilot)
        card_id = first_of_kind(app, "numeric")
        screen = await open_review(app, pilot, card_id)
        expected = screen.item.question.expected_text
        box = screen.query_one("#numeric-input", Input)
        box.value = expected
        await pilot.press("enter")
        await pilot.pause()
        await pilot.press("enter")
        await settle(pilot)
        await pilot.press("ctrl+z")
        await settle(pilot)
        await pilot.pause()  # the restored answer is graded again through posted messages
        assert app.workspace.store.reviews_of(card_id) == []
        assert screen.item.card.id == card_id
        assert box.value == expected and box.disabled
        assert shown(app, "#numeric-feedback").startswith("Correct")
        assert screen.state == "graded" and screen.proposed is not None
        await pilot.press("enter")
        await settle(pilot)
        [review] = app.workspace.store.reviews_of(card_id)
        assert review.response == expected


async def test_ctrl_q_with_an_answer_asks_whether_to_quit_quizapp(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_ready(pilot)
        screen = await typed_and_graded(app, pilot)
        question = await quit_question(pilot)
        assert question.startswith("Quit quizapp without your answer?")
        assert "quitting drops it, and the card stays due." in question
        await pilot.press("n")
        await pilot.pause()
        assert app.screen is screen and app.is_running
        await pilot.press("escape")
        await pilot.pause()
        question = shown(app, "#confirm-question")
        assert question.startswith("Leave review without your answer?")
        assert "leaving drops it, and the card stays due." in question


async def test_leaving_cram_with_an_answer_does_not_speak_of_a_due_card(make_app) -> None:
    """Cram never schedules: the card was not due and does not become due."""
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_ready(pilot)
        cards = [app.workspace.library.card(CARD)]
        await app.push_screen(ReviewScreen(CramSession(app.workspace.store, cards), "Cram"))
        await pilot.pause()
        await pilot.press("enter")
        app.screen.query_one("#typed-answer", Input).value = ANSWER
        for key, action in (("escape", "Leave cram"), ("ctrl+q", "Quit quizapp")):
            await pilot.press(key)
            await pilot.pause()
            question = shown(app, "#confirm-question")
            assert question.startswith(f"{action} without your answer?")
            assert "due" not in question and "cram schedules nothing" in question
            await pilot.press("n")
            await pilot.pause()
