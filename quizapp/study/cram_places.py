"""Where a cram set can be drawn from: each section of each deck, and each deck's cards written
outside any section, named so a user recognises them (a deck of plain `cards:` by its title)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from quizapp.content.model import Deck
from quizapp.study.protocols import StudyCard


@dataclass(frozen=True, slots=True)
class CramPlace:
    """`section` is "" for the deck's cards outside any section."""

    deck: str
    section: str
    label: str


def cram_places(decks: Iterable[Deck]) -> list[CramPlace]:
    """Every place holding cards, in deck order: its sections, then its other cards."""
    places = []
    for deck in decks:
        present = {card.section for card in deck.cards}
        places += [
            CramPlace(deck.name, section.id, section.title)
            for section in deck.sections
            if section.id in present
        ]
        if "" in present:
            label = f"{deck.title}: other cards" if deck.sections else deck.title
            places.append(CramPlace(deck.name, "", label))
    return places


def cards_at(
    cards: Iterable[StudyCard], places: Iterable[CramPlace], kinds: Iterable[str]
) -> list[StudyCard]:
    """A cram set: the cards of the chosen places and kinds, in deck order."""
    wanted_places = {(place.deck, place.section) for place in places}
    wanted_kinds = set(kinds)
    return [
        card
        for card in cards
        if (card.deck, card.section) in wanted_places and card.kind in wanted_kinds
    ]
