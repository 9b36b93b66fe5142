"""A review history simulated from known FSRS parameters: each review happens at half to three
times the interval the scheduler set (so recall varies widely), and is recalled with the
probability those parameters predict."""

from __future__ import annotations

import random
from collections.abc import Sequence
from datetime import UTC, datetime, timedelta

from fsrs import Card, Rating, ReviewLog, Scheduler
from fsrs.scheduler import DEFAULT_PARAMETERS

from quizapp.study import StudyStore
from quizapp.study.micros import to_micros

START = datetime(2025, 1, 6, 9, 0, tzinfo=UTC)
FORGETFUL = tuple(
    value * 0.2 if index < 4 else value for index, value in enumerate(DEFAULT_PARAMETERS)
)
"""A learner whose first memories are five times weaker than FSRS's default assumption."""


def synthetic_history(
    parameters: Sequence[float],
    cards: int = 150,
    days: int = 240,
    seed: int = 0,
    start: datetime = START,
) -> list[ReviewLog]:
    rng = random.Random(seed)
    scheduler = Scheduler(parameters=parameters, enable_fuzzing=False)
    end = start + timedelta(days=days)
    logs: list[ReviewLog] = []
    for card_id in range(cards):
        moment = start + timedelta(days=rng.randrange(days // 4), minutes=rng.randrange(600))
        card = Card(card_id=card_id, due=moment)
        while moment < end:
            card, log = scheduler.review_card(card, _rating(rng, scheduler, card, moment), moment)
            logs.append(log)
            interval = card.due - moment
            moment += interval * rng.uniform(0.5, 3.0) + timedelta(minutes=rng.randrange(60))
    return logs


def _rating(rng: random.Random, scheduler: Scheduler, card: Card, moment: datetime) -> Rating:
    if card.last_review is None:
        return rng.choices(list(Rating), weights=(25, 10, 55, 10))[0]
    if rng.random() >= scheduler.get_card_retrievability(card, moment):
        return Rating.Again
    return rng.choices((Rating.Hard, Rating.Good, Rating.Easy), weights=(15, 75, 10))[0]


def store_history(store: StudyStore, logs: Sequence[ReviewLog]) -> None:
    """The history as scheduled reviews of cards `c<id>`, each card's row as FSRS's defaults
    (the app's scheduler until now) would have left it."""
    scheduler = Scheduler(enable_fuzzing=False)
    by_card: dict[int, list[ReviewLog]] = {}
    for log in sorted(logs, key=lambda log: log.review_datetime):
        by_card.setdefault(log.card_id, []).append(log)
    with store.transaction() as connection:
        for card_id, history in by_card.items():
            card = Card(card_id=0, due=history[0].review_datetime)
            for log in history:
                previous = 0 if card.last_review is None else int(card.state)
                connection.execute(
                    "INSERT INTO reviews (card_id, mode, reviewed_at, day, rating, prev_state)"
                    " VALUES (?, 'scheduled', ?, ?, ?, ?)",
                    (
                        f"c{card_id}",
                        to_micros(log.review_datetime),
                        log.review_datetime.date().isoformat(),
                        int(log.rating),
                        previous,
                    ),
                )
                card, _ = scheduler.review_card(card, log.rating, log.review_datetime)
            connection.execute(
                "INSERT INTO cards (card_id, state, step, stability, difficulty, due, last_review,"
                " reps) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    f"c{card_id}",
                    int(card.state),
                    card.step,
                    card.stability,
                    card.difficulty,
                    to_micros(card.due),
                    to_micros(card.last_review),
                    len(history),
                ),
            )
