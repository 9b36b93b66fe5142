"""The Textual application: opens the workspace in the background and hosts the screens."""

from __future__ import annotations

import sys
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from textual import events, work
from textual.app import App, SystemCommand
from textual.message import Message
from textual.notifications import SeverityLevel
from textual.reactive import reactive
from textual.screen import Screen
from textual.theme import Theme
from textual.worker import Worker, WorkerState

from quizapp.safe_text import inert
from quizapp.tui.screens.base import QuizScreen
from quizapp.tui.screens.home import HomeScreen, TodaysNumbers, todays_numbers
from quizapp.tui.writes import StoreWrites

if TYPE_CHECKING:
    from quizapp.content import Library
    from quizapp.crash import CrashReport
    from quizapp.study import Clock
    from quizapp.study.mock import MockOptions
    from quizapp.workspace import Workspace

THEME_SETTING = "theme"
WORKSPACE_GROUP = "workspace"


class WorkspaceReady(Message):
    """The workspace is open; `numbers`: home's, read with it (None: they could not be)."""

    def __init__(
        self, workspace: Workspace, saved_theme: object, numbers: TodaysNumbers | None
    ) -> None:
        super().__init__()
        self.workspace = workspace
        self.saved_theme = saved_theme
        self.numbers = numbers


def first_numbers(workspace: Workspace) -> TodaysNumbers | None:
    """Home's numbers as the workspace opens; None if they cannot be read: home then reads
    them in its own worker, which reports why it cannot."""
    try:
        return todays_numbers(workspace)
    except Exception:
        return None


