"""The records the store hands back for what it wrote or read from the log: an answer's row, what
an answer or a bury/suspend/reset committed, a card's past answers, a mock interview's
summary, and which cards an interview sent to review.

They live apart from the store's tables because home's first frame needs none of them: the
tables' modules import this one when a method first builds a record, so a start does not create
these classes (`dataclasses` compiles each generated method of each class as it is created).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import TYPE_CHECKING, Any

from fsrs import Rating

from quizapp.study.micros import from_micros

if TYPE_CHECKING:
    from quizapp.study.protocols import StudyCard
    from quizapp.study.state import CardState
    from quizapp.study.store.reviews import Attempt


@dataclass(frozen=True)
class ReviewRecord:
    """One row of the review log, as exported and as returned after recording."""

    id: int
    card_id: str | None
    mode: str
    reviewed_at: datetime
    day: date
    rating: Rating
    duration_ms: int | None
    correct: bool | None
    score: float | None
    template: str | None
    activation: str | None
    seed: int | None
    response: str | None
    content_hash: str | None


def review_from_row(row: Sequence[Any]) -> ReviewRecord:
    """A log row, its columns in the order the log's reads select them."""
    (
        review_id,
        card_id,
        mode,
        at,
        day,
        rating,
        duration,
        correct,
        score,
        template,
        activation,
        seed,
        response,
        content_hash,
    ) = row
    return ReviewRecord(
        id=review_id,
        card_id=card_id,
        mode=mode,
        reviewed_at=from_micros(at),
        day=date.fromisoformat(day),
        rating=Rating(rating),
        duration_ms=duration,
        correct=None if correct is None else bool(correct),
        score=score,
        template=template,
        activation=activation,
        seed=seed,
        response=response,
        content_hash=content_hash,
    )


@dataclass(frozen=True)
class ReviewEntry:
    """One answer as the log keeps it (the columns every mode shares)."""

    card: StudyCard | None
    mode: str
    now: datetime
    day: date
    rating: Rating
    attempt: Attempt
    template: str | None = None


@dataclass(frozen=True)
class Recorded:
    """What `StudyStore.review` committed: the log row and the card's state before and after."""

    review: ReviewRecord
    before: CardState | None
    after: CardState | None


@dataclass(frozen=True)
class Change:
    """A bury, suspend or reset as committed: the card's row before (None: it had none) and
    after, and for a reset the answered text it dropped, so the change can be taken back."""

    before: CardState | None
    after: CardState
    text: str | None = None


@dataclass(frozen=True, slots=True)
class PastAnswer:
    """One logged answer of a card; `before` is the row a scheduled answer started from (None:
    the card had none, or the answer was cram/practice, which move no schedule)."""

    reviewed_at: datetime
    mode: str
    rating: Rating
    before: CardState | None


@dataclass(frozen=True)
class SentToReview:
    """`due_now`: cards now due; `suspended`: left alone because the user suspended them."""

    due_now: tuple[str, ...]
    suspended: tuple[str, ...]


@dataclass(frozen=True)
class InterviewSummary:
    """One stored interview; `score` (0..1) is set once it finished."""

    id: int
    started_at: datetime
    day: date
    status: str
    planned: int
    answered: int
    score: float | None
    seed: int
