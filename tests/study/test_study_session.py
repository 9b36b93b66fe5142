"""The daily queue: order, limits, bury, suspend, undo, day rollover and skill cards."""

from datetime import timedelta

import numpy as np
import pytest
from fsrs import Rating, State
from study_fakes import FakeCard, cards, drain, fake_generate

from quizapp.study import (
    CardChangedError,
    FakeClock,
    ReviewSession,
    StudySettings,
    StudyStore,
    UndoError,
)


def _session(store: StudyStore, deck: list, **limits: int) -> ReviewSession:
    StudySettings(**limits).save(store)
    return ReviewSession(store, deck, generate=fake_generate, rng=np.random.default_rng(1))


def _graduate(store: StudyStore, deck: list) -> None:
    """Make every card a review card due in a few days (Easy on first sight)."""
    session = _session(store, deck, new_per_day=len(deck))
    while (item := session.next()) is not None:
        session.record(item, Rating.Easy)


def test_new_cards_follow_content_order_within_the_daily_limit(store: StudyStore) -> None:
    deck = cards(30)
    session = _session(store, deck, new_per_day=12)
    assert session.counts().new == 12
    assert drain(session) == [card.id for card in deck[:12]]
    assert _session(store, deck, new_per_day=12).counts().new == 0


def test_the_new_limit_holds_across_restarts(store: StudyStore) -> None:
    deck = cards(10)
    first = _session(store, deck, new_per_day=5)
    for _ in range(3):
        item = first.next()
        first.record(item, Rating.Easy)
    assert _session(store, deck, new_per_day=5).counts().new == 2


def test_due_reviews_come_first_and_respect_the_review_limit(
    store: StudyStore, clock: FakeClock
) -> None:
    deck = cards(8)
    _graduate(store, deck[:6])
    clock.advance(days=60)
    session = _session(store, deck, new_per_day=5, reviews_per_day=4)
    assert session.counts().review == 4
    assert session.counts().new == 2
    order = drain(session)
    assert order[:4] == sorted(
        order[:4], key=lambda card_id: (store.reviews_of(card_id)[0].reviewed_at, card_id)
    )
    assert set(order[:4]) <= {card.id for card in deck[:6]}
    assert order[4:] == [deck[6].id, deck[7].id]


def test_learning_steps_come_back_the_same_day(store: StudyStore, clock: FakeClock) -> None:
    deck = cards(2)
    session = _session(store, deck)
    first = session.next()
    session.record(first, Rating.Again)
    assert session.counts().learning == 1
    second = session.next()
    assert second.card.id == deck[1].id
    session.record(second, Rating.Good)
    later = session.next()
    assert later is not None and later.source == "learning"
    assert later.card.id == first.card.id


def test_learn_ahead_stops_at_a_day(store: StudyStore) -> None:
    """A learning card past the study day is not in today's queue anyway; a bigger look-ahead
    only overflowed the clock when nothing was left to show (a stored one is held to a day)."""
    StudySettings(learn_ahead_minutes=1440)
    with pytest.raises(ValueError, match=r"learn_ahead_minutes must be an integer 0\.\.1440"):
        StudySettings(learn_ahead_minutes=10**12)
    StudySettings(new_per_day=0).save(store)
    store.set_setting("learn_ahead_minutes", 10**12)
    session = ReviewSession(store, cards(1))
    assert session.settings.learn_ahead_minutes == 1440
    assert session.next() is None


def test_nothing_due_reports_when_the_next_step_comes(store: StudyStore, clock: FakeClock) -> None:
    deck = cards(1)
    StudySettings(learn_ahead_minutes=0).save(store)
    session = ReviewSession(store, deck)
    item = session.next()
    recorded = session.record(item, Rating.Good)
    assert session.next() is None
    assert session.next_due() == recorded.after.due
    clock.set(recorded.after.due)
    assert session.next().card.id == deck[0].id


def test_next_keeps_showing_the_same_card_until_answered(store: StudyStore) -> None:
    session = _session(store, cards(3))
    assert session.next() is session.next()


