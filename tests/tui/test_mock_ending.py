"""Ending a mock interview: escape shows the report of what was answered, ctrl+q asks first,
and the report's replay command plans the same interview again."""

from __future__ import annotations

import json
import shlex
from pathlib import Path

import pytest
from helpers import last_message, shown, wait_ready
from textual.widgets import DataTable, Input, SelectionList

from quizapp.cli import main
from quizapp.study import FakeClock, open_store
from quizapp.study.mock import MockOptions, Phase, plan_interview
from quizapp.tui.app import QuizApp
from quizapp.tui.dialogs import ConfirmScreen
from quizapp.tui.screens.home import HomeScreen
from quizapp.tui.screens.mock import MockInterviewScreen, MockReportScreen
from quizapp.workspace import load_content


def _mock_app(data_dir: Path, clock: FakeClock, **options) -> QuizApp:
    return QuizApp(data_dir, clock=clock, start_mock=MockOptions(**options))


def _statuses(data_dir: Path, clock: FakeClock) -> list[tuple[str]]:
    with open_store(data_dir, clock) as store:
        return store.query("SELECT status FROM mock_interviews")


async def test_escape_ends_early_and_shows_the_report_of_what_was_answered(
    data_dir: Path, clock: FakeClock
) -> None:
    app = _mock_app(data_dir, clock, questions=4, time_per_question=60, seed=21)
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_ready(pilot)
        screen = app.screen
        assert isinstance(screen, MockInterviewScreen)
        first = screen.interview.plan.questions[0]
        assert first.kind == "conceptual"
        screen.query_one("#mock-answer", Input).value = "zero-centred outputs"
        await pilot.press("enter")
        await pilot.pause()
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("y")
        await pilot.pause()
        report = app.screen
        assert isinstance(report, MockReportScreen)
        assert report.query_one("#mock-table", DataTable).row_count == 1
        summary = shown(app, "#mock-summary")
        assert "Ended early after 1 of 4 questions" in summary
        assert "Score 0% over 4 questions" in summary
        assert "Submitted 1 · time ran out on 0 · skipped 0 · not reached 3" in summary

        points = report.query_one("#mock-points-0", SelectionList)
        points.focus()
        await pilot.press("space")
        await pilot.pause()
        assert points.selected == [0]
        assert "Score 0% over 4 questions" not in shown(app, "#mock-summary")
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
    assert _statuses(data_dir, clock) == [("abandoned",)]


async def test_ending_before_any_answer_shows_no_empty_table_or_parentheses(
    data_dir: Path, clock: FakeClock
) -> None:
    app = _mock_app(data_dir, clock, questions=4, time_per_question=60, seed=21)
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_ready(pilot)
        await pilot.press("escape")
        await pilot.pause()
        await pilot.press("y")
        await pilot.pause()
        report = app.screen
        assert isinstance(report, MockReportScreen)
        summary = shown(app, "#mock-summary").splitlines()
        assert "Ended early after 0 of 4 questions" in summary[0]
        assert summary[1] == "Score 0% over 4 questions"
        assert "not reached 4" in summary[2]
        assert not report.query_one("#mock-table", DataTable).display


async def test_ctrl_q_mid_interview_asks_before_quitting(data_dir: Path, clock: FakeClock) -> None:
    app = _mock_app(data_dir, clock, questions=2, seed=4)
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_ready(pilot)
        screen = app.screen
        assert isinstance(screen, MockInterviewScreen)
        await pilot.press("ctrl+q")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmScreen)
        assert screen.interview.phase == Phase.PAUSED
        await pilot.press("n")
        await pilot.pause()
        assert app.screen is screen
        assert screen.interview.phase == Phase.ASKING
        assert app.is_running
        await pilot.press("ctrl+q")
        await pilot.pause()
        await pilot.press("y")
        await pilot.pause()
        assert not app.is_running
    assert _statuses(data_dir, clock) == [("abandoned",)]


async def test_the_status_line_shows_no_topics_during_the_interview(
    data_dir: Path, clock: FakeClock
) -> None:
    app = _mock_app(data_dir, clock, questions=2, seed=4)
    async with app.run_test(size=(100, 30)) as pilot:
        await wait_ready(pilot)
        screen = app.screen
        assert isinstance(screen, MockInterviewScreen)
        planned = screen.interview.current
        assert planned is not None and planned.topics
        status = shown(app, "#mock-status")
        assert status == f"Question 1 of 2 · {planned.kind}"


