"""The Textual application: opens the workspace in the background and hosts the screens."""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterable, Sequence
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

from quizapp.safe_text import inert, pasted
from quizapp.tui.deck_notices import skipped_deck_notices
from quizapp.tui.opening import THEME_SETTING, EarlyOpening, Opened, open_for_home
from quizapp.tui.opening_keys import ScreenOpenings
from quizapp.tui.priority_keys import PriorityKeys
from quizapp.tui.screens.base import SCREENS_CSS, QuizScreen
from quizapp.tui.screens.home import HomeScreen
from quizapp.tui.writes import StoreWrites

if TYPE_CHECKING:
    from quizapp.content import Library
    from quizapp.crash import CrashReport
    from quizapp.study import Clock
    from quizapp.study.mock import MockOptions
    from quizapp.workspace import Workspace

WORKSPACE_GROUP = "workspace"


class WorkspaceReady(Message):
    """The loading worker opened the data."""

    def __init__(self, opened: Opened) -> None:
        super().__init__()
        self.opened = opened


class QuizApp(App[None]):
    """Shows the home screen at once; content and the study database load in a worker, or in
    the thread the `quizapp` command starts before it imports Textual (`tui/opening.py`), so
    the domain packages (fsrs, sqlite) are imported off the UI's start-up path."""

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
        opening: EarlyOpening | None = None,
        started: Callable[[], None] | None = None,
    ) -> None:
        """`start_mock`: go straight into a mock interview with these options once loaded.
        `library`: the content, when the command that starts the app already loaded it.
        `opening`: the data being opened already (by `clock`), else the app opens it.
        `started`: called once, when home has shown what was opened or why it could not be
        (or the app ends before): the start is over (`cli.run_app` resumes the collector)."""
        super().__init__()
        self.data_dir = data_dir
        self.extra_content = tuple(extra_content)
        self._library = library
        self._opening = opening
        self._started = started
        self._clock = clock
        self.start_mock = start_mock
        self.workspace: Workspace | None = None
        self.home = HomeScreen()
        self.crash: CrashReport | None = None
        self.writes = StoreWrites(self)
        self.openings = ScreenOpenings(self)
        self.priority_keys = PriorityKeys(self)

    def on_mount(self) -> None:
        self.openings.watch()

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

    def open_data(self) -> None:
        """Called once home is composed: the data opened early is shown at once, so home's
        first frame has today's numbers; else it is opened (or waited for) in a worker."""
        opened = self._opening.ready() if self._opening is not None else None
        if opened is None:
            self.open_workspace()
        else:
            self.show_opened(opened)

    @work(
        thread=True,
        exclusive=True,
        exit_on_error=False,
        group=WORKSPACE_GROUP,
        description="Opening your study data",
    )
    def open_workspace(self) -> None:
        if self._opening is not None:
            opened = self._opening.wait()
        else:
            opened = open_for_home(
                self.data_dir, self.extra_content, self.clock, library=self._library
            )
        self.post_message(WorkspaceReady(opened))

    def on_workspace_ready(self, message: WorkspaceReady) -> None:
        self.show_opened(message.opened)

    def show_opened(self, opened: Opened) -> None:
        """The workspace is open: deck problems are listed, the saved theme applies, home
        shows today's numbers and the mode keys work."""
        workspace = self.workspace = opened.workspace
        for skipped in skipped_deck_notices(workspace.library.problems):
            self.notify(skipped, title="Deck skipped", severity="warning", timeout=30, markup=False)
        for notice in workspace.library.notices:
            title = "File not read" if notice.field == "file" else "Card left out"
            self.notify(str(notice), title=title, severity="warning", timeout=15, markup=False)
        if isinstance(opened.saved_theme, str) and opened.saved_theme in self.available_themes:
            self.theme = opened.saved_theme
        self.theme_changed_signal.subscribe(self, self._remember_theme)
        self.home.show_ready(opened.numbers, open_pending=self.start_mock is None)
        self.call_after_refresh(self.end_start)
        self.call_after_refresh(self.read_screen_rules)
        if self.start_mock is not None:
            from quizapp.tui.screens.mock import open_mock

            open_mock(self, self.start_mock)

    def end_start(self) -> None:
        """Home shows what was opened, or why not: the start is over (`started`, called once)."""
        started, self._started = self._started, None
        if started is not None:
            started()

    def read_screen_rules(self) -> None:
        """The other screens' rules (`SCREENS_CSS`), read once home has shown what was opened.
        Textual reads them as the first of those screens shows, and parses every rule of the
        app again then (about 15 ms, in a fresh stylesheet); here only the new file is parsed
        (the stylesheet keeps the others parsed), after the start, and that screen finds them
        read."""
        stylesheet = self.stylesheet
        if not stylesheet.has_source(str(SCREENS_CSS)):
            stylesheet.read(SCREENS_CSS)
            stylesheet.parse()
            stylesheet.update(self)

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        if event.state is WorkerState.ERROR:
            reason = self.report_worker_failure(event.worker)
            if event.worker.group == WORKSPACE_GROUP:
                self.home.show_failure(reason)
                self.call_after_refresh(self.end_start)

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
        """Keys go to the screen current when they arrive, once it is open (`ScreenOpenings`),
        and wait while a write is running, also one that came back up unhandled (its binding
        still to run) after the write began; pasted text is made inert before any text box gets
        it (a clipboard may hold escapes), its CR line ends read as newlines. A priority key
        waits for the keys typed before it (`PriorityKeys`)."""
        if isinstance(event, events.Key) and (
            await self.openings.take(event)
            or self.writes.hold(event)
            or self.priority_keys.hold(event)
        ):
            return
        if isinstance(event, events.Paste):
            event.text = pasted(event.text)
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
        self.end_start()
        if self.workspace is not None:
            self.workspace.close()

    def get_system_commands(self, screen: Screen) -> Iterable[SystemCommand]:
        yield from super().get_system_commands(screen)
        if self.workspace is None:
            return
        for title, help_text, action in self.home.palette_actions():
            yield SystemCommand(title, help_text, action)
