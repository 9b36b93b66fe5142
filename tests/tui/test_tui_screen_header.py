"""A screen closed as soon as it opened never crashes the app through its header.

Textual's `Header` queued its first title update on the app; when the screen went away before the
app ran it (a mock interview whose start the database refused was popped while the setup screen it
replaced was still being removed), the update found the header's parts gone and the app crashed
with `NoMatches: HeaderTitle`. The screens' header (`ScreenHeader`) sets its title on the spot.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from helpers import last_message, shown, wait_ready
from textual.app import ComposeResult
from textual.widgets import Header, Input

from quizapp.study import FakeClock, StudyStoreError
from quizapp.study.mock import MockOptions
from quizapp.study.store import interviews
from quizapp.tui.app import QuizApp
from quizapp.tui.screens.base import QuizScreen
from quizapp.tui.screens.mock import MockInterviewScreen, MockReportScreen, MockSetupScreen
from quizapp.tui.widgets.screen_header import ScreenHeader

WRITE_ROUNDS = 50
"""Frames a test waits for a held write to let go: one was not always enough under load."""


async def test_an_interview_the_database_refuses_to_start_keeps_the_setup(
    make_app, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The interview is started before its screen is shown: a refusal leaves the setup on screen
    with the choices made and the reason, and ctrl+s tries again (it used to open the interview
    and close it at once, which crashed the app through the header, and lost the choices)."""
    refusals = [StudyStoreError("attempt to write a readonly database", Path("study.sqlite3"))]
    create_interview = interviews.create_interview

    def refused_once(*args: Any) -> int:
        if refusals:
            raise refusals.pop()
        return create_interview(*args)

    monkeypatch.setattr(interviews, "create_interview", refused_once)
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_ready(pilot)
        await pilot.press("m")
        await pilot.pause()
        setup = app.screen
        assert isinstance(setup, MockSetupScreen)
        setup.query_one("#mock-questions", Input).value = "2"
        await pilot.press("ctrl+s")
        await wait_ready(pilot)
        assert app.screen is setup
        assert "readonly database" in last_message(app)
        assert "not started" in shown(app, "#mock-message")
        assert setup.query_one("#mock-questions", Input).value == "2"
        await pilot.press("ctrl+s")
        await wait_ready(pilot)
        interview = app.screen
        assert isinstance(interview, MockInterviewScreen)
        assert interview.interview.total == 2
        assert "Question 1 of 2" in shown(app, "#mock-status")


async def test_a_screen_removed_in_the_tick_it_was_shown_keeps_the_app_running(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_ready(pilot)
        home = app.screen

        class Brief(QuizScreen):
            TITLE = "Brief"

            def compose(self) -> ComposeResult:
                yield ScreenHeader()

        brief = Brief()
        await app.push_screen(brief)
        assert brief.query_one(Header).screen_title == "Brief"
        brief.sub_title = "changed"
        await pilot.pause()
        assert "changed" in str(brief.query_one("HeaderTitle").render())
        app.pop_screen()
        app.push_screen(Brief())
        app.pop_screen()
        await pilot.pause(0.2)
        assert app.screen is home and app.is_running


async def test_the_report_a_clock_opens_survives_the_app_closing_at_once(
    data_dir: Path, clock: FakeClock
) -> None:
    """How `test_a_small_terminal_reaches_the_report_on_its_own` flaked under load: the app closed
    (here by Pilot, from outside its loop) while the report the clock opened was still mounting."""
    app = QuizApp(
        data_dir, clock=clock, start_mock=MockOptions(questions=2, time_per_question=5, seed=8)
    )
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_ready(pilot)
        interview = app.screen
        assert isinstance(interview, MockInterviewScreen)
        for _ in range(2):
            for _ in range(WRITE_ROUNDS):  # the write queue lets go once the screen has refreshed
                if not app.writing:
                    break
                await pilot.pause()
            assert not app.writing
            clock.advance(seconds=5)
            interview.tick()
            await app.workers.wait_for_complete()
        assert isinstance(app.screen, MockReportScreen)
