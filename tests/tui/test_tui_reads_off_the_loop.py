"""Opening a study screen and answering in it never reads the study database on the event loop
(a read there freezes the UI for as long as it takes: a large collection, a busy disk): review
(r), the study choice and the session it starts, the interview day dialog, a practice drill and
its answers, cram, statistics."""

from __future__ import annotations

from helpers import settle, shown, sql_on_the_event_loop, wait_ready
from textual.widgets import Input

from quizapp.tui.dialogs import AskScreen
from quizapp.tui.screens.practice import CramSetupScreen, DrillScreen
from quizapp.tui.screens.review import ReviewScreen
from quizapp.tui.screens.stats import StatsScreen
from quizapp.tui.screens.study_choice import StudyChoiceScreen


async def test_review_from_home(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await wait_ready(pilot)
        with sql_on_the_event_loop(app.workspace.store) as on_loop:
            await pilot.press("r")
            await settle(pilot)
            assert isinstance(app.screen, ReviewScreen)
            assert app.screen.item is not None
        assert on_loop == []


async def test_the_study_choice_its_review_and_the_interview_day(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await wait_ready(pilot)
        with sql_on_the_event_loop(app.workspace.store) as on_loop:
            await pilot.press("d")
            await settle(pilot)
            assert isinstance(app.screen, StudyChoiceScreen)
            await pilot.press("t")
            await settle(pilot)
            dialog = app.screen
            assert isinstance(dialog, AskScreen)
            dialog.query_one("#ask-input", Input).value = "2026-04-01"
            await pilot.press("enter")
            await settle(pilot)
            assert "Interview day: 2026-04-01" in [n.message for n in app._notifications]
            await pilot.press("enter")
            await settle(pilot)
            assert isinstance(app.screen, ReviewScreen)
            assert app.screen.item is not None
        assert on_loop == []
        assert app.workspace.store.settings().interview_date == "2026-04-01"


async def test_a_practice_drill_and_its_answers(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await wait_ready(pilot)
        with sql_on_the_event_loop(app.workspace.store) as on_loop:
            await pilot.press("p")
            await settle(pilot)
            await pilot.press("ctrl+s")
            await settle(pilot)
            drill = app.screen
            assert isinstance(drill, DrillScreen)
            drill.query_one("#numeric-input", Input).value = "1,,"
            await pilot.press("enter")
            await settle(pilot)
            assert "Not counted" in shown(app, "#numeric-error")
            drill.query_one("#numeric-input", Input).value = drill.item.question.expected_text
            await pilot.press("enter")
            await settle(pilot)
            assert "Correct" in shown(app, "#numeric-feedback")
        assert on_loop == []
        assert [review.correct for review in app.workspace.store.iter_reviews()] == [True]


async def test_cram_and_statistics(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await wait_ready(pilot)
        with sql_on_the_event_loop(app.workspace.store) as on_loop:
            await pilot.press("p")
            await settle(pilot)
            await pilot.press("ctrl+r")
            await settle(pilot)
            assert isinstance(app.screen, CramSetupScreen)
            app.screen.action_start()
            await settle(pilot)
            assert isinstance(app.screen, ReviewScreen)
            assert app.screen.item is not None
            await pilot.press("escape", "escape", "escape")
            await settle(pilot)
            assert app.screen is app.home
            await pilot.press("s")
            await settle(pilot)
            assert isinstance(app.screen, StatsScreen)
        assert on_loop == []
