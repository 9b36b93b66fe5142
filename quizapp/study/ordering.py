"""The order new cards are introduced in: decks taking turns, varied kinds, and never both sides
of a card in a row."""

from __future__ import annotations

from collections.abc import Iterable
from itertools import chain, zip_longest

from quizapp.study.protocols import StudyCard

SIBLING_SEPARATOR = ":"


def sibling_key(card_id: str) -> str:
    """Cards derived from one authored card (e.g. `x` and `x:reverse`) share the part before ':'."""
    return card_id.split(SIBLING_SEPARATOR, 1)[0]


def new_card_order(cards: Iterable[StudyCard]) -> list[str]:
    """Decks take turns (one new card from each in load order), each deck's cards round-robin over
    card kinds in deck order; derived sides come after every deck's first sides.

    Without turns a small deck of your own would wait behind every bundled card (hundreds of days
    at 20 a day); with them a deck of 10 cards is fully introduced within the first 20 new cards.
    In deck order a first day would be twenty definitions and no numeric question; alternating
    kinds gives every session a mix, and putting reverse sides last keeps a card and its reverse
    apart.
    """
    firsts: dict[str, dict[str, list[str]]] = {}
    seconds: dict[str, dict[str, list[str]]] = {}
    for card in cards:
        group = seconds if sibling_key(card.id) != card.id else firsts
        group.setdefault(card.deck, {}).setdefault(card.kind, []).append(card.id)
    return _turns(firsts) + _turns(seconds)


def _turns(by_deck: dict[str, dict[str, list[str]]]) -> list[str]:
    return _round_robin([_round_robin(list(by_kind.values())) for by_kind in by_deck.values()])


def _round_robin(queues: list[list[str]]) -> list[str]:
    return [card_id for card_id in chain(*zip_longest(*queues)) if card_id]
