"""From a deck's parts to the `Deck` the app sees, once the decks loaded before it are known.

`DeckParts` is what a deck's files say, checked; it is also what the deck cache keeps (see
`cache.py`). Assembling is the cheap last step both paths share: a card whose id an earlier deck
defines is left out (never a reason to reject the deck), and each function entry lists the cards
that ended up in the deck.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from types import MappingProxyType

from quizapp.content.kinds import kind_info
from quizapp.content.model import (
    REVERSE_SUFFIX,
    ActivationFunction,
    Card,
    CardSource,
    Deck,
    LeftOut,
    Section,
)
from quizapp.content.problems import Problem


@dataclass(frozen=True, slots=True)
class PlacedCard:
    """A card and where it is written: the index of its file among the deck's files, the line
    of its id and its field path."""

    card: Card
    file: int
    line: int
    field: str

    def source(self, files: Sequence[Path]) -> CardSource:
        return CardSource(files[self.file], self.line, self.field)


@dataclass(frozen=True, slots=True)
class DeckParts:
    """A deck as its files describe it. `functions` list only their own card in `card_ids`:
    the related cards are added when the deck is assembled."""

    name: str
    title: str
    description: str
    cards: tuple[PlacedCard, ...]
    sections: tuple[Section, ...]
    functions: tuple[ActivationFunction, ...]


def assemble(
    path: Path, files: Sequence[Path], parts: DeckParts, taken: Mapping[str, CardSource]
) -> tuple[Deck, list[Problem]]:
    """The deck, and a problem for each id its own files define twice."""
    sources, left_out, problems = _unique_cards(parts.cards, files, taken)
    kept = [placed.card for placed in parts.cards if placed.card.id in sources]
    cards = [card for card in kept if kind_info(card).in_review]
    deck = Deck(
        name=parts.name,
        path=path,
        title=parts.title,
        description=parts.description,
        cards=tuple(cards),
        sections=parts.sections,
        functions=tuple(_with_related(entry, cards) for entry in parts.functions),
        exercises=tuple(card for card in kept if card.exercise is not None),
        sources=MappingProxyType(sources),
        left_out=tuple(left_out),
    )
    return deck, problems


def _with_related(entry: ActivationFunction, cards: list[Card]) -> ActivationFunction:
    own = entry.card_ids[0]
    related = (card.id for card in cards if card.activation == entry.activation and card.id != own)
    return replace(entry, card_ids=(own, *related))


def _unique_cards(
    placed: Sequence[PlacedCard], files: Sequence[Path], taken: Mapping[str, CardSource]
) -> tuple[dict[str, CardSource], list[LeftOut], list[Problem]]:
    """Report every id defined twice in this deck; leave out (not report) a card whose id a
    deck loaded before defines, with its reverse side: one card never rejects a deck."""
    sources: dict[str, CardSource] = {}
    left_out: dict[str, list[PlacedCard]] = {}
    problems: list[Problem] = []
    for item in placed:
        card_id = item.card.id
        base = card_id.removesuffix(REVERSE_SUFFIX)
        if card_id != base and base in left_out:
            left_out[base].append(item)
            continue
        first = sources.get(card_id) or taken.get(card_id)
        if first is not None and card_id != base:
            continue
        if card_id in sources:
            problems.append(
                Problem(
                    files[item.file],
                    item.line,
                    f"{item.field}.id",
                    f"duplicate id {card_id!r} (first defined at {first})",
                )
            )
            continue
        if card_id in taken:
            left_out[card_id] = [item]
            continue
        sources[card_id] = item.source(files)
    return (
        sources,
        [
            LeftOut(
                card_id,
                items[0].source(files),
                taken[card_id],
                tuple(item.card for item in items),
            )
            for card_id, items in left_out.items()
        ],
        problems,
    )
