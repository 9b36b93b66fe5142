"""A code card in review: write the function from the starter code (recall, not copy), run the
hidden tests with ctrl+r, then rate; the session proposes the rating from the result and the time.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, cast

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import ScrollableContainer
from textual.geometry import Region
from textual.widgets import Static, TextArea

from quizapp.coding.check import CheckReport, check
from quizapp.coding.report import report_lines, summary, visible
from quizapp.coding.sandbox import Sandbox
from quizapp.study.answering import CodeAnswer
from quizapp.tui.widgets.card_view import CardView
from quizapp.tui.widgets.code_editor import (
    READ_TASK,
    PythonEditor,
    close_in_background,
    python_editor,
)

if TYPE_CHECKING:
    from quizapp.content import Card
    from quizapp.study import Graded, StudyItem
    from quizapp.study.answering import Response


def report_text(report: CheckReport) -> Text:
    """The report's lines, passed cases green and failed ones red (the text stays literal)."""
    text = Text()
    for line in report_lines(report):
        style = "green" if line.startswith("  ✓") else "red" if line.startswith("  ✗") else ""
        text.append(line + "\n", style=style)
    return text


class AnswerEditor(PythonEditor):
    """The code card's editor keeps ctrl+z while its text differs from the starter code, so
    ctrl+z undoes the edits first. Untouched (its text is the starter, as shown or with every
    edit undone), or graded (read-only: Textual's undo would still rewrite the graded code), it
    lets ctrl+z pass to the review, which undoes the last answer as on every other card: a stray
    key undone never leaves the last answer out of reach."""

    BINDINGS = [
        Binding(
            "ctrl+z,super+z",
            "undo",
            "Undo an edit (untouched or graded: the last answer)",
            show=False,
        ),
    ]

    starter = ""
    """The code the card starts from (set by `CodeView.show`)."""

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "undo":
            return not self.read_only and self.text != self.starter
        return True


READY_TEXT = "write it from memory; ctrl+r runs the tests"
CUT_TASK_TEXT = f"ctrl+r runs the tests · {READ_TASK}"
"""In place of `READY_TEXT` while the card above the editor is scrolled out of sight (80x24), as
in Practice and in a mock: shift+tab reaches the card's scroll, tab comes back to the editor.
Short enough for the status line at 80 columns."""
RESULT_ROWS = 5
"""Result lines brought into view under the status line after a run (the rest scroll)."""


