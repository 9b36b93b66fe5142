"""Which cards a mock interview can ask, and the topics they count towards in the report."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Protocol

from quizapp.content.kinds import kind_info
from quizapp.study.protocols import StudyCard

KIND_TAGS = frozenset({"interview", "numeric", "coding"})
"""Tags that only repeat the card's kind: they select cards but name no topic."""


class MockCard(StudyCard, Protocol):
    """A content card as the mock reads it: the study attributes plus the deck's tags."""

    @property
    def tags(self) -> tuple[str, ...]: ...


def is_conceptual(card: StudyCard) -> bool:
    """Spoken-style: a card the user answers aloud, judged on its key points."""
    return kind_info(card).mock_role == "conceptual"


def is_numeric(card: StudyCard) -> bool:
    return kind_info(card).mock_role == "numeric"


def is_coding(card: StudyCard) -> bool:
    """A function to write, graded by its hidden test cases."""
    return kind_info(card).mock_role == "coding"


def topics_of(card: MockCard) -> tuple[str, ...]:
    """The card's tags that name a subject; its section (else deck) when it has none."""
    named = tuple(tag for tag in card.tags if tag not in KIND_TAGS)
    return named or (card.section or card.deck,)


def _selectors(card: MockCard) -> set[str]:
    return {*card.tags, card.section, *([card.activation] if card.activation else [])}


def eligible(cards: Iterable[MockCard]) -> list[MockCard]:
    return [card for card in cards if kind_info(card).mock_role is not None]


def available_topics(cards: Iterable[MockCard]) -> list[str]:
    """Every word `--topics` accepts for these cards: tags, sections and activations."""
    found: set[str] = set()
    for card in eligible(cards):
        found |= _selectors(card)
    found.discard("")
    return sorted(found)


def unknown_topics(cards: Iterable[MockCard], topics: Sequence[str]) -> list[str]:
    known = set(available_topics(cards))
    return [topic for topic in topics if topic not in known]


def select(cards: Iterable[MockCard], topics: Sequence[str]) -> list[MockCard]:
    """The eligible cards with any of `topics` (all of them when `topics` is empty)."""
    wanted = set(topics)
    return [card for card in eligible(cards) if not wanted or wanted & _selectors(card)]
