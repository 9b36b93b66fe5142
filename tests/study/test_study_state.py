"""Stored state round-trips exactly: through SQLite rows, undo snapshots and fsrs cards."""

from datetime import UTC, date, datetime, timedelta

from fsrs import Rating, Scheduler, State
from hypothesis import given, settings
from hypothesis import strategies as st

from quizapp.study import CardState
from quizapp.study.micros import from_micros, to_micros

moments = st.datetimes(
    min_value=datetime(1971, 1, 1), max_value=datetime(2200, 1, 1), timezones=st.just(UTC)
)


@settings(max_examples=200)
@given(moment=moments)
def test_microseconds_round_trip_exactly(moment: datetime) -> None:
    assert from_micros(to_micros(moment)) == moment


@settings(max_examples=100)
@given(
    state=st.sampled_from(list(State)),
    stability=st.floats(0.001, 36500, allow_nan=False),
    difficulty=st.floats(1, 10, allow_nan=False),
    due=moments,
    last=moments,
    reps=st.integers(0, 10_000),
    buried=st.none() | st.dates(min_value=date(2000, 1, 1), max_value=date(2100, 1, 1)),
    flags=st.tuples(st.booleans(), st.booleans()),
    topic=st.none() | st.text(max_size=20),
)
def test_state_survives_row_and_json(
    state, stability, difficulty, due, last, reps, buried, flags, topic
) -> None:
    original = CardState(
        card_id="c-1",
        state=state,
        step=None if state == State.Review else 0,
        stability=stability,
        difficulty=difficulty,
        due=due,
        last_review=last,
        reps=reps,
        lapses=reps // 3,
        suspended=flags[0],
        buried_until=buried,
        leech=flags[1],
        content_hash="abc",
        topic=topic,
    )
    assert CardState.from_row(original.as_row()) == original
    assert CardState.from_json(original.to_json()) == original


def test_snapshot_from_an_older_schema_restores_defaults() -> None:
    snapshot = '{"card_id": "old", "state": 2, "stability": 3.5, "difficulty": 5.0}'
    restored = CardState.from_json(snapshot)
    assert restored.state == State.Review
    assert restored.stability == 3.5
    assert restored.reps == 0
    assert restored.suspended is False


def test_fsrs_round_trip_keeps_every_field() -> None:
    now = datetime(2025, 5, 1, 8, 30, 15, 123456, tzinfo=UTC)
    scheduler = Scheduler(enable_fuzzing=False)
    card, _ = scheduler.review_card(CardState("x").to_fsrs(now), Rating.Good, now)
    state = CardState("x").with_fsrs(card)
    back = state.to_fsrs(now + timedelta(days=1))
    assert (back.state, back.step, back.stability, back.difficulty, back.due, back.last_review) == (
        card.state,
        card.step,
        card.stability,
        card.difficulty,
        card.due,
        card.last_review,
    )


def test_maturity_follows_the_scheduled_interval() -> None:
    start = datetime(2025, 1, 1, tzinfo=UTC)
    young = CardState("y", state=State.Review, last_review=start, due=start + timedelta(days=20))
    mature = CardState("m", state=State.Review, last_review=start, due=start + timedelta(days=21))
    relearning = CardState(
        "r", state=State.Relearning, last_review=start, due=start + timedelta(days=40)
    )
    assert not young.is_mature
    assert mature.is_mature
    assert not relearning.is_mature
