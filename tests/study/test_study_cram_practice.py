"""Cram and practice are logged for stats but never move a schedule (unless asked to)."""

import numpy as np
import pytest
from fsrs import Rating
from study_fakes import FakeCard, cards, fake_generate

from quizapp.study import (
    CramSession,
    FakeClock,
    PracticeSession,
    ReviewSession,
    StudyStore,
    compute_stats,
)

SKILL = FakeCard(id="num-1", kind="numeric", template="derivative-point", activation="tanh")


def _cards_table(store: StudyStore) -> list:
    return store.query("SELECT * FROM cards ORDER BY card_id")


def test_cram_leaves_every_schedule_unchanged(store: StudyStore, clock: FakeClock) -> None:
    deck = cards(4)
    session = ReviewSession(store, deck[:2])
    while (item := session.next()) is not None:
        session.record(item, Rating.Easy)
    before = _cards_table(store)
    cram = CramSession(store, deck, generate=fake_generate)
    answered = 0
    while (item := cram.next()) is not None:
        clock.advance(seconds=3)
        cram.record(item, Rating.Again if answered == 0 else Rating.Good)
        answered += 1
    assert answered == len(deck) + 1
    assert _cards_table(store) == before
    modes = {review.mode for card in deck for review in store.reviews_of(card.id)}
    assert modes == {"scheduled", "cram"}
    assert len([r for c in deck for r in store.reviews_of(c.id) if r.mode == "cram"]) == answered


def test_cram_again_comes_back_and_undo_takes_it_away(store: StudyStore) -> None:
    deck = cards(2)
    cram = CramSession(store, deck)
    first = cram.next()
    cram.record(first, Rating.Again)
    assert cram.remaining() == 2
    assert cram.undo().item.card.id == first.card.id
    assert cram.remaining() == 2
    assert store.reviews_of(first.card.id) == []
    cram.record(cram.next(), Rating.Good)
    assert [cram.next().card.id] == [deck[1].id]


def test_undoing_again_while_its_repeat_is_on_show(store: StudyStore) -> None:
    """The screen asks for the next card right after an answer, so the card rated Again is often
    already shown again when the user undoes: the repeat goes, the card is asked once."""
    deck = cards(2)
    cram = CramSession(store, deck)
    assert not cram.can_undo()
    cram.record(cram.next(), Rating.Good)
    cram.record(cram.next(), Rating.Again)
    assert cram.next().card.id == deck[1].id
    assert cram.undo().item.card.id == deck[1].id
    assert cram.remaining() == 1
    assert store.reviews_of(deck[1].id) == []
    cram.record(cram.next(), Rating.Good)
    assert cram.next() is None
    assert cram.undo().item.card.id == deck[1].id
    assert cram.can_undo()
    assert cram.undo().item.card.id == deck[0].id
    assert not cram.can_undo()
    assert [cram.next().card.id, cram.remaining()] == [deck[0].id, 2]


def test_cram_skill_cards_are_graded_and_counted_in_accuracy(
    store: StudyStore, clock: FakeClock
) -> None:
    cram = CramSession(store, [SKILL], generate=fake_generate, rng=np.random.default_rng(3))
    item = cram.next()
    assert cram.submit(item, str(item.seed % 10)).grade.correct
    cram.record(item, Rating.Good)
    stats = compute_stats(store, [SKILL], clock)
    assert [(a.name, a.attempts, a.correct) for a in stats.accuracy_by_family] == [
        ("derivative-point", 1, 1)
    ]
    assert store.card_state(SKILL.id).is_new


def test_practice_records_attempts_without_scheduling(store: StudyStore, clock: FakeClock) -> None:
    practice = PracticeSession(store, generate=fake_generate, rng=np.random.default_rng(5))
    outcomes = []
    for _ in range(4):
        item = practice.question("softmax-logits")
        clock.advance(seconds=10)
        answer = str(item.seed % 10) if len(outcomes) % 2 == 0 else "99"
        grade = item.question.grade(answer)
        outcomes.append(grade.correct)
        recorded = practice.record(item, grade, response=answer)
        assert recorded.review.mode == "practice" and recorded.review.card_id is None
        assert recorded.review.duration_ms == 10_000
    stats = compute_stats(store, [], clock)
    family = {a.name: (a.attempts, a.correct) for a in stats.accuracy_by_family}
    assert family == {"softmax-logits": (4, sum(outcomes))}
    by_activation = sum(a.attempts for a in stats.accuracy_by_activation)
    assert by_activation == 4
    assert stats.days[0].practice == 4 and stats.days[0].scheduled == 0


def test_practice_on_a_card_schedules_only_when_asked(store: StudyStore) -> None:
    practice = PracticeSession(store, generate=fake_generate)
    item = practice.question_for(SKILL)
    grade = item.question.grade(str(item.seed % 10))
    practice.record(item, grade)
    assert store.card_state(SKILL.id).is_new
    item = practice.question_for(SKILL)
    recorded = practice.record(item, item.question.grade("99"), schedule=True)
    assert recorded.review.mode == "scheduled"
    assert recorded.review.rating == Rating.Again
    assert store.card_state(SKILL.id).reps == 1


def test_practice_refuses_what_it_cannot_do(store: StudyStore) -> None:
    practice = PracticeSession(store, generate=fake_generate)
    with pytest.raises(ValueError, match="not a numeric card"):
        practice.question_for(cards(1)[0])
    item = practice.question("softmax-logits")
    with pytest.raises(ValueError, match="drawn from a card"):
        practice.record(item, item.question.grade("1"), schedule=True)
    with pytest.raises(ValueError, match="could not be read"):
        practice.record(item, item.question.grade("1,5"))


def test_real_question_families_work_with_sessions(store: StudyStore) -> None:
    """The default factory is quizapp.questions.generate: a skill card gets a real question."""
    skill = FakeCard(id="num-relu", kind="numeric", template="activation-vector", activation="relu")
    session = ReviewSession(store, [skill], rng=np.random.default_rng(11))
    item = session.next()
    graded = session.submit(item, item.question.expected_text)
    assert graded.grade.correct and graded.proposed == Rating.Good
    recorded = session.record(item, graded.proposed)
    assert recorded.review.correct and recorded.review.activation == "relu"
