"""Which cards a mock interview can ask, and the topics they count towards in the report."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Protocol

from quizapp.catalog import ACTIVATIONS
from quizapp.content.kinds import kind_info
from quizapp.study.protocols import StudyCard
from quizapp.wording import agreeing

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


def topic_key(word: str) -> str:
    """How topics are compared: activations are spelt `leaky_relu` and tags `relu-family`, so
    `leaky-relu`, `leaky_relu` and `Leaky_ReLU` name one topic."""
    return word.strip().casefold().replace("_", "-")


_ACTIVATION_KEYS = frozenset(map(topic_key, ACTIVATIONS))


def available_topics(cards: Iterable[MockCard]) -> list[str]:
    """Every word `--topics` accepts for these cards: tags, sections and activations."""
    found: set[str] = set()
    for card in eligible(cards):
        found |= _selectors(card)
    found.discard("")
    return sorted(found)


def spelt_as_the_decks(cards: Iterable[MockCard], topics: Sequence[str]) -> tuple[str, ...]:
    """Each topic as the decks spell it (`leaky-relu` becomes `leaky_relu`); unknown ones as
    typed. A replay then finds the interview whichever way the topic was typed."""
    known = {topic_key(topic): topic for topic in available_topics(cards)}
    return tuple(known.get(topic_key(topic), topic) for topic in topics)


def unknown_topics(cards: Iterable[MockCard], topics: Sequence[str]) -> list[str]:
    known = {topic_key(topic) for topic in available_topics(cards)}
    return [topic for topic in topics if topic_key(topic) not in known]


def unknown_topics_reason(unknown: Sequence[str]) -> str:
    """Why `unknown` cannot be asked: an activation the app drills in Practice but no interview,
    numeric or coding card is about is named as such; other words are no topic at all."""
    drilled = [topic for topic in unknown if topic_key(topic) in _ACTIVATION_KEYS]
    others = [topic for topic in unknown if topic not in drilled]
    unknown_topics = agreeing(len(others), "unknown topic", "unknown topics")
    reasons = [f"{unknown_topics} {', '.join(others)}"] if others else []
    if drilled:
        reasons.append(
            f"no interview, numeric or coding card is about {', '.join(drilled)}"
            " (Practice drills its numeric questions: p on home)"
        )
    return "; ".join(reasons)


def select(cards: Iterable[MockCard], topics: Sequence[str]) -> list[MockCard]:
    """The eligible cards with any of `topics` (all of them when `topics` is empty)."""
    wanted = set(map(topic_key, topics))
    return [
        card
        for card in eligible(cards)
        if not wanted or wanted & set(map(topic_key, _selectors(card)))
    ]
