"""Suspended cards: which they are, and taking a card out of suspension.

Shared by `quizapp unsuspend` and the card browser (whose `is:suspended` view replaced the
suspended-cards screen), so both judge an id alike.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from quizapp.study.protocols import StudyCard
from quizapp.study.store import Change, StudyStore


class UnknownCardError(LookupError):
    """An id that is neither in the loaded content nor in the study history."""


@dataclass(frozen=True)
class SuspendedCard:
    """`card` is None when the suspended id is no longer in the content (its history is kept)."""

    card_id: str
    card: StudyCard | None

    @property
    def front(self) -> str:
        return "(not in the loaded content)" if self.card is None else self.card.front


def suspended_cards(store: StudyStore, cards: Iterable[StudyCard]) -> list[SuspendedCard]:
    """Every suspended card, in id order."""
    by_id = {card.id: card for card in cards}
    return [SuspendedCard(card_id, by_id.get(card_id)) for card_id in store.suspended_ids()]


def unsuspend(store: StudyStore, cards: Iterable[StudyCard], card_id: str) -> Change | None:
    """Let the card be scheduled again; None when it was not suspended (nothing changes), else
    the change made (`store.revert` takes it back).

    Raises `UnknownCardError` for an id no deck and no history has, instead of recording it.
    """
    stored = store.stored_state(card_id)
    if stored is None:
        if not any(card.id == card_id for card in cards):
            raise UnknownCardError(f"no card has the id {card_id!r}")
        return None
    if not stored.suspended:
        return None
    return store.unsuspend(card_id)
