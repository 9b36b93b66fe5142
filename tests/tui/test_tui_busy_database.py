"""A study database that cannot be written (another instance holds it) is reported, never a crash;
the answer is not recorded and the same step works once the database is free.

The write runs in a thread and gives up after the store's busy timeout, so each step waits for the
app's writes to end (`settle`) while the lock is still held: `pilot.pause()` alone returns once the
app looks idle, which a thread waiting on SQLite's lock is, and under load before the write has
even started (the lock then went away first and the write succeeded, or nothing was reported yet).
"""

from __future__ import annotations

from helpers import held_by_another_instance, last_message, settle, wait_ready
from textual.widgets import Input

from quizapp.tui.screens.practice import DrillScreen


async def test_review_rating_waits_for_a_busy_database(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await wait_ready(pilot)
        store = app.workspace.store
        await pilot.press("r")
        await pilot.pause()
        screen = app.screen
        card = screen.item.card
        await pilot.press("space")
        with held_by_another_instance(store):
            await pilot.press("3")
            await settle(pilot)
            assert "locked by another quizapp" in last_message(app)
            assert store.review_count() == 0
            assert screen.item.card is card and screen.state == "back"
            assert screen.tally.answered == 0
        await pilot.press("3")
        await pilot.pause()
        assert [review.card_id for review in store.iter_reviews()] == [card.id]
        assert screen.tally.answered == 1
        with held_by_another_instance(store):
            await pilot.press("u")
            await settle(pilot)
            assert "locked by another quizapp" in last_message(app)
            assert store.review_count() == 1
        await pilot.press("b")
        await pilot.pause()
        assert app.screen is screen


async def test_a_drill_answer_can_be_sent_again_once_the_database_is_free(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await wait_ready(pilot)
        store = app.workspace.store
        await pilot.press("p")
        await pilot.pause()
        app.screen.query_one("#practice-count", Input).value = "1"
        await pilot.press("ctrl+s")
        await pilot.pause()
        drill = app.screen
        assert isinstance(drill, DrillScreen)
        expected = drill.item.question.expected_text
        drill.query_one("#numeric-input", Input).value = expected
        with held_by_another_instance(store):
            await pilot.press("enter")
            await settle(pilot)
            assert "locked by another quizapp" in last_message(app)
            assert store.review_count() == 0
            assert drill.drill.correct == 0 and not drill.answered
        await pilot.press("enter")
        await pilot.pause()
        assert [review.correct for review in store.iter_reviews()] == [True]
        assert drill.drill.correct == 1 and drill.answered


async def test_a_theme_change_survives_a_busy_database(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await wait_ready(pilot)
        store = app.workspace.store
        with held_by_another_instance(store):
            app.theme = "nord"
            await settle(pilot)
            assert "locked by another quizapp" in last_message(app)
        assert app.theme == "nord"
