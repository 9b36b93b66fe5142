"""A coding question in a mock interview: the editor, ctrl+r under the clock, the auto-submit at
zero that runs the tests on what was written, and the per-case results in the report."""

from __future__ import annotations

import json
from pathlib import Path

from helpers import settle, shown, wait_ready
from textual.widgets import DataTable, Input, TextArea
from textual.widgets._footer import FooterKey

from quizapp.study import FakeClock, open_store
from quizapp.study.mock import MockOptions, Phase
from quizapp.tui.app import QuizApp
from quizapp.tui.screens.mock import MockInterviewScreen, MockReportScreen, MockSetupScreen
from quizapp.tui.widgets.mock_code_view import MockCodeView


async def test_a_coding_question_from_the_editor_to_the_per_case_report(
    data_dir: Path, clock: FakeClock
) -> None:
    options = MockOptions(questions=3, coding=1, seed=4)
    app = QuizApp(data_dir, clock=clock, start_mock=options)
    async with app.run_test(size=(100, 30)) as pilot:
        await wait_ready(pilot)
        screen = app.screen
        assert isinstance(screen, MockInterviewScreen)
        interview = screen.interview
        assert [q.kind for q in interview.plan.questions] == ["conceptual", "coding", "numeric"]
        coding = interview.plan.questions[1]
        exercise = coding.card.exercise
        budget = exercise.budget_seconds
        assert coding.budget.total_seconds() == budget
        screen.query_one("#mock-answer", Input).value = "saturation"
        await pilot.press("enter")
        await pilot.pause()

        assert "Question 2 of 3 · coding" in shown(app, "#mock-status")
        assert exercise.signature in shown(app, "#mock-prompt")
        view = screen.query_one(MockCodeView)
        assert view.display and not screen.query_one("#mock-answer", Input).display
        editor = view.query_one(TextArea)
        assert editor.has_focus
        assert editor.text == f"{exercise.starter}\n"
        await pilot.press("ctrl+r")
        await pilot.press(*"# x")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert editor.text == f"{exercise.starter}\n".replace("...", "# x")
        status = shown(app, "#mock-code-status")
        assert status.startswith("0/"), status
        assert "✗" in shown(app, "#mock-code-results-text")
        assert interview.phase == Phase.ASKING

        editor.text = exercise.solution
        clock.advance(seconds=budget + 1)
        screen.tick()
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert "Question 3 of 3 · numeric" in shown(app, "#mock-status")
        assert screen.query_one("#mock-answer", Input).has_focus
        await pilot.press("ctrl+n")
        await app.workers.wait_for_complete()
        await pilot.pause()

        report = app.screen
        assert isinstance(report, MockReportScreen)
        table = report.query_one("#mock-table", DataTable)
        cells = [str(cell) for cell in table.get_row_at(1)]
        answer = interview.answers[1]
        total = len(answer.grade.cases)
        minutes = f"{budget // 60}:{budget % 60:02d}"
        time = f"{minutes} / {minutes}"
        result = f"{total}/{total} cases 100%"
        assert cells[1:] == ["coding", coding.topics[0], time, "time up", result]
        details = "\n".join(str(static.render()) for static in report.query(".mock-detail"))
        assert f"Tests: {total}/{total} cases 100%" in details
        assert f"✓ {answer.grade.cases[0].name}" in details
        assert "coding 100%" in shown(app, "#mock-summary")
    with open_store(data_dir, clock) as store:
        [(kind, outcome, score, cases)] = store.query(
            "SELECT kind, outcome, score, cases FROM mock_answers WHERE position = 1"
        )
    assert (kind, outcome, score) == ("coding", "question-time", 1.0)
    stored = json.loads(cases)
    assert stored["problem"] is None
    assert len(stored["cases"]) == total and all(case["passed"] for case in stored["cases"])


