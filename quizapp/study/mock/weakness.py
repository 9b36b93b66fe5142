"""Weak areas from the study history, as one number per card (0: no sign of trouble, 1: always
missed) that tilts the plan towards what the user gets wrong."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from quizapp.study.mock.topics import MockCard
from quizapp.study.store import StudyStore
from quizapp.study.store.interviews import card_scores


@dataclass(frozen=True)
class History:
    """Miss rates (0..1) per numeric family and per activation (from graded answers), per card
    (lapses over reviews; 1 for a leech) and per card in finished mock interviews (1 - score)."""

    family_misses: dict[str, float] = field(default_factory=dict)
    activation_misses: dict[str, float] = field(default_factory=dict)
    card_lapses: dict[str, float] = field(default_factory=dict)
    mock_misses: dict[str, float] = field(default_factory=dict)

    def weakness(self, card: MockCard) -> float:
        """The strongest signal of trouble the history has for the card."""
        signals = [
            self.card_lapses.get(card.id),
            self.mock_misses.get(card.id),
            None if card.template is None else self.family_misses.get(card.template),
            None if card.activation is None else self.activation_misses.get(card.activation),
        ]
        return max((signal for signal in signals if signal is not None), default=0.0)


def read_history(store: StudyStore) -> History:
    family: dict[str, list[int]] = {}
    activation: dict[str, list[int]] = {}
    for template, function, attempts, correct in store.skill_totals():
        for key, table in ((template, family), (function, activation)):
            if key:
                totals = table.setdefault(key, [0, 0])
                totals[0] += attempts
                totals[1] += correct
    lapses = {
        card_id: 1.0 if leech else min(1.0, lapses / reps)
        for card_id, reps, lapses, leech in store.lapse_counts()
    }
    return History(
        family_misses=_miss_rates(family),
        activation_misses=_miss_rates(activation),
        card_lapses=lapses,
        mock_misses={card_id: 1.0 - score for card_id, score in card_scores(store).items()},
    )


def _miss_rates(totals: dict[str, list[int]]) -> dict[str, float]:
    return {key: 1.0 - correct / attempts for key, (attempts, correct) in totals.items()}


def card_weakness(store: StudyStore, cards: Iterable[MockCard]) -> dict[str, float]:
    history = read_history(store)
    return {card.id: history.weakness(card) for card in cards}
