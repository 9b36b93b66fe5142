"""New cards come in a varied order, and a card's reverse side never follows it the same day."""

from __future__ import annotations

from study_fakes import FakeCard, fake_generate

from quizapp.study import Rating, ReviewSession
from quizapp.study.ordering import new_card_order, sibling_key


def test_kinds_alternate_and_reverse_sides_come_last() -> None:
    cards = [
        FakeCard("d1"),
        FakeCard("d1:reverse"),
        FakeCard("d2"),
        FakeCard("d2:reverse"),
        FakeCard("d3"),
        FakeCard("f1", kind="formula"),
        FakeCard("n1", kind="numeric", template="t"),
        FakeCard("n2", kind="numeric", template="t"),
    ]
    assert new_card_order(cards) == [
        "d1", "f1", "n1", "d2", "n2", "d3", "d1:reverse", "d2:reverse",
    ]  # fmt: skip


def test_sibling_key_groups_derived_cards_with_their_origin() -> None:
    assert sibling_key("concept-x:reverse") == sibling_key("concept-x") == "concept-x"


def test_answering_a_new_card_holds_its_sibling_back(store) -> None:
    cards = [FakeCard("a"), FakeCard("a:reverse"), FakeCard("b")]
    session = ReviewSession(store, cards, generate=fake_generate)
    assert [card.id for card, _source in session.upcoming()] == ["a", "b", "a:reverse"]
    session.record(session.next(), Rating.Good)
    assert [card.id for card, _source in session.upcoming() if _source == "new"] == ["b"]
    assert store.card_state("a:reverse").state is None
