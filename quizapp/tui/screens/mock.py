"""Mock interview: choose the options, answer against the clock, then read and assess the report.

The screens only lay out what `quizapp.study.mock` decides: the countdowns come from the runner
(which reads the injected clock), `tick` merely asks it a few times a second.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.content import Content
from textual.timer import Timer
from textual.widgets import Button, DataTable, Footer, Header, Input, SelectionList, Static
from textual.widgets.selection_list import Selection

from quizapp.study import StudyStoreError
from quizapp.study.mock import (
    WARNING_TIME,
    MockAnswer,
    MockInterview,
    MockOptions,
    MockOptionsError,
    MockPlanError,
    MockReport,
    Phase,
    SentToReview,
    available_topics,
    clock_text,
    parse_options,
    plan_interview,
)
from quizapp.tui.dialogs import ConfirmScreen
from quizapp.tui.screens.base import QuizScreen

if TYPE_CHECKING:
    from quizapp.tui.app import QuizApp

TICK_SECONDS = 0.25
REPORT_COLUMNS = ("#", "kind", "topic", "time / budget", "ended", "result")


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


def _field_text(value: str | float | None) -> str:
    if value is None:
        return ""
    return f"{value:g}" if isinstance(value, float) else str(value)


class MockSetupScreen(QuizScreen):
    TITLE_TEXT = "Mock interview"

    BINDINGS = [Binding("ctrl+s", "start", "Start interview", id="mock.start", priority=True)]

    def __init__(self, options: MockOptions | None = None, *, message: str = "") -> None:
        super().__init__()
        self.options = options or MockOptions()
        self.message = message

    def compose(self) -> ComposeResult:
        options = self.options
        yield Header()
        with VerticalScroll(id="mock-setup"):
            yield Static(
                "A timed rehearsal: interview questions you answer in a line or just think"
                " through, and numeric questions graded like practice. No hints and no feedback"
                " until the report.",
                classes="mock-intro",
                markup=False,
            )
            for label, field, value, kind in (
                ("Questions", "questions", str(options.questions), "integer"),
                ("Minutes (blank: the sum of the budgets)", "minutes", options.minutes, "number"),
                (
                    "Seconds per question (blank: by kind)",
                    "seconds",
                    options.time_per_question,
                    "integer",
                ),
                ("Seed (blank: random)", "seed", options.seed, "integer"),
            ):
                with Horizontal(classes="mock-field"):
                    yield Static(label, classes="label", markup=False)
                    yield Input(_field_text(value), id=f"mock-{field}", type=kind)
            topics = SelectionList[str](
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
            yield Static(self.message, id="mock-message", markup=False)
        yield Footer()

    def on_mount(self) -> None:
        self.sub_title = "choose, then ctrl+s"
        self.query_one("#mock-questions", Input).focus()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        self.action_start()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        self.action_start()

    def action_start(self) -> None:
        message = self.query_one("#mock-message", Static)
        try:
            options = parse_options(
                *(
                    self.query_one(f"#mock-{field}", Input).value
                    for field in ("questions", "minutes", "seconds", "seed")
                ),
                self.query_one("#mock-topics", SelectionList).selected,
            )
            workspace = self.workspace
            plan = plan_interview(workspace.store, workspace.cards, options)
        except (MockOptionsError, MockPlanError, StudyStoreError) as error:
            message.update(str(error))
            return
        interview = MockInterview(plan, workspace.store, self.quiz_app.clock)
        self.app.switch_screen(MockInterviewScreen(interview))


class MockInterviewScreen(QuizScreen):
    """One question at a time under two countdowns; nothing is graded on screen."""

    TITLE_TEXT = "Mock interview"

    BINDINGS = [
        Binding("ctrl+n", "skip", "Skip", id="mock.skip", priority=True),
        Binding("ctrl+t", "pause", "Pause / resume", id="mock.pause", priority=True),
        Binding("escape", "go_back", "End interview", id="screen.back"),
    ]

    def __init__(self, interview: MockInterview) -> None:
        super().__init__()
        self.interview = interview
        self._timer: Timer | None = None

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static("", id="mock-status", classes="status-line", markup=False)
        with Horizontal(id="mock-clocks"):
            yield Static("", id="mock-question-clock", markup=False)
            yield Static("", id="mock-session-clock", markup=False)
        with VerticalScroll(id="mock-body"):
            yield Static("", id="mock-prompt", markup=False)
            yield Static(
                "Paused: both clocks are stopped and the question is hidden.\n\nctrl+t resumes.",
                id="mock-paused",
                markup=False,
            )
        yield Input(
            placeholder="type your answer, or think it through — enter submits", id="mock-answer"
        )
        yield Static(
            "enter submit · ctrl+n skip · ctrl+t pause · esc end (answers so far are kept)",
            id="mock-hint",
            markup=False,
        )
        yield Footer()

    def on_mount(self) -> None:
        if self.interview.phase == Phase.READY:
            self._save(self.interview.start, self._begin, failed=self.app.pop_screen)
        else:
            self._begin()

    def _begin(self, _: object = None) -> None:
        self.sub_title = f"{self.interview.total} questions"
        self._show_question()
        self._timer = self.set_interval(TICK_SECONDS, self.tick)

    def on_unmount(self) -> None:
        """ctrl+q (or any exit) mid-interview: keep the answers, mark the session abandoned.
        Written here and now, the app is closing: the interview is stored as abandoned from its
        start anyway, this only notes when the user quit."""
        if self._timer is not None:
            self._timer.stop()
        if not self.interview.is_over:
            try:
                self.interview.abandon()
            except StudyStoreError as error:
                self.notify(str(error), title="Not saved", severity="error", markup=False)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in ("skip", "go_back") and self.quiz_app.writing:
            return False
        if action == "skip":
            return self.interview.phase == Phase.ASKING
        if action == "pause":
            return self.interview.phase in (Phase.ASKING, Phase.PAUSED)
        return True

    def _save(
        self,
        step: Callable[[], object],
        then: Callable[[object], object],
        *,
        failed: Callable[[], object] | None = None,
    ) -> None:
        """Run a storing step off the event loop; when the database refuses it, the step can be
        retried (`failed` says what to do meanwhile)."""
        self.quiz_app.writes.run(step, then, title="Answer not saved", failed=failed)

    def tick(self) -> None:
        """Apply the clocks (a timeout submits the answer typed so far) and redraw them. While an
        answer is being saved the clocks are only redrawn."""
        interview = self.interview
        if not self.quiz_app.writing:
            if interview.phase == Phase.ASKING:
                interview.draft = self.query_one("#mock-answer", Input).value
            if interview.clock_ran_out():
                self._save(interview.tick, self._timed_out)
                return
        if not interview.is_over:
            self._show_clocks()

    def _timed_out(self, _: object) -> None:
        self.notify("Time is up: your answer so far was submitted.", timeout=3)
        self._show_question()

    def _show_question(self) -> None:
        interview = self.interview
        if interview.phase == Phase.FINISHED:
            self._finish()
            return
        planned = interview.current
        if planned is None:
            return
        topics = ", ".join(planned.topics)
        self.query_one("#mock-status", Static).update(
            f"Question {planned.position + 1} of {interview.total} · {planned.kind} · {topics}"
        )
        self.query_one("#mock-prompt", Static).update(planned.prompt)
        answer_box = self.query_one("#mock-answer", Input)
        answer_box.value = interview.draft
        answer_box.placeholder = (
            "your answer, e.g. 0.5, 0, 1.2 — enter submits"
            if planned.kind == "numeric"
            else "say it aloud or type key words — enter submits"
        )
        self._show_paused(interview.phase == Phase.PAUSED)
        self.query_one("#mock-body", VerticalScroll).scroll_home(animate=False)
        self._show_clocks()

    def _show_paused(self, paused: bool) -> None:
        self.query_one("#mock-prompt", Static).display = not paused
        self.query_one("#mock-paused", Static).display = paused
        answer_box = self.query_one("#mock-answer", Input)
        answer_box.display = not paused
        answer_box.disabled = paused
        if not paused:
            answer_box.focus()
        self.refresh_bindings()

    def _show_clocks(self) -> None:
        question_left = self.interview.question_remaining()
        session_left = self.interview.session_remaining()
        for selector, label, left in (
            ("#mock-question-clock", "Question", question_left),
            ("#mock-session-clock", "Session", session_left),
        ):
            clock = self.query_one(selector, Static)
            clock.update(f"{label} {clock_text(left, round_up=True)}")
            clock.set_class(left <= WARNING_TIME, "warning")
            clock.set_class(self.interview.phase == Phase.PAUSED, "paused")

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        if self.interview.phase != Phase.ASKING:
            return
        text = event.value
        self._save(lambda: self.interview.submit(text), lambda _: self._show_question())

    def action_skip(self) -> None:
        if self.interview.phase == Phase.ASKING:
            self._save(self.interview.skip, lambda _: self._show_question())

    def action_pause(self) -> None:
        if self.interview.phase == Phase.ASKING:
            self.interview.pause()
            self._show_paused(True)
        elif self.interview.phase == Phase.PAUSED:
            self.interview.resume()
            self._show_paused(False)
        self._show_clocks()

    def action_go_back(self) -> None:
        """Ask first; the clocks stop while the question is on screen."""
        was_asking = self.interview.phase == Phase.ASKING
        if was_asking:
            self.interview.pause()
            self._show_paused(True)

        def decided(confirmed: bool | None) -> None:
            if confirmed:
                self._save(self.interview.abandon, lambda _: self.app.pop_screen())
                return
            if was_asking and self.interview.phase == Phase.PAUSED:
                self.interview.resume()
                self._show_paused(False)

        self.app.push_screen(
            ConfirmScreen(
                "End the interview now?\n\nThe answers given so far are kept and the session is"
                " stored as abandoned (it does not count in your score trend)."
            ),
            decided,
        )

    def _finish(self) -> None:
        if self._timer is not None:
            self._timer.stop()
        self.app.switch_screen(MockReportScreen(self.interview))


class MockReportScreen(QuizScreen):
    """The report; ticking key points re-scores conceptual answers as you go."""

    TITLE_TEXT = "Mock interview report"

    BINDINGS = [
        Binding("r", "send_to_review", "Send missed to review", id="mock.review"),
        Binding("escape", "go_back", "Home", id="screen.back"),
    ]

    def __init__(self, interview: MockInterview) -> None:
        super().__init__()
        self.interview = interview

    def compose(self) -> ComposeResult:
        report = self.interview.report()
        yield Header()
        with VerticalScroll(id="mock-report"):
            yield Static("", id="mock-summary", markup=False)
            yield DataTable(id="mock-table", cursor_type="row", zebra_stripes=True)
            for answer in report.answers:
                yield Static(
                    "\n".join(MockReport.detail_lines(answer)),
                    classes="mock-detail",
                    markup=False,
                )
                if answer.assessable:
                    points = SelectionList[int](
                        *(
                            Selection(Content(point), index, index in answer.covered)
                            for index, point in enumerate(answer.planned.key_points)
                        ),
                        id=f"mock-points-{answer.planned.position}",
                        classes="mock-points",
                    )
                    points.border_title = "Key points you covered (space ticks)"
                    yield points
        yield Footer()

    def on_mount(self) -> None:
        self.sub_title = "tick the key points you covered, then r sends what you missed to review"
        self._show_report()
        self.query_one("#mock-report", VerticalScroll).focus()

    def _show_report(self) -> None:
        report = self.interview.report()
        self.query_one("#mock-summary", Static).update("\n".join(report.summary_lines()))
        table = self.query_one("#mock-table", DataTable)
        table.clear(columns=True)
        table.add_columns(*REPORT_COLUMNS)
        for row in report.rows():
            table.add_row(*(Text(cell) for cell in row))

    def on_selection_list_selected_changed(self, event: SelectionList.SelectedChanged) -> None:
        list_id = event.selection_list.id or ""
        if not list_id.startswith("mock-points-"):
            return
        position = int(list_id.removeprefix("mock-points-"))
        covered = set(event.selection_list.selected)
        self.quiz_app.writes.run(
            lambda: self.interview.assess(position, covered), lambda _: self._show_report()
        )

    def missed(self) -> list[MockAnswer]:
        return list(self.interview.report().missed)

    def action_send_to_review(self) -> None:
        if not self.missed():
            self.notify("Nothing was missed: no card to send to review.", timeout=4)
            return
        self.quiz_app.writes.run(self.interview.send_missed_to_review, self._sent, title="Not sent")

    def _sent(self, sent: SentToReview) -> None:
        lines = [f"{len(sent.due_now)} card(s) are due now in Review."]
        if sent.suspended:
            lines.append(f"{len(sent.suspended)} suspended card(s) were left alone.")
        self.notify(" ".join(lines), title="Sent to review", timeout=6)
