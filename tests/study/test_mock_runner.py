"""A whole interview driven by a fake clock: timeouts, pause, skip, auto-submit, quitting."""

from __future__ import annotations

import sqlite3
from datetime import timedelta

import pytest
from fsrs import Rating, Scheduler, State

from quizapp.content import Card
from quizapp.study import FakeClock, ReviewSession, StudyStore, StudyStoreError, record_answer
from quizapp.study.mock import (
    MockInterview,
    MockOptions,
    MockStateError,
    Outcome,
    Phase,
    build_plan,
    card_weakness,
    interviews,
    latest_finished,
)


def _interview(card_id: str, points: int = 4) -> Card:
    return Card(
        id=card_id,
        kind="interview",
        deck="test",
        front=f"Explain {card_id}",
        back=f"Model answer for {card_id}",
        key_points=tuple(f"{card_id} point {index}" for index in range(points)),
        tags=("interview", f"topic-{card_id}"),
        section="questions",
    )


def _numeric(card_id: str, template: str = "activation-scalar", activation: str = "relu") -> Card:
    return Card(
        id=card_id,
        kind="numeric",
        deck="test",
        front=card_id,
        back="",
        template=template,
        activation=activation,
        tags=("numeric", activation),
        section="numbers",
    )


CARDS = [_interview("why"), _interview("how"), _numeric("relu-1"), _numeric("relu-2")]


def _start(store: StudyStore, clock: FakeClock, **options) -> MockInterview:
    options.setdefault("questions", 4)
    options.setdefault("seed", 11)
    interview = MockInterview(build_plan(CARDS, MockOptions(**options)), store, clock)
    interview.start()
    return interview


def _rows(store: StudyStore) -> list[tuple]:
    return store.query(
        "SELECT position, outcome, response, used_ms, paused_ms, readable, correct, score"
        " FROM mock_answers ORDER BY position"
    )


def test_a_full_interview_with_timeout_pause_skip_and_submit(
    store: StudyStore, clock: FakeClock
) -> None:
    interview = _start(store, clock)
    kinds = [q.kind for q in interview.plan.questions]
    assert kinds == ["conceptual", "numeric", "conceptual", "numeric"]
    budget = interview.plan.questions[0].budget

    # 1: typing, then the question clock runs out: the partial answer is submitted.
    interview.draft = "ReLU is piecewise lin"
    clock.advance(budget - timedelta(seconds=1))
    assert interview.tick() == []
    assert interview.question_remaining() == timedelta(seconds=1)
    clock.advance(seconds=1.25)
    [first] = interview.tick()
    assert first.outcome == Outcome.QUESTION_TIME
    assert first.response == "ReLU is piecewise lin"
    assert first.used == budget
    assert interview.current is interview.plan.questions[1]
    assert interview.draft == ""

    # 2: paused for ten minutes (not counted, the question stays), then answered correctly.
    clock.advance(seconds=10)
    interview.pause()
    assert interview.current is interview.plan.questions[1]
    paused_left = interview.question_remaining()
    clock.advance(minutes=10)
    assert interview.tick() == []
    assert interview.question_remaining() == paused_left
    interview.resume()
    clock.advance(seconds=5)
    second = interview.submit(interview.current.question.expected_text)
    assert second.outcome == Outcome.SUBMITTED
    assert second.correct is True and second.score == 1.0
    assert second.used == timedelta(seconds=15)
    assert second.paused == timedelta(minutes=10)

    # 3: skipped, 4: an unreadable answer submitted.
    clock.advance(seconds=3)
    third = interview.skip()
    assert third.outcome == Outcome.SKIPPED and third.score == 0.0
    clock.advance(seconds=7)
    fourth = interview.submit("0,5")
    assert fourth.readable is False and fourth.score == 0.0
    assert interview.phase == Phase.FINISHED
    assert interview.current is None

    assert _rows(store) == [
        (
            0,
            "question-time",
            "ReLU is piecewise lin",
            budget.total_seconds() * 1000,
            0,
            None,
            None,
            0.0,
        ),
        (1, "submitted", second.response, 15_000, 600_000, 1, 1, 1.0),
        (2, "skipped", "", 3_000, 0, None, None, 0.0),
        (3, "submitted", "0,5", 7_000, 0, 0, 0, 0.0),
    ]
    [summary] = interviews(store)
    assert summary.status == "finished"
    assert summary.answered == 3
    assert summary.score == pytest.approx(0.25)