async def test_the_setup_asks_how_many_coding_exercises(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await wait_ready(pilot)
        await pilot.press("m")
        await pilot.pause()
        setup = app.screen
        assert isinstance(setup, MockSetupScreen)
        setup.query_one("#mock-questions", Input).value = "4"
        setup.query_one("#mock-coding", Input).value = "5"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert "number of coding exercises must be 0..4" in shown(app, "#mock-message")
        setup.query_one("#mock-coding", Input).value = "2"
        await pilot.press("ctrl+s")
        await settle(pilot)  # the interview is stored, then shown
        screen = app.screen
        assert isinstance(screen, MockInterviewScreen)
        kinds = [question.kind for question in screen.interview.plan.questions]
        assert kinds.count("coding") == 2 and len(kinds) == 4
        assert screen.interview.plan.options.coding == 2


async def test_the_starter_code_untouched_is_handed_in_only_on_a_second_ctrl_s(
    data_dir: Path, clock: FakeClock
) -> None:
    """A ctrl+s pressed twice in the setup lands on the interview: it must not hand in a coding
    question nobody has read."""
    app = QuizApp(data_dir, clock=clock, start_mock=MockOptions(questions=3, coding=1, seed=4))
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_ready(pilot)
        screen = app.screen
        assert isinstance(screen, MockInterviewScreen)
        screen.query_one("#mock-answer", Input).value = "saturation"
        await pilot.press("enter")
        await pilot.pause()
        assert "Question 2 of 3 · coding" in shown(app, "#mock-status")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert "Question 2 of 3 · coding" in shown(app, "#mock-status")
        assert "ctrl+s again hands in the starter code" in shown(app, "#mock-code-status")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert "Question 3 of 3 · numeric" in shown(app, "#mock-status")


async def test_written_code_is_handed_in_on_the_first_ctrl_s(
    data_dir: Path, clock: FakeClock
) -> None:
    app = QuizApp(data_dir, clock=clock, start_mock=MockOptions(questions=3, coding=1, seed=4))
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_ready(pilot)
        screen = app.screen
        screen.query_one("#mock-answer", Input).value = "saturation"
        await pilot.press("enter")
        await pilot.pause()
        editor = screen.query_one(MockCodeView).query_one(TextArea)
        editor.text = screen.interview.plan.questions[1].card.exercise.solution
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert "Question 3 of 3 · numeric" in shown(app, "#mock-status")


async def test_a_task_cut_by_a_small_terminal_says_how_to_read_it(
    data_dir: Path, clock: FakeClock
) -> None:
    """At 80x24 a long task is taller than its box and the editor takes tab: the ready line
    names shift+tab, which reaches the task to scroll it; tab goes back to the editor."""
    app = QuizApp(data_dir, clock=clock, start_mock=MockOptions(questions=1, coding=1, seed=5))
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_ready(pilot)
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, MockInterviewScreen)
        assert screen.sub_title == "1 question"
        body = screen.query_one("#mock-body")
        assert body.max_scroll_y > 0
        assert "shift+tab reads the whole task" in shown(app, "#mock-code-status")
        await pilot.press("shift+tab")
        assert body.has_focus
        await pilot.press("pagedown")
        await pilot.pause()
        assert body.scroll_y == body.max_scroll_y
        await pilot.press("tab")
        assert screen.query_one(MockCodeView).query_one(TextArea).has_focus
        await pilot.resize_terminal(120, 50)
        await pilot.pause()
        await pilot.pause()
        assert body.max_scroll_y == 0
        assert shown(app, "#mock-code-status").startswith("write the function")


async def test_every_key_of_a_coding_question_fits_the_footer_at_80_columns(
    data_dir: Path, clock: FakeClock
) -> None:
    """The hint line gives way to the editor on a coding question: the footer is the only place
    that names pause, so none of its keys may be cut."""
    app = QuizApp(data_dir, clock=clock, start_mock=MockOptions(questions=1, coding=1, seed=5))
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_ready(pilot)
        await pilot.pause()
        keys = list(app.screen.query(FooterKey))
        described = {key.description: key for key in keys}
        assert {"Test", "Hand in", "End interview", "Skip", "Pause"} <= set(described)
        palette = next(key for key in keys if key.key == "ctrl+p")
        for key in keys:
            if key is not palette:
                assert key.region.right <= palette.region.x, key.description


async def test_a_run_at_80x24_leaves_the_editor_its_height_and_the_results_in_view(
    data_dir: Path, clock: FakeClock
) -> None:
    """The results box grew to 6 rows after ctrl+r and squeezed the editor to 3 lines of code."""
    app = QuizApp(data_dir, clock=clock, start_mock=MockOptions(questions=1, coding=1, seed=5))
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_ready(pilot)
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, MockInterviewScreen)
        editor = screen.query_one(MockCodeView).query_one(TextArea)
        await pilot.press("ctrl+r")
        await app.workers.wait_for_complete()
        await settle(pilot)
        results = screen.query_one("#mock-code-results")
        assert shown(app, "#mock-code-results-text")
        assert editor.size.height >= 6
        assert results.region.height >= 3
        assert screen.query_one(MockCodeView).region.contains_region(results.region)
