"""Your own decks are first-class: a deck of plain `cards:` is in Browse's tree with its cards,
and cram lists every deck by its title."""

from __future__ import annotations

from pathlib import Path

from helpers import settle, wait_ready
from textual.widgets import SelectionList, Tree

from quizapp.tui.screens.practice import CramSetupScreen

PLAIN_DECK = (
    "deck:\n  name: plain\n  title: Plain questions\n"
    "cards:\n  - kind: definition\n    id: plain-card\n"
    "    term: Zwitterion gate\n    meaning: A made-up unit found only in this deck\n"
)


def plain_deck(tmp_path: Path) -> Path:
    deck = tmp_path / "plain-deck"
    deck.mkdir()
    (deck / "cards.yaml").write_text(PLAIN_DECK)
    return deck


async def test_a_plain_cards_deck_is_in_the_tree_and_its_card_opens(
    make_app, tmp_path: Path
) -> None:
    app = make_app(plain_deck(tmp_path))
    async with app.run_test(size=(100, 30)) as pilot:
        await wait_ready(pilot)
        await pilot.press("b")
        await settle(pilot)
        tree = app.screen.query_one("#browse-tree", Tree)
        (deck_node,) = [node for node in tree.root.children if str(node.label) == "Plain questions"]
        (cards_node,) = deck_node.children
        assert str(cards_node.label) == "Cards (1)"
        assert cards_node.is_expanded
        (leaf,) = cards_node.children
        assert (str(leaf.label), leaf.data) == ("Zwitterion gate", ("card", "plain", "plain-card"))
        tree.move_cursor(leaf)
        await settle(pilot)
        pane = "".join(str(widget.render()) for widget in app.screen.query("#browse-pane Static"))
        assert "A made-up unit found only in this deck" in pane


async def test_cram_lists_decks_by_title_and_never_an_empty_label(make_app, tmp_path: Path) -> None:
    app = make_app(plain_deck(tmp_path))
    async with app.run_test(size=(100, 30)) as pilot:
        await wait_ready(pilot)
        await app.push_screen(CramSetupScreen())
        await settle(pilot)
        sections = app.screen.query_one("#cram-sections", SelectionList)
        labels = [str(sections.get_option_at_index(i).prompt) for i in range(sections.option_count)]
        assert all(label.strip() for label in labels)
        assert "Plain questions" in labels
        plain = labels.index("Plain questions")
        sections.deselect_all()
        sections.select(sections.get_option_at_index(plain).value)
        app.screen.action_start()
        await settle(pilot)
        assert app.screen.session.next().card.id == "plain-card"
