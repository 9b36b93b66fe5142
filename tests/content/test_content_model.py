"""The loaded content as the study layer and the TUI see it: immutable cards with stable hashes."""

from __future__ import annotations

import dataclasses
import json
import subprocess
import sys
from types import MappingProxyType

import pytest

from quizapp.content import (
    BulletList,
    Card,
    Code,
    Deck,
    Heading,
    LinkList,
    Paragraph,
    QuestionList,
    Table,
    load_library,
)
from quizapp.questions import template_ids

CHEATSHEET_FUNCTIONS = ("sigmoid", "tanh", "relu", "leaky_relu", "prelu", "elu", "softmax")


@pytest.fixture(scope="module")
def deck() -> Deck:
    return load_library(None).deck("activation-functions")


def test_content_hash_covers_visible_text_only(deck: Deck) -> None:
    card = next(c for c in deck.cards if c.kind == "choice")
    same = dataclasses.replace(card, tags=("other",), difficulty=5, section="elsewhere")
    assert same.content_hash() == card.content_hash()
    for change in (
        {"front": card.front + "?"},
        {"back": "x"},
        {"options": card.options[::-1]},
        {"key_points": ("new point",)},
        {"template": "softmax-logits"},
        {"params": MappingProxyType({"decimals": 2})},
    ):
        assert dataclasses.replace(card, **change).content_hash() != card.content_hash()


def test_content_hash_is_identical_in_another_process(deck: Deck) -> None:
    probe = (
        "import json; from quizapp.content import load_library; "
        "print(json.dumps({c.id: c.content_hash() for c in load_library(None).cards}))"
    )
    result = subprocess.run(
        [sys.executable, "-c", probe],
        capture_output=True,
        text=True,
        check=True,
        env={"PYTHONHASHSEED": "12345", "PATH": ""},
    )
    assert json.loads(result.stdout) == {c.id: c.content_hash() for c in deck.cards}


def test_cards_are_immutable(deck: Deck) -> None:
    card = next(c for c in deck.cards if c.kind == "numeric" and c.params)
    with pytest.raises(dataclasses.FrozenInstanceError):
        card.front = "changed"  # type: ignore[misc]
    with pytest.raises(TypeError):
        card.params["decimals"] = 9  # type: ignore[index]
    assert all(
        isinstance(value, str | int | float | bool | tuple) for value in card.params.values()
    )
    assert len({card, dataclasses.replace(card)}) == 1


def test_reverse_definitions_swap_front_and_back(deck: Deck) -> None:
    forward = next(c for c in deck.cards if c.id == "concept-vanishing-gradient")
    reverse = next(c for c in deck.cards if c.id == "concept-vanishing-gradient:reverse")
    assert (reverse.front, reverse.back) == (forward.back, forward.front)
    assert reverse.section == forward.section == "key-concepts"
    assert "concept-linearity:reverse" not in {c.id for c in deck.cards}


def test_every_card_is_well_formed(deck: Deck) -> None:
    ids = [card.id for card in deck.cards]
    assert len(ids) == len(set(ids))
    sections = {section.id for section in deck.sections}
    for card in deck.cards:
        assert card.deck == "activation-functions"
        assert card.section in sections, card.id
        assert 1 <= card.difficulty <= 5
        assert card.front.strip()
        if card.kind == "choice":
            assert card.answer_index is not None
            assert card.options[card.answer_index] == card.back
            assert len(set(card.options)) == len(card.options) >= 3
        elif card.kind == "numeric":
            assert card.back == "" and card.template
        else:
            assert card.back.strip() and not card.options and card.answer_index is None
        assert bool(card.key_points) == (card.kind == "interview")


def test_numeric_cards_cover_every_template_and_the_seven_functions(deck: Deck) -> None:
    numeric = [card for card in deck.cards if card.kind == "numeric"]
    assert 15 <= len(numeric) <= 25
    assert {card.template for card in numeric} == set(template_ids())
    covered = {card.activation for card in numeric}
    assert set(CHEATSHEET_FUNCTIONS) <= covered
    assert any(c.template == "activation-vector" and c.activation == "relu" for c in numeric)


def test_function_entries_list_their_cards(deck: Deck) -> None:
    for function in deck.functions:
        first, *others = function.card_ids
        formula = next(c for c in deck.cards if c.id == first)
        assert formula.kind == "formula"
        assert formula.front == f"Formula of {function.full_name}?"
        for card_id in others:
            assert next(c for c in deck.cards if c.id == card_id).activation == function.activation
    relu = deck.function("relu")
    assert "num-relu-vector" in relu.card_ids and "mc-dying-relu" in relu.card_ids


def test_sections_are_plain_typed_blocks(deck: Deck) -> None:
    block_types = (Heading, Paragraph, BulletList, Table, Code, LinkList, QuestionList)
    kinds = set()
    for section in deck.sections:
        assert section.blocks
        for block in section.blocks:
            assert isinstance(block, block_types)
            kinds.add(block.kind)
    assert kinds == {"heading", "paragraph", "bullets", "table", "code", "links", "questions"}
    table = next(b for b in deck.section("strengths-weaknesses").blocks if isinstance(b, Table))
    assert table.columns == ("Activation Function", "Strengths", "Weaknesses", "Common Use Cases")
    assert all(len(row) == 4 for row in table.rows)


def test_card_is_hashable_by_deck_and_id() -> None:
    card = Card("x", "definition", deck="d", front="f", back="b")
    assert hash(card) == hash(dataclasses.replace(card, front="other"))
    assert card != dataclasses.replace(card, front="other")
