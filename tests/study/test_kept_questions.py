"""A generated question stays the card's question until answered: a new session (leaving review,
a restart) asks it again; an answer lets the next showing draw a new one."""

import sqlite3

import numpy as np
from fsrs import Rating
from study_fakes import FakeCard, fake_generate

from quizapp.study import ReviewSession, StudyStore

SKILL = FakeCard(id="num-1", kind="numeric", template="activation-vector", activation=None)
CHOICE = FakeCard(id="mc-1", kind="choice", options=("a", "b", "c", "d"), answer_index=0)


def _session(store: StudyStore, seed: int, *cards: FakeCard) -> ReviewSession:
    return ReviewSession(store, cards, generate=fake_generate, rng=np.random.default_rng(seed))


def test_a_kept_question_is_asked_again_by_a_new_session(store: StudyStore) -> None:
    first = _session(store, 1, SKILL)
    shown = first.next()
    assert first.question_unkept
    first.keep_question()
    assert not first.question_unkept
    again = _session(store, 2, SKILL).next()
    assert again.seed == shown.seed
    assert again.question.prompt == shown.question.prompt


def test_an_unkept_question_is_drawn_afresh(store: StudyStore) -> None:
    shown = _session(store, 1, SKILL).next()
    assert _session(store, 2, SKILL).next().seed != shown.seed


def test_an_answer_forgets_the_question_and_undo_keeps_it_again(store: StudyStore) -> None:
    session = _session(store, 1, SKILL)
    shown = session.next()
    session.keep_question()
    session.record(shown, Rating.Again)
    assert _session(store, 2, SKILL).next().seed != shown.seed
    session.undo()
    assert _session(store, 3, SKILL).next().seed == shown.seed


def test_a_choice_card_keeps_its_option_order(store: StudyStore) -> None:
    session = _session(store, 1, CHOICE)
    shown = session.next()
    session.keep_question()
    again = _session(store, 2, CHOICE).next()
    assert (again.seed, again.options) == (shown.seed, shown.options)


def test_an_answer_forgets_its_question_in_the_same_commit(store: StudyStore) -> None:
    session = _session(store, 1, SKILL)
    shown = session.next()
    session.keep_question()
    statements: list[str] = []
    store._connection.set_trace_callback(statements.append)
    try:
        session.record(shown, Rating.Good)
    finally:
        store._connection.set_trace_callback(None)
    assert statements.count("BEGIN IMMEDIATE") == statements.count("COMMIT") == 1
    commit = statements.index("COMMIT")
    assert any("DELETE FROM shown_questions" in sql for sql in statements[:commit])
    with sqlite3.connect(store.path) as other:
        assert other.execute("SELECT count(*) FROM shown_questions").fetchone() == (0,)
        assert other.execute("SELECT count(*) FROM reviews").fetchone() == (1,)


def test_an_undo_keeps_the_question_in_the_same_commit(store: StudyStore) -> None:
    session = _session(store, 1, SKILL)
    shown = session.next()
    session.keep_question()
    session.record(shown, Rating.Good)
    statements: list[str] = []
    store._connection.set_trace_callback(statements.append)
    try:
        session.undo()
    finally:
        store._connection.set_trace_callback(None)
    assert statements.count("BEGIN IMMEDIATE") == statements.count("COMMIT") == 1
    commit = statements.index("COMMIT")
    assert any("DELETE FROM reviews" in sql for sql in statements[:commit])
    assert any("INTO shown_questions" in sql for sql in statements[:commit])
    with sqlite3.connect(store.path) as other:
        assert other.execute("SELECT card_id, seed FROM shown_questions").fetchall() == [
            (SKILL.id, shown.seed)
        ]
        assert other.execute("SELECT count(*) FROM reviews").fetchone() == (0,)
