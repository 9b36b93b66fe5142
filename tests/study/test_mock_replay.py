"""A seed replays a stored interview: the same questions although the history it weighed moved."""

from __future__ import annotations

import pytest

from quizapp.content import Card
from quizapp.study import FakeClock, StudyStore
from quizapp.study.mock import MockInterview, MockOptions, MockPlan, build_plan, plan_interview
from quizapp.study.mock.topics import eligible
from quizapp.study.mock.weakness import card_weakness
from quizapp.workspace import load_content


@pytest.fixture(scope="module")
def deck() -> list[Card]:
    return load_content(None).cards


def _questions(plan: MockPlan) -> list[tuple[object, ...]]:
    return [
        (question.card.id, question.kind, question.seed, question.budget, question.prompt)
        for question in plan.questions
    ]


def _skip_through(plan: MockPlan, store: StudyStore, clock: FakeClock) -> None:
    interview = MockInterview(plan, store, clock)
    interview.start()
    while not interview.is_over:
        interview.skip()


def test_a_seed_replays_the_stored_interview_after_its_misses_reweighted_the_history(
    store: StudyStore, clock: FakeClock, deck: list[Card]
) -> None:
    options = MockOptions(questions=4, seed=13)
    first = plan_interview(store, deck, options)
    _skip_through(first, store, clock)

    drawn_now = build_plan(deck, options, weakness=card_weakness(store, eligible(deck)))
    assert _questions(drawn_now) != _questions(first)
    assert _questions(plan_interview(store, deck, options)) == _questions(first)


def test_other_options_with_the_same_seed_plan_afresh(
    store: StudyStore, clock: FakeClock, deck: list[Card]
) -> None:
    first = plan_interview(store, deck, MockOptions(questions=4, seed=13))
    _skip_through(first, store, clock)
    other = MockOptions(questions=4, time_per_question=30, seed=13)
    replanned = plan_interview(store, deck, other)
    assert {question.budget.total_seconds() for question in replanned.questions} == {30}
    fresh = build_plan(deck, other, weakness=card_weakness(store, eligible(deck)))
    assert _questions(replanned) == _questions(fresh)
