"""Ending a mock interview early keeps what was written for the question on show: the answer
line's text or the editor's code is handed in (the confirmation says so), never dropped."""

from __future__ import annotations

from pathlib import Path

from helpers import burst, settle, shown, wait_ready
from textual.widgets import DataTable, Input, Static, TextArea

from quizapp.study import FakeClock, open_store
from quizapp.study.mock import MockOptions
from quizapp.tui.app import QuizApp
from quizapp.tui.dialogs import ConfirmScreen
from quizapp.tui.screens.mock import MockInterviewScreen, MockReportScreen
from quizapp.tui.widgets.mock_code_view import MockCodeView


def _stored(data_dir: Path, clock: FakeClock) -> list[tuple]:
    with open_store(data_dir, clock) as store:
        return store.query("SELECT position, outcome, response FROM mock_answers ORDER BY position")


def _dialog_text(app: QuizApp) -> str:
    return "\n".join(str(static.render()) for static in app.screen.query(Static))


async def _answer_the_first_question(app: QuizApp, pilot) -> MockInterviewScreen:
    """Seed 4's interview: a conceptual question, then the coding one."""
    await wait_ready(pilot)
    screen = app.screen
    assert isinstance(screen, MockInterviewScreen)
    screen.query_one("#mock-answer", Input).value = "saturation"
    await pilot.press("enter")
    await pilot.pause()
    return screen


async def _end_and_confirm(app: QuizApp, pilot) -> None:
    await pilot.press("y")
    await app.workers.wait_for_complete()
    await pilot.pause()
    assert isinstance(app.screen, MockReportScreen)


async def test_escape_after_writing_code_hands_the_code_in(
    data_dir: Path, clock: FakeClock
) -> None:
    app = QuizApp(data_dir, clock=clock, start_mock=MockOptions(questions=3, coding=1, seed=4))
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await _answer_the_first_question(app, pilot)
        assert "Question 2 of 3 · coding" in shown(app, "#mock-status")
        editor = screen.query_one(MockCodeView).query_one(TextArea)
        assert editor.has_focus
        await pilot.press(*"# mine", "enter")
        written = editor.text
        assert "\n    # mine\n    \n" in written and "..." not in written
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmScreen)
        assert "code you wrote for this question is handed in" in _dialog_text(app)
        await _end_and_confirm(app, pilot)
        assert app.screen.query_one("#mock-table", DataTable).row_count == 2
    rows = _stored(data_dir, clock)
    assert rows[1] == (1, "submitted", written)
    assert rows[2][1] == "pending"


async def test_the_starter_code_untouched_is_not_handed_in(
    data_dir: Path, clock: FakeClock
) -> None:
    app = QuizApp(data_dir, clock=clock, start_mock=MockOptions(questions=3, coding=1, seed=4))
    async with app.run_test(size=(80, 24)) as pilot:
        await _answer_the_first_question(app, pilot)
        await pilot.press("escape")
        await pilot.pause()
        assert "handed in" not in _dialog_text(app)
        await _end_and_confirm(app, pilot)
    assert [row[1] for row in _stored(data_dir, clock)] == ["submitted", "pending", "pending"]


async def test_escape_after_typing_an_answer_hands_the_text_in(
    data_dir: Path, clock: FakeClock
) -> None:
    app = QuizApp(data_dir, clock=clock, start_mock=MockOptions(questions=2, seed=21))
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_ready(pilot)
        screen = app.screen
        assert isinstance(screen, MockInterviewScreen)
        await pilot.press(*"zero-centred")
        await pilot.press("escape")
        await pilot.pause()
        assert "answer you typed for this question is handed in" in _dialog_text(app)
        assert "stored as abandoned" in _dialog_text(app)
        await _end_and_confirm(app, pilot)
    assert _stored(data_dir, clock)[0] == (0, "submitted", "zero-centred")


async def test_ctrl_q_after_writing_keeps_the_answer(data_dir: Path, clock: FakeClock) -> None:
    app = QuizApp(data_dir, clock=clock, start_mock=MockOptions(questions=2, seed=21))
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_ready(pilot)
        await pilot.press(*"saturates")
        await pilot.press("ctrl+q")
        await pilot.pause()
        assert "handed in" in _dialog_text(app)
        await pilot.press("y")
        await app.workers.wait_for_complete()
        await pilot.pause()
    assert _stored(data_dir, clock)[0] == (0, "submitted", "saturates")


async def test_ending_on_the_last_question_with_an_answer_written_completes_it(
    data_dir: Path, clock: FakeClock
) -> None:
    app = QuizApp(data_dir, clock=clock, start_mock=MockOptions(questions=1, seed=21))
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_ready(pilot)
        assert app.screen.sub_title == "1 question"
        await pilot.press(*"tanh")
        await pilot.press("escape")
        await pilot.pause()
        assert "the last question, the interview is complete" in _dialog_text(app)
        await _end_and_confirm(app, pilot)
        assert "Ended early" not in shown(app, "#mock-summary")
    with open_store(data_dir, clock) as store:
        assert store.query("SELECT status FROM mock_interviews") == [("finished",)]


async def test_a_skipped_question_keeps_everything_typed_for_the_record(
    data_dir: Path, clock: FakeClock
) -> None:
    """The draft is read as the key is pressed, not at the last clock tick (4 a second)."""
    app = QuizApp(data_dir, clock=clock, start_mock=MockOptions(questions=2, seed=21))
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_ready(pilot)
        screen = app.screen
        assert isinstance(screen, MockInterviewScreen)
        screen._timer.pause()
        await pilot.press(*"not sure", "ctrl+n")
        await app.workers.wait_for_complete()
        await pilot.pause()
    assert _stored(data_dir, clock)[0] == (0, "skipped", "not sure")


async def test_a_skip_typed_right_behind_an_answer_keeps_it_with_its_question(
    data_dir: Path, clock: FakeClock
) -> None:
    """A burst: ctrl+n (skip, a priority key) ran before the answer line had taken the words
    typed ahead of it, so they were missing from the skipped question's record and landed in
    the next question's line."""
    app = QuizApp(data_dir, clock=clock, start_mock=MockOptions(questions=3, seed=4))
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_ready(pilot)
        screen = app.screen
        assert isinstance(screen, MockInterviewScreen)
        burst(app, *"it saturates", "ctrl+n")
        await settle(pilot)
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert "Question 2 of 3" in shown(app, "#mock-status")
        assert screen.query_one("#mock-answer", Input).value == ""
    [first, *_] = _stored(data_dir, clock)
    assert first[2] == "it saturates"
