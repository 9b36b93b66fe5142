"""The order new cards are introduced in: varied kinds, and never both sides of a card in a row."""

from __future__ import annotations

from collections.abc import Iterable
from itertools import chain, zip_longest

from quizapp.study.protocols import StudyCard

SIBLING_SEPARATOR = ":"


def sibling_key(card_id: str) -> str:
    """Cards derived from one authored card (e.g. `x` and `x:reverse`) share the part before ':'."""
    return card_id.split(SIBLING_SEPARATOR, 1)[0]


def new_card_order(cards: Iterable[StudyCard]) -> list[str]:
    """Round-robin over card kinds, each kind in deck order, derived sides after every first side.

    In deck order a first day would be twenty definitions and no numeric question; alternating
    kinds gives every session a mix, and putting reverse sides last keeps a card and its reverse
    apart.
    """
    by_kind: dict[str, list[str]] = {}
    derived: dict[str, list[str]] = {}
    for card in cards:
        group = derived if sibling_key(card.id) != card.id else by_kind
        group.setdefault(card.kind, []).append(card.id)
    firsts = [card_id for card_id in chain(*zip_longest(*by_kind.values())) if card_id]
    seconds = [card_id for card_id in chain(*zip_longest(*derived.values())) if card_id]
    return firsts + seconds
