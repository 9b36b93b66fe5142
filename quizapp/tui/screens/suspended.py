"""Suspended cards: the list, and the way back into the schedule for each of them."""

from __future__ import annotations

from rich.text import Text
from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.reactive import reactive
from textual.widgets import DataTable, Footer, Header, Static
from textual.worker import Worker

from quizapp.study.suspended import SuspendedCard, suspended_cards, unsuspend
from quizapp.tui.screens.base import QuizScreen


class SuspendedCardsScreen(QuizScreen):
    TITLE = "Suspended cards"

    BINDINGS = [Binding("u", "unsuspend", "Unsuspend", id="suspended.unsuspend")]

    entries: reactive[tuple[SuspendedCard, ...]] = reactive(
        (), bindings=True, always_update=True, init=False
    )
    listing: reactive[bool] = reactive(True, bindings=True)

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static(
            "Suspended cards never come up in reviews. Unsuspend one to let it come up again"
            " when due: its schedule and history were kept.",
            classes="status-line-wrap",
            markup=False,
        )
        table: DataTable[Text] = DataTable(id="suspended-table", cursor_type="row")
        table.add_columns("card", "deck", "front")
        yield table
        yield Static("Loading…", id="suspended-count", markup=False)
        yield Footer()

    def on_mount(self) -> None:
        self.query_one("#suspended-table", DataTable).focus()
        self.load()

    @work(thread=True, exclusive=True, exit_on_error=False, description="Listing suspended cards")
    def load(self) -> None:
        workspace = self.workspace
        entries = tuple(suspended_cards(workspace.store, workspace.cards))
        self.app.call_from_thread(self._show, entries)

    def _show(self, entries: tuple[SuspendedCard, ...]) -> None:
        self.entries = entries
        self.listing = False

    def watch_entries(self, entries: tuple[SuspendedCard, ...]) -> None:
        table = self.query_one("#suspended-table", DataTable)
        table.clear()
        for entry in entries:
            deck = entry.card.deck if entry.card is not None else "—"
            table.add_row(Text(entry.card_id), Text(deck), Text(entry.front), key=entry.card_id)
        count = len(entries)
        cards = "card" if count == 1 else "cards"
        self.query_one("#suspended-count", Static).update(
            f"{count} suspended {cards}: u unsuspends the one selected."
            if count
            else "No card is suspended."
        )

    def worker_failed(self, worker: Worker[object], reason: str) -> None:
        self.listing = False
        self.query_one("#suspended-count", Static).update(f"Cannot list suspended cards: {reason}")

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "unsuspend":
            return bool(self.entries) and not self.listing and not self.quiz_app.writing
        return True

    def action_unsuspend(self) -> None:
        card_id = self.entries[self.query_one("#suspended-table", DataTable).cursor_row].card_id
        workspace = self.workspace
        self.quiz_app.writes.run(
            lambda: unsuspend(workspace.store, workspace.cards, card_id),
            lambda _changed: self._unsuspended(card_id),
            title="Not unsuspended",
        )

    def _unsuspended(self, card_id: str) -> None:
        self.notify(f"{card_id} comes up again when due", timeout=3)
        self.load()
