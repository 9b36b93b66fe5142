"""What review and cram sessions share: one card on show at a time, its answer recorded, and this
session's answers taken back newest first."""

from __future__ import annotations

from abc import ABC, abstractmethod
from dataclasses import dataclass, replace
from datetime import timedelta

import numpy as np
from fsrs import Rating

from quizapp.study.items import Questioner, StudyItem, ensure_readable
from quizapp.study.protocols import GradeLike, QuestionFactory
from quizapp.study.store import Recorded, StudyStore


@dataclass(frozen=True)
class Answered:
    item: StudyItem
    recorded: Recorded
    duration: timedelta


class OneCardSession(ABC):
    """A subclass picks the next card (`next`), records answers its own way and keeps its queue
    right after an answer and after an undo; checking, timing and undoing live here once."""

    def __init__(
        self,
        store: StudyStore,
        generate: QuestionFactory | None,
        rng: np.random.Generator | None,
    ) -> None:
        self._store = store
        self._clock = store.clock
        self._questions = Questioner(generate, rng)
        self._pending: StudyItem | None = None
        self._history: list[Answered] = []

    @abstractmethod
    def next(self) -> StudyItem | None: ...

    @abstractmethod
    def _record(
        self,
        item: StudyItem,
        rating: Rating,
        *,
        duration: timedelta,
        response: str | None,
        grade: GradeLike | None,
    ) -> Recorded:
        """Write the answer to the store (committed before returning)."""

    @abstractmethod
    def _answered(self, item: StudyItem, recorded: Recorded) -> None:
        """Update the queue for a recorded answer."""

    @abstractmethod
    def _set_aside(self, item: StudyItem) -> None:
        """Put the card on show back at the head of the queue: an undone card comes first."""

    @abstractmethod
    def _taken_back(self, answered: Answered) -> None:
        """Update the queue once `answered` is deleted and its card is on show again: no other
        copy of that card may stay queued (its repeat, or a repeat set aside by an earlier undo),
        since the card is back in the state it had before that answer."""

    def answer(
        self,
        item: StudyItem,
        rating: Rating,
        *,
        response: str | None = None,
        grade: GradeLike | None = None,
        duration: timedelta | None = None,
    ) -> Recorded:
        """Record the answer; returns only after it is committed to disk. `duration` defaults to
        the time since the card was shown."""
        if item is not self._pending:
            raise ValueError(f"card {item.card.id} is not the card being shown")
        ensure_readable(grade)
        taken = duration if duration is not None else self._clock.now() - item.shown_at
        recorded = self._record(
            item, Rating(rating), duration=taken, response=response, grade=grade
        )
        self._pending = None
        self._history.append(Answered(item, recorded, taken))
        self._answered(item, recorded)
        return recorded

    def can_undo(self) -> bool:
        return bool(self._history)

    def undo(self) -> StudyItem | None:
        """Take back this session's last answer and show its card next, with the same question
        and its timer where it stood (None: nothing to undo). Afterwards the queue holds that card
        once: a repeat of it on show (a learning step, a cram Again) goes."""
        if not self._history:
            return None
        last = self._history[-1]
        self._store.undo(last.recorded.review.id)
        self._history.pop()
        if self._pending is not None and self._pending.card.id != last.item.card.id:
            self._set_aside(self._pending)
        self._pending = replace(last.item, shown_at=self._clock.now() - last.duration)
        self._taken_back(last)
        return self._pending
