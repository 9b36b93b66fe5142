"""Cards whose text changed a lot since they were studied: keep the schedule, or start over."""

from __future__ import annotations

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.widgets import DataTable, Footer, Static
from textual.worker import Worker

from quizapp.safe_text import inert
from quizapp.study import ChangedCard, find_changed
from quizapp.tui.dialogs import confirm_then, reset_question
from quizapp.tui.screens.base import QuizScreen
from quizapp.tui.widgets.screen_header import ScreenHeader
from quizapp.wording import percent

CHECKING = "Checking which cards changed…"


class ChangedCardsScreen(QuizScreen):
    TITLE = "Changed cards"

    BINDINGS = [Binding("x", "reset", "Reset card", id="changed.reset")]

    def __init__(self) -> None:
        super().__init__()
        self.changes: list[ChangedCard] = []

    def compose(self) -> ComposeResult:
        yield ScreenHeader()
        yield Static(
            "These cards were rewritten a lot since you last reviewed them; their schedule may no"
            " longer fit. Reset one to study it again as new (its review log is kept).",
            classes="status-line-wrap",
            markup=False,
        )
        table: DataTable[Text] = DataTable(id="changed-table", cursor_type="row")
        table.add_columns("card", "similarity", "now reads")
        yield table
        with VerticalScroll(id="changed-detail"):
            yield Static(CHECKING, id="changed-text", markup=False)
        yield Footer()

    def on_mount(self) -> None:
        self.reload()

    @work(
        thread=True, exclusive=True, exit_on_error=False, description="Checking for changed cards"
    )
    def reload(self) -> None:
        """Compare the loaded cards with the texts they were studied with, off the event loop
        (it hashes every studied card the first time)."""
        workspace = self.workspace
        self.app.call_from_thread(self._show, find_changed(workspace.store, workspace.cards))

    def _show(self, changes: list[ChangedCard]) -> None:
        self.changes = changes
        table = self.query_one("#changed-table", DataTable)
        table.clear()
        for change in self.changes:
            table.add_row(
                Text(change.card_id),
                Text(percent(change.similarity)),
                Text(change.current_text.splitlines()[0] if change.current_text else ""),
                key=change.card_id,
            )
        if not self.changes:
            self.query_one("#changed-text", Static).update("No card changed a lot. Nothing to do.")
        table.focus()
        self.refresh_bindings()

    def worker_failed(self, worker: Worker[object], reason: str) -> None:
        self.query_one("#changed-text", Static).update(f"Cannot check for changed cards:\n{reason}")

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "reset":
            return bool(self.changes)
        return True

    @on(DataTable.RowHighlighted, "#changed-table")
    def show_change(self, event: DataTable.RowHighlighted) -> None:
        change = self.changes[event.cursor_row]
        self.query_one("#changed-text", Static).update(
            f"When you last reviewed it:\n{inert(change.reviewed_text)}\n\n"
            f"Now:\n{change.current_text}"
        )

    def reset_done(self, card_id: str) -> None:
        self.notify(f"{card_id} will be studied again as a new card", timeout=3)
        self.changes = []
        self.query_one("#changed-table", DataTable).clear()
        self.query_one("#changed-text", Static).update(CHECKING)
        self.refresh_bindings()
        self.reload()

    def action_reset(self) -> None:
        table = self.query_one("#changed-table", DataTable)
        change = self.changes[table.cursor_row]
        confirm_then(
            self.app,
            reset_question(change.card_id),
            lambda: self.quiz_app.writes.run(
                lambda: self.workspace.store.reset(change.card_id),
                lambda _: self.reset_done(change.card_id),
                title="Not reset",
            ),
        )
