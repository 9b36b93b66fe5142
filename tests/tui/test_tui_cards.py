"""The card browser, driven as a user does: open it, search, read a card's history, and each
action (suspend, unsuspend, unbury, flag, reset, undo, pages)."""

from __future__ import annotations

from pathlib import Path

from fsrs import Rating, Scheduler
from helpers import held_by_another_instance, last_message, shown, wait_ready
from textual.widgets import DataTable, Input

from quizapp.study import record_answer
from quizapp.tui.dialogs import ConfirmScreen
from quizapp.tui.screens.cards import PAGE_SIZE, CardsScreen
from quizapp.tui.screens.home import HomeScreen

DECK = (
    "deck:\n  name: mine\n  title: My interviews\ncards:\n"
    "  - kind: definition\n    id: my-card\n    term: '[b]Saturation[/b]'\n"
    "    meaning: Flat gradient.\n    tags: [mine]\n"
)


def my_deck(tmp_path: Path) -> Path:
    deck = tmp_path / "mine"
    deck.mkdir()
    (deck / "cards.yaml").write_text(DECK)
    return deck


async def open_cards(pilot, query: str | None = None) -> CardsScreen:
    await wait_ready(pilot)
    await pilot.press("c")
    await wait_ready(pilot)
    screen = pilot.app.screen
    assert isinstance(screen, CardsScreen)
    if query is not None:
        screen.query_one("#cards-search", Input).value = query
        await wait_ready(pilot)
    return screen


def column(screen: CardsScreen, index: int) -> list[str]:
    table = screen.query_one("#cards-table", DataTable)
    return [str(table.get_row_at(row)[index]) for row in range(table.row_count)]


async def test_c_lists_every_card_and_shows_the_first(make_app, tmp_path: Path) -> None:
    app = make_app(my_deck(tmp_path))
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await open_cards(pilot)
        total = len(app.workspace.cards)
        assert shown(app, "#cards-status").startswith(f"{total} cards · page 1 of")
        assert len(column(screen, 0)) == min(total, PAGE_SIZE)
        assert shown(app, "#cards-front") == app.workspace.cards[0].front
        assert shown(app, "#cards-history") == "Never answered."
        screen.query_one("#cards-search", Input).value = 'deck:"my interviews"'
        await wait_ready(pilot)
        assert column(screen, 0) == ["my-card"]
        assert column(screen, 7) == ["mine"]
        assert shown(app, "#cards-front") == "[b]Saturation[/b]"


