"""From a deck's parts to the `Deck` the app sees, once the decks loaded before it are known.

`DeckParts` is what a deck's files say, checked; it is also what the deck cache keeps (see
`cache.py`). Assembling is the cheap last step both paths share: a card whose id an earlier deck
defines is left out (never a reason to reject the deck), and each function entry lists the cards
that ended up in the deck.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, replace
from operator import attrgetter
from pathlib import Path
from types import MappingProxyType

from quizapp.content.model import (
    CARD_KINDS,
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


class PlacedSources(Mapping[str, CardSource]):
    """Each card id's `CardSource`, made when asked for: a deck of 100,000 cards is mostly
    asked about a few of them."""

    def __init__(self, places: dict[str, PlacedCard], files: Sequence[Path]) -> None:
        self._places = places
        self._files = files

    def __getitem__(self, card_id: str) -> CardSource:
        return self._places[card_id].source(self._files)

    def __contains__(self, card_id: object) -> bool:
        return card_id in self._places

    def __iter__(self) -> Iterator[str]:
        return iter(self._places)

    def __len__(self) -> int:
        return len(self._places)


_IN_REVIEW = frozenset(CARD_KINDS)
_CARD = attrgetter("card")
_ID = attrgetter("id")
_KIND = attrgetter("kind")
_EXERCISE = attrgetter("exercise")
"""A card's exercise, or None: a code exercise is never false."""


def assemble(
    path: Path, files: Sequence[Path], parts: DeckParts, taken: Mapping[str, CardSource]
) -> tuple[Deck, list[Problem]]:
    """The deck, and a problem for each id its own files define twice."""
    places, left_out, problems = _unique_cards(parts.cards, files, taken)
    kept = list(map(_CARD, parts.cards))
    if len(places) < len(kept):
        kept = [card for card in kept if card.id in places]
    cards = (
        kept
        if _IN_REVIEW.issuperset(map(_KIND, kept))
        else [card for card in kept if card.kind in _IN_REVIEW]
    )
    deck = Deck(
        name=parts.name,
        path=path,
        title=parts.title,
        description=parts.description,
        cards=tuple(cards),
        sections=parts.sections,
        functions=tuple(_with_related(entry, cards) for entry in parts.functions),
        exercises=tuple(filter(_EXERCISE, kept)),
        sources=MappingProxyType(PlacedSources(places, files)),
        left_out=tuple(left_out),
    )
    return deck, problems


def _with_related(entry: ActivationFunction, cards: list[Card]) -> ActivationFunction:
    own = entry.card_ids[0]
    related = (card.id for card in cards if card.activation == entry.activation and card.id != own)
    return replace(entry, card_ids=(own, *related))


def _unique_cards(
    placed: Sequence[PlacedCard], files: Sequence[Path], taken: Mapping[str, CardSource]
) -> tuple[dict[str, PlacedCard], list[LeftOut], list[Problem]]:
    """Report every id defined twice in this deck; leave out (not report) a card whose id a
    deck loaded before defines, with its reverse side: one card never rejects a deck."""
    places = dict(zip(map(_ID, map(_CARD, placed)), placed, strict=True))
    if len(places) == len(placed) and not _any_taken(places, taken):
        return places, [], []
    places = {}
    left_out: dict[str, list[PlacedCard]] = {}
    problems: list[Problem] = []
    for item in placed:
        card_id = item.card.id
        base = card_id.removesuffix(REVERSE_SUFFIX)
        if card_id != base and base in left_out:
            left_out[base].append(item)
            continue
        if card_id != base and (card_id in places or card_id in taken):
            continue
        if card_id in places:
            first = places[card_id].source(files)
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
        places[card_id] = item
    return (
        places,
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


def _any_taken(ids: Mapping[str, object], taken: Mapping[str, CardSource]) -> bool:
    """Looked up from the smaller side: the decks loaded before may hold few cards or many."""
    if len(taken) < len(ids):
        return any(map(ids.__contains__, taken))
    return any(map(taken.__contains__, ids))
