"""Practice → Code: pick an exercise, write the function, run the hidden tests beside it.

The code runs in the sandbox's child process from a worker thread, so the editor keeps taking
keys while the tests run; the last attempt per exercise is saved in the study database (also
from a worker) and restored when the exercise is opened again.
"""

from __future__ import annotations

import os
import shlex
import subprocess
import tempfile
from pathlib import Path

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.widgets import Footer, OptionList, Static, TextArea
from textual.widgets.option_list import Option
from textual.worker import Worker

from quizapp.coding.check import CheckReport, check
from quizapp.coding.report import summary, visible
from quizapp.coding.sandbox import Sandbox
from quizapp.content import Card
from quizapp.study.store.code_attempts import Attempt, last_attempt, save_attempt
from quizapp.tui.screens.base import QuizScreen
from quizapp.tui.widgets.code_editor import (
    READ_TASK,
    PythonEditor,
    close_in_background,
    python_editor,
)
from quizapp.tui.widgets.code_view import report_text
from quizapp.tui.widgets.screen_header import ScreenHeader

READY_TEXT = "ctrl+r runs the hidden tests"
CUT_TASK_TEXT = f"{READY_TEXT} · {READ_TASK}"
"""In place of `READY_TEXT` while the task is taller than its box (80x24), as in a mock."""


class CodePickScreen(QuizScreen):
    """The list of exercises; `enter` opens one in the editor."""

    TITLE = "Code"
    CSS_PATH = "code.tcss"
    BINDINGS = [
        # Opened by the app as it reads `enter`, not by the list's selection message, which
        # comes after keys already typed on: those went to the list (`end` moved it) instead of
        # waiting for the exercise (`ScreenOpenings`).
        Binding("enter", "open_highlighted", "Open", id="code.open", priority=True, show=False),
    ]

    def compose(self) -> ComposeResult:
        yield ScreenHeader()
        exercises = self.workspace.library.exercises
        options = OptionList(
            *(Option(Text(visible(card.front)), id=card.id) for card in exercises),
            id="code-exercises",
        )
        options.border_title = "Coding exercises (enter opens one)"
        yield options
        yield Footer()

    def on_mount(self) -> None:
        self.sub_title = "write it in NumPy, graded by the engine"
        self.query_one(OptionList).focus()

    def action_open_highlighted(self) -> None:
        options = self.query_one(OptionList)
        if options.highlighted is not None:
            self._open(str(options.get_option_at_index(options.highlighted).id))

    @on(OptionList.OptionSelected, "#code-exercises")
    def open_exercise(self, event: OptionList.OptionSelected) -> None:
        """A click on an exercise."""
        self._open(str(event.option.id))

    def _open(self, exercise_id: str) -> None:
        by_id = {card.id: card for card in self.workspace.library.exercises}
        self.app.push_screen(CodeScreen(by_id[exercise_id]))


