"""Cram: review any cards, due or not, without touching a single schedule."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, replace
from datetime import timedelta

import numpy as np
from fsrs import Rating

from quizapp.study.items import Questioner, StudyItem, asked_activation, ensure_readable
from quizapp.study.protocols import GradeLike, QuestionFactory, StudyCard
from quizapp.study.store import Recorded, StudyStore


@dataclass(frozen=True)
class _Crammed:
    item: StudyItem
    recorded: Recorded
    duration: timedelta
    requeued: bool


class CramSession:
    """Goes through `cards` in the given order; a card rated Again comes back at the end.

    Answers are logged with mode "cram" (they count in activity and accuracy stats, never in
    true retention) and no card's state changes.
    """

    def __init__(
        self,
        store: StudyStore,
        cards: Iterable[StudyCard],
        *,
        generate: QuestionFactory | None = None,
        rng: np.random.Generator | None = None,
    ) -> None:
        self._store = store
        self._clock = store.clock
        self._queue = list(cards)
        self._questions = Questioner(generate, rng)
        self._pending: StudyItem | None = None
        self._history: list[_Crammed] = []

    def remaining(self) -> int:
        return len(self._queue) + (self._pending is not None)

    def next(self) -> StudyItem | None:
        if self._pending is None and self._queue:
            card = self._queue.pop(0)
            self._pending = self._questions.item(card, "cram", self._clock.now())
        return self._pending

    def answer(
        self,
        item: StudyItem,
        rating: Rating,
        *,
        response: str | None = None,
        grade: GradeLike | None = None,
        duration: timedelta | None = None,
    ) -> Recorded:
        if item is not self._pending:
            raise ValueError(f"card {item.card.id} is not the card being shown")
        ensure_readable(grade)
        taken = duration if duration is not None else self._clock.now() - item.shown_at
        recorded = self._store.record_unscheduled(
            "cram",
            rating,
            card=item.card,
            duration=taken,
            response=response,
            grade=grade,
            seed=item.seed,
            activation=asked_activation(item),
        )
        self._pending = None
        requeue = Rating(rating) == Rating.Again
        if requeue:
            self._queue.append(item.card)
        self._history.append(_Crammed(item, recorded, taken, requeue))
        return recorded

    def undo(self) -> StudyItem | None:
        """Delete the last cram answer and show that card again. An Again answer's repeat goes
        too: it is the card's last place in the queue once the card on show is put back first."""
        if not self._history:
            return None
        last = self._history[-1]
        self._store.undo(last.recorded.review.id)
        self._history.pop()
        if self._pending is not None:
            self._queue.insert(0, self._pending.card)
        if last.requeued:
            self._queue.reverse()
            self._queue.remove(last.item.card)
            self._queue.reverse()
        self._pending = replace(last.item, shown_at=self._clock.now() - last.duration)
        return self._pending
