"""Cram: review any cards, due or not, without touching a single schedule."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import timedelta

import numpy as np
from fsrs import Rating

from quizapp.study.answering import Graded
from quizapp.study.items import StudyItem, attempt_at
from quizapp.study.protocols import QuestionFactory, StudyCard
from quizapp.study.shown import Action, OneCardSession
from quizapp.study.store import Recorded, StudyStore


class CramSession(OneCardSession):
    """Goes through `cards` in the given order; a card rated Again comes back at the end.

    Answers are logged with mode "cram" (they count in activity and accuracy stats, never in
    true retention) and no card's state changes. A card whose question cannot be built is left
    out; `problems` says which and why.
    """

    def __init__(
        self,
        store: StudyStore,
        cards: Iterable[StudyCard],
        *,
        generate: QuestionFactory | None = None,
        rng: np.random.Generator | None = None,
    ) -> None:
        super().__init__(store, generate, rng)
        self._queue = list(cards)
        self._calendar = store.calendar()
        self.problems: list[str] = []

    def remaining(self) -> int:
        return len(self._queue) + (self._pending is not None)

    def next(self) -> StudyItem | None:
        while self._pending is None and self._queue:
            card = self._queue.pop(0)
            item = self._questions.item(card, "cram", self._clock.now())
            if item.problem is None:
                self._pending = item
            else:
                self.problems.append(f"{card.id}: {item.problem}")
        return self._pending

    def _write(
        self, item: StudyItem, rating: Rating, duration: timedelta, graded: Graded | None
    ) -> Recorded:
        return self._store.record_unscheduled(
            "cram",
            rating,
            day=self._calendar.day_of(self._clock.now()),
            card=item.card,
            attempt=attempt_at(item, duration, graded),
        )

    def _answered(self, item: StudyItem, recorded: Recorded) -> None:
        if recorded.review.rating == Rating.Again:
            self._queue.append(item.card)

    def _set_aside(self, item: StudyItem) -> None:
        self._queue.insert(0, item.card)

    def _taken_back(self, action: Action) -> None:
        """An Again answer's repeat goes too (the card itself is on show again)."""
        card_id = action.item.card.id
        self._queue = [card for card in self._queue if card.id != card_id]