def test_answering_a_card_not_shown_is_refused(store: StudyStore) -> None:
    session = _session(store, cards(3))
    item = session.next()
    session.record(item, Rating.Good)
    with pytest.raises(ValueError, match="not the card being shown"):
        session.record(item, Rating.Good)


def test_bury_hides_until_the_next_study_day(store: StudyStore, clock: FakeClock) -> None:
    deck = cards(3)
    session = _session(store, deck)
    session.bury(deck[0].id)
    assert deck[0].id not in drain(session)
    clock.set(clock.now().replace(hour=3, minute=59) + timedelta(days=1))
    assert _session(store, deck).counts().new == 0
    clock.advance(minutes=1)
    assert _session(store, deck).next().card.id == deck[0].id


def test_suspend_until_unsuspended(store: StudyStore, clock: FakeClock) -> None:
    deck = cards(3)
    _graduate(store, deck)
    clock.advance(days=90)
    session = _session(store, deck)
    session.suspend(deck[1].id)
    assert deck[1].id not in drain(_session(store, deck))
    assert store.card_state(deck[1].id).state == State.Review
    session = _session(store, deck)
    session.unsuspend(deck[1].id)
    assert session.counts().review == 1


def test_suspending_the_shown_card_moves_on(store: StudyStore) -> None:
    deck = cards(2)
    session = _session(store, deck)
    shown = session.next()
    session.suspend(shown.card.id)
    assert session.next().card.id == deck[1].id


def test_undo_restores_the_exact_state_and_shows_the_card_again(
    store: StudyStore, clock: FakeClock
) -> None:
    deck = cards(3)
    _graduate(store, deck[:1])
    clock.advance(days=30)
    session = _session(store, deck)
    before = store.card_state(deck[0].id)
    item = session.next()
    clock.advance(seconds=7)
    session.record(item, Rating.Again)
    assert store.card_state(deck[0].id) != before
    clock.advance(seconds=30)
    restored = session.undo().item
    assert store.card_state(deck[0].id) == before
    assert restored.card.id == deck[0].id
    assert session.next() is restored
    assert clock.now() - restored.shown_at == timedelta(seconds=7)
    assert len(store.reviews_of(deck[0].id)) == 1


def test_undo_of_a_first_review_makes_the_card_new_again(store: StudyStore) -> None:
    deck = cards(2)
    session = _session(store, deck, new_per_day=1)
    item = session.next()
    session.record(item, Rating.Good)
    assert session.counts().new == 0
    session.undo()
    assert store.card_state(deck[0].id).is_new
    assert store.today_counts(session.day).introduced == 0
    assert session.counts().new == 1


def test_undo_walks_back_several_answers_and_requeues_the_shown_card(store: StudyStore) -> None:
    deck = cards(3)
    session = _session(store, deck)
    for _ in range(2):
        session.record(session.next(), Rating.Easy)
    shown = session.next()
    assert shown.card.id == deck[2].id
    assert session.undo().item.card.id == deck[1].id
    assert session.undo().item.card.id == deck[0].id
    assert session.undo() is None
    assert drain(session) == [card.id for card in deck]


def _new_ids(session: ReviewSession) -> list[str]:
    return [card.id for card, source in session.upcoming() if source == "new"]


def test_a_held_sibling_stays_held_for_the_rest_of_the_day(
    store: StudyStore, clock: FakeClock
) -> None:
    """Going back home and opening a new session (or running `quizapp due`) the same day must not
    bring back the reverse side of a card just studied; the next day it comes."""
    deck = [FakeCard("a"), FakeCard("a:reverse"), FakeCard("b")]
    first = _session(store, deck)
    first.record(first.next(), Rating.Good)
    assert _new_ids(first) == ["b"]
    again = _session(store, deck)
    assert _new_ids(again) == ["b"]
    again.unsuspend("b")
    assert _new_ids(again) == ["b"]
    clock.advance(days=1)
    assert "a:reverse" in _new_ids(_session(store, deck))


def test_undo_releases_the_siblings_the_answer_held(store: StudyStore) -> None:
    deck = [FakeCard("a"), FakeCard("a:reverse"), FakeCard("b")]
    session = _session(store, deck)
    session.record(session.next(), Rating.Good)
    assert session.undo().item.card.id == "a"
    assert [card.id for card, _source in session.upcoming()] == ["a", "b", "a:reverse"]


