"""Keys typed in one burst into a numeric answer box (tmux, a fast typist) all count, in order:
after a refused answer, across the answer being judged, and while its write waits for the
database; so do those typed into the other boxes of study (the interview day, a typed
explanation, a mock interview's answer). Once, "ctrl+a ctrl+k <answer> enter" right after a
refusal submitted an EMPTY answer: Textual ran the box's bound keys only after the characters
typed after them (issue #6605)."""

from __future__ import annotations

from helpers import (
    burst,
    held_by_another_instance,
    last_message,
    locked_for,
    settle,
    shown,
    wait_ready,
)
from textual.widgets import Input

from quizapp.study import ReviewSession
from quizapp.study.mock import MockOptions
from quizapp.tui.app import QuizApp
from quizapp.tui.screens.mock import MockInterviewScreen
from quizapp.tui.screens.practice import DrillScreen
from quizapp.tui.screens.review import ReviewScreen

REFUSED = "1,5,,x"
"""Unreadable: a comma with no value before it (column 5)."""

RETYPE = ("ctrl+a", "ctrl+k")
"""Back to the start of the box, delete to its end: what a user types before a new answer."""


async def open_numeric_review(app, pilot) -> ReviewScreen:
    card = next(card for card in app.workspace.cards if card.kind == "numeric")
    await app.push_screen(ReviewScreen(ReviewSession(app.workspace.store, [card]), "Review"))
    await settle(pilot)
    assert isinstance(app.screen, ReviewScreen)
    return app.screen


async def open_drill(app, pilot) -> DrillScreen:
    await pilot.press("p")
    await settle(pilot)
    app.screen.query_one("#practice-count", Input).value = "2"
    await pilot.press("ctrl+s")
    await settle(pilot)
    assert isinstance(app.screen, DrillScreen)
    return app.screen


async def test_review_answer_retyped_after_a_refusal_counts(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await wait_ready(pilot)
        screen = await open_numeric_review(app, pilot)
        card_id, expected = screen.item.card.id, screen.item.question.expected_text
        burst(app, *REFUSED, "enter")
        await settle(pilot)
        assert "Not counted" in shown(app, "#numeric-error")
        burst(app, *RETYPE, *expected, "enter")
        await settle(pilot)
        assert screen.state == "graded"
        assert "Correct" in shown(app, "#numeric-feedback")
        await pilot.press("enter")
        await settle(pilot)
        [review] = app.workspace.store.reviews_of(card_id)
        assert (review.response, review.correct) == (expected, True)


async def test_review_refusal_retyping_and_rating_in_one_burst(make_app) -> None:
    """Keys typed on while the first answer is judged wait for its verdict: they correct the
    refused answer, and the rating key after the second answer rates it."""
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await wait_ready(pilot)
        screen = await open_numeric_review(app, pilot)
        card_id, expected = screen.item.card.id, screen.item.question.expected_text
        burst(app, *REFUSED, "enter", *RETYPE, *expected, "enter", "2")
        await settle(pilot)
        [review] = app.workspace.store.reviews_of(card_id)
        assert (review.response, review.correct, review.rating.name) == (expected, True, "Hard")


async def test_drill_answer_retyped_after_a_refusal_counts(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await wait_ready(pilot)
        drill = await open_drill(app, pilot)
        expected = drill.item.question.expected_text
        burst(app, *REFUSED, "enter")
        await settle(pilot)
        assert "Not counted" in shown(app, "#numeric-error")
        burst(app, *RETYPE, *expected, "enter")
        await settle(pilot)
        assert "Correct" in shown(app, "#numeric-feedback")
        assert [review.response for review in app.workspace.store.iter_reviews()] == [expected]


async def test_drill_keys_typed_while_the_answer_is_written_count_once_it_is(make_app) -> None:
    """The answer's write waits for another instance's lock; enter (next question), typed
    meanwhile, is handled once the answer is written."""
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await wait_ready(pilot)
        drill = await open_drill(app, pilot)
        store = app.workspace.store
        first = drill.item.question.expected_text
        with locked_for(store, 0.3):
            burst(app, *first, "enter", "enter")
            await settle(pilot)
        await settle(pilot)
        assert [review.response for review in store.iter_reviews()] == [first]
        assert drill.drill.progress().startswith("question 2 of 2")
        assert drill.query_one("#numeric-input", Input).has_focus
        second = drill.item.question.expected_text
        burst(app, *REFUSED, "enter", *RETYPE, *second, "enter")
        await settle(pilot)
        assert [review.response for review in store.iter_reviews()] == [first, second]


async def test_drill_answer_retyped_during_a_refused_write_notice(make_app) -> None:
    """The database refused the answer (the notice is up); the user retypes it at once."""
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await wait_ready(pilot)
        drill = await open_drill(app, pilot)
        store = app.workspace.store
        expected = drill.item.question.expected_text
        with held_by_another_instance(store):
            burst(app, *expected, "enter")
            await settle(pilot)
            assert "locked by another quizapp" in last_message(app)
        burst(app, *RETYPE, *expected, "enter")
        await settle(pilot)
        assert [review.response for review in store.iter_reviews()] == [expected]
        assert "Correct" in shown(app, "#numeric-feedback")


async def test_the_interview_day_typed_over_in_one_burst(make_app) -> None:
    """The study choice's dialog box: ctrl+u (delete to the start) ran after the date typed
    after it, and the interview day saved was empty."""
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await wait_ready(pilot)
        await pilot.press("d")
        await settle(pilot)
        await pilot.press("t")
        await settle(pilot)
        burst(app, "ctrl+u", *"2026-04-01", "enter")
        await settle(pilot)
        assert app.workspace.store.settings().interview_date == "2026-04-01"


async def test_a_typed_explanation_corrected_in_one_burst(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await wait_ready(pilot)
        card = app.workspace.library.card("iq-vanishing-gradient")
        await app.push_screen(ReviewScreen(ReviewSession(app.workspace.store, [card]), "Review"))
        await settle(pilot)
        await pilot.press("tab")
        await settle(pilot)
        burst(app, *"grab", "backspace", "d")
        await settle(pilot)
        assert app.screen.query_one("#typed-answer", Input).value == "grad"


async def test_a_mock_answer_corrected_in_one_burst(data_dir, clock) -> None:
    app = QuizApp(data_dir, clock=clock, start_mock=MockOptions(questions=2, seed=21, coding=0))
    async with app.run_test(size=(100, 30)) as pilot:
        await wait_ready(pilot)
        assert isinstance(app.screen, MockInterviewScreen)
        burst(app, *"relx", "backspace", "u")
        await settle(pilot)
        assert app.screen.query_one("#mock-answer", Input).value == "relu"