async def test_the_printed_replay_command_plans_the_same_interview(
    data_dir: Path, clock: FakeClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Unseeded, with a session cap and topics; finished, so the history it weighed changed."""
    app = _mock_app(data_dir, clock, questions=3, minutes=4.5, topics=("softmax", "relu"))
    async with app.run_test(size=(100, 30)) as pilot:
        await wait_ready(pilot)
        screen = app.screen
        assert isinstance(screen, MockInterviewScreen)
        plan = screen.interview.plan
        for _ in range(3):
            await pilot.press("ctrl+n")
            await pilot.pause()
        assert isinstance(app.screen, MockReportScreen)
        [command] = [
            line.removeprefix("Replay these questions: ")
            for line in shown(app, "#mock-summary").splitlines()
            if line.startswith("Replay these questions: ")
        ]
    assert _statuses(data_dir, clock) == [("finished",)]

    launched: list[QuizApp] = []
    monkeypatch.setattr(QuizApp, "run", lambda self, *args, **kwargs: launched.append(self))
    program, *arguments = shlex.split(command)
    assert program == "quizapp"
    assert main(["--data-dir", str(data_dir), *arguments]) == 0
    [replay_app] = launched
    options = replay_app.start_mock
    assert options is not None
    with open_store(data_dir, clock) as store:
        replayed = plan_interview(store, load_content(None).cards, options)
    assert replayed.seed == plan.seed
    assert replayed.session_budget == plan.session_budget
    assert [
        (question.card.id, question.kind, question.seed, question.budget, question.prompt)
        for question in replayed.questions
    ] == [
        (question.card.id, question.kind, question.seed, question.budget, question.prompt)
        for question in plan.questions
    ]


async def test_weakest_topics_wait_for_the_ticks_of_a_conceptual_answer(
    data_dir: Path, clock: FakeClock
) -> None:
    """Nothing heard and nothing ticked yet is no evidence of a weak topic; once the user has
    assessed the answer (even to no point covered), it counts."""
    app = _mock_app(data_dir, clock, questions=2, time_per_question=60, seed=21)
    async with app.run_test(size=(100, 30)) as pilot:
        await wait_ready(pilot)
        screen = app.screen
        assert isinstance(screen, MockInterviewScreen)
        conceptual, numeric = screen.interview.plan.questions
        assert (conceptual.kind, numeric.kind) == ("conceptual", "numeric")
        own_topics = sorted(set(conceptual.topics) - set(numeric.topics))
        assert own_topics
        screen.query_one("#mock-answer", Input).value = "zzz"
        await pilot.press("enter")
        await pilot.pause()
        screen.query_one("#mock-answer", Input).value = numeric.question.expected_text
        await pilot.press("enter")
        await pilot.pause()
        report = app.screen
        assert isinstance(report, MockReportScreen)
        assert report.query_one("#mock-points-0", SelectionList).selected == []
        assert not any(topic in shown(app, "#mock-summary") for topic in own_topics)

        points = report.query_one("#mock-points-0", SelectionList)
        points.focus()
        await pilot.press("space", "space")
        await pilot.pause()
        assert points.selected == []
        assert f"{own_topics[0]} 0%" in shown(app, "#mock-summary")


async def _end_after_a_partial_answer(pilot, points_ticked: int) -> MockReportScreen:
    """Question 1 (conceptual) answered, ended early; its report ticks `points_ticked` key
    points."""
    screen = pilot.app.screen
    assert isinstance(screen, MockInterviewScreen)
    assert screen.interview.plan.questions[0].kind == "conceptual"
    screen.query_one("#mock-answer", Input).value = "zzz"
    await pilot.press("enter")
    await pilot.pause()
    await pilot.press("escape")
    await pilot.pause()
    await pilot.press("y")
    await pilot.pause()
    report = pilot.app.screen
    assert isinstance(report, MockReportScreen)
    points = report.query_one("#mock-points-0", SelectionList)
    points.focus()
    for _ in range(points_ticked):
        await pilot.press("space", "down")
    await wait_ready(pilot)
    assert len(points.selected) == points_ticked
    return report


async def test_an_answer_short_of_every_key_point_is_sent_to_review(
    data_dir: Path, clock: FakeClock
) -> None:
    """All key points but one (over half of them, as the tester's 3/5 at 60%) is missed: `r`
    sends the card to review instead of saying nothing was missed."""
    app = _mock_app(data_dir, clock, questions=3, time_per_question=60, seed=21)
    async with app.run_test(size=(100, 30)) as pilot:
        await wait_ready(pilot)
        first = app.screen.interview.plan.questions[0]
        assert len(first.key_points) >= 3
        report = await _end_after_a_partial_answer(pilot, len(first.key_points) - 1)
        assert 0.5 <= report.interview.report().answers[0].score < 1.0
        await pilot.press("r")
        await wait_ready(pilot)
        assert last_message(app) == "1 card is due now in Review."
        assert app.workspace.store.card_state(first.card.id).due == clock.now()


async def test_an_interview_ended_early_has_the_same_weakest_topics_in_both_reports(
    data_dir: Path, clock: FakeClock, capsys: pytest.CaptureFixture[str]
) -> None:
    """Questions never reached say nothing about their topics: neither the report on screen
    nor `quizapp mock-report` ranks them (at 0%) among the weakest."""
    app = _mock_app(data_dir, clock, questions=3, time_per_question=60, seed=21)
    async with app.run_test(size=(100, 30)) as pilot:
        await wait_ready(pilot)
        first, *never_reached = app.screen.interview.plan.questions
        report = await _end_after_a_partial_answer(pilot, 1)
        on_screen = report.interview.report().weakest
        weakest_line = next(
            line for line in shown(app, "#mock-summary").splitlines() if "Weakest" in line
        )
    assert {result.topic for result in on_screen} <= set(first.topics)
    unreached = {topic for planned in never_reached for topic in planned.topics}
    assert unreached - set(first.topics)
    capsys.readouterr()
    assert main(["--data-dir", str(data_dir), "mock-report", "1", "--format", "json"]) == 0
    stored = json.loads(capsys.readouterr().out)["weakest_topics"]
    assert [(row["topic"], row["score"]) for row in stored] == [
        (result.topic, result.score) for result in on_screen
    ]
    capsys.readouterr()
    assert main(["--data-dir", str(data_dir), "mock-report", "1"]) == 0
    markdown = capsys.readouterr().out
    assert weakest_line.removeprefix("Weakest topics: ") in markdown.replace("\\", "")