def test_the_session_clock_ends_the_interview_and_marks_the_rest_not_reached(
    store: StudyStore, clock: FakeClock
) -> None:
    interview = _start(store, clock, minutes=1, time_per_question=45)
    clock.advance(seconds=20)
    interview.submit("first")
    interview.draft = "half an answer"
    clock.advance(seconds=39)
    assert interview.tick() == []
    assert interview.session_remaining() == timedelta(seconds=1)
    assert interview.question_remaining() == timedelta(seconds=6)
    clock.advance(seconds=2)
    ended = interview.tick()
    assert [answer.outcome for answer in ended] == [
        Outcome.SESSION_TIME,
        Outcome.NOT_REACHED,
        Outcome.NOT_REACHED,
    ]
    assert ended[0].response == "half an answer"
    assert ended[0].used == timedelta(seconds=40)
    assert interview.phase == Phase.FINISHED
    assert [row[1] for row in _rows(store)] == [
        "submitted",
        "session-time",
        "not-reached",
        "not-reached",
    ]


def test_questions_never_reached_say_nothing_about_weakness(
    store: StudyStore, clock: FakeClock
) -> None:
    """Only the questions the user saw weigh the next plan; the ones the session clock cut off
    were never asked."""
    interview = _start(store, clock, minutes=1, time_per_question=45)
    clock.advance(seconds=20)
    interview.skip()
    interview.draft = "half an answer"
    clock.advance(seconds=41)
    assert [answer.outcome for answer in interview.tick()] == [
        Outcome.SESSION_TIME,
        Outcome.NOT_REACHED,
        Outcome.NOT_REACHED,
    ]
    weakness = card_weakness(store, CARDS)
    asked, timed_out, *unreached = (q.card.id for q in interview.plan.questions)
    assert weakness[asked] == weakness[timed_out] == 1.0
    assert [weakness[card_id] for card_id in unreached] == [0.0, 0.0]


def test_a_question_clock_reaching_zero_with_the_session_is_a_question_timeout(
    store: StudyStore, clock: FakeClock
) -> None:
    interview = _start(store, clock, minutes=1, time_per_question=30)
    clock.advance(seconds=30)
    [first] = interview.tick()
    assert first.outcome == Outcome.QUESTION_TIME
    assert interview.session_remaining() == timedelta(seconds=30)
    clock.advance(seconds=30)
    ended = interview.tick()
    assert ended[0].outcome == Outcome.QUESTION_TIME
    assert ended[0].used == timedelta(seconds=30)
    assert [answer.outcome for answer in ended[1:]] == [Outcome.NOT_REACHED] * 2
    assert interview.phase == Phase.FINISHED


def test_a_long_stall_times_out_one_question_and_costs_the_session_nothing_more(
    store: StudyStore, clock: FakeClock
) -> None:
    interview = _start(store, clock, time_per_question=20)
    clock.advance(seconds=50)
    [ended] = interview.tick()
    assert ended.used == timedelta(seconds=20)
    assert ended.answered_at == clock.now() - timedelta(seconds=30)
    assert interview.question_remaining() == timedelta(seconds=20)
    assert interview.session_remaining() == timedelta(seconds=60)
    assert interview.tick() == []


@pytest.mark.parametrize("action", ["submit", "skip"])
def test_a_key_pressed_after_a_stall_ends_the_question_as_its_clock_did(
    store: StudyStore, clock: FakeClock, action: str
) -> None:
    """The machine slept mid-question and the first thing after waking is the user's key, not a
    tick: the question still ended when its clock hit zero, and the session loses nothing more."""
    interview = _start(store, clock, time_per_question=20)
    interview.draft = "a partial answer"
    clock.advance(hours=1)
    ended = getattr(interview, action)()
    assert ended.outcome == Outcome.QUESTION_TIME
    assert ended.response == "a partial answer"
    assert ended.used == timedelta(seconds=20)
    assert interview.phase == Phase.ASKING and interview.current.position == 1
    assert interview.session_remaining() == timedelta(seconds=60)


