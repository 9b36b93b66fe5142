"""How the content moved under the history: cards that disappeared (orphans) and cards whose text
changed a lot since they were last reviewed (worth resetting)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from difflib import SequenceMatcher
from functools import lru_cache

from quizapp.content.kinds import kind_info
from quizapp.study.protocols import StudyCard, visible_text
from quizapp.study.store import StudyStore

MUCH_CHANGED_BELOW = 0.6
"""Similarity (0..1, difflib ratio) under which an edit is a different card rather than a fix."""


@dataclass(frozen=True)
class ChangedCard:
    card_id: str
    similarity: float
    reviewed_text: str
    current_text: str


def find_orphans(store: StudyStore, cards: Iterable[StudyCard]) -> list[str]:
    """Ids with history that no loaded card has any more, sorted. Their history is kept."""
    present = {card.id for card in cards}
    return sorted(store.card_ids_with_history() - present)


def find_changed(
    store: StudyStore, cards: Iterable[StudyCard], threshold: float = MUCH_CHANGED_BELOW
) -> list[ChangedCard]:
    """Studied cards whose current text differs enough from the text last reviewed, most changed
    first (a flashcard's front and answer are judged apart). A small fix (a typo, a reworded
    phrase) keeps its schedule and is not listed.

    Only the cards whose content hash (kept by each loaded card) differs from the stored one
    are compared by text, and only their texts are read."""
    by_id = {card.id: card for card in cards}
    differing = [
        card
        for card_id, stored_hash in store.reviewed_hashes().items()
        if (card := by_id.get(card_id)) is not None and card.content_hash() != stored_hash
    ]
    if not differing:
        return []
    texts = store.reviewed_texts([card.id for card in differing])
    changed = []
    for card in differing:
        if card.id not in texts:
            continue
        stored_text, current = texts[card.id], visible_text(card)
        similarity = change_similarity(card, stored_text, current)
        if similarity < threshold:
            changed.append(ChangedCard(card.id, round(similarity, 3), stored_text, current))
    return sorted(changed, key=lambda change: (change.similarity, change.card_id))


def change_similarity(card: StudyCard, before: str, after: str) -> float:
    """How alike the texts are; for a flashcard, the lower of its front's and its answer's: the
    answer is what was memorised, and a long unchanged front must not carry a rewritten back.
    The kept text starts with the front (`visible_text`), taken as long in lines as it is now."""
    if kind_info(card).answer_style != "reveal":
        return _similarity(before, after)
    lines = card.front.count("\n") + 1
    old, new = before.split("\n", lines), after.split("\n", lines)
    front = _similarity("\n".join(old[:lines]), "\n".join(new[:lines]))
    answer = _similarity("\n".join(old[lines:]), "\n".join(new[lines:]))
    return min(front, answer)


@lru_cache(maxsize=4096)
def _similarity(before: str, after: str) -> float:
    """Kept per pair of texts: a card rewritten and not yet reviewed again is compared once,
    not each time home is shown."""
    return SequenceMatcher(None, before, after, autojunk=False).ratio()
