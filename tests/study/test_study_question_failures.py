"""A card whose question cannot be built, for any reason, is skipped with the reason; the
session goes on (the generator gives up with RuntimeError after too many degenerate draws)."""

from __future__ import annotations

from collections.abc import Mapping

import numpy as np
from fsrs import Rating
from study_fakes import FakeCard, cards, fake_generate

from quizapp.study import CramSession, PracticeSession, ReviewSession, StudyStore
from quizapp.study.drill import Drill

BROKEN = FakeCard(id="num-broken", kind="numeric", template="degenerate", activation="relu")


def give_up_on_degenerate(
    template_id: str,
    seed: int,
    *,
    activation: str | None = None,
    params: Mapping[str, object] | None = None,
) -> object:
    if template_id == "degenerate":
        raise RuntimeError("no usable question after 200 draws")
    return fake_generate(template_id, seed, activation=activation, params=params)


def test_review_shows_the_reason_instead_of_ending(store: StudyStore) -> None:
    session = ReviewSession(store, [BROKEN], generate=give_up_on_degenerate)
    item = session.next()
    assert item is not None and item.question is None
    assert item.problem == "no usable question after 200 draws"


def test_cram_skips_the_card_and_says_why(store: StudyStore) -> None:
    deck = [BROKEN, *cards(2)]
    cram = CramSession(store, deck, generate=give_up_on_degenerate)
    asked = []
    while (item := cram.next()) is not None:
        asked.append(item.card.id)
        cram.record(item, Rating.Good)
    assert asked == [card.id for card in deck[1:]]
    assert cram.problems == ["num-broken: no usable question after 200 draws"]


def test_a_drill_leaves_the_card_out(store: StudyStore) -> None:
    rng = np.random.default_rng(0)
    practice = PracticeSession(store, generate=give_up_on_degenerate, rng=rng)
    drill = Drill(practice, (), count=3, rng=rng, cards=[BROKEN])
    assert drill.next() is None
    assert drill.problems == ["num-broken: no usable question after 200 draws"]