def test_a_numeric_timeout_with_nothing_typed_is_no_answer_not_unreadable(
    store: StudyStore, clock: FakeClock
) -> None:
    interview = _start(store, clock, time_per_question=10)
    interview.skip()
    clock.advance(seconds=10)
    [ended] = interview.tick()
    assert ended.planned.kind == "numeric"
    assert ended.grade is None and ended.readable is None
    assert ended.score == 0.0 and ended.missed
    assert interview.report().unreadable == 0


def test_actions_the_phase_does_not_allow_are_refused(store: StudyStore, clock: FakeClock) -> None:
    interview = MockInterview(build_plan(CARDS, MockOptions(2, seed=1)), store, clock)
    with pytest.raises(MockStateError):
        interview.submit("x")
    assert interview.session_remaining() == interview.plan.session_budget
    interview.start()
    with pytest.raises(MockStateError):
        interview.start()
    with pytest.raises(MockStateError):
        interview.resume()
    interview.pause()
    for action in (interview.submit, interview.skip, interview.pause):
        with pytest.raises(MockStateError, match="paused"):
            action()
    with pytest.raises(MockStateError, match="once the interview is over"):
        interview.assess(0, {0})


def test_each_answer_is_committed_as_it_is_given_and_quitting_keeps_them(
    store: StudyStore, clock: FakeClock
) -> None:
    interview = _start(store, clock)
    clock.advance(seconds=30)
    interview.submit("my spoken answer")
    outside = sqlite3.connect(store.path)
    try:
        assert outside.execute(
            "SELECT outcome, response FROM mock_answers WHERE position = 0"
        ).fetchone() == ("submitted", "my spoken answer")
        assert outside.execute("SELECT status, ended_at FROM mock_interviews").fetchone() == (
            "abandoned",
            None,
        )
        interview.draft = "typed but never submitted"
        clock.advance(seconds=5)
        interview.abandon()
        status, ended_at = outside.execute(
            "SELECT status, ended_at FROM mock_interviews"
        ).fetchone()
        outcomes = [row[0] for row in outside.execute("SELECT outcome FROM mock_answers")]
    finally:
        outside.close()
    assert status == "abandoned" and ended_at is not None
    assert outcomes == ["submitted", "pending", "pending", "pending"]
    assert interview.phase == Phase.ABANDONED
    assert interview.tick() == []
    assert latest_finished(store) is None


def test_ending_early_hands_in_what_was_written_even_while_paused(
    store: StudyStore, clock: FakeClock
) -> None:
    interview = _start(store, clock)
    interview.submit("my spoken answer")
    clock.advance(seconds=20)
    interview.draft = "half a sentence"
    interview.pause()
    clock.advance(seconds=50)
    answer = interview.end_early()
    assert answer is not None and answer.outcome == Outcome.SUBMITTED
    assert answer.used == timedelta(seconds=20) and answer.paused == timedelta(seconds=50)
    assert interview.phase == Phase.ABANDONED
    assert [row[1:3] for row in _rows(store)] == [
        ("submitted", "my spoken answer"),
        ("submitted", "half a sentence"),
        ("pending", None),
        ("pending", None),
    ]


def test_ending_early_with_the_last_answer_written_finishes_the_interview(
    store: StudyStore, clock: FakeClock
) -> None:
    interview = _start(store, clock, questions=2)
    interview.submit("spoken")
    interview.draft = "0.5"
    answer = interview.end_early()
    assert answer is not None and answer.outcome == Outcome.SUBMITTED
    assert interview.phase == Phase.FINISHED
    assert latest_finished(store) is not None
    assert not interview.report().ended_early


def test_ending_early_with_nothing_written_hands_in_nothing(
    store: StudyStore, clock: FakeClock
) -> None:
    interview = _start(store, clock)
    interview.draft = "   "
    assert not interview.draft_written
    assert interview.end_early() is None
    assert interview.phase == Phase.ABANDONED
    assert [row[1] for row in _rows(store)] == ["pending"] * 4


