"""Mock interview setup: the options, checked and planned before the interview starts."""

from __future__ import annotations

from typing import Literal

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.content import Content
from textual.widgets import Button, Footer, Input, SelectionList, Static
from textual.widgets.selection_list import Selection

from quizapp.study import StudyStoreError
from quizapp.study.mock import (
    MockInterview,
    MockOptions,
    MockOptionsError,
    MockPlanError,
    available_topics,
    parse_options,
    plan_interview,
)
from quizapp.tui.screens.base import QuizScreen
from quizapp.tui.screens.mock.interview import MockInterviewScreen
from quizapp.tui.widgets.ordered_input import OrderedInput
from quizapp.tui.widgets.screen_header import ScreenHeader
from quizapp.tui.widgets.tick_list import TickList

FIELD_OF_OPTION = {
    "questions": "questions",
    "minutes": "minutes",
    "time_per_question": "seconds",
    "seed": "seed",
    "coding": "coding",
}
"""The form field (`#mock-<field>`) of each `MockOptions` field a `MockOptionsError` names."""
FIELD_LENGTH = 20
"""Every value the options take fits (the largest seed has 19 digits); a longer one is refused as
typed, instead of a number too long to read back (Python reads at most 4,300 digits) quoted in
full under the fields."""


def _field_text(value: str | float | None) -> str:
    if value is None:
        return ""
    return f"{value:g}" if isinstance(value, float) else str(value)


class MockSetupScreen(QuizScreen):
    TITLE = "Mock interview"

    BINDINGS = [Binding("ctrl+s", "start", "Start interview", id="mock.start", priority=True)]

    def __init__(self, options: MockOptions | None = None, *, message: str = "") -> None:
        super().__init__()
        self.options = options or MockOptions()
        self.message = message

    def compose(self) -> ComposeResult:
        options = self.options
        yield ScreenHeader()
        with VerticalScroll(id="mock-setup"):
            yield Static(
                "A timed rehearsal: interview questions you answer in a line or just think"
                " through, and numeric questions graded like practice. No hints and no feedback"
                " until the report.",
                classes="mock-intro",
                markup=False,
            )
            fields: tuple[tuple[str, str, str | float | None, Literal["integer", "number"]], ...]
            fields = (
                ("Questions", "questions", str(options.questions), "integer"),
                ("Minutes (blank: the sum of the budgets)", "minutes", options.minutes, "number"),
                (
                    "Seconds per question (blank: by kind)",
                    "seconds",
                    options.time_per_question,
                    "integer",
                ),
                ("Seed (blank: random)", "seed", options.seed, "integer"),
                (
                    "Coding (blank: one if 4+ questions)",
                    "coding",
                    options.coding,
                    "integer",
                ),
            )
            for label, field, value, kind in fields:
                with Horizontal(classes="mock-field"):
                    yield Static(label, classes="label", markup=False)
                    yield OrderedInput(
                        _field_text(value), id=f"mock-{field}", type=kind, max_length=FIELD_LENGTH
                    )
            yield Static(self.message, id="mock-message", markup=False)
            topics = TickList[str](
                *(
                    Selection(Content(topic), topic, topic in options.topics)
                    for topic in available_topics(self.workspace.cards)
                ),
                id="mock-topics",
            )
            topics.border_title = "Topics (none ticked: all)"
            yield topics
            with Horizontal(classes="practice-controls"):
                yield Button("Start interview", id="mock-start", variant="primary")
        yield Footer()

    def on_mount(self) -> None:
        self.sub_title = "choose, then ctrl+s"
        self.query_one("#mock-questions", Input).focus()

    @on(Button.Pressed, "#mock-start")
    @on(Input.Submitted)
    def start_pressed(self) -> None:
        self.action_start()

    def _field(self, name: str) -> str:
        return self.query_one(f"#mock-{name}", Input).value

    def action_start(self) -> None:
        message = self.query_one("#mock-message", Static)
        try:
            options = parse_options(
                self._field("questions"),
                self._field("minutes"),
                self._field("seconds"),
                self._field("seed"),
                self.query_one("#mock-topics", SelectionList).selected,
                self._field("coding"),
            )
            workspace = self.workspace
            plan = plan_interview(workspace.store, workspace.cards, options)
        except (MockOptionsError, MockPlanError, StudyStoreError) as error:
            self._refuse(error)
            return
        interview = MockInterview(plan, workspace.store, self.quiz_app.clock)
        message.update("")

        def not_started() -> None:
            message.update("The interview was not started (see the notice); ctrl+s tries again.")

        # Started here, then shown: a refusal keeps this screen and the choices made on it.
        self.quiz_app.writes.run(
            interview.start,
            lambda _: self.app.switch_screen(MockInterviewScreen(interview)),
            title="Interview not started",
            failed=not_started,
        )

    def _refuse(self, error: Exception) -> None:
        """Why the interview did not start, said where the eye is: a notification, the line
        under the fields, and the focus on the field at fault (scrolled into view)."""
        reason = str(error)
        self.query_one("#mock-message", Static).update(reason)
        self.notify(reason, title="Interview not started", severity="error", markup=False)
        if isinstance(error, MockOptionsError):
            self.query_one(f"#mock-{FIELD_OF_OPTION[error.option]}", Input).focus()
        elif isinstance(error, MockPlanError):
            self.query_one("#mock-topics", SelectionList).focus()
