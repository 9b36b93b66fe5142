"""What to study: every card, or one deck, one section or one tag (the picker and `quizapp due`)."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from operator import attrgetter
from typing import Literal, Protocol, TypeVar

from quizapp.study.protocols import StudyCard

ScopeKind = Literal["all", "deck", "section", "tag"]


class TaggedCard(StudyCard, Protocol):
    """A study card with its deck's tags (content cards have them; study fakes need not)."""

    @property
    def tags(self) -> tuple[str, ...]: ...


_Card = TypeVar("_Card", bound=TaggedCard)

Place = tuple[str, str, tuple[str, ...]]
"""A card's deck, section and tags: all a scope looks at, so cards sharing them share scopes."""

place_of: Callable[[TaggedCard], Place] = attrgetter("deck", "section", "tags")


@dataclass(frozen=True)
class StudyScope:
    """A subset of the cards; `deck` also narrows a section (section ids are per deck)."""

    kind: ScopeKind = "all"
    deck: str = ""
    value: str = ""
    """The section id or the tag; unused for "all" and "deck"."""
    title: str = "Everything due"

    def matches(self, card: TaggedCard) -> bool:
        return self.holds(place_of(card))

    def holds(self, place: Place) -> bool:
        """Whether the cards of `place` are in this scope."""
        deck, section, tags = place
        if self.kind == "all":
            return True
        if self.kind == "tag":
            return self.value in tags
        if deck != self.deck:
            return False
        return self.kind == "deck" or section == self.value

    def select(self, cards: Iterable[_Card]) -> list[_Card]:
        return [card for card in cards if self.matches(card)]


EVERYTHING = StudyScope()


def scopes_for(
    cards: Iterable[TaggedCard],
    deck_titles: Mapping[str, str],
    section_titles: Mapping[tuple[str, str], str],
) -> list[StudyScope]:
    """Everything, then each deck followed by its sections, in deck order, then each tag (sorted);
    only those that have cards."""
    decks: dict[str, dict[str, None]] = {}
    tags: set[str] = set()
    for deck, section, card_tags in dict.fromkeys(map(place_of, cards)):
        sections = decks.setdefault(deck, {})
        if section:
            sections.setdefault(section)
        tags.update(card_tags)
    scopes = [EVERYTHING]
    for deck, sections in decks.items():
        scopes.append(StudyScope("deck", deck, "", f"Deck: {deck_titles.get(deck, deck)}"))
        scopes += [
            StudyScope(
                "section", deck, section, f"Section: {section_titles.get((deck, section), section)}"
            )
            for section in sections
        ]
    scopes += [StudyScope("tag", "", tag, f"Tag: {tag}") for tag in sorted(tags)]
    return scopes


def scope_from_options(deck: str | None, section: str | None, tag: str | None) -> StudyScope:
    """The scope named on the command line; ValueError when the options do not combine."""
    if tag is not None and (deck is not None or section is not None):
        raise ValueError("--tag cannot be combined with --deck or --section")
    if section is not None and deck is None:
        raise ValueError("--section needs --deck (section ids are per deck)")
    if tag is not None:
        return StudyScope("tag", "", tag, f"Tag: {tag}")
    if section is not None and deck is not None:
        return StudyScope("section", deck, section, f"Section: {deck} / {section}")
    if deck is not None:
        return StudyScope("deck", deck, "", f"Deck: {deck}")
    return EVERYTHING


def check_scope(scope: StudyScope, cards: Iterable[TaggedCard]) -> None:
    """ValueError naming what exists when the scope matches no card (a typo, most likely)."""
    cards = list(cards)
    if any(scope.matches(card) for card in cards):
        return
    if scope.kind == "tag":
        tags = sorted({tag for card in cards for tag in card.tags})
        raise ValueError(f"no card has the tag {scope.value!r}; tags: {', '.join(tags) or 'none'}")
    decks = list(dict.fromkeys(card.deck for card in cards))
    if scope.deck not in decks:
        raise ValueError(f"no deck named {scope.deck!r}; decks: {', '.join(decks) or 'none'}")
    sections = dict.fromkeys(card.section for card in cards if card.deck == scope.deck)
    raise ValueError(
        f"deck {scope.deck!r} has no section {scope.value!r}; sections: {', '.join(sections)}"
    )
