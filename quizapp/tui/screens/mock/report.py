"""The interview's report: ticking key points re-scores conceptual answers as you go."""

from __future__ import annotations

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.content import Content
from textual.widgets import DataTable, Footer, SelectionList, Static
from textual.widgets.selection_list import Selection

from quizapp.study.mock import MockAnswer, MockInterview, MockReport, SentToReview
from quizapp.tui.screens.base import QuizScreen
from quizapp.tui.widgets.screen_header import ScreenHeader
from quizapp.tui.widgets.tick_list import TickList
from quizapp.wording import agreeing, plural

REPORT_COLUMNS = ("#", "kind", "topic", "time / budget", "ended", "result")


class ReportTable(DataTable[Text]):
    """One row per question; `enter` opens the question's details below (the footer says so,
    where Textual's table calls it "Select" and does nothing visible)."""

    BINDINGS = [Binding("enter", "select_cursor", "Go to question", id="mock.goto")]


class ReportTicks(TickList[int]):
    """A conceptual answer's key points: `space` (or `enter`, as in any list) changes a tick,
    and the footer names it while the list has the focus."""

    BINDINGS = [
        Binding("space", "select", "Tick", id="mock.tick"),
        Binding("enter", "select", "Tick", show=False),
    ]


class MockReportScreen(QuizScreen):
    """The report; ticking key points re-scores conceptual answers as you go."""

    TITLE = "Mock interview report"

    BINDINGS = [
        Binding("r", "send_to_review", "Send missed to review", id="mock.review"),
        Binding("escape", "go_back", "Home", id="screen.back"),
    ]

    def __init__(self, interview: MockInterview) -> None:
        super().__init__()
        self.interview = interview

    def compose(self) -> ComposeResult:
        report = self.interview.report()
        yield ScreenHeader()
        with VerticalScroll(id="mock-report"):
            yield Static("", id="mock-summary", markup=False)
            yield ReportTable(id="mock-table", cursor_type="row", zebra_stripes=True)
            for answer in report.answers:
                yield Static(
                    "\n".join(MockReport.detail_lines(answer)),
                    id=f"mock-detail-{answer.planned.position}",
                    classes="mock-detail",
                    markup=False,
                )
                if answer.assessable:
                    points = ReportTicks(
                        *(
                            Selection(Content(point), index, index in answer.covered)
                            for index, point in enumerate(answer.planned.key_points)
                        ),
                        id=f"mock-points-{answer.planned.position}",
                        classes="mock-points",
                    )
                    points.border_title = (
                        "Suggested from your answer: key points heard (space changes a tick)"
                        if answer.suggested
                        else "Key points you covered (space ticks)"
                    )
                    yield points
        yield Footer()

    def on_mount(self) -> None:
        self.sub_title = "tick covered points; r reviews misses"
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
        table.display = table.row_count > 0

    @on(DataTable.RowSelected, "#mock-table")
    def go_to_question(self, event: DataTable.RowSelected) -> None:
        """The row's details at the top of the report, and its key points focused (scrolled
        into view below the model answer) when it has some to tick, else the report itself
        (arrow keys then read on)."""
        event.stop()
        answer = self.interview.report().answers[event.cursor_row]
        position = answer.planned.position
        report = self.query_one("#mock-report", VerticalScroll)
        detail = self.query_one(f"#mock-detail-{position}", Static)
        report.scroll_to_widget(detail, top=True, animate=False)
        points = self.query(f"#mock-points-{position}")
        if points:
            self.call_after_refresh(points.first().focus)
        else:
            report.focus(scroll_visible=False)

    @on(SelectionList.SelectedChanged, ".mock-points")
    def assessed(self, event: SelectionList.SelectedChanged) -> None:
        list_id = event.selection_list.id or ""
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
        due, left = len(sent.due_now), len(sent.suspended)
        lines = [f"{plural(due, 'card')} {agreeing(due, 'is', 'are')} due now in Review."]
        if left:
            lines.append(
                f"{plural(left, 'suspended card')} {agreeing(left, 'was', 'were')} left alone."
            )
        self.notify(" ".join(lines), title="Sent to review", timeout=6)
