"""A coding question in a mock interview: the editor, `ctrl+r` to run the hidden tests while the
clock runs, `ctrl+s` to hand the code in. The interview screen reads `code` as the draft, so a
timeout submits what was written (and the runner runs the tests on it). Handing in the starter
code untouched takes a second `ctrl+s`: a key pressed twice in the setup (held while the
interview was stored) must not hand in a question nobody has read.

Runs go through the interview's `SandboxCodeGrader` in a worker thread: the editor keeps taking
keys meanwhile, and a result that arrives after the question ended is dropped.
"""

from __future__ import annotations

from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.message import Message
from textual.widgets import Static, TextArea

from quizapp.coding.check import CheckReport
from quizapp.coding.mock_grader import SandboxCodeGrader
from quizapp.coding.report import summary
from quizapp.content import Card
from quizapp.tui.widgets.code_editor import (
    READ_TASK,
    PythonEditor,
    close_in_background,
    python_editor,
)
from quizapp.tui.widgets.code_view import report_text

READY_TEXT = "write the function · ctrl+r runs the tests · ctrl+s hands it in"
CUT_TASK_TEXT = f"ctrl+r runs the tests · ctrl+s hands it in · {READ_TASK}"
"""In place of `READY_TEXT` when the task above is taller than its box (a small terminal): the
editor takes tab, so only shift+tab leaves it for the task."""
UNTOUCHED_TEXT = "nothing written yet · ctrl+s again hands in the starter code as it is"


class MockCodeView(Vertical):
    """The editor and the results of the last `ctrl+r` for the question being asked."""

    DEFAULT_CSS = """
    MockCodeView { height: 1fr; }
    MockCodeView #mock-code-editor { height: 1fr; min-height: 5; }
    MockCodeView #mock-code-status { height: 1; background: $boost; padding: 0 1; }
    MockCodeView #mock-code-results { height: auto; max-height: 30%; padding: 0 1; }
    MockCodeView #mock-code-results-text { height: auto; }
    """

    BINDINGS = [
        Binding("ctrl+r", "run", "Test", id="mock.code-run", priority=True),
        Binding("ctrl+s", "submit", "Hand in", id="mock.code-submit", priority=True),
        # The editor would take escape to release the focus; here it ends the interview.
        Binding("escape", "screen.go_back", "End interview", id="mock.code-back", priority=True),
    ]

    class Submitted(Message):
        """The user handed in `code` before the clock ran out."""

        def __init__(self, code: str) -> None:
            super().__init__()
            self.code = code

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.grader = SandboxCodeGrader()
        self.card: Card | None = None
        self.running = False
        self._starter = ""
        self._untouched_confirmed = False
        self._task_cut = False
        self._asked = 0
        """Counts the questions shown, so a run's result is only shown for its own question."""

    def compose(self) -> ComposeResult:
        yield python_editor("", id="mock-code-editor")
        yield Static(READY_TEXT, id="mock-code-status", markup=False)
        with VerticalScroll(id="mock-code-results"):
            yield Static("", id="mock-code-results-text")

    def load(self, card: Card, code: str | None = None) -> None:
        """Ask `card`: its starter code (or `code`, e.g. a draft kept from before), no results."""
        self._asked += 1
        self.card = card
        self.running = False
        starter = f"{card.exercise.starter}\n" if card.exercise is not None else ""
        self._starter = starter
        self._untouched_confirmed = False
        self.query_one(PythonEditor).show_code(starter if code is None else code)
        self._status(self._ready_text())
        self.query_one("#mock-code-results-text", Static).update("")
        self._warm_up()

    @property
    def code(self) -> str:
        return self.query_one(TextArea).text

    def focus_editor(self) -> None:
        self.query_one(TextArea).focus()

    def type_in(self, text: str) -> None:
        """`text` as if typed now: in place of the editor's selection (the starter's `...`)."""
        editor = self.query_one(TextArea)
        editor.replace(text, *editor.selection, maintain_selection_offset=False)

    def task_cut(self, cut: bool) -> None:
        """Whether the task above is cut by its box; the ready line then says how to read it."""
        if cut == self._task_cut:
            return
        was_ready = self._status_text() == self._ready_text()
        self._task_cut = cut
        if was_ready:
            self._status(self._ready_text())

    def _ready_text(self) -> str:
        return CUT_TASK_TEXT if self._task_cut else READY_TEXT

    def _status_text(self) -> str:
        return str(self.query_one("#mock-code-status", Static).render())

    def _status(self, text: str) -> None:
        self.query_one("#mock-code-status", Static).update(text)

    @work(thread=True, exclusive=True, exit_on_error=False, group="mock-code-warm")
    def _warm_up(self) -> None:
        self.grader.start()

    def action_run(self) -> None:
        if self.running or self.card is None:
            return
        self.running = True
        self._status("running the tests… (keep typing)")
        self._run(self.card, self.code, self._asked)

    @work(thread=True, exit_on_error=False, group="mock-code-run")
    def _run(self, card: Card, code: str, asked: int) -> None:
        report = self.grader(card, code)
        self.app.call_from_thread(self._show, report, asked)

    def _show(self, report: CheckReport, asked: int) -> None:
        if asked != self._asked:
            return
        self.running = False
        self._status(f"{summary(report)} · ctrl+r runs again · ctrl+s hands it in")
        self.query_one("#mock-code-results-text", Static).update(report_text(report))

    def action_submit(self) -> None:
        if self.code == self._starter and not self._untouched_confirmed:
            self._untouched_confirmed = True
            self._status(UNTOUCHED_TEXT)
            return
        self.post_message(self.Submitted(self.code))

    def on_unmount(self) -> None:
        close_in_background(self.grader.close)
