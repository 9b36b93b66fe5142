"""What review and cram sessions share: one card on show at a time, answered through `submit`
(graded, timed and given a proposed rating here) and `record`, and this session's actions
(answers, burials, suspensions, resets) taken back newest first. The screen only shows what
comes back."""

from __future__ import annotations

from abc import ABC, abstractmethod
from dataclasses import dataclass, replace
from datetime import timedelta
from typing import TYPE_CHECKING

from fsrs import Rating

from quizapp.study.answering import Graded, Response, Ticked, grade_response, propose
from quizapp.study.items import Questioner, StudyItem
from quizapp.study.protocols import QuestionFactory
from quizapp.study.store import Change, Recorded, StudyStore

if TYPE_CHECKING:
    import numpy as np


@dataclass(frozen=True)
class Answered:
    """`response`: what was submitted for the rating (None: revealed and rated)."""

    item: StudyItem
    recorded: Recorded
    duration: timedelta
    response: Response | None = None

    @property
    def what(self) -> str:
        return "answer"


@dataclass(frozen=True)
class PutAway:
    """The card on show buried, suspended or reset (`what`), with the row to put back."""

    item: StudyItem
    change: Change
    duration: timedelta
    what: str


Action = Answered | PutAway


@dataclass(frozen=True)
class Undone:
    """The action taken back (`what`: answer, bury, suspend, reset) and its card, on show again;
    for an answer, `response` is what had been submitted, for the screen to give it back (a
    typed explanation and its ticks as they were rated)."""

    item: StudyItem
    what: str
    response: Response | None = None


class OneCardSession(ABC):
    """A subclass picks the next card (`next`), writes answers its own way and keeps its queue
    right after an answer and after an undo; grading, timing and undoing live here once. The
    session's clock is the one clock answers are timed with."""

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
        self._graded: Graded | None = None
        self._response: Response | None = None
        """What produced `_graded` (kept with the answer, so an undo can give it back)."""
        self._history: list[Action] = []

    @abstractmethod
    def next(self) -> StudyItem | None: ...

    @abstractmethod
    def _write(
        self, item: StudyItem, rating: Rating, duration: timedelta, graded: Graded | None
    ) -> Recorded:
        """Write the answer to the store (committed before returning)."""

    @abstractmethod
    def _answered(self, item: StudyItem, recorded: Recorded) -> None:
        """Update the queue for a recorded answer."""

    @abstractmethod
    def _set_aside(self, item: StudyItem) -> None:
        """Put the card on show back at the head of the queue: an undone card comes first."""

    def _question_to_keep(self, item: StudyItem) -> int | None:
        """The seed of `item`'s question, when this session keeps questions on show in the store
        (stored with the undo, in its commit); None here."""
        return None

    @abstractmethod
    def _taken_back(self, action: Action) -> None:
        """Update the queue once `action` is taken back and its card is on show again: no other
        copy of that card may stay queued (its repeat, or a repeat set aside by an earlier undo),
        since the card is back in the state it had before that action."""

    def _check_shown(self, item: StudyItem) -> None:
        if item is not self._pending:
            raise ValueError(f"card {item.card.id} is not the card being shown")

    def submit(self, item: StudyItem, response: Response) -> Graded:
        """Grade the response to the card on show, timed from when it was shown, with the
        rating to propose. An answer that cannot be read proposes nothing: ask again. The
        last readable submission is what `record` stores with the rating.

        Ticks changed once the answer was given (a suggestion corrected, a second point ticked)
        judge that answer: they change its ticks and score, never its time."""
        self._check_shown(item)
        grade, text = grade_response(
            item.card, response, question=item.question, options=item.options
        )
        elapsed = self._clock.now() - item.shown_at
        if isinstance(response, Ticked) and self._graded is not None:
            elapsed = self._graded.elapsed
        unreadable = getattr(grade, "parse_error", None) is not None
        proposal = None if unreadable else propose(grade, elapsed, item.usual_time)
        graded = Graded(grade, text, elapsed, proposal)
        if graded.readable:
            self._graded = graded
            self._response = response
        return graded

    def record(self, item: StudyItem, rating: Rating) -> Recorded:
        """Record the rating (with the submitted answer, if any); returns only after it is
        committed to disk. Without a submission the time is the time since the card was shown."""
        self._check_shown(item)
        graded = self._graded
        duration = graded.elapsed if graded is not None else self._clock.now() - item.shown_at
        recorded = self._write(item, Rating(rating), duration, graded)
        response = self._response if graded is not None else None
        self._pending = None
        self._graded = None
        self._response = None
        self._history.append(Answered(item, recorded, duration, response))
        self._answered(item, recorded)
        return recorded

    def _put_away(self, item: StudyItem, change: Change, what: str) -> None:
        """Remember a bury, suspend or reset of the card on show, to be undone like an answer."""
        self._history.append(PutAway(item, change, self._clock.now() - item.shown_at, what))
        self._pending = None
        self._graded = None
        self._response = None

    def can_undo(self) -> bool:
        return bool(self._history)

    def undo(self) -> Undone | None:
        """Take back this session's last action of any kind and show its card next, with the
        same question and its timer where it stood (None: nothing to undo). Afterwards the queue
        holds that card once: a repeat of it on show (a learning step, a cram Again) goes."""
        if not self._history:
            return None
        last = self._history[-1]
        if isinstance(last, Answered):
            self._store.undo(last.recorded.review.id, keep_seed=self._question_to_keep(last.item))
        else:
            self._store.revert(last.change)
        self._history.pop()
        if self._pending is not None and self._pending.card.id != last.item.card.id:
            self._set_aside(self._pending)
        self._pending = replace(last.item, shown_at=self._clock.now() - last.duration)
        self._graded = None
        self._response = None
        self._taken_back(last)
        response = last.response if isinstance(last, Answered) else None
        return Undone(self._pending, last.what, response)