def test_a_second_session_sees_answers_of_the_first(store: StudyStore) -> None:
    deck = cards(2)
    first = _session(store, deck)
    first.record(first.next(), Rating.Easy)
    assert _session(store, deck).counts().new == 1


def test_day_rollover_rebuilds_the_queue(store: StudyStore, clock: FakeClock) -> None:
    deck = cards(4)
    session = _session(store, deck, new_per_day=2)
    assert drain(session) == [deck[0].id, deck[1].id]
    clock.advance(days=1)
    assert session.next().card.id == deck[2].id


def test_skill_card_gets_a_fresh_question_and_its_seed_is_stored(store: StudyStore) -> None:
    skill = FakeCard(id="num-1", kind="numeric", template="activation-vector", activation=None)
    session = _session(store, [skill])
    item = session.next()
    assert item.question is not None and item.seed is not None
    assert item.question.prompt == f"activation-vector {item.question.activation} seed {item.seed}"
    graded = session.submit(item, str(item.seed % 10))
    recorded = session.record(item, graded.proposed)
    review = recorded.review
    assert (review.seed, review.correct, review.score) == (item.seed, True, 1.0)
    assert review.template == "activation-vector"
    assert review.activation == item.question.activation
    assert review.response == str(item.seed % 10)


def test_an_unreadable_answer_is_never_recorded(store: StudyStore) -> None:
    skill = FakeCard(id="num-1", kind="numeric", template="activation-vector")
    session = _session(store, [skill])
    item = session.next()
    graded = session.submit(item, "0,5")
    assert not graded.readable and graded.proposed is None
    session.record(item, Rating.Again)
    assert [(r.correct, r.response) for r in store.reviews_of(skill.id)] == [(False, None)]


def test_a_question_that_cannot_be_generated_is_reported_not_raised(store: StudyStore) -> None:
    broken = FakeCard(id="num-x", kind="numeric", template="missing-template")
    item = _session(store, [broken]).next()
    assert item.question is None
    assert "unknown template" in item.problem


def test_numeric_proposals_use_the_family_time_not_the_card(
    store: StudyStore, clock: FakeClock
) -> None:
    """Issue 13.5: each numeric review is a new question, so one card's own history is no
    yardstick; the family's right answers are, and only a clear outlier moves the proposal."""
    family = [
        FakeCard(id=f"num-{i}", kind="numeric", template="activation-vector") for i in range(6)
    ]
    other = FakeCard(id="other", kind="numeric", template="derivative-point")
    session = _session(store, [*family, other], new_per_day=10)
    for _ in range(5):
        item = session.next()
        clock.advance(seconds=20)
        session.record(item, session.submit(item, str(item.seed % 10)).proposed)
    item = session.next()
    assert item.card.template == "activation-vector" and item.usual_time == timedelta(seconds=20)
    clock.advance(seconds=30)
    graded = session.submit(item, str(item.seed % 10))
    assert graded.proposal.reason == "correct, your usual pace → Good"
    clock.advance(seconds=12)
    graded = session.submit(item, str(item.seed % 10))
    assert graded.proposal.reason == "correct, 2.1× your usual time → Hard"
    assert session.submit(item, "99").proposed == Rating.Again
    session.record(item, Rating.Good)
    item = session.next()
    assert item.card.id == "other" and item.usual_time is None
    clock.advance(minutes=5)
    assert session.submit(item, str(item.seed % 10)).proposal.reason == "correct → Good"


def _fail_review(store: StudyStore, clock: FakeClock, deck: list) -> None:
    """The card, once due as a review card, forgotten (Again) and relearnt (Good)."""
    clock.set(max(clock.now(), store.card_state(deck[0].id).due))
    session = ReviewSession(store, deck)
    item = session.next()
    assert item.source == "review"
    session.record(item, Rating.Again)
    clock.advance(minutes=15)
    session.record(session.next(), Rating.Good)


