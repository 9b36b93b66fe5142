"""Browse search runs in a worker: every card is found, and typing never waits for a query."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest
from helpers import settle, wait_ready
from textual.widgets import Input, OptionList

from quizapp.content.search import SearchHit, SearchIndex
from quizapp.tui.screens.browse import BrowseScreen

PLAIN_DECK = (
    "deck:\n  name: plain\n  title: Plain\n"
    "cards:\n  - kind: definition\n    id: plain-card\n"
    "    term: Zwitterion gate\n    meaning: A made-up unit found only in this deck\n"
)


async def test_a_card_of_a_plain_cards_deck_is_found_and_opened(make_app, tmp_path: Path) -> None:
    deck = tmp_path / "plain-deck"
    deck.mkdir()
    (deck / "cards.yaml").write_text(PLAIN_DECK)
    app = make_app(deck)
    async with app.run_test(size=(100, 30)) as pilot:
        await wait_ready(pilot)
        await pilot.press("b")
        await settle(pilot)
        await pilot.press("slash", *"zwitterion")
        await settle(pilot)
        results = app.screen.query_one("#browse-results", OptionList)
        assert results.option_count == 1
        assert "Zwitterion gate" in str(results.get_option_at_index(0).prompt)
        await pilot.press("enter", "enter")
        await settle(pilot)
        pane = "".join(str(widget.render()) for widget in app.screen.query("#browse-pane Static"))
        assert "A made-up unit found only in this deck" in pane


async def test_keys_and_timers_keep_working_while_a_query_runs(
    make_app, monkeypatch: pytest.MonkeyPatch
) -> None:
    release = threading.Event()
    original = SearchIndex.search

    def slow_search(self: SearchIndex, query: str, *args, **kwargs) -> list[SearchHit]:
        release.wait(timeout=10)
        return original(self, query, *args, **kwargs)

    monkeypatch.setattr(SearchIndex, "search", slow_search)
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await wait_ready(pilot)
        await pilot.press("b")
        await pilot.pause()
        browse = app.screen
        assert isinstance(browse, BrowseScreen)
        ticks: list[None] = []
        browse.set_interval(0.02, lambda: ticks.append(None))
        await pilot.press("slash", *"dying")
        await pilot.pause(0.3)
        assert browse.query_one("#browse-search", Input).value == "dying"
        assert len(ticks) >= 3
        release.set()
        await settle(pilot)
        results = browse.query_one("#browse-results", OptionList)
        assert results.display and results.option_count >= 1
        assert "Dying" in str(results.get_option_at_index(0).prompt)