async def test_typing_a_search_filters_and_enter_returns_to_the_table(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await open_cards(pilot)
        await pilot.press("slash")
        assert screen.query_one("#cards-search", Input).has_focus
        await pilot.press(*"kind:numeric")
        await wait_ready(pilot)
        assert set(column(screen, 6)) == {"numeric"}
        await pilot.press("enter")
        assert screen.query_one("#cards-table", DataTable).has_focus
        await pilot.press("slash", "escape")
        assert screen.query_one("#cards-table", DataTable).has_focus
        await pilot.press("escape")
        assert isinstance(app.screen, HomeScreen)


async def test_a_query_error_names_its_column_and_keeps_the_list(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await open_cards(pilot, "is:suspended")
        screen.query_one("#cards-search", Input).value = "is:sleepy"
        await wait_ready(pilot)
        assert shown(app, "#cards-status").startswith(
            "Search not understood: column 4: unknown status 'sleepy'"
        )
        assert screen.query_one("#cards-search", Input).value == "is:sleepy"


async def test_enter_on_an_unreadable_search_keeps_the_keys_in_the_search_box(make_app) -> None:
    """Typed keys after it go on editing the search: `s` must not suspend the card shown."""
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await open_cards(pilot)
        await pilot.press("slash", *"is:sleepy", "enter")
        await wait_ready(pilot)
        search = screen.query_one("#cards-search", Input)
        assert search.has_focus
        assert shown(app, "#cards-status").startswith("Search not understood: column 4")
        await pilot.press("backspace", "s", "f", "x")
        await wait_ready(pilot)
        assert search.value == "is:sleepsfx"
        assert not any(
            app.workspace.store.card_state(card_id).suspended for card_id in column(screen, 0)
        )
        await pilot.press("ctrl+u", *"is:new", "enter")
        await wait_ready(pilot)
        assert screen.query_one("#cards-table", DataTable).has_focus


async def test_suspend_then_undo(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await open_cards(pilot)
        card_id = column(screen, 0)[0]
        store = app.workspace.store
        assert not screen.check_action("undo", ())
        await pilot.press("s")
        await wait_ready(pilot)
        assert store.card_state(card_id).suspended
        assert column(screen, 5)[0] == "suspended"
        assert "suspended: it no longer comes up" in last_message(app)
        assert not screen.check_action("suspend", ())
        assert screen.check_action("unsuspend", ())
        await pilot.press("z")
        await wait_ready(pilot)
        assert not store.card_state(card_id).suspended
        assert column(screen, 5)[0] == ""
        assert last_message(app).startswith("Undone: ")


async def test_unbury_lets_a_buried_card_come_back(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await wait_ready(pilot)
        store = app.workspace.store
        card_id = app.workspace.cards[1].id
        store.bury(card_id)
        screen = await open_cards(pilot, "is:buried")
        assert column(screen, 0) == [card_id]
        await pilot.press("b")
        await wait_ready(pilot)
        assert store.card_state(card_id).buried_until is None
        assert not screen.check_action("unbury", ())


async def test_flag_toggles_and_is_searchable(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await open_cards(pilot)
        card_id = column(screen, 0)[0]
        store = app.workspace.store
        await pilot.press("f")
        await wait_ready(pilot)
        assert store.flagged_ids() == {card_id}
        screen.query_one("#cards-search", Input).value = "is:flagged"
        await wait_ready(pilot)
        assert column(screen, 0) == [card_id]
        await pilot.press("f")
        await wait_ready(pilot)
        assert store.flagged_ids() == set()


async def test_reset_asks_first_and_shows_the_history(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await wait_ready(pilot)
        store = app.workspace.store
        card = app.workspace.cards[0]
        record_answer(store, card, Rating.Good, scheduler=Scheduler(enable_fuzzing=False))
        screen = await open_cards(pilot, "is:learning")
        assert column(screen, 0) == [card.id]
        history = shown(app, "#cards-history")
        assert history.startswith("History:\n2026-03-02 09:30  scheduled  Good   next in 10m")
        await pilot.press("x")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("n")
        await wait_ready(pilot)
        assert store.card_state(card.id).state is not None
        await pilot.press("x")
        await pilot.pause()
        await pilot.press("y")
        await wait_ready(pilot)
        assert store.card_state(card.id).state is None
        assert column(screen, 1) == ["new"]
        await pilot.press("z")
        await wait_ready(pilot)
        assert store.card_state(card.id).state is not None


async def test_pages_turn_with_brackets(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await open_cards(pilot)
        cards = app.workspace.cards
        assert len(cards) > PAGE_SIZE
        assert not screen.check_action("page", (-1,))
        await pilot.press("right_square_bracket")
        await wait_ready(pilot)
        assert column(screen, 0)[0] == cards[PAGE_SIZE].id
        assert "page 2 of" in shown(app, "#cards-status")
        await pilot.press("left_square_bracket")
        await wait_ready(pilot)
        assert column(screen, 0)[0] == cards[0].id


async def test_a_refused_write_is_reported_and_changes_nothing(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await open_cards(pilot)
        card_id = column(screen, 0)[0]
        store = app.workspace.store
        with held_by_another_instance(store):
            await pilot.press("s")
            await wait_ready(pilot)
        assert "locked by another quizapp" in last_message(app)
        assert not store.card_state(card_id).suspended
        assert not screen.check_action("undo", ())


async def test_the_palette_opens_the_browser(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await wait_ready(pilot)
        commands = {command.title: command for command in app.get_system_commands(app.screen)}
        commands["Cards"].callback()
        await wait_ready(pilot)
        assert isinstance(app.screen, CardsScreen)


async def test_a_leech_is_found_and_reset_clears_its_lapses(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await wait_ready(pilot)
        store = app.workspace.store
        card = app.workspace.cards[2]
        record_answer(store, card, Rating.Good, scheduler=Scheduler(enable_fuzzing=False))
        with store.transaction() as connection:
            connection.execute(
                "UPDATE cards SET lapses = 9, leech = 1 WHERE card_id = ?", (card.id,)
            )
        screen = await open_cards(pilot, "is:leech")
        assert column(screen, 0) == [card.id]
        assert (column(screen, 3), column(screen, 4)) == (["9"], ["leech"])
        await pilot.press("s")
        await wait_ready(pilot)
        assert store.card_state(card.id).suspended
        await pilot.press("x")
        await pilot.pause()
        await pilot.press("y")
        await wait_ready(pilot)
        state = store.card_state(card.id)
        assert (state.lapses, state.leech, state.state) == (0, False, None)
        assert (column(screen, 3), column(screen, 4)) == ([""], [""])


async def test_the_columns_cut_at_80_columns_show_whole_below(make_app) -> None:
    """Walk #21: at 80 columns a reverse card's id was cut and its deck and section were off
    screen; the detail pane names them whole. The id loses its middle, not its end: cut at the
    end it read as its sibling's."""
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_cards(pilot)
        table = screen.query_one("#cards-table", DataTable)
        row = table.get_row_index("def-activation-function:reverse")
        table.move_cursor(row=row)
        await pilot.pause()
        width = table.ordered_columns[0].width
        assert width < len("def-activation-function:reverse")
        ids = column(screen, 0)
        assert ids[row] == "def-activat…tion:reverse" and len(ids[row]) <= width
        assert "def-activation-function" in ids
        card = app.workspace.library.card("def-activation-function:reverse")
        assert shown(app, "#cards-where") == (
            f"def-activation-function:reverse · definition · "
            f"{app.workspace.library.deck(card.deck).title} › {card.section}"
        )
        assert screen.query_one("#cards-where").region.bottom <= 24
