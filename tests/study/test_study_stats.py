"""Stats agree with the review log and with fsrs, and serialise to JSON."""

import json
from collections import Counter
from dataclasses import replace
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest
from fsrs import Rating, Scheduler, State
from hypothesis import given, settings
from hypothesis import strategies as st
from study_fakes import START, FakeCard, cards, fake_generate

from quizapp.study import (
    CardState,
    FakeClock,
    ReviewSession,
    StudySettings,
    StudyStore,
    compute_stats,
    open_store,
)
from quizapp.study.settings import farthest_interview_day
from quizapp.study.stats import FORECAST_DAYS


def _study_day(store: StudyStore, deck: list, rating_for=lambda card: Rating.Good) -> int:
    session = ReviewSession(store, deck, generate=fake_generate)
    answered = 0
    while (item := session.next()) is not None:
        store.clock.advance(seconds=30)
        session.record(item, rating_for(item.card))
        answered += 1
    return answered


def test_reviews_per_day_and_streaks(store: StudyStore, clock: FakeClock) -> None:
    deck = cards(40)
    StudySettings(new_per_day=5).save(store)
    per_day = {}
    for offset in (0, 1, 2, 4, 5):
        clock.set(START + timedelta(days=offset))
        per_day[(START + timedelta(days=offset)).date()] = _study_day(store, deck)
    stats = compute_stats(store, deck, clock)
    assert {day.day: day.scheduled for day in stats.days} == per_day
    assert stats.reviews_today == per_day[clock.now().date()]
    assert (stats.streak, stats.longest_streak) == (2, 3)
    assert stats.days[0].minutes == round(per_day[START.date()] * 0.5, 1)
    clock.advance(days=1)
    assert compute_stats(store, deck, clock).streak == 2
    clock.advance(days=1)
    assert compute_stats(store, deck, clock).streak == 0


def test_true_retention_counts_only_mature_reviews(store: StudyStore, clock: FakeClock) -> None:
    deck = cards(3)
    StudySettings(new_per_day=3).save(store)
    mature_reviews = mature_passed = failures = 0
    for _ in range(40):
        session = ReviewSession(store, deck)
        while (item := session.next()) is not None or session.next_due() is not None:
            if item is None:
                clock.set(session.next_due())
                continue
            before = store.card_state(item.card.id)
            fail = item.card.id == deck[0].id and before.is_mature and failures < 2
            failures += fail
            session.record(item, Rating.Again if fail else Rating.Good)
            if before.is_mature:
                mature_reviews += 1
                mature_passed += not fail
        clock.advance(days=5)
    stats = compute_stats(store, deck, clock)
    assert failures == 2 and mature_reviews > 2
    assert (stats.true_retention.reviews, stats.true_retention.passed) == (
        mature_reviews,
        mature_passed,
    )
    assert stats.true_retention.rate == round(mature_passed / mature_reviews, 4)
    assert stats.true_retention_recent.reviews <= mature_reviews


def test_forecast_cards_by_state_and_orphans(store: StudyStore, clock: FakeClock) -> None:
    deck = cards(12)
    StudySettings(new_per_day=10).save(store)
    failed: set[str] = set()

    def fail_first_once(card: FakeCard) -> Rating:
        if card.id == deck[0].id and card.id not in failed:
            failed.add(card.id)
            return Rating.Again
        return Rating.Easy

    _study_day(store, deck, fail_first_once)
    clock.advance(hours=2)
    session = ReviewSession(store, deck)
    session.suspend(deck[3].id)
    session.bury(deck[11].id)
    content = deck[1:]
    stats = compute_stats(store, content, clock)
    calendar = store.calendar()
    expected = Counter()
    for card in content:
        state = store.card_state(card.id)
        if state.state is not None and not state.suspended:
            expected[max(calendar.day_of(state.due), stats.today)] += 1
    assert len(stats.forecast) == FORECAST_DAYS
    assert {f.day: f.due for f in stats.forecast if f.due} == dict(expected)
    assert stats.forecast[0].day == stats.today
    counts = stats.cards
    assert (counts.total, counts.new, counts.review, counts.learning) == (11, 2, 9, 0)
    assert (counts.suspended, counts.buried, counts.orphans) == (1, 1, 1)


