"""The review history as fsrs logs, how well parameters predict it, and due dates recomputed
when the scheduler changes (none of this needs torch)."""

from __future__ import annotations

from datetime import timedelta

import pytest
from fsrs import Card, Rating, Scheduler
from fsrs.scheduler import DEFAULT_PARAMETERS
from fsrs_synthetic import FORGETFUL, START, store_history, synthetic_history

from quizapp.study import StudySettings, StudyStore
from quizapp.study.fitting import evaluate, evaluated_reviews, scheduled_history
from quizapp.study.micros import to_micros
from quizapp.study.rescheduling import reschedule_all


@pytest.fixture(scope="module")
def logs() -> list:
    return synthetic_history(FORGETFUL, cards=40, days=150)


def test_the_true_parameters_predict_their_own_history_best(logs: list) -> None:
    true, default = evaluate(logs, FORGETFUL), evaluate(logs, DEFAULT_PARAMETERS)
    assert true.reviews == default.reviews == evaluated_reviews(logs) > 100
    assert true.log_loss < default.log_loss
    assert true.rmse < default.rmse


def test_the_stored_history_reads_back_as_the_same_logs(store: StudyStore, logs: list) -> None:
    store_history(store, logs)
    with store.transaction() as connection:
        connection.execute(
            "INSERT INTO reviews (card_id, mode, reviewed_at, day, rating) VALUES"
            " ('c0', 'cram', ?, '2025-01-06', 1)",
            (to_micros(START),),
        )
    read = scheduled_history(store)
    assert len(read) == len(logs)
    stored, simulated = evaluate(read, FORGETFUL), evaluate(logs, FORGETFUL)
    assert stored.reviews == simulated.reviews
    assert stored.log_loss == pytest.approx(simulated.log_loss)
    assert stored.rmse == pytest.approx(simulated.rmse)


def test_a_card_reset_to_new_starts_a_history_of_its_own(store: StudyStore) -> None:
    times = [START + timedelta(days=day) for day in (0, 3, 10, 11, 15)]
    with store.transaction() as connection:
        for moment, previous in zip(times, (0, 2, 2, 0, 2), strict=True):
            connection.execute(
                "INSERT INTO reviews (card_id, mode, reviewed_at, day, rating, prev_state)"
                " VALUES ('c', 'scheduled', ?, ?, 3, ?)",
                (to_micros(moment), moment.date().isoformat(), previous),
            )
    lengths: dict[int, int] = {}
    for log in scheduled_history(store):
        lengths[log.card_id] = lengths.get(log.card_id, 0) + 1
    assert sorted(lengths.values()) == [2, 3]


def _due_dates(store: StudyStore) -> dict[str, int]:
    return dict(store.query("SELECT card_id, due FROM cards"))


def test_the_same_scheduler_moves_nothing(store: StudyStore, logs: list) -> None:
    store_history(store, logs)
    before = store.query("SELECT * FROM cards ORDER BY card_id")
    now = START + timedelta(days=100)
    assert reschedule_all(store, StudySettings().scheduler(), now) == 0
    after = store.query("SELECT * FROM cards ORDER BY card_id")
    assert [row[:5] + row[6:] for row in after] == [row[:5] + row[6:] for row in before]
    assert [row[5] for row in after] == [row[5] for row in before]


def test_higher_retention_brings_due_dates_forward_but_keeps_due_cards_due(
    store: StudyStore, logs: list
) -> None:
    store_history(store, logs)
    now = START + timedelta(days=60)
    before = _due_dates(store)
    due_now = {card for card, due in before.items() if due <= to_micros(now)}
    moved = reschedule_all(store, Scheduler(desired_retention=0.97, enable_fuzzing=False), now)
    after = _due_dates(store)
    assert moved == sum(after[card] != before[card] for card in before) > 0
    assert all(after[card] == before[card] for card in due_now)
    assert all(after[card] <= before[card] for card in before)
    assert any(after[card] < before[card] for card in before)


def test_new_parameters_recompute_the_memory_state(store: StudyStore) -> None:
    times = [START, START + timedelta(days=1), START + timedelta(days=4)]
    with store.transaction() as connection:
        for index, moment in enumerate(times):
            connection.execute(
                "INSERT INTO reviews (card_id, mode, reviewed_at, day, rating, prev_state)"
                " VALUES ('c', 'scheduled', ?, ?, ?, ?)",
                (to_micros(moment), moment.date().isoformat(), int(Rating.Good), min(index, 2)),
            )
        connection.execute(
            "INSERT INTO cards (card_id, state, stability, difficulty, due, last_review)"
            " VALUES ('c', 2, 1.0, 5.0, ?, ?)",
            (to_micros(times[-1] + timedelta(days=3)), to_micros(times[-1])),
        )
    forgetful = Scheduler(parameters=FORGETFUL, enable_fuzzing=False)
    reschedule_all(store, forgetful, times[-1])
    [(stability, due)] = store.query("SELECT stability, due FROM cards")
    replayed = Card(card_id=0, due=START)
    for moment in times:
        replayed, _ = forgetful.review_card(replayed, Rating.Good, moment)
    assert stability == pytest.approx(replayed.stability)
    assert stability != pytest.approx(1.0)
    assert due == to_micros(replayed.due)
