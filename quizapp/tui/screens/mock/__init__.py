"""Mock interview: choose the options (`setup`), answer against the clock (`interview`), then
read and assess the report (`report`)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from quizapp.study import StudyStoreError
from quizapp.study.mock import MockInterview, MockOptions, MockPlanError, plan_interview
from quizapp.tui.screens.mock.interview import MockInterviewScreen
from quizapp.tui.screens.mock.report import MockReportScreen
from quizapp.tui.screens.mock.setup import MockSetupScreen

if TYPE_CHECKING:
    from quizapp.tui.app import QuizApp

__all__ = ["MockInterviewScreen", "MockReportScreen", "MockSetupScreen", "open_mock"]


def open_mock(app: QuizApp, options: MockOptions) -> None:
    """Start an interview straight away; if the options cannot be planned, open the setup screen
    with the reason instead."""
    workspace = app.workspace
    assert workspace is not None
    try:
        plan = plan_interview(workspace.store, workspace.cards, options)
    except (MockPlanError, StudyStoreError) as error:
        app.push_screen(MockSetupScreen(options, message=str(error)))
        return
    app.push_screen(MockInterviewScreen(MockInterview(plan, workspace.store, app.clock)))