def test_card_counts_survive_burials_of_different_days(store: StudyStore, clock: FakeClock) -> None:
    """Cards alike but for when their burial ends (long past, still running, never) are still
    all counted: a burial that has run out must not turn studied cards back into new ones."""
    deck = cards(6)
    StudySettings(new_per_day=6).save(store)
    _study_day(store, deck, lambda card: Rating.Easy)
    store.bury(deck[0].id, clock.now().date() + timedelta(days=1))
    store.bury(deck[1].id, clock.now().date() + timedelta(days=2))
    store.bury(deck[2].id, clock.now().date() + timedelta(days=9))
    clock.advance(days=3)
    counts = compute_stats(store, deck, clock).cards
    assert (counts.total, counts.new, counts.review, counts.buried) == (6, 0, 6, 1)
    orphaned = compute_stats(store, deck[1:], clock).cards
    assert (orphaned.total, orphaned.new, orphaned.review, orphaned.orphans) == (5, 0, 5, 1)
    assert orphaned.buried == 1


def test_accuracy_per_activation_and_family(store: StudyStore, clock: FakeClock) -> None:
    deck = [
        FakeCard(id="n-relu", kind="numeric", template="activation-vector", activation="relu"),
        FakeCard(id="n-tanh", kind="numeric", template="derivative-point", activation="tanh"),
        FakeCard(id="f-tanh", kind="formula", activation="tanh"),
    ]
    session = ReviewSession(store, deck, generate=fake_generate)
    for _ in deck:
        item = session.next()
        if item.question is None:
            session.record(item, Rating.Easy)
            continue
        right = item.card.id == "n-relu"
        text = str(item.seed % 10) if right else "99"
        session.record(item, session.submit(item, text).proposed)
    stats = compute_stats(store, deck, clock)
    assert {(a.name, a.attempts, a.correct) for a in stats.accuracy_by_activation} == {
        ("relu", 1, 1),
        ("tanh", 1, 0),
    }, "the formula rated Easy by hand is no graded answer"
    assert {(a.name, a.rate) for a in stats.accuracy_by_family} == {
        ("activation-vector", 1.0),
        ("derivative-point", 0.0),
    }


def test_leeches_are_listed_worst_first(store: StudyStore, clock: FakeClock) -> None:
    deck = cards(3)
    StudySettings(leech_threshold=2, learn_ahead_minutes=30).save(store)
    fails = {deck[0].id: 3, deck[1].id: 2, deck[2].id: 0}
    while any(fails.values()):
        session = ReviewSession(store, deck)
        while (item := session.next()) is not None:
            lapse = item.source == "review" and fails[item.card.id] > 0
            fails[item.card.id] -= lapse
            session.record(item, Rating.Again if lapse else Rating.Easy)
            clock.advance(minutes=1)
        clock.advance(days=90)
    stats = compute_stats(store, deck, clock)
    assert [(leech.card_id, leech.lapses) for leech in stats.leeches] == [
        (deck[0].id, 3),
        (deck[1].id, 2),
    ]
    assert stats.leeches[0].front == deck[0].front
    assert stats.cards.leeches == 2


def test_predicted_recall_per_topic_matches_fsrs(store: StudyStore, clock: FakeClock) -> None:
    deck = [
        replace(card, section="formulas" if i % 2 else "concepts")
        for i, card in enumerate(cards(9))
    ]
    StudySettings(new_per_day=6).save(store)
    _study_day(store, deck, lambda card: Rating.Easy)
    clock.advance(days=5)
    _study_day(store, deck)
    interview = clock.now().date() + timedelta(days=20)
    stats = compute_stats(store, deck, clock, until=interview)
    assert stats.recall_date == interview
    moment = store.calendar().midday_of(interview)
    scheduler = Scheduler(enable_fuzzing=False)
    for topic in stats.recall:
        members = [card for card in deck if card.section == topic.topic]
        values = []
        for card in members:
            state = store.card_state(card.id)
            values.append(
                0.0
                if state.is_new
                else scheduler.get_card_retrievability(state.to_fsrs(moment), moment)
            )
        studied = [
            value
            for card, value in zip(members, values, strict=True)
            if not store.card_state(card.id).is_new
        ]
        assert topic.cards == len(members)
        assert topic.studied_cards == len(studied)
        assert abs(topic.expected - sum(values) / len(values)) < 1e-4
        assert abs(topic.studied - sum(studied) / len(studied)) < 1e-4


