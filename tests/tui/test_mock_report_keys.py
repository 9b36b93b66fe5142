"""The mock report's footer tells what each key does where the focus is: on the table, enter
opens the question's details (a conceptual one at its key points); on key points, space and
enter tick, and the footer says so."""

from __future__ import annotations

from pathlib import Path

from helpers import wait_ready
from textual.widgets import DataTable, Input, SelectionList
from textual.widgets._footer import FooterKey

from quizapp.study import FakeClock
from quizapp.study.mock import MockOptions
from quizapp.tui.app import QuizApp
from quizapp.tui.screens.mock import MockReportScreen


def footer(app: QuizApp) -> dict[str, str]:
    """What the footer shows: key -> description."""
    return {key.key: key.description for key in app.screen.query(FooterKey)}


async def _report(pilot, app: QuizApp) -> MockReportScreen:
    await wait_ready(pilot)
    screen = app.screen
    screen.query_one("#mock-answer", Input).value = "tanh outputs are zero mean"
    await pilot.press("enter")
    await pilot.pause()
    await pilot.press("ctrl+n")
    await pilot.pause()
    report = app.screen
    assert isinstance(report, MockReportScreen)
    return report


async def test_enter_on_the_table_opens_the_question_and_the_footer_says_so(
    data_dir: Path, clock: FakeClock
) -> None:
    app = QuizApp(data_dir, clock=clock, start_mock=MockOptions(questions=2, seed=21))
    async with app.run_test(size=(80, 24)) as pilot:
        report = await _report(pilot, app)
        assert "enter" not in footer(app) and "space" not in footer(app)
        table = report.query_one("#mock-table", DataTable)
        table.focus()
        await pilot.pause()
        assert footer(app)["enter"] == "Go to question"
        assert "space" not in footer(app)
        await pilot.press("enter")
        await pilot.pause()
        await pilot.pause()
        points = report.query_one("#mock-points-0", SelectionList)
        assert points.has_focus
        scroll = report.query_one("#mock-report")
        assert scroll.region.y <= points.region.y < scroll.region.bottom
        assert footer(app)["space"] == "Tick"
        assert "enter" not in footer(app)
        ticked = list(points.selected)
        await pilot.press("enter")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert points.selected != ticked
        await pilot.press("space")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert points.selected == ticked


async def test_enter_on_a_graded_question_shows_its_details(
    data_dir: Path, clock: FakeClock
) -> None:
    app = QuizApp(data_dir, clock=clock, start_mock=MockOptions(questions=2, seed=21))
    async with app.run_test(size=(80, 24)) as pilot:
        report = await _report(pilot, app)
        table = report.query_one("#mock-table", DataTable)
        table.focus()
        await pilot.press("down", "enter")
        await pilot.pause()
        detail = report.query_one("#mock-detail-1")
        scroll = report.query_one("#mock-report")
        assert scroll.scroll_y > 0
        assert scroll.region.y <= detail.region.y < scroll.region.bottom - 3
        assert scroll.has_focus
        assert "enter" not in footer(app)