class CodeScreen(QuizScreen):
    """One exercise: the task, the editor, and the results of the last run below."""

    TITLE = "Code"
    CSS_PATH = "code.tcss"

    BINDINGS = [
        Binding("ctrl+r", "run", "Run tests", id="code.run", priority=True),
        Binding("ctrl+e", "external_editor", "$EDITOR", id="code.editor", priority=True),
        Binding("ctrl+t", "hint", "Hint", id="code.hint", priority=True),
        Binding("ctrl+o", "solution", "Solution", id="code.solution", priority=True),
        # The editor would take escape to release the focus; here it leaves (and saves).
        Binding("escape", "go_back", "Back", id="code.back", priority=True),
    ]

    def __init__(self, card: Card) -> None:
        super().__init__()
        assert card.exercise is not None
        self.card = card
        self.exercise = card.exercise
        self.hints_shown = 0
        self.running = False
        self.report: CheckReport | None = None
        self._sandbox = Sandbox()

    def compose(self) -> ComposeResult:
        yield ScreenHeader()
        with VerticalScroll(id="code-task"):
            task = Text()
            task.append(visible(self.card.front), style="bold")
            task.append(f"   {visible(self.exercise.signature)}\n", style="italic")
            task.append(visible(self.exercise.task))
            yield Static(task, id="code-task-text")
            yield Static("", id="code-hints")
        # The starter code, read-only until the last attempt (if any) has been loaded.
        yield python_editor(f"{self.exercise.starter}\n", id="code-editor", read_only=True)
        with Vertical(id="code-results-box"):
            yield Static(READY_TEXT, id="code-status", markup=False)
            with VerticalScroll(id="code-results"):
                yield Static("", id="code-results-text")
        yield Footer()

    def on_mount(self) -> None:
        self.sub_title = visible(self.card.front)
        self.query_one(TextArea).focus()
        # Keys typed before the last attempt is in the editor wait for it (the editor is
        # read-only until then): `_show_attempt` lets them through.
        self.quiz_app.openings.building(self)
        self._restore()
        self.call_after_refresh(self._measure_task)

    def on_resize(self) -> None:
        self.call_after_refresh(self._measure_task)

    def _measure_task(self) -> None:
        """Until the first run, the status line says how to read a task cut by its box."""
        if self._status_text() not in (READY_TEXT, CUT_TASK_TEXT):
            return
        cut = self.query_one("#code-task", VerticalScroll).max_scroll_y > 0
        self._status(CUT_TASK_TEXT if cut else READY_TEXT)

    def _status_text(self) -> str:
        return str(self.query_one("#code-status", Static).render())

    def action_go_back(self) -> None:
        self._save()
        super().action_go_back()

    def on_unmount(self) -> None:
        close_in_background(self._sandbox.close)

    @work(thread=True, exclusive=True, exit_on_error=False, group="code-restore")
    def _restore(self) -> None:
        """The last attempt (if any) into the editor, and the child warmed up meanwhile."""
        attempt = last_attempt(self.workspace.store, self.card.id)
        self.app.call_from_thread(self._show_attempt, attempt)
        self._sandbox.start()

    def _show_attempt(self, attempt: Attempt | None) -> None:
        editor = self.query_one(PythonEditor)
        editor.show_code(editor.text if attempt is None else attempt.code)
        if attempt is not None and attempt.total is not None:
            self._status(f"last run: {attempt.passed}/{attempt.total} cases passed")
        editor.read_only = False
        self.quiz_app.openings.built(self)

    def worker_failed(self, worker: Worker[object], reason: str) -> None:
        """The last attempt could not be read (already reported): start from the starter."""
        if worker.group == "code-restore":
            self._show_attempt(None)

    def _status(self, text: str) -> None:
        self.query_one("#code-status", Static).update(text)

    @property
    def code(self) -> str:
        return self.query_one(TextArea).text

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "run" and self.running:
            return None
        if action == "solution" and self.report is None:
            return None
        if action == "hint" and self.hints_shown >= len(self.exercise.hints):
            return None
        return True

    def action_run(self) -> None:
        self.running = True
        self.refresh_bindings()
        self._status("running the tests…")
        self._run(self.code)

    @work(thread=True, exclusive=True, exit_on_error=False, group="code-run")
    def _run(self, code: str) -> None:
        try:
            report = check(self.card, code, self._sandbox)
        except Exception as error:  # shown, so the screen stays usable
            self.app.call_from_thread(self._run_failed, str(error))
            return
        self.app.call_from_thread(self._show_report, report)

    def _run_failed(self, message: str) -> None:
        self.running = False
        self.refresh_bindings()
        self._status(f"could not run the tests: {visible(message)}")

    def _show_report(self, report: CheckReport) -> None:
        self.running = False
        self.report = report
        self.refresh_bindings()
        self._status(f"{summary(report)}   ctrl+o shows the model solution")
        self.query_one("#code-results-text", Static).update(report_text(report))
        self._save()

    def _save(self) -> None:
        """The editor's text (and the last run's result) as this exercise's last attempt."""
        report = self.report
        attempt = Attempt(
            self.card.id,
            self.code,
            self.workspace.clock.now(),
            report.passed if report else None,
            len(report.cases) if report else None,
        )
        store = self.workspace.store
        # The app's write queue: off the event loop, and it outlives this screen.
        self.quiz_app.writes.run(lambda: save_attempt(store, attempt), title="Attempt not saved")

    def action_hint(self) -> None:
        hints = self.exercise.hints
        if self.hints_shown >= len(hints):
            return
        self.hints_shown += 1
        text = Text()
        for number, hint in enumerate(hints[: self.hints_shown], start=1):
            text.append(f"Hint {number}/{len(hints)}: ", style="bold")
            text.append(visible(hint) + "\n")
        self.query_one("#code-hints", Static).update(text)
        self.query_one("#code-task", VerticalScroll).scroll_end(animate=False)
        self.refresh_bindings()
        self.call_after_refresh(self._measure_task)

    def action_solution(self) -> None:
        if self.report is None:
            return
        text = Text("Model solution:\n", style="bold")
        text.append(visible(self.exercise.solution))
        self.query_one("#code-results-text", Static).update(text)

    def action_external_editor(self) -> None:
        editor = os.environ.get("VISUAL") or os.environ.get("EDITOR")
        if not editor:
            self.notify("Set $EDITOR (e.g. export EDITOR=vim) to edit outside the app.")
            return
        with tempfile.TemporaryDirectory(prefix="quizapp-edit-") as folder:
            path = Path(folder) / f"{self.exercise.function}.py"
            path.write_text(self.code, encoding="utf-8")
            try:
                with self.app.suspend():
                    subprocess.run([*shlex.split(editor), str(path)], check=False)
            except Exception as error:  # no terminal to hand over, or no such editor
                self.notify(f"Could not open {editor}: {error}", severity="error")
                return
            try:
                edited = path.read_text(encoding="utf-8")
            except (OSError, UnicodeDecodeError) as error:
                self.notify(f"Could not read the edited file: {error}", severity="error")
                return
        self.query_one(PythonEditor).show_code(edited)
        self._save()
