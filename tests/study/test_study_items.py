"""The pure helpers the answer buttons use: the proposed rating and the interval labels."""

from datetime import timedelta

import pytest
from fsrs import Rating
from hypothesis import given, settings
from hypothesis import strategies as st

from quizapp.study import format_interval, propose, propose_rating
from quizapp.study.answering import Proposal

durations = st.integers(0, 3_600_000).map(lambda ms: timedelta(milliseconds=ms))


@settings(max_examples=200)
@given(elapsed=durations, usual=st.none() | durations)
def test_a_wrong_answer_is_always_again(elapsed: timedelta, usual: timedelta | None) -> None:
    assert propose_rating(False, elapsed, usual) == Rating.Again


@settings(max_examples=200)
@given(faster=durations, slower=durations, usual=durations)
def test_a_slower_right_answer_never_rates_higher(faster, slower, usual) -> None:
    faster, slower = min(faster, slower), max(faster, slower)
    assert propose_rating(True, slower, usual) <= propose_rating(True, faster, usual)
    assert propose_rating(True, slower, usual) != Rating.Again


@pytest.mark.parametrize(
    ("seconds", "rating"),
    [(5, Rating.Easy), (8, Rating.Easy), (9, Rating.Good), (39, Rating.Good), (40, Rating.Hard)],
)
def test_thresholds_against_a_usual_twenty_seconds(seconds: int, rating: Rating) -> None:
    assert propose_rating(True, timedelta(seconds=seconds), timedelta(seconds=20)) == rating


def test_without_a_usual_time_right_is_good() -> None:
    assert propose_rating(True, timedelta(seconds=1), None) == Rating.Good


@pytest.mark.parametrize(
    ("interval", "label"),
    [
        (timedelta(seconds=30), "30s"),
        (timedelta(minutes=1), "1m"),
        (timedelta(minutes=10), "10m"),
        (timedelta(hours=5), "5h"),
        (timedelta(days=3), "3d"),
        (timedelta(days=45), "1.5mo"),
        (timedelta(days=730), "2.0y"),
    ],
)
def test_interval_labels(interval: timedelta, label: str) -> None:
    assert format_interval(interval) == label


@settings(max_examples=200)
@given(seconds=st.floats(0, 3650 * 86_400, allow_nan=False))
def test_labels_are_short_and_never_negative(seconds: float) -> None:
    label = format_interval(timedelta(seconds=seconds))
    assert len(label) <= 6
    assert not label.startswith("-")
    assert label[-1] in "smhdoy"


def test_the_proposal_says_why() -> None:
    """Issue 13.5: the reason is shown beside the proposal."""

    class Right:
        correct = True

    class Wrong:
        correct = False

    usual = timedelta(seconds=20)
    assert propose(Right(), timedelta(seconds=42), usual) == Proposal(
        Rating.Hard, "correct, 2.1× your usual time → Hard"
    )
    assert propose(Right(), timedelta(seconds=30), usual).reason == (
        "correct, your usual pace → Good"
    )
    assert propose(Right(), timedelta(seconds=30), None).reason == "correct → Good"
    assert propose(Wrong(), timedelta(seconds=3), usual).reason == "wrong → Again"
