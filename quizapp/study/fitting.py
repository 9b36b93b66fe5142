"""Personal FSRS parameters: the review history as fsrs review logs, how well parameters predict
it, and a fit with fsrs's own Optimizer (the optional `quizapp[optimizer]` extra, which needs
torch).

Only scheduled reviews count (cram and practice never move a schedule). A card reset to new
starts a fresh history: its earlier reviews form a history of their own, as they would if the
card had been a different one.
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from fsrs import Card, Rating, ReviewLog, Scheduler

from quizapp.study.store import StudyStore

MIN_REVIEWS = 512
"""fsrs's optimizer keeps its defaults below one mini-batch (512) of reviews made on a later day
than the card's previous one; fewer say too little about a memory anyway."""
OPTIMIZER_EXTRA = "pip install 'quizapp[optimizer]'"


class OptimizerUnavailableError(RuntimeError):
    """The optional optimizer dependencies (torch, pandas, tqdm) are not installed."""


@dataclass(frozen=True)
class Fit:
    """How well a parameter set predicts recall in the history (lower is better for both)."""

    log_loss: float
    rmse: float
    reviews: int


def scheduled_history(store: StudyStore) -> list[ReviewLog]:
    """Every scheduled review as an fsrs ReviewLog; each card history (from a card's first
    review as new) gets its own integer id, oldest first."""
    histories: dict[str, int] = {}
    started = 0
    logs: list[ReviewLog] = []
    for answer in store.scheduled_answers():
        if answer.card_id not in histories or answer.prev_state == 0:
            started += 1
            histories[answer.card_id] = started
        logs.append(
            ReviewLog(
                card_id=histories[answer.card_id],
                rating=answer.rating,
                review_datetime=answer.reviewed_at,
                review_duration=answer.duration_ms,
            )
        )
    return logs


def evaluate(logs: Sequence[ReviewLog], parameters: Sequence[float]) -> Fit:
    """Replay each history with these parameters and compare the predicted recall with what
    happened, on the reviews made on a later day than the card's previous one (as the
    optimizer does: same-day reviews are not a test of memory)."""
    scheduler = Scheduler(parameters=parameters, enable_fuzzing=False)
    loss = 0.0
    squared = 0.0
    count = 0
    for history in _histories(logs):
        card = Card(card_id=history[0].card_id, due=history[0].review_datetime)
        for log in history:
            moment = log.review_datetime
            if card.last_review is not None and (moment - card.last_review).days > 0:
                predicted = _clipped(scheduler.get_card_retrievability(card, moment))
                recalled = log.rating != Rating.Again
                loss -= math.log(predicted if recalled else 1 - predicted)
                squared += (predicted - recalled) ** 2
                count += 1
            card, _ = scheduler.review_card(card, log.rating, moment)
    if not count:
        return Fit(math.nan, math.nan, 0)
    return Fit(loss / count, math.sqrt(squared / count), count)


def evaluated_reviews(logs: Sequence[ReviewLog]) -> int:
    """The reviews a fit learns from: made on a later day than the card's previous review."""
    count = 0
    for history in _histories(logs):
        for previous, log in itertools.pairwise(history):
            count += (log.review_datetime - previous.review_datetime).days > 0
    return count


def fit_parameters(logs: Sequence[ReviewLog]) -> tuple[float, ...]:
    """fsrs's Optimizer on this history; `OptimizerUnavailableError` without the extra."""
    try:
        from fsrs import Optimizer

        optimizer = Optimizer(list(logs))
    except ImportError as error:
        raise OptimizerUnavailableError(
            f"fitting needs the optimizer extra (torch): {OPTIMIZER_EXTRA}"
        ) from error
    return tuple(float(value) for value in optimizer.compute_optimal_parameters())


def _clipped(probability: float) -> float:
    """Away from 0 and 1, so one confident miss costs a large but finite log loss."""
    return min(max(float(probability), 1e-7), 1 - 1e-7)


def _histories(logs: Iterable[ReviewLog]) -> list[list[ReviewLog]]:
    grouped: dict[int, list[ReviewLog]] = {}
    for log in logs:
        grouped.setdefault(log.card_id, []).append(log)
    return [sorted(history, key=lambda log: log.review_datetime) for history in grouped.values()]