def test_self_assessment_scores_conceptual_answers_and_updates_the_stored_score(
    store: StudyStore, clock: FakeClock
) -> None:
    interview = _start(store, clock, questions=2)
    interview.submit("spoken")
    interview.submit(interview.current.question.expected_text)
    assert interview.score == pytest.approx(0.5)
    assessed = interview.assess(0, {0, 2, 3})
    assert assessed.score == pytest.approx(0.75)
    assert assessed.missed
    assert latest_finished(store).score == pytest.approx(0.875)
    assert store.query("SELECT covered, score FROM mock_answers WHERE position = 0") == [
        ("[0, 2, 3]", 0.75)
    ]
    with pytest.raises(ValueError, match="key point 5 does not exist"):
        interview.assess(0, {4})
    with pytest.raises(ValueError, match="cannot be self-assessed"):
        interview.assess(1, {0})


def test_a_tick_changed_in_the_report_changes_only_the_ticks_and_the_score(
    store: StudyStore, clock: FakeClock
) -> None:
    interview = _start(store, clock, questions=2)
    clock.advance(seconds=25)
    interview.submit("spoken")
    interview.submit(interview.current.question.expected_text)
    columns = "outcome, response, used_ms, paused_ms, answered_at, readable, correct, cases"
    before = store.query(f"SELECT {columns} FROM mock_answers ORDER BY position")
    ended = store.query("SELECT started_at, ended_at, status FROM mock_interviews")
    clock.advance(minutes=10)
    assessed = interview.assess(0, {1})
    assert (assessed.used, assessed.answered_at) == (
        interview.answers[0].used,
        interview.answers[0].answered_at,
    )
    assert store.query(f"SELECT {columns} FROM mock_answers ORDER BY position") == before
    assert store.query("SELECT started_at, ended_at, status FROM mock_interviews") == ended
    assert interview.report().rows()[0][3] == "0:25 / 3:00"


def test_missed_cards_go_to_review_now_keeping_their_history(
    store: StudyStore, clock: FakeClock
) -> None:
    scheduler = Scheduler()
    studied = record_answer(store, CARDS[1], Rating.Easy, scheduler=scheduler)
    assert studied.after.due > clock.now() + timedelta(days=1)
    store.suspend("relu-2")
    interview = _start(store, clock)
    for _ in range(4):
        interview.skip()
    sent = interview.send_missed_to_review()
    assert set(sent.due_now) == {"why", "how", "relu-1"}
    assert sent.suspended == ("relu-2",)
    how = store.card_state("how")
    assert how.due == clock.now()
    assert (how.stability, how.reps, how.last_review) == (
        studied.after.stability,
        1,
        studied.after.last_review,
    )
    assert len(store.reviews_of("how")) == 1
    fresh = store.card_state("why")
    assert (fresh.state, fresh.step, fresh.stability, fresh.reps) == (State.Learning, 0, None, 0)
    session = ReviewSession(store, CARDS)
    queued = {card.id for card, _source in session.upcoming()}
    assert {"why", "how", "relu-1"} <= queued
    item = session.next()
    recorded = session.record(item, Rating.Good)
    assert recorded.after.stability is not None


def test_a_busy_database_refuses_the_answer_and_loses_nothing(
    store: StudyStore, clock: FakeClock
) -> None:
    interview = _start(store, clock)
    store._connection.execute("PRAGMA busy_timeout = 50")
    other = sqlite3.connect(store.path, isolation_level=None)
    other.execute("BEGIN IMMEDIATE")
    interview.draft = "kept through the failure"
    try:
        with pytest.raises(StudyStoreError, match="locked by another quizapp"):
            interview.submit()
        assert interview.current is interview.plan.questions[0]
        assert interview.draft == "kept through the failure"
        assert interview.answers == []
    finally:
        other.execute("ROLLBACK")
        other.close()
    answer = interview.submit()
    assert answer.response == "kept through the failure"
    assert interview.current is interview.plan.questions[1]
