"""What the card browser does to a card, each step undoable in reverse order (like review's undo).

Row changes (suspend, unsuspend, unbury, reset) are taken back with `StudyStore.revert`, which
refuses when the card changed since; a flag is set back to what it was.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from quizapp.study.errors import UndoError
from quizapp.study.protocols import StudyCard
from quizapp.study.store import Change, StudyStore
from quizapp.study.suspended import unsuspend

DONE = {
    "suspend": "suspended: it no longer comes up in reviews",
    "unsuspend": "unsuspended: it comes up again when due",
    "unbury": "unburied: it can come up today",
    "reset": "reset: it starts over as a new card",
    "flag": "flagged",
    "unflag": "unflagged",
}
"""What each action did, after the card id, for the notification."""


@dataclass(frozen=True)
class CardAction:
    """One action as done: `change` for a row change, `flagged_before` for a flag."""

    card_id: str
    name: str
    change: Change | None = None
    flagged_before: bool | None = None

    @property
    def done(self) -> str:
        return f"{self.card_id} {DONE[self.name]}"


class CardActions:
    """Acts on cards through the store and keeps the undo stack of what it did. Called from the
    app's write queue only, so one action at a time."""

    def __init__(self, store: StudyStore, cards: Iterable[StudyCard]) -> None:
        self._store = store
        self._cards = list(cards)
        self._done: list[CardAction] = []

    def can_undo(self) -> bool:
        return bool(self._done)

    def _changed(self, card_id: str, name: str, change: Change | None) -> CardAction | None:
        if change is None:
            return None
        action = CardAction(card_id, name, change=change)
        self._done.append(action)
        return action

    def suspend(self, card_id: str) -> CardAction | None:
        return self._changed(card_id, "suspend", self._store.suspend(card_id))

    def unsuspend(self, card_id: str) -> CardAction | None:
        """None when the card was not suspended (nothing to do, nothing to undo)."""
        return self._changed(card_id, "unsuspend", unsuspend(self._store, self._cards, card_id))

    def unbury(self, card_id: str) -> CardAction | None:
        return self._changed(card_id, "unbury", self._store.unbury(card_id))

    def reset(self, card_id: str) -> CardAction | None:
        return self._changed(card_id, "reset", self._store.reset(card_id))

    def set_flagged(self, card_id: str, flagged: bool) -> CardAction:
        before = self._store.set_flagged(card_id, flagged)
        action = CardAction(card_id, "flag" if flagged else "unflag", flagged_before=before)
        self._done.append(action)
        return action

    def undo(self) -> CardAction:
        """Take back the latest action still on the stack; `UndoError` when there is none or
        the card changed since (the action then stays taken, and off the stack)."""
        if not self._done:
            raise UndoError("nothing to undo in the card browser", self._store.path)
        action = self._done.pop()
        if action.change is not None:
            self._store.revert(action.change)
        elif action.flagged_before is not None:
            self._store.set_flagged(action.card_id, action.flagged_before)
        return action
