"""Browse: the cheatsheet section by section, every function with its plot, and search.

The screen shows a loading line at once and builds the rest after that frame: laying out the
tree and the first section takes a moment, and the plot's modules (numpy, plotext) are imported
the first time, in a thread, so that this module imports fast (home imports it as `b` opens
Browse, before anything of Browse can show).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.text import Text
from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.widgets import Footer, Input, OptionList, Static, Tree
from textual.widgets.option_list import Option
from textual.worker import get_current_worker

from quizapp.content import Card
from quizapp.content.search import SearchHit, index_for
from quizapp.tui.screens.base import QuizScreen
from quizapp.tui.widgets.ordered_input import SEARCH_LENGTH, OrderedInput
from quizapp.tui.widgets.screen_header import ScreenHeader
from quizapp.tui.widgets.section_view import function_details, function_heading, section_widgets

if TYPE_CHECKING:
    from quizapp.tui.widgets.function_plot import FunctionPlot

ZOOM_STEP = 1.5
LOADING = "Loading the cheatsheet…"
RANGE_LENGTH = 40
"""Two numbers fit ("-1.5e3 2.25e3"); a paste of thousands is refused, not echoed in full by the
notice that cannot read it."""


class BrowseScreen(QuizScreen):
    TITLE = "Browse"

    BINDINGS = [
        Binding("slash,ctrl+f", "search", "Search", id="browse.search", priority=True),
        Binding("plus,equals_sign", f"zoom({1 / ZOOM_STEP})", "Zoom in", id="browse.zoom_in"),
        Binding("minus", f"zoom({ZOOM_STEP})", "Zoom out", id="browse.zoom_out"),
        Binding("g", "edit_range", "Plot range", id="browse.range"),
    ]

    def __init__(self) -> None:
        super().__init__()
        self._hits: list[SearchHit] = []

    def compose(self) -> ComposeResult:
        """What shows at once; the rest is built after this frame (`_build`)."""
        yield ScreenHeader()
        yield Static(LOADING, id="browse-loading", classes="status-line", markup=False)
        yield Footer()

    def on_mount(self) -> None:
        self.quiz_app.openings.building(self)
        self._build_index()
        self._plot_imported = self._import_plot()
        self.call_after_refresh(self._build)

    @work(thread=True, group="browse-plot", exit_on_error=False, description="Loading the plots")
    def _import_plot(self) -> None:
        """The plot widget and the engine it samples (numpy, plotext): 0.1-0.3 s the first time,
        off the UI thread while the loading line shows."""
        import quizapp.tui.widgets.function_plot  # noqa: F401

    async def _build(self) -> None:
        """The tree of decks and the first section, in place of the loading line; keys typed
        meanwhile were held (`ScreenOpenings.building`) and reach the screen now, in order."""
        await self._plot_imported.wait()
        tree = Tree[tuple[str, str, str]]("Decks", id="browse-tree")
        nav = Vertical(
            OrderedInput(
                placeholder="/ search everything", id="browse-search", max_length=SEARCH_LENGTH
            ),
            OptionList(id="browse-results"),
            tree,
            id="browse-nav",
        )
        await self.mount(
            Horizontal(nav, VerticalScroll(id="browse-pane")), before="#browse-loading"
        )
        tree.show_root = False
        for deck in self.workspace.library.decks:
            deck_node = tree.root.add(Text(deck.title), expand=True)
            for section in deck.sections:
                deck_node.add_leaf(Text(section.title), data=("section", deck.name, section.id))
            if deck.functions:
                functions = deck_node.add(Text("Activation functions"), expand=True)
                for entry in deck.functions:
                    functions.add_leaf(
                        Text(entry.display_name), data=("function", deck.name, entry.activation)
                    )
            loose = [card for card in deck.cards if not card.section]
            if loose:
                only_cards = not deck.sections and not deck.functions
                title = "Cards" if only_cards else "Cards outside the sections"
                cards_node = deck_node.add(Text(f"{title} ({len(loose)})"), expand=only_cards)
                for card in loose:
                    cards_node.add_leaf(Text(card.front), data=("card", deck.name, card.id))
        self.query_one("#browse-results", OptionList).display = False
        tree.focus()
        first = self.workspace.library.decks[0] if self.workspace.library.decks else None
        if first is not None and first.sections:
            await self.show_section(first.name, first.sections[0].id)
        await self.query_one("#browse-loading", Static).remove()
        self.quiz_app.openings.built(self)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "search":
            return not isinstance(self.focused, Input)
        if action in ("zoom", "edit_range"):
            return bool(self.query("#browse-plot"))
        return True

    async def on_tree_node_selected(self, event: Tree.NodeSelected[tuple[str, str, str]]) -> None:
        await self._open(event.node.data)

    async def on_tree_node_highlighted(
        self, event: Tree.NodeHighlighted[tuple[str, str, str]]
    ) -> None:
        await self._open(event.node.data)

    async def _open(self, target: tuple[str, str, str] | None) -> None:
        if target is None:
            return
        kind, deck, key = target
        if kind == "section":
            await self.show_section(deck, key)
        elif kind == "card":
            await self.show_card(self.workspace.library.card(key))
        else:
            await self.show_function(deck, key)

    async def _replace_pane(self, *widgets: Static | FunctionPlot | Input) -> None:
        pane = self.query_one("#browse-pane", VerticalScroll)
        await pane.remove_children()
        await pane.mount_all(widgets)
        pane.scroll_home(animate=False)
        self.refresh_bindings()

    async def show_section(self, deck: str, section_id: str) -> None:
        section = self.workspace.library.deck(deck).section(section_id)
        await self._replace_pane(*section_widgets(section))

    async def show_function(self, deck: str, activation: str) -> None:
        from quizapp import engine
        from quizapp.tui.widgets.function_plot import FunctionPlot

        entry = self.workspace.library.deck(deck).function(activation)
        heading = Static(function_heading(entry), classes="browse-block", markup=False)
        details = Static(function_details(entry), classes="browse-block", markup=False)
        if activation not in engine.names():
            note = "Two inputs (the halves of one axis), so no single curve to plot."
            await self._replace_pane(heading, Static(note, classes="hint", markup=False), details)
            return
        await self._replace_pane(
            heading,
            FunctionPlot(activation, id="browse-plot"),
            OrderedInput(
                placeholder="range, e.g. -5 5 (enter)", id="browse-range", max_length=RANGE_LENGTH
            ),
            Static("+/- zoom · g sets the range", classes="hint", markup=False),
            details,
        )
        self.query_one("#browse-range", Input).display = False

    def _plot(self) -> FunctionPlot:
        from quizapp.tui.widgets.function_plot import FunctionPlot

        return self.query_one("#browse-plot", FunctionPlot)

    def action_zoom(self, factor: float) -> None:
        self._plot().zoom(float(factor))

    def action_edit_range(self) -> None:
        plot = self._plot()
        box = self.query_one("#browse-range", Input)
        box.display = True
        box.value = f"{plot.low:g} {plot.high:g}"
        box.focus()
        # Focusing scrolls before the box shown has a place: below a 14-line plot at 80x24 it
        # stayed under the fold. Once laid out, it is brought into view with the plot above.
        self.call_after_refresh(box.scroll_visible, animate=False)

    def action_search(self) -> None:
        """A priority key that moves the focus at once: the keys typed after `/` in the same
        burst, already queued, go to the search box (`focus()` would move it only after them).
        In a text box `/` is typed instead (`check_action`)."""
        self.set_focus(self.query_one("#browse-search", Input))

    @work(thread=True, group="browse-index", exit_on_error=False)
    def _build_index(self) -> None:
        """Index the library before the first keystroke needs it, off the UI thread."""
        index_for(self.workspace.library)

    def on_input_changed(self, event: Input.Changed) -> None:
        if event.input.id == "browse-search":
            self._search(event.value)

    @work(thread=True, exclusive=True, group="browse-search", exit_on_error=False)
    def _search(self, query: str) -> None:
        """One query off the UI thread; a newer keystroke cancels it and drops its hits."""
        worker = get_current_worker()
        hits = index_for(self.workspace.library).search(
            query, cancelled=lambda: worker.is_cancelled
        )
        if not worker.is_cancelled:
            self.app.call_from_thread(self._show_hits, query, hits)

    def _show_hits(self, query: str, hits: list[SearchHit]) -> None:
        if query != self.query_one("#browse-search", Input).value:
            return
        results = self.query_one("#browse-results", OptionList)
        tree = self.query_one("#browse-tree", Tree)
        results.clear_options()
        results.add_options(
            Option(Content(f"{hit.title}\n  {hit.snippet}"), id=str(index))
            for index, hit in enumerate(hits)
        )
        self._hits = hits
        searching = bool(query.strip())
        results.display = searching
        tree.display = not searching
        if searching and not hits:
            results.add_option(Option(Content("no match"), disabled=True))

    def on_input_submitted(self, event: Input.Submitted) -> None:
        if event.input.id == "browse-search":
            results = self.query_one("#browse-results", OptionList)
            results.focus()
            if results.highlighted is None:
                results.action_first()
            return
        from quizapp.engine.curves import parse_range

        plot = self._plot()
        try:
            plot.set_range(*parse_range(event.value))
        except ValueError as error:
            self.notify(str(error), title="Plot range", severity="error", markup=False)
            return
        event.input.display = False
        plot.focus()

    async def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        if event.option.id is None:
            return
        hit = self._hits[int(event.option.id)]
        if hit.activation is not None:
            await self.show_function(hit.deck, hit.activation)
        elif hit.section_id is not None:
            await self.show_section(hit.deck, hit.section_id)
        elif hit.card_id is not None:
            await self.show_card(self.workspace.library.card(hit.card_id))

    async def show_card(self, card: Card) -> None:
        """A card written outside any section: its question and answer, shown literally."""
        parts = [card.back, *(f"• {point}" for point in card.key_points)]
        parts += [f"{number}. {option}" for number, option in enumerate(card.options, 1)]
        if card.template is not None:
            about = f", {card.activation}" if card.activation else ""
            parts.append(f"A generated numeric question ({card.template}{about}).")
        body = "\n".join(part for part in parts if part)
        await self._replace_pane(
            Static(card.front, classes="browse-title", markup=False),
            Static(body, classes="browse-block", markup=False),
        )

    def action_go_back(self) -> None:
        """Escape first closes what is open here (range box, search), then leaves."""
        range_box = (
            self.query("#browse-range").first(Input) if self.query("#browse-range") else None
        )
        if range_box is not None and range_box.display:
            range_box.display = False
            self._plot().focus()
            return
        search_box = self.query_one("#browse-search", Input)
        if search_box.value:
            search_box.value = ""
            self.query_one("#browse-tree", Tree).focus()
            return
        super().action_go_back()
