"""Suspended cards: which they are, and taking a card out of suspension.

Shared by `quizapp unsuspend` and the TUI's suspended-cards screen, so both judge an id alike.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from quizapp.study.protocols import StudyCard
from quizapp.study.store import StudyStore


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
    rows = store.query("SELECT card_id FROM cards WHERE suspended = 1 ORDER BY card_id")
    return [SuspendedCard(card_id, by_id.get(card_id)) for (card_id,) in rows]


def unsuspend(store: StudyStore, cards: Iterable[StudyCard], card_id: str) -> bool:
    """Let the card be scheduled again; False when it was not suspended (nothing changes).

    Raises `UnknownCardError` for an id no deck and no history has, instead of recording it.
    """
    known = any(card.id == card_id for card in cards)
    rows = store.query("SELECT suspended FROM cards WHERE card_id = ?", (card_id,))
    if not rows:
        if not known:
            raise UnknownCardError(f"no card has the id {card_id!r}")
        return False
    if not rows[0][0]:
        return False
    store.unsuspend(card_id)
    return True
