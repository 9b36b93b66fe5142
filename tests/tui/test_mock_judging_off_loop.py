"""A mock interview's conceptual answer is judged (the key points it suggests ticking) in a
thread, with the keys typed meanwhile held and handed back in order; a judge that fails is
reported and the answer stays for the user to tick on the report."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest
from helpers import burst, last_message, settle, shown, wait_ready
from textual.widgets import Input, TextArea

import quizapp.study.mock.answers as answers
from quizapp.study import FakeClock
from quizapp.study.mock import MockOptions
from quizapp.tui.app import QuizApp
from quizapp.tui.screens.mock import MockInterviewScreen, MockReportScreen
from quizapp.tui.widgets.mock_code_view import MockCodeView


def _app(data_dir: Path, clock: FakeClock) -> QuizApp:
    options = MockOptions(questions=4, time_per_question=60, seed=21, coding=0)
    return QuizApp(data_dir, clock=clock, start_mock=options)


async def test_the_mock_judge_runs_in_a_thread_and_keys_typed_meanwhile_follow(
    data_dir: Path, clock: FakeClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    gate = threading.Event()
    threads: list[threading.Thread] = []
    real = answers.heard_points

    def slow(card, text):
        threads.append(threading.current_thread())
        gate.wait(10)
        return real(card, text)

    monkeypatch.setattr(answers, "heard_points", slow)
    app = _app(data_dir, clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_ready(pilot)
        screen = app.screen
        assert isinstance(screen, MockInterviewScreen)
        screen.query_one("#mock-answer", Input).value = "saturation kills gradients"
        await pilot.press("enter")
        burst(app, *"42")
        await pilot.pause()
        assert "Question 1 of 4" in shown(app, "#mock-status")
        gate.set()
        await settle(pilot)
        assert threads and threading.main_thread() not in threads
        assert "Question 2 of 4" in shown(app, "#mock-status")
        assert screen.query_one("#mock-answer", Input).value == "42"


async def test_a_failing_mock_judge_is_reported_and_left_to_the_user(
    data_dir: Path, clock: FakeClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(card, text):
        raise RuntimeError("the matcher broke")

    monkeypatch.setattr(answers, "heard_points", broken)
    app = _app(data_dir, clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_ready(pilot)
        screen = app.screen
        assert isinstance(screen, MockInterviewScreen)
        screen.query_one("#mock-answer", Input).value = "saturation kills gradients"
        await pilot.press("enter")
        await settle(pilot)
        assert "the matcher broke" in last_message(app)
        assert "Question 2 of 4" in shown(app, "#mock-status")
        first = screen.interview.answers[0]
        assert first.response == "saturation kills gradients"
        assert first.awaiting_ticks
        assert not isinstance(app.screen, MockReportScreen)


async def test_keys_typed_in_one_burst_with_enter_go_to_the_next_question(
    data_dir: Path, clock: FakeClock
) -> None:
    app = _app(data_dir, clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_ready(pilot)
        screen = app.screen
        assert isinstance(screen, MockInterviewScreen)
        screen.query_one("#mock-answer", Input).value = "saturation kills gradients"
        burst(app, "enter", *"42")
        await settle(pilot)
        assert "Question 2 of 4" in shown(app, "#mock-status")
        assert screen.query_one("#mock-answer", Input).value == "42"
        assert screen.interview.answers[0].response == "saturation kills gradients"


async def test_keys_typed_on_before_a_coding_question_reach_its_editor(
    data_dir: Path, clock: FakeClock
) -> None:
    """Typed on in the burst with enter, they go where they would have gone a moment later:
    into the code editor, at its cursor."""
    options = MockOptions(questions=3, time_per_question=60, seed=21, coding=1)
    app = QuizApp(data_dir, clock=clock, start_mock=options)
    async with app.run_test(size=(100, 30)) as pilot:
        await wait_ready(pilot)
        screen = app.screen
        assert isinstance(screen, MockInterviewScreen)
        kinds = [planned.kind for planned in screen.interview.plan.questions]
        coding_at = kinds.index("coding")
        assert coding_at > 0, kinds
        for _ in range(coding_at - 1):
            await pilot.press("ctrl+n")
            await settle(pilot)
        screen.query_one("#mock-answer", Input).value = "an answer"
        burst(app, "enter", *"# typed on")
        await settle(pilot)
        assert f"Question {coding_at + 1} of 3" in shown(app, "#mock-status")
        editor = screen.query_one("#mock-code-editor", TextArea)
        assert "# typed on" in editor.text
        starter = screen.query_one(MockCodeView)._starter
        assert editor.text == starter.replace("...", "# typed on")