def test_a_leech_is_a_review_card_forgotten_often(store: StudyStore, clock: FakeClock) -> None:
    deck = cards(1)
    _graduate(store, deck)
    StudySettings(leech_threshold=3, learn_ahead_minutes=60).save(store)
    for _ in range(2):
        _fail_review(store, clock, deck)
    assert store.card_state(deck[0].id).lapses == 2
    assert not store.card_state(deck[0].id).leech
    _fail_review(store, clock, deck)
    assert store.card_state(deck[0].id).lapses == 3
    assert store.card_state(deck[0].id).leech


def test_again_while_first_learning_is_not_a_lapse(store: StudyStore, clock: FakeClock) -> None:
    """Issue 13.3: a new card failed 8 times on day one was a leech (learning, lapses=8)."""
    deck = cards(1)
    StudySettings(leech_threshold=3, learn_ahead_minutes=60).save(store)
    session = ReviewSession(store, deck)
    for _ in range(8):
        session.record(session.next(), Rating.Again)
        clock.advance(minutes=2)
    state = store.card_state(deck[0].id)
    assert (state.state, state.lapses, state.leech) == (State.Learning, 0, False)


def test_leech_flags_follow_the_threshold(store: StudyStore, clock: FakeClock) -> None:
    """Issue 13.3: lowering the threshold and raising it back left cards flagged."""
    deck = cards(1)
    _graduate(store, deck)
    _fail_review(store, clock, deck)
    StudySettings(leech_threshold=1).save(store)
    assert store.card_state(deck[0].id).leech
    StudySettings(leech_threshold=8).save(store)
    assert not store.card_state(deck[0].id).leech


def test_a_reset_card_starts_over_without_lapses(store: StudyStore, clock: FakeClock) -> None:
    deck = cards(1)
    _graduate(store, deck)
    StudySettings(leech_threshold=1).save(store)
    _fail_review(store, clock, deck)
    store.reset(deck[0].id)
    state = store.card_state(deck[0].id)
    assert (state.lapses, state.leech) == (0, False)


def _queue_after_undo(session: ReviewSession, clock: FakeClock) -> list[str]:
    """Every card the session still shows today (learning steps included), in order."""
    seen = []
    while (item := session.next()) is not None or session.next_due() is not None:
        if item is None:
            clock.advance(minutes=30)
            continue
        seen.append(item.card.id)
        session.record(item, Rating.Easy)
    return seen


def test_undo_while_the_cards_repeat_is_on_show_shows_it_once(
    store: StudyStore, clock: FakeClock
) -> None:
    """Issue 19: undoing the Again whose learning-step repeat is on screen showed the card again
    and then its repeat too."""
    deck = cards(2)
    session = _session(store, deck)
    first = session.next()
    session.record(first, Rating.Again)
    clock.advance(minutes=15)
    repeat = session.next()
    assert repeat.card.id == first.card.id and repeat.source == "learning"
    back = session.undo().item
    assert back.card.id == first.card.id and back.source == "new"
    assert store.card_state(first.card.id).state is None
    assert _queue_after_undo(session, clock) == [first.card.id, deck[1].id]


def test_two_undos_back_to_a_repeated_card_leave_it_queued_once(
    store: StudyStore, clock: FakeClock
) -> None:
    deck = cards(3)
    session = _session(store, deck)
    first = session.next()
    session.record(first, Rating.Again)
    second = session.next()
    session.record(second, Rating.Good)
    clock.advance(minutes=15)
    assert session.next().card.id == first.card.id
    session.undo()
    assert session.undo().item.card.id == first.card.id
    shown = _queue_after_undo(session, clock)
    assert sorted(shown) == sorted(card.id for card in deck)


def test_choice_options_come_in_a_fresh_order_at_each_showing(
    store: StudyStore, clock: FakeClock
) -> None:
    """Issue 10: with the key listed first in most decks, "always press 1" scored well."""
    options = ("right", "wrong a", "wrong b", "wrong c")
    choice = FakeCard(id="mc", kind="choice", options=options, answer_index=0)
    session = _session(store, [choice])
    key_positions = set()
    for _ in range(12):
        item = session.next()
        assert sorted(item.options) == sorted(options)
        key_positions.add(item.options.index("right"))
        number = str(item.options.index("right") + 1)
        graded = session.submit(item, number)
        assert graded.grade.correct and graded.response == "right"
        session.record(item, Rating.Again)
        again = session.undo().item
        assert again.options == item.options  # undo shows the same showing again
        session.record(again, Rating.Again)
        clock.advance(hours=1)
    assert len(key_positions) > 1