def test_recall_is_predicted_only_from_today_to_ten_years_ahead(
    store: StudyStore, clock: FakeClock
) -> None:
    """A past interview day would show every card remembered perfectly (no time has passed)."""
    deck = cards(2)
    today = store.today()
    assert compute_stats(store, deck, clock, until=today).recall_date == today
    farthest = farthest_interview_day(today)
    assert compute_stats(store, deck, clock, until=farthest).recall_date == farthest
    for day in (today - timedelta(days=1), farthest + timedelta(days=1), date.max):
        with pytest.raises(ValueError, match=f"the interview date {day} must be"):
            compute_stats(store, deck, clock, until=day)


@settings(max_examples=40)
@given(
    stability=st.floats(0.01, 5000),
    elapsed=st.floats(-3, 4000),
    retention=st.floats(0.7, 0.99),
)
def test_sql_forgetting_curve_equals_fsrs(
    tmp_path_factory, stability: float, elapsed: float, retention: float
) -> None:
    clock = FakeClock(datetime(2025, 1, 1, tzinfo=UTC))
    last = clock.now() - timedelta(days=elapsed)
    card = FakeCard(id="only", section="topic")
    with open_store(tmp_path_factory.mktemp("curve"), clock) as store:
        StudySettings(desired_retention=retention).save(store)
        state = CardState(
            "only",
            state=State.Review,
            stability=stability,
            difficulty=5.0,
            due=last + timedelta(days=1),
            last_review=last,
            topic="topic",
        )
        with store.transaction():
            store._write_state(state)
        stats = compute_stats(store, [card], clock)
        moment = store.calendar().midday_of(stats.today)
    expected = Scheduler(desired_retention=retention).get_card_retrievability(
        state.to_fsrs(moment), moment
    )
    assert abs(stats.recall[0].expected - expected) < 1e-4


def test_to_dict_is_plain_json(store: StudyStore, clock: FakeClock) -> None:
    deck = cards(5)
    _study_day(store, deck, lambda card: Rating.Easy)
    stats = compute_stats(store, deck, clock, until=date(2025, 4, 1))
    encoded = json.loads(json.dumps(stats.to_dict()))
    assert encoded["recall_date"] == "2025-04-01"
    assert encoded["cards"]["review"] + encoded["cards"]["learning"] == 5
    assert encoded["days"][0] == {
        "day": stats.today.isoformat(),
        "scheduled": 5,
        "cram": 0,
        "practice": 0,
        "passed": 5,
        "minutes": 2.5,
    }
    assert len(encoded["forecast"]) == FORECAST_DAYS


def test_an_empty_store_has_quiet_stats(tmp_path: Path, clock: FakeClock) -> None:
    with open_store(tmp_path, clock) as store:
        stats = compute_stats(store, cards(3), clock)
    assert stats.days == () and stats.streak == 0
    assert stats.true_retention.rate is None
    assert stats.cards.new == 3
    assert all(day.due == 0 for day in stats.forecast)
    assert [(t.topic, t.expected, t.studied) for t in stats.recall] == [("concepts", 0.0, None)]


def test_practice_and_cram_are_counted_apart_and_keep_no_streak(
    store: StudyStore, clock: FakeClock
) -> None:
    """Issue 13.4: a practice-only day extended the streak and counted as done reviews."""
    deck = cards(3)
    _study_day(store, deck)
    clock.advance(days=1)
    store.record_unscheduled("practice", Rating.Good, day=store.today(), card=deck[0])
    store.record_unscheduled("cram", Rating.Again, day=store.today(), card=deck[1])
    stats = compute_stats(store, deck, clock)
    assert (stats.reviews_today, stats.practice_today) == (0, 2)
    assert stats.streak == 1
    clock.advance(days=1)
    assert compute_stats(store, deck, clock).streak == 0


def test_ten_years_ahead_is_the_same_date_ten_years_on() -> None:
    assert farthest_interview_day(date(2026, 12, 2)) == date(2036, 12, 2)
    assert farthest_interview_day(date(2028, 2, 29)) == date(2038, 2, 28)
