"""Behaviour every screen shares: `?` lists its keys, `escape` goes back."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, ClassVar, cast

from textual.app import CSSPathType
from textual.binding import Binding
from textual.screen import Screen
from textual.worker import Worker, WorkerState

if TYPE_CHECKING:
    from quizapp.tui.app import QuizApp
    from quizapp.workspace import Workspace


SCREENS_CSS = Path(__file__).resolve().with_name("screens.tcss")
"""The rules of the screens after home, kept out of `app.tcss` so that home's first frame does
not wait for them. Textual reads a screen's `CSS_PATH` when the screen is first shown, for the
whole app, with the same weight as `app.tcss` (after it); the app reads this file as soon as
home has shown what was opened (`QuizApp.read_screen_rules`), so a screen shown later finds it
read. Absolute: Textual takes a relative one from the module of the screen's own class."""


class QuizScreen(Screen[None]):
    """Base for the app's full screens; `f1` also opens the keys where an input owns `?`.
    Each sets `TITLE`: the header and the keys overlay name the screen with it."""

    CSS_PATH: ClassVar[CSSPathType | None] = SCREENS_CSS

    BINDINGS = [
        Binding("question_mark,f1", "show_keys", "Keys", id="screen.keys"),
        Binding("escape", "go_back", "Back", id="screen.back"),
    ]

    @property
    def quiz_app(self) -> QuizApp:
        return cast("QuizApp", self.app)

    @property
    def workspace(self) -> Workspace:
        """Only screens opened after loading ask for it; home checks `quiz_app.workspace`."""
        workspace = self.quiz_app.workspace
        if workspace is None:
            raise RuntimeError("the workspace is not open yet")
        return workspace

    def key_rows(self) -> list[tuple[str, str]]:
        """The bindings active here, one row per key and action: those the Footer shows first,
        then the other keys the app declares (they have an id: ratings, ticks, hidden modes),
        then Textual's own (scrolling, focus, copy), so a small panel starts with the keys the
        screen is about."""
        rows: list[tuple[str, str]] = []
        bindings = sorted(
            self.active_bindings.items(),
            key=lambda item: (not item[1].binding.show, item[1].binding.id is None),
        )
        for key, active in bindings:
            binding = active.binding
            if not binding.description or binding.system or not active.enabled:
                continue
            row = (self.app.get_key_display(binding) or key, binding.description)
            if row not in rows:
                rows.append(row)
        return rows

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        if event.state is WorkerState.ERROR:
            reason = self.quiz_app.report_worker_failure(event.worker)
            self.worker_failed(event.worker, reason)

    def worker_failed(self, worker: Worker[object], reason: str) -> None:
        """A worker of this screen failed (already reported): replace what waited for it."""

    def confirm_quit(self) -> bool:
        """True when this screen asks before the app quits (and quits itself if the user says
        so); most screens have nothing to lose."""
        return False

    def action_show_keys(self) -> None:
        from quizapp.tui.dialogs import KeysScreen  # here: home needs no dialog to show

        self.app.push_screen(KeysScreen(self.title or self.app.title, self.key_rows()))

    def action_go_back(self) -> None:
        if len(self.app.screen_stack) > 1:
            self.app.pop_screen()
