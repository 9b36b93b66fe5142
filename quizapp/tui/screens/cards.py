"""The card browser: every card with its study status, a search, one card's history, and the
actions Anki users reach for (suspend, unsuspend, unbury, reset, flag), each undoable.

The collection is read once in a worker; each search filters it in another (a newer keystroke
cancels the older), and the table shows one page of the matches at a time, so 100k cards never
block the screen. Writes go through the app's write queue.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, tzinfo

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.reactive import reactive
from textual.widgets import DataTable, Footer, Input, Static
from textual.worker import Worker, get_current_worker

from quizapp.safe_text import inert
from quizapp.study.card_actions import CardAction, CardActions
from quizapp.study.card_browser import (
    COLUMNS,
    BrowsedCard,
    CardCollection,
    HistoryLine,
    card_history,
    row_cells,
)
from quizapp.study.card_query import QueryError, parse_query
from quizapp.study.items import format_interval
from quizapp.tui.dialogs import confirm_then, reset_question
from quizapp.tui.screens.base import QuizScreen
from quizapp.tui.widgets.ordered_input import SEARCH_LENGTH, OrderedInput
from quizapp.tui.widgets.screen_header import ScreenHeader
from quizapp.wording import plural

PAGE_SIZE = 100
CARD_ID_WIDTH = 24
"""Long ids are cut on screen so the status fits in 80 columns (`shown_id`); the detail pane
shows the whole id, with the kind, deck and section the columns further right hold."""
SEARCH_HINT = "/ search: is:due is:suspended is:leech deck:NAME tag:NAME text…"
CARD_ACTIONS = frozenset({"suspend", "unsuspend", "unbury", "reset", "flag"})

_Acted = tuple[CardAction | None, BrowsedCard | None]
"""An action on a card (None: nothing to do) and the card's row read again after it."""


def shown_id(card_id: str) -> str:
    """An id too long for its column loses its middle, marked "…", not its end: cut at the
    end, "def-activation-function:reverse" read as its sibling "def-activation-function"."""
    if len(card_id) <= CARD_ID_WIDTH:
        return card_id
    tail = CARD_ID_WIDTH // 2
    return f"{card_id[: CARD_ID_WIDTH - tail - 1]}…{card_id[-tail:]}"


