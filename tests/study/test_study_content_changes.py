"""History hangs on the card id: edits keep it, vanished cards keep it, big rewrites are flagged."""

import sqlite3
from dataclasses import replace

import pytest
from fsrs import Rating
from study_fakes import FakeCard

from quizapp.study import (
    DatabaseUnavailableError,
    FakeClock,
    ReviewSession,
    StudyStore,
    find_changed,
    find_orphans,
)

SIGMOID = FakeCard(
    id="def-sigmoid",
    front="What does the sigmoid function output?",
    back="A value between 0 and 1, read as a probability.",
)
RELU = FakeCard(id="def-relu", front="What is ReLU?", back="max(0, x): zero for negatives.")


def _review_all(store: StudyStore, deck: list[FakeCard]) -> None:
    session = ReviewSession(store, deck)
    while (item := session.next()) is not None:
        session.record(item, Rating.Easy)


def test_an_edited_card_keeps_its_history(store: StudyStore, clock: FakeClock) -> None:
    _review_all(store, [SIGMOID])
    state = store.card_state(SIGMOID.id)
    edited = replace(SIGMOID, back="A value between 0 and 1, often read as a probability.")
    assert edited.content_hash() != SIGMOID.content_hash()
    assert find_changed(store, [edited]) == []
    clock.advance(days=30)
    session = ReviewSession(store, [edited])
    item = session.next()
    assert item.card is edited and item.source == "review"
    recorded = session.record(item, Rating.Good)
    reviews = store.reviews_of(SIGMOID.id)
    assert [review.content_hash for review in reviews] == [
        SIGMOID.content_hash(),
        edited.content_hash(),
    ]
    assert recorded.after.reps == state.reps + 1


def test_a_card_rewritten_a_lot_is_flagged_and_can_be_reset(store: StudyStore) -> None:
    _review_all(store, [SIGMOID, RELU])
    rewritten = replace(
        SIGMOID, front="Name two drawbacks of tanh.", back="Saturation; costly exponentials."
    )
    changed = find_changed(store, [rewritten, RELU])
    assert [change.card_id for change in changed] == [SIGMOID.id]
    assert changed[0].similarity < 0.6
    assert "sigmoid" in changed[0].reviewed_text and "tanh" in changed[0].current_text
    store.reset(SIGMOID.id)
    assert store.card_state(SIGMOID.id).is_new
    assert len(store.reviews_of(SIGMOID.id)) == 1
    assert find_changed(store, [rewritten, RELU]) == []
    assert ReviewSession(store, [rewritten, RELU]).next().card.id == SIGMOID.id


def test_a_vanished_card_is_an_orphan_with_its_history(store: StudyStore) -> None:
    _review_all(store, [SIGMOID, RELU])
    assert find_orphans(store, [SIGMOID, RELU]) == []
    assert find_orphans(store, [RELU]) == [SIGMOID.id]
    session = ReviewSession(store, [RELU])
    assert session.counts().total == 0
    assert len(store.reviews_of(SIGMOID.id)) == 1
    assert find_orphans(store, [SIGMOID, RELU]) == []


def test_a_reset_that_fails_changes_nothing(store: StudyStore, monkeypatch) -> None:
    """The kept text and the state go together: a failed reset must not drop the card from the
    changed list while its old schedule stays."""
    _review_all(store, [SIGMOID])
    rewritten = replace(SIGMOID, front="Name two drawbacks of tanh.", back="Saturation; cost.")
    state = store.card_state(SIGMOID.id)

    def locked(self: StudyStore, state: object) -> None:
        raise sqlite3.OperationalError("database is locked")

    monkeypatch.setattr(StudyStore, "_write_state", locked)
    with pytest.raises(DatabaseUnavailableError):
        store.reset(SIGMOID.id)
    monkeypatch.undo()
    assert store.card_state(SIGMOID.id) == state
    assert [change.card_id for change in find_changed(store, [rewritten])] == [SIGMOID.id]


def test_a_flashcard_whose_answer_was_rewritten_is_flagged_under_an_unchanged_front(
    store: StudyStore,
) -> None:
    """Over front and back together the texts look 80% alike; the answer memorised is not."""
    question = FakeCard(
        id="def-saturation",
        front="What does the derivative of the logistic sigmoid approach for large inputs?",
        back="It approaches zero: the unit saturates.",
    )
    _review_all(store, [question])
    rewritten = replace(question, back="Zero; gradients vanish there.")
    changed = find_changed(store, [rewritten])
    assert [change.card_id for change in changed] == [question.id]
    assert changed[0].similarity < 0.4
    fixed = replace(question, back="It approaches zero: the unit saturates!")
    assert find_changed(store, [fixed]) == []
