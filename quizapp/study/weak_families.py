"""The weakest numeric question families (templates), which custom study offers to drill: the
lowest accuracy over the last `WEAK_FAMILY_DAYS` days, in any mode.

Apart from `custom_study`, whose interview countdown and extra new cards home's first numbers
need, so a start does not create `WeakFamily` (`dataclasses` compiles each method it generates).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from typing import TypeVar

from quizapp.study.protocols import StudyCard
from quizapp.study.store import StudyStore
from quizapp.study.store.steering import family_accuracy

WEAK_FAMILY_DAYS = 30
WEAK_FAMILY_MINIMUM = 3
"""Answers a family needs in the window before its accuracy says anything."""
WEAK_FAMILY_COUNT = 3

_Card = TypeVar("_Card", bound=StudyCard)


@dataclass(frozen=True)
class WeakFamily:
    template: str
    attempts: int
    correct: int

    @property
    def accuracy(self) -> float:
        return self.correct / self.attempts


def weakest_families(
    store: StudyStore, cards: Iterable[StudyCard], today: date, count: int = WEAK_FAMILY_COUNT
) -> list[WeakFamily]:
    """The `count` numeric families of `cards` with the lowest accuracy over the last
    `WEAK_FAMILY_DAYS` days (any mode), each with at least `WEAK_FAMILY_MINIMUM` answers."""
    present = {card.template for card in cards if card.template is not None}
    since = today - timedelta(days=WEAK_FAMILY_DAYS - 1)
    families = [
        WeakFamily(template, attempts, right)
        for template, attempts, right in family_accuracy(store, since)
        if template in present and attempts >= WEAK_FAMILY_MINIMUM
    ]
    families.sort(key=lambda family: (family.accuracy, -family.attempts, family.template))
    return families[:count]


def cards_of_families(cards: Iterable[_Card], families: Sequence[WeakFamily]) -> list[_Card]:
    """The numeric cards of `families`, the weakest family's first."""
    rank = {family.template: index for index, family in enumerate(families)}
    chosen = [card for card in cards if card.template in rank]
    return sorted(chosen, key=lambda card: rank[card.template or ""])
