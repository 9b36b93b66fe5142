"""Schedules are exactly what the fsrs package computes for the same answers at the same times."""

from datetime import timedelta

import pytest
from fsrs import Card, Rating, Scheduler
from study_fakes import cards

from quizapp.study import FakeClock, ReviewSession, StudySettings, StudyStore

SEQUENCE = [
    (timedelta(0), Rating.Good),
    (timedelta(minutes=10), Rating.Good),
    (timedelta(days=3), Rating.Again),
    (timedelta(minutes=12), Rating.Hard),
    (timedelta(days=2), Rating.Good),
    (timedelta(days=9), Rating.Easy),
    (timedelta(days=40), Rating.Good),
]


def _replay(store: StudyStore, clock: FakeClock, retention: float) -> tuple[Card, list]:
    """Answer one card along SEQUENCE (each answer once the card is due) through the session
    and, in parallel, straight through fsrs."""
    StudySettings(desired_retention=retention).save(store)
    deck = cards(1)
    scheduler = Scheduler(desired_retention=retention, enable_fuzzing=False)
    expected = Card(card_id=0, due=clock.now())
    recorded = []
    for wait, rating in SEQUENCE:
        due = store.card_state(deck[0].id).due or clock.now()
        clock.set(max(clock.now() + wait, due))
        session = ReviewSession(store, deck)
        item = session.next()
        assert item is not None and item.card.id == deck[0].id
        recorded.append(session.record(item, rating))
        expected, _ = scheduler.review_card(expected, rating, clock.now())
    return expected, recorded


@pytest.mark.parametrize("retention", [0.9, 0.8])
def test_recorded_sequence_matches_fsrs(
    store: StudyStore, clock: FakeClock, retention: float
) -> None:
    expected, recorded = _replay(store, clock, retention)
    state = store.card_state("card-000")
    assert (state.state, state.step, state.stability, state.difficulty) == (
        expected.state,
        expected.step,
        expected.stability,
        expected.difficulty,
    )
    assert (state.due, state.last_review) == (expected.due, expected.last_review)
    assert state.reps == len(SEQUENCE)
    assert state.lapses == sum(rating == Rating.Again for _, rating in SEQUENCE)
    assert [record.review.rating for record in recorded] == [rating for _, rating in SEQUENCE]


def test_desired_retention_changes_intervals(tmp_path, clock: FakeClock) -> None:
    from quizapp.study import open_store

    due_dates = {}
    for retention in (0.8, 0.95):
        local = FakeClock(clock.now())
        with open_store(tmp_path / str(retention), local) as store:
            _replay(store, local, retention)
            due_dates[retention] = store.card_state("card-000").due - local.now()
    assert due_dates[0.8] > due_dates[0.95]


def test_button_intervals_are_the_intervals_recorded(store: StudyStore, clock: FakeClock) -> None:
    deck = cards(1)
    for wait in (timedelta(0), timedelta(minutes=10), timedelta(days=4)):
        clock.advance(wait)
        session = ReviewSession(store, deck)
        item = session.next()
        assert item is not None
        previews = item.next_states.intervals()
        assert list(previews) == list(Rating)
        clock.advance(seconds=40)  # thinking time: the interval counts from the answer
        recorded = session.record(item, Rating.Good)
        assert recorded.after is not None
        assert recorded.after.due - clock.now() == previews[Rating.Good]