def test_a_choice_is_matched_by_value_and_logged_by_name(store: StudyStore) -> None:
    choice = FakeCard(id="mc", kind="choice", options=("a", "b", "c"), answer_index=2)
    session = _session(store, [choice])
    item = session.next()
    wrong = next(index for index, option in enumerate(item.options) if option != "c")
    graded = session.submit(item, str(wrong + 1))
    assert not graded.grade.correct and graded.proposed == Rating.Again
    session.record(item, graded.proposed)
    (review,) = store.reviews_of("mc")
    assert (review.response, review.correct, review.seed) == (item.options[wrong], False, item.seed)


def test_the_store_refuses_an_answer_to_a_card_changed_meanwhile(
    store: StudyStore, clock: FakeClock
) -> None:
    """Another instance answered the card after it was shown: nothing is written over that
    answer; the card stays on show with states computed from the new row."""
    deck = cards(1)
    session = _session(store, deck)
    item = session.next()
    other = _session(store, deck)
    other.record(other.next(), Rating.Good)
    with pytest.raises(CardChangedError):
        session.record(item, Rating.Again)
    assert [review.rating for review in store.reviews_of(deck[0].id)] == [Rating.Good]
    again = session.next()
    assert again.next_states.stored == store.stored_state(deck[0].id)
    recorded = session.record(again, Rating.Again)
    assert recorded.before == again.next_states.stored


def test_one_answer_reads_the_settings_once_per_session_not_per_answer(
    store: StudyStore,
) -> None:
    deck = cards(3)
    session = _session(store, deck)
    item = session.next()
    statements: list[str] = []
    store._connection.set_trace_callback(statements.append)
    session.record(item, Rating.Good)
    store._connection.set_trace_callback(None)
    assert not [sql for sql in statements if "settings" in sql]
    # begin, the row check, log, state, text, commit; then the checkpoint into the main file
    assert len(set(statements)) <= 7
    assert statements[-1] == "PRAGMA wal_checkpoint(PASSIVE)"


def test_undo_takes_back_a_bury_not_the_answer_before_it(store: StudyStore) -> None:
    """Issue 13.1: `b` then `u` undid the previous answer and left the card buried."""
    deck = cards(3)
    session = _session(store, deck)
    answered = session.next()
    session.record(answered, Rating.Good)
    after_answer = store.card_state(answered.card.id)
    buried = session.next()
    session.bury(buried.card.id)
    undone = session.undo()
    assert undone.what == "bury" and undone.item.card.id == buried.card.id
    assert store.card_state(buried.card.id).buried_until is None
    assert store.card_state(answered.card.id) == after_answer
    assert session.next() is undone.item
    assert session.undo().what == "answer"
    assert store.card_state(answered.card.id).is_new


def test_undo_takes_back_suspend_and_reset_in_reverse_order(
    store: StudyStore, clock: FakeClock
) -> None:
    deck = cards(3)
    _graduate(store, deck)
    clock.advance(days=90)
    session = _session(store, deck)
    first = session.next()
    reviewed = store.card_state(first.card.id)
    session.reset(first.card.id)
    assert store.card_state(first.card.id).is_new
    second = session.next()
    session.suspend(second.card.id)
    assert session.undo().what == "suspend"
    assert not store.card_state(second.card.id).suspended
    assert session.next().card.id == second.card.id
    undone = session.undo()
    assert undone.what == "reset" and undone.item.card.id == first.card.id
    assert store.card_state(first.card.id) == reviewed
    assert sorted(drain(session)) == sorted(card.id for card in deck)


def test_undoing_a_bury_changed_elsewhere_is_refused(store: StudyStore) -> None:
    deck = cards(2)
    session = _session(store, deck)
    item = session.next()
    session.bury(item.card.id)
    store.suspend(item.card.id)
    with pytest.raises(UndoError, match="changed since"):
        session.undo()
    assert store.card_state(item.card.id).suspended
