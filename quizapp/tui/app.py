"""The Textual application: opens the workspace in the background and hosts the screens."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from textual import events, work
from textual.app import App, SystemCommand
from textual.message import Message
from textual.reactive import reactive
from textual.screen import Screen
from textual.theme import Theme

from quizapp.tui.screens.home import HomeScreen
from quizapp.tui.writes import StoreWrites

if TYPE_CHECKING:
    from quizapp.study import Clock
    from quizapp.study.mock import MockOptions
    from quizapp.workspace import Workspace

THEME_SETTING = "theme"


class WorkspaceReady(Message):
    def __init__(self, workspace: Workspace) -> None:
        super().__init__()
        self.workspace = workspace


class WorkspaceFailed(Message):
    def __init__(self, reason: str) -> None:
        super().__init__()
        self.reason = reason


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
    ) -> None:
        """`start_mock`: go straight into a mock interview with these options once loaded."""
        super().__init__()
        self.data_dir = data_dir
        self.extra_content = tuple(extra_content)
        self._clock = clock
        self.start_mock = start_mock
        self.workspace: Workspace | None = None
        self.home = HomeScreen()
        self.writes = StoreWrites(self)

    @property
    def clock(self) -> Clock:
        if self._clock is None:
            from quizapp.study import SystemClock

            self._clock = SystemClock()
        return self._clock

    def on_mount(self) -> None:
        self.push_screen(self.home)
        self.open_workspace()

    @work(thread=True, exclusive=True, exit_on_error=False)
    def open_workspace(self) -> None:
        from quizapp.content import DeckError
        from quizapp.study import StudyStoreError
        from quizapp.workspace import open_workspace

        try:
            workspace = open_workspace(self.data_dir, self.extra_content, self.clock)
        except (StudyStoreError, DeckError, OSError) as error:
            self.post_message(WorkspaceFailed(str(error)))
        else:
            self.post_message(WorkspaceReady(workspace))

    def on_workspace_ready(self, message: WorkspaceReady) -> None:
        self.workspace = message.workspace
        for problem in message.workspace.library.problems:
            self.notify(
                str(problem), title="Deck skipped", severity="warning", timeout=15, markup=False
            )
        for notice in message.workspace.library.notices:
            self.notify(
                str(notice), title="Card left out", severity="warning", timeout=15, markup=False
            )
        saved_theme = message.workspace.store.get_setting(THEME_SETTING)
        if isinstance(saved_theme, str) and saved_theme in self.available_themes:
            self.theme = saved_theme
        self.theme_changed_signal.subscribe(self, self._remember_theme)
        self.home.show_ready()
        if self.start_mock is not None:
            from quizapp.tui.screens.mock import open_mock

            open_mock(self, self.start_mock)

    def on_workspace_failed(self, message: WorkspaceFailed) -> None:
        self.home.show_failure(message.reason)
        self.notify(
            message.reason,
            title="Cannot open study data",
            severity="error",
            timeout=30,
            markup=False,
        )

    async def on_event(self, event: events.Event) -> None:
        if isinstance(event, events.Key) and not event.is_forwarded and self.writes.hold(event):
            return
        await super().on_event(event)

    def _remember_theme(self, theme: Theme) -> None:
        if self.workspace is not None:
            store = self.workspace.store
            self.writes.run(
                lambda: store.set_setting(THEME_SETTING, theme.name), title="Theme not remembered"
            )

    def on_unmount(self) -> None:
        if self.workspace is not None:
            self.workspace.close()

    def get_system_commands(self, screen: Screen) -> Iterable[SystemCommand]:
        yield from super().get_system_commands(screen)
        if self.workspace is None:
            return
        for title, help_text, action in self.home.palette_actions():
            yield SystemCommand(title, help_text, action)
