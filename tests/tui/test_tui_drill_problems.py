"""A numeric card whose question cannot be generated (parameters its template refuses) is left
out of a scheduled drill and of a cram with the reason, instead of crashing the app; review says
what can be done about it."""

from __future__ import annotations

from pathlib import Path

import pytest
from helpers import last_message, shown, wait_ready
from textual.widgets import Input

from quizapp.study import CramSession, PracticeSession, ReviewSession
from quizapp.study.drill import Drill
from quizapp.tui.screens.practice import DrillScreen
from quizapp.tui.screens.review import ReviewScreen

DECK = """\
deck:
  name: broken-numeric
  title: Broken numeric
cards:
  - kind: numeric
    id: too-long
    title: A vector longer than the template allows
    template: activation-vector
    activation: relu
    params: {length: 100000}
"""


class FirstCard:
    """Stands in for the drill's generator: always draws the first remaining card."""

    def integers(self, high: int) -> int:
        return 0


@pytest.fixture
def broken_deck(tmp_path: Path) -> Path:
    deck = tmp_path / "broken-numeric"
    deck.mkdir()
    (deck / "cards.yaml").write_text(DECK)
    return deck


async def open_drill(app, pilot, cards: list, count: int | None) -> Drill:
    """A scheduled drill over `cards`, drawing the first remaining card each time."""
    drill = Drill(
        PracticeSession(app.workspace.store), [], count=count, rng=FirstCard(), cards=cards
    )
    await app.push_screen(DrillScreen(drill))
    await pilot.pause()
    return drill


async def test_a_card_that_cannot_generate_is_skipped_with_its_reason(
    make_app, broken_deck: Path
) -> None:
    app = make_app(broken_deck)
    async with app.run_test(size=(100, 30)) as pilot:
        await wait_ready(pilot)
        broken = app.workspace.library.card("too-long")
        working = app.workspace.library.card("num-relu-vector")
        await open_drill(app, pilot, [broken, working], count=2)
        screen = app.screen
        assert screen.item.card is working
        assert "too-long" in last_message(app) and "length" in last_message(app)
        for _ in range(2):
            answer_box = screen.query_one("#numeric-input", Input)
            answer_box.value = screen.item.question.expected_text
            await pilot.press("enter")
            await pilot.pause()
            assert screen.item.card is working
            await pilot.press("enter")
            await pilot.pause()
        assert "Drill finished: 2 of 2 correct" in shown(app, "#drill-summary")


async def test_a_drill_of_only_broken_cards_ends_at_once_and_says_why(
    make_app, broken_deck: Path
) -> None:
    app = make_app(broken_deck)
    async with app.run_test(size=(100, 30)) as pilot:
        await wait_ready(pilot)
        workspace = app.workspace
        drill = await open_drill(app, pilot, [workspace.library.card("too-long")], count=None)
        summary = shown(app, "#drill-summary")
        assert "Drill finished: 0 of 0 correct" in summary
        assert "too-long" in summary and "length" in summary
        assert drill.scheduled
        assert workspace.store.review_count() == 0


async def test_review_offers_bury_for_a_broken_card(make_app, broken_deck: Path) -> None:
    app = make_app(broken_deck)
    async with app.run_test(size=(100, 30)) as pilot:
        await wait_ready(pilot)
        workspace = app.workspace
        broken = workspace.library.card("too-long")
        screen = ReviewScreen(ReviewSession(workspace.store, [broken]), "Check")
        await app.push_screen(screen)
        await pilot.pause()
        front = shown(app, "#card-front")
        assert "could not be generated" in front and "Bury" in front
        offered = {description for _key, description in screen.key_rows()}
        assert "Bury" in offered


async def test_cram_leaves_a_broken_card_out_with_its_reason(make_app, broken_deck: Path) -> None:
    app = make_app(broken_deck)
    async with app.run_test(size=(100, 30)) as pilot:
        await wait_ready(pilot)
        workspace = app.workspace
        broken = workspace.library.card("too-long")
        working = workspace.library.card("num-relu-vector")
        screen = ReviewScreen(CramSession(workspace.store, [broken, working]), "Cram")
        await app.push_screen(screen)
        await pilot.pause()
        assert screen.item.card is working
        assert "too-long" in last_message(app) and "length" in last_message(app)