class CodeView(CardView):
    DEFAULT_CSS = """
    CodeView { height: auto; }
    CodeView #code-view-task { height: auto; margin-bottom: 1; }
    CodeView TextArea { height: 14; }
    CodeView #code-view-status { height: 1; background: $boost; padding: 0 1; }
    CodeView #code-view-results { height: auto; padding: 0 1; }
    """

    BINDINGS = [
        Binding("ctrl+r", "run", "Run tests", id="review.code-run"),
        # The editor would keep escape (to release the focus); here it leaves, as elsewhere.
        Binding("escape", "screen.go_back", "Back", id="review.code-back", priority=True),
    ]

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._card: Card | None = None
        self._starter = ""
        self._sandbox: Sandbox | None = None
        self.running = False
        self._results_pending = False
        """Results just shown: once laid out (the view grows), they are scrolled into view."""

    def compose(self) -> ComposeResult:
        yield Static("", id="code-view-task")
        yield python_editor("", id="code-view-editor", kind=AnswerEditor)
        yield Static("", id="code-view-status", markup=False)
        yield Static("", id="code-view-results")

    @on(TextArea.Changed)
    def _edited(self) -> None:
        """Whether ctrl+z is the editor's or the review's follows the edit history (Footer)."""
        self.screen.refresh_bindings()

    def show(self, item: StudyItem) -> None:
        self._card = card = cast("Card", item.card)
        exercise = card.exercise
        editor = self.query_one(AnswerEditor)
        self._starter = f"{exercise.starter}\n" if exercise else ""
        editor.starter = self._starter
        editor.show_code(self._starter)
        editor.read_only = False
        task = Text()
        if exercise is not None:
            task.append(f"{visible(exercise.signature)}\n", style="italic")
            task.append(visible(exercise.task))
        self.query_one("#code-view-task", Static).update(task)
        self._status(READY_TEXT)
        self._results_pending = False
        self.query_one("#code-view-results", Static).update("")
        if self._sandbox is None:
            self._sandbox = Sandbox()
        editor.focus()

    def on_mount(self) -> None:
        scroll = self._scroll()
        if scroll is not None:
            self.watch(scroll, "scroll_y", self._measure_task, init=False)

    def _scroll(self) -> ScrollableContainer | None:
        """The review's scroll holding the card (the focused editor is scrolled into it)."""
        return next((a for a in self.ancestors if isinstance(a, ScrollableContainer)), None)

    def _measure_task(self) -> None:
        """Until a run, the status line says how to read the card when it is scrolled away."""
        if self._status_text() not in (READY_TEXT, CUT_TASK_TEXT):
            return
        scroll = self._scroll()
        cut = scroll is not None and scroll.scroll_y > 0
        self._status(CUT_TASK_TEXT if cut else READY_TEXT)

    def type_answer(self) -> None:
        """`tab` (from the card's scroll, reached with shift+tab) goes back to the editor."""
        editor = self.query_one(TextArea)
        if not editor.read_only:
            editor.focus()

    def _status(self, text: str) -> None:
        self.query_one("#code-view-status", Static).update(visible(text))

    def _status_text(self) -> str:
        return str(self.query_one("#code-view-status", Static).render())

    def on_resize(self) -> None:
        if self._results_pending:
            self._results_pending = False
            self.call_after_refresh(self._results_into_view)

    def _results_into_view(self) -> None:
        """The status line and the first result lines scrolled into view, the editor above
        them kept as far as they leave room (at 80x24 the results sat under the fold)."""
        scroll = self._scroll()
        if scroll is None:
            return
        status = self.query_one("#code-view-status")
        top = status.region.y - scroll.content_region.y + round(scroll.scroll_y)
        wanted = Region(0, top, scroll.content_region.width, 1 + RESULT_ROWS)
        scroll.scroll_to_region(wanted, animate=False, immediate=True)

    def action_run(self) -> None:
        if self.running or self._card is None or self._sandbox is None:
            return
        self.running = True
        self._status("running the tests…")
        # Below a long task the line is under the fold (80x24): a run of up to 5 s would look
        # like a dropped key. Scrolling it into view keeps the editor's end in sight too.
        self.query_one("#code-view-status").scroll_visible(animate=False)
        self._run(self._card, self.query_one(TextArea).text, self._sandbox)

    @work(thread=True, exclusive=True, exit_on_error=False, group="code-view-run")
    def _run(self, card: Card, code: str, sandbox: Sandbox) -> None:
        try:
            report = check(card, code, sandbox)
        except Exception as error:  # shown, so the review can go on
            self.app.call_from_thread(self._failed, str(error))
            return
        self.app.call_from_thread(self._finished, code, report)

    def _failed(self, message: str) -> None:
        self.running = False
        self._status(f"could not run the tests: {message}")

    def _finished(self, code: str, report: CheckReport) -> None:
        self.running = False
        self.post_message(self.Submitted(CodeAnswer(code, report)))

    def show_graded(self, graded: Graded) -> None:
        report = graded.grade
        if not isinstance(report, CheckReport):
            return
        self.query_one(TextArea).read_only = True
        self._status(summary(report))
        text = report_text(report)
        if self._card is not None and self._card.exercise is not None:
            text.append("Model solution:\n", style="bold")
            text.append(visible(self._card.exercise.solution))
        self.query_one("#code-view-results", Static).update(text)
        self._results_pending = True

    def restore(self, response: Response) -> None:
        """The code an undo took back, with the run it was rated on (not run again)."""
        if isinstance(response, CodeAnswer):
            self.query_one(TextArea).text = response.code
            self.post_message(self.Submitted(response))

    def reopen(self) -> None:
        self.query_one(TextArea).read_only = False

    def has_unsent_answer(self) -> bool:
        editor = self.query_one(TextArea)
        return not editor.read_only and editor.text != self._starter

    def on_unmount(self) -> None:
        if self._sandbox is not None:
            close_in_background(self._sandbox.close)