class QuizApp(App[None]):
    """Shows the home screen at once; content and the study database load in a worker, so the
    domain packages (numpy, pydantic, fsrs) are imported off the start-up path."""

    CSS_PATH = "app.tcss"
    TITLE = "quizapp"
    SUB_TITLE = "activation functions"

    writing: reactive[bool] = reactive(False, bindings=True)
    """A study-database write is under way (see `writes`): keys that write are disabled."""

    def __init__(
        self,
        data_dir: Path,
        extra_content: Sequence[Path] = (),
        *,
        clock: Clock | None = None,
        start_mock: MockOptions | None = None,
        library: Library | None = None,
    ) -> None:
        """`start_mock`: go straight into a mock interview with these options once loaded.
        `library`: the content, when the command that starts the app already loaded it."""
        super().__init__()
        self.data_dir = data_dir
        self.extra_content = tuple(extra_content)
        self._library = library
        self._clock = clock
        self.start_mock = start_mock
        self.workspace: Workspace | None = None
        self.home = HomeScreen()
        self.crash: CrashReport | None = None
        self.writes = StoreWrites(self)

    def run_to_exit_status(self) -> int:
        """Run in the terminal; after a crash, once the terminal is restored, print one line
        naming the error and where its traceback was written, and return 1."""
        self.run()
        if self.crash is not None:
            print(self.crash.summary_line(), file=sys.stderr)
            return 1
        return self.return_code or 0

    def _handle_exception(self, error: Exception) -> None:
        """Textual 8 has no public hook for an unhandled exception: keep the traceback in a file
        and drop the screenful Textual would print on exit (`run_to_exit_status` prints one
        line instead). Textual still exits with status 1 and re-raises the error under Pilot."""
        from quizapp.crash import report_crash

        if self.crash is None:
            self.crash = report_crash(error, self.data_dir)
        super()._handle_exception(error)
        self._exit_renderables.clear()

    @property
    def clock(self) -> Clock:
        if self._clock is None:
            from quizapp.study import SystemClock

            self._clock = SystemClock()
        return self._clock

    def notify(
        self,
        message: str,
        *,
        title: str = "",
        severity: SeverityLevel = "information",
        timeout: float | None = None,
        markup: bool = True,
    ) -> None:
        """Every notification is made inert: it may quote a file name, a card or an error."""
        super().notify(
            inert(message), title=inert(title), severity=severity, timeout=timeout, markup=markup
        )

    def get_default_screen(self) -> Screen:
        """Home is the first screen, not pushed over an empty default one: one screen fewer
        to mount and lay out before the first frame."""
        return self.home

    def on_mount(self) -> None:
        self.open_workspace()

    @work(
        thread=True,
        exclusive=True,
        exit_on_error=False,
        group=WORKSPACE_GROUP,
        description="Opening your study data",
    )
    def open_workspace(self) -> None:
        """Home's numbers are read here too, so that they show together with the open
        workspace, which the mode keys need: one step, not a second worker after it."""
        from quizapp.workspace import open_workspace

        workspace = open_workspace(
            self.data_dir, self.extra_content, self.clock, library=self._library
        )
        try:
            saved_theme = workspace.store.get_setting(THEME_SETTING)
        except BaseException:
            workspace.close()
            raise
        self.post_message(WorkspaceReady(workspace, saved_theme, first_numbers(workspace)))

    def on_workspace_ready(self, message: WorkspaceReady) -> None:
        self.workspace = message.workspace
        for problem in message.workspace.library.problems:
            self.notify(
                str(problem), title="Deck skipped", severity="warning", timeout=15, markup=False
            )
        for notice in message.workspace.library.notices:
            title = "File not read" if notice.field == "file" else "Card left out"
            self.notify(str(notice), title=title, severity="warning", timeout=15, markup=False)
        if isinstance(message.saved_theme, str) and message.saved_theme in self.available_themes:
            self.theme = message.saved_theme
        self.theme_changed_signal.subscribe(self, self._remember_theme)
        self.home.show_ready(message.numbers, open_pending=self.start_mock is None)
        if self.start_mock is not None:
            from quizapp.tui.screens.mock import open_mock

            open_mock(self, self.start_mock)

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        if event.state is WorkerState.ERROR:
            reason = self.report_worker_failure(event.worker)
            if event.worker.group == WORKSPACE_GROUP:
                self.home.show_failure(reason)

    def report_worker_failure(self, worker: Worker[object]) -> str:
        """The one place a background task's failure is reported: a notification naming what
        failed and why. Returns the reason, for the screen that waited to show it in place."""
        from quizapp.content import DeckError
        from quizapp.study import StudyStoreError

        error = worker.error
        if isinstance(error, StudyStoreError | DeckError | OSError):
            reason = str(error)
        else:
            reason = f"{type(error).__name__}: {error}"
        title = f"{worker.description} failed"
        self.notify(reason, title=title, severity="error", timeout=30, markup=False)
        return reason

    async def on_event(self, event: events.Event) -> None:
        """Keys wait while a write is running; pasted text is made inert before any text box
        gets it (a clipboard may hold escapes)."""
        if isinstance(event, events.Key) and not event.is_forwarded and self.writes.hold(event):
            return
        if isinstance(event, events.Paste):
            event.text = inert(event.text)
        await super().on_event(event)

    def _remember_theme(self, theme: Theme) -> None:
        if self.workspace is not None:
            store = self.workspace.store
            self.writes.run(
                lambda: store.set_setting(THEME_SETTING, theme.name), title="Theme not remembered"
            )

    async def action_quit(self) -> None:
        """ctrl+q: a screen with something to lose asks first (`QuizScreen.confirm_quit`)."""
        screen = self.screen
        if isinstance(screen, QuizScreen) and screen.confirm_quit():
            return
        await super().action_quit()

    def on_unmount(self) -> None:
        if self.workspace is not None:
            self.workspace.close()

    def get_system_commands(self, screen: Screen) -> Iterable[SystemCommand]:
        yield from super().get_system_commands(screen)
        if self.workspace is None:
            return
        for title, help_text, action in self.home.palette_actions():
            yield SystemCommand(title, help_text, action)
