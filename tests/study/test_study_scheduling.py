"""Schedules are exactly what the fsrs package computes for the same answers at the same times."""

from datetime import timedelta

import pytest
from fsrs import Card, Rating, Scheduler, State
from hypothesis import given
from hypothesis import strategies as st
from study_fakes import START, cards

from quizapp.study import FakeClock, ReviewSession, StudySettings, StudyStore
from quizapp.study.scheduling import next_states
from quizapp.study.state import CardState

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


def _shown_after(store: StudyStore, clock: FakeClock, ratings: list[Rating]):
    """The one card answered with `ratings`, each once it is due, then shown again."""
    deck = cards(1)
    for rating in ratings:
        session = ReviewSession(store, deck, ahead=clock.now().date() + timedelta(days=400))
        item = session.next()
        assert item is not None
        session.record(item, rating)
        clock.set(store.card_state(deck[0].id).due)
    item = ReviewSession(store, deck, ahead=clock.now().date() + timedelta(days=400)).next()
    assert item is not None
    return item


@pytest.mark.parametrize(
    ("history", "lower", "higher"),
    [
        ([Rating.Again, Rating.Good], Rating.Good, Rating.Easy),
        ([Rating.Again, Rating.Again, Rating.Easy], Rating.Hard, Rating.Good),
    ],
)
def test_a_higher_rating_never_shows_the_same_day_as_a_lower_one(
    store: StudyStore, clock: FakeClock, history: list[Rating], lower: Rating, higher: Rating
) -> None:
    """fsrs alone gives these two ratings the same day (a new card failed once, then Good and
    Easy both 1 day; a review card after two lapses, Hard and Good both 1 day)."""
    item = _shown_after(store, clock, history)
    raw = Scheduler(enable_fuzzing=False)
    fsrs_card = store.card_state(item.card.id).to_fsrs(clock.now())
    raw_days = {
        rating: raw.review_card(fsrs_card, rating, clock.now())[0].due - clock.now()
        for rating in (lower, higher)
    }
    assert raw_days[lower] == raw_days[higher] == timedelta(days=1)
    shown = item.next_states.intervals()
    assert shown[lower] == timedelta(days=1)
    assert shown[higher] == timedelta(days=2)
    session = ReviewSession(store, cards(1), ahead=clock.now().date() + timedelta(days=400))
    recorded = session.record(session.next(), higher)
    assert recorded.after.due - clock.now() == timedelta(days=2)
    assert recorded.after.stability == raw.review_card(fsrs_card, higher, clock.now())[0].stability


@given(
    history=st.lists(
        st.tuples(st.sampled_from(list(Rating)), st.floats(min_value=0.0, max_value=3.0)),
        max_size=12,
    ),
    retention=st.sampled_from([0.8, 0.9, 0.97]),
)
def test_passing_ratings_that_lead_to_reviews_are_a_day_apart(history, retention) -> None:
    """Any history, answered early, on time or late (a fraction of the interval): of Hard, Good
    and Easy, a rating leading to a review comes at least a day after the one below it when
    that one leads to a review too (or both are at the longest interval); learning steps and
    fsrs's memory states are untouched."""
    scheduler = Scheduler(desired_retention=retention, enable_fuzzing=False)
    card, now, stored = cards(1)[0], START, None
    for rating, lateness in history:
        states = next_states(card, stored, scheduler, now, leech_threshold=8)
        stored = states.states[rating]
        now = stored.last_review + lateness * (stored.due - stored.last_review)
    states = next_states(card, stored, scheduler, now, leech_threshold=8)
    fsrs_card = (stored or CardState(card_id=card.id)).to_fsrs(now)
    for rating, state in states.states.items():
        raw, _log = scheduler.review_card(fsrs_card, rating, review_datetime=now)
        assert (state.state, state.stability, state.step) == (raw.state, raw.stability, raw.step)
        assert state.due >= raw.due
        assert state.due == raw.due or state.state == State.Review
    for lower, higher in ((Rating.Hard, Rating.Good), (Rating.Good, Rating.Easy)):
        below, above = states.states[lower], states.states[higher]
        if below.state == above.state == State.Review:
            longest = now + timedelta(days=scheduler.maximum_interval)
            assert above.due - below.due >= timedelta(days=1) or above.due == longest