class CardsScreen(QuizScreen):
    TITLE = "Cards"

    BINDINGS = [
        Binding("slash", "search", "Search", id="cards.search", show=False),
        Binding("s", "suspend", "Suspend", id="cards.suspend"),
        Binding("u", "unsuspend", "Unsuspend", id="cards.unsuspend"),
        Binding("b", "unbury", "Unbury", id="cards.unbury"),
        Binding("f", "flag", "Flag", id="cards.flag"),
        Binding("x", "reset", "Reset", id="cards.reset"),
        Binding("z,ctrl+z", "undo", "Undo", id="cards.undo"),
        Binding("right_square_bracket", "page(1)", "Next page", id="cards.next", show=False),
        Binding("left_square_bracket", "page(-1)", "Previous page", id="cards.back", show=False),
    ]

    selected: reactive[BrowsedCard | None] = reactive(None, bindings=True)
    """The card the detail pane shows. It follows the table's cursor one message late (the
    table's RowHighlighted); actions read `highlighted`, where the cursor is now."""
    loading: reactive[bool] = reactive(True, bindings=True)
    page: reactive[int] = reactive(0, bindings=True)
    can_undo: reactive[bool] = reactive(False, bindings=True)

    def __init__(self, query: str = "") -> None:
        super().__init__()
        self._initial_query = query
        self._collection: CardCollection | None = None
        self._actions: CardActions | None = None
        self.matches: list[BrowsedCard] = []
        self._today = date.min

    def compose(self) -> ComposeResult:
        yield ScreenHeader()
        yield OrderedInput(
            self._initial_query,
            placeholder=SEARCH_HINT,
            id="cards-search",
            max_length=SEARCH_LENGTH,
        )
        table: DataTable[Text] = DataTable(id="cards-table", cursor_type="row")
        table.add_column(COLUMNS[0], width=CARD_ID_WIDTH)
        table.add_columns(*COLUMNS[1:])
        yield table
        yield Static("Loading the cards…", id="cards-status", classes="status-line", markup=False)
        with VerticalScroll(id="cards-detail"):
            yield Static("", id="cards-where", markup=False)
            yield Static("", id="cards-front", markup=False)
            yield Static("", id="cards-history", markup=False)
        yield Footer()

    def on_mount(self) -> None:
        workspace = self.workspace
        self._actions = CardActions(workspace.store, workspace.cards)
        self.query_one("#cards-table", DataTable).focus()
        self.load()

    @work(thread=True, exclusive=True, exit_on_error=False, description="Reading the cards")
    def load(self) -> None:
        workspace = self.workspace
        titles = {deck.name: deck.title for deck in workspace.library.decks}
        collection = CardCollection(workspace.store, workspace.cards, titles)
        self.app.call_from_thread(self._loaded, collection)

    def _loaded(self, collection: CardCollection) -> None:
        self._collection = collection
        self.loading = False
        self._search(self.query_one("#cards-search", Input).value)

    def worker_failed(self, worker: Worker[object], reason: str) -> None:
        self.loading = False
        self._status(f"Cannot read the cards: {reason}")

    def _status(self, text: str) -> None:
        self.query_one("#cards-status", Static).update(text)

    @on(Input.Changed, "#cards-search")
    def query_changed(self, event: Input.Changed) -> None:
        if self._collection is not None:
            self._search(event.value)

    @on(Input.Submitted, "#cards-search")
    def query_submitted(self, event: Input.Submitted) -> None:
        """Enter moves to the results, unless the search cannot be read: the keys typed next
        would act on the cards of the search before (s suspends, x forgets…)."""
        try:
            parse_query(event.value)
        except QueryError as error:
            self._status(f"Search not understood: {error}")
            return
        self.query_one("#cards-table", DataTable).focus()

    @work(thread=True, exclusive=True, group="cards-search", exit_on_error=False)
    def _search(self, query: str) -> None:
        """One search off the UI thread; a newer keystroke cancels it and its result is dropped."""
        collection = self._collection
        assert collection is not None
        worker = get_current_worker()
        try:
            matches = collection.search(query)
        except QueryError as error:
            if not worker.is_cancelled:
                self.app.call_from_thread(self._status, f"Search not understood: {error}")
            return
        today = collection.moment().today
        if not worker.is_cancelled:
            self.app.call_from_thread(self._show_matches, query, matches, today)

    def _show_matches(self, query: str, matches: list[BrowsedCard], today: date) -> None:
        if query != self.query_one("#cards-search", Input).value:
            return
        self.matches = matches
        self._today = today
        self.page = 0
        self._show_page()

    @property
    def page_count(self) -> int:
        return max(1, -(-len(self.matches) // PAGE_SIZE))

    def page_rows(self) -> list[BrowsedCard]:
        start = self.page * PAGE_SIZE
        return self.matches[start : start + PAGE_SIZE]

    def _show_page(self, cursor: int = 0) -> None:
        table = self.query_one("#cards-table", DataTable)
        table.clear()
        zone = self.quiz_app.clock.zone
        for card in self.page_rows():
            card_id, *cells = row_cells(card, self._today, zone)
            shown = (shown_id(card_id), *cells)
            table.add_row(*(Text(inert(cell)) for cell in shown), key=card.card_id)
        if table.row_count:
            table.move_cursor(row=min(cursor, table.row_count - 1))
        self._show_count()
        self._select(table.cursor_row)

    def _show_count(self) -> None:
        total = len(self.matches)
        if not total:
            self._status("No card matches this search.")
            return
        pages = f" · page {self.page + 1} of {self.page_count}, [ ] turn"
        self._status(f"{plural(total, 'card')}{pages if self.page_count > 1 else ''}")

    @on(DataTable.RowHighlighted, "#cards-table")
    def row_highlighted(self, event: DataTable.RowHighlighted) -> None:
        self._select(event.cursor_row)

    @property
    def highlighted(self) -> BrowsedCard | None:
        """The card under the table's cursor as this key is handled: in a burst (`Down s`) the
        table's RowHighlighted is still queued behind the `s`, so `selected` names the card
        the cursor left."""
        return self._card_at(self.query_one("#cards-table", DataTable).cursor_row)

    def _card_at(self, row: int) -> BrowsedCard | None:
        rows = self.page_rows()
        return rows[row] if 0 <= row < len(rows) else None

    def _select(self, row: int) -> None:
        card = self.selected = self._card_at(row)
        if card is None:
            for part in ("#cards-where", "#cards-front", "#cards-history"):
                self.query_one(part, Static).update("")
            return
        self.query_one("#cards-where", Static).update(_where(card))
        self.query_one("#cards-front", Static).update(card.front)
        self._read_history(card.card_id)

    @work(
        thread=True,
        exclusive=True,
        group="cards-history",
        exit_on_error=False,
        description="Reading the card's history",
    )
    def _read_history(self, card_id: str) -> None:
        history = card_history(self.workspace.store, card_id)
        if not get_current_worker().is_cancelled:
            self.app.call_from_thread(self._show_history, card_id, history)

    def _show_history(self, card_id: str, history: list[HistoryLine]) -> None:
        if self.selected is None or self.selected.card_id != card_id:
            return
        zone = self.quiz_app.clock.zone
        lines = [_history_line(line, zone) for line in history]
        text = "\n".join(["History:", *lines]) if lines else "Never answered."
        self.query_one("#cards-history", Static).update(text)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        card = self.highlighted
        if action in CARD_ACTIONS:
            if card is None or self.loading or self.quiz_app.writing:
                return False
            return {
                "suspend": not card.suspended,
                "unsuspend": card.suspended,
                "unbury": card.buried(self._today),
                "reset": card.state != "new" or card.lapses > 0,
                "flag": True,
            }[action]
        if action == "undo":
            return self.can_undo and not self.quiz_app.writing
        if action == "page":
            step = int(str(parameters[0])) if parameters else 0
            return 0 <= self.page + step < self.page_count
        return True

    def action_search(self) -> None:
        self.query_one("#cards-search", Input).focus()

    def action_page(self, step: int) -> None:
        if 0 <= self.page + step < self.page_count:
            self.page += step
            self._show_page()

    def _act(
        self, what: str, card_id: str, step: Callable[[CardActions, str], CardAction | None]
    ) -> None:
        """Run `step` on `card_id` through the write queue, then redraw that card."""
        actions, collection = self._actions, self._collection
        if actions is None or collection is None:
            return
        self.quiz_app.writes.run(
            lambda: _reread_after(collection, step(actions, card_id)),
            self._acted,
            title=f"Not done: {what}",
        )

    def _acted(self, done: _Acted, undone: bool = False) -> None:
        """Redraw the card acted on, from its row read again in the write's thread."""
        assert self._actions is not None
        self.can_undo = self._actions.can_undo()
        action, fresh = done
        if action is None or fresh is None:
            return
        self.notify(f"Undone: {action.done}" if undone else action.done, timeout=3)
        self.matches = [fresh if card.card_id == fresh.card_id else card for card in self.matches]
        table = self.query_one("#cards-table", DataTable)
        self._show_page(cursor=table.cursor_row)

    def action_suspend(self) -> None:
        if card := self.highlighted:
            self._act("suspend", card.card_id, CardActions.suspend)

    def action_unsuspend(self) -> None:
        if card := self.highlighted:
            self._act("unsuspend", card.card_id, CardActions.unsuspend)

    def action_unbury(self) -> None:
        if card := self.highlighted:
            self._act("unbury", card.card_id, CardActions.unbury)

    def action_flag(self) -> None:
        if card := self.highlighted:
            flagged = not card.flagged
            self._act(
                "flag", card.card_id, lambda actions, card_id: actions.set_flagged(card_id, flagged)
            )

    def action_reset(self) -> None:
        """Asks about the highlighted card; a yes resets that card, wherever the cursor is by
        then."""
        if (card := self.highlighted) is None:
            return
        card_id = card.card_id
        confirm_then(
            self.app,
            reset_question(card_id, "z"),
            lambda: self._act("reset", card_id, CardActions.reset),
        )

    def action_undo(self) -> None:
        actions, collection = self._actions, self._collection
        assert actions is not None and collection is not None
        self.quiz_app.writes.run(
            lambda: _reread_after(collection, actions.undo()),
            lambda action: self._acted(action, undone=True),
            title="Not undone",
            failed=lambda: setattr(self, "can_undo", actions.can_undo()),
        )

    def action_go_back(self) -> None:
        """Escape leaves the search box first, then the screen."""
        search = self.query_one("#cards-search", Input)
        if search.has_focus:
            self.query_one("#cards-table", DataTable).focus()
            return
        super().action_go_back()


def _history_line(line: HistoryLine, zone: tzinfo | None) -> str:
    moment = line.reviewed_at.astimezone(zone)
    after = "" if line.interval is None else f"  next in {format_interval(line.interval)}"
    return f"{moment:%Y-%m-%d %H:%M}  {line.mode:<9}  {line.rating.name:<5}{after}"


def _reread_after(collection: CardCollection, action: CardAction | None) -> _Acted:
    """The action and its card's row as stored now, both read off the UI thread."""
    return action, None if action is None else collection.reread(action.card_id)


def _where(card: BrowsedCard) -> str:
    """The selected card's id, kind, deck and section in one line, none of them cut."""
    place = " › ".join(part for part in (card.deck_title or card.deck, card.section) if part)
    return inert(" · ".join(part for part in (card.card_id, card.kind, place) if part))
