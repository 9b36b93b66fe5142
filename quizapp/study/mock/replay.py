"""Replaying an interview: `quizapp mock ... --seed K` with the options of a stored interview
planned from K asks its questions again (same cards, questions, budgets), although the history
that weighted its draw has changed since. A seed never used plans afresh (`build_plan`)."""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from typing import Any, cast

from quizapp.study.items import default_generate
from quizapp.study.mock.options import MockOptions
from quizapp.study.mock.plan import Kind, MockPlan, MockQuestionFactory, PlannedQuestion
from quizapp.study.mock.topics import MockCard, topics_of
from quizapp.study.store import StudyStore
from quizapp.study.store.replays import StoredPlan, stored_plans


def replayed_plan(
    store: StudyStore,
    cards: Sequence[MockCard],
    options: MockOptions,
    weakness: Mapping[str, float],
    generate: MockQuestionFactory | None = None,
) -> MockPlan | None:
    """The newest stored interview planned from `options.seed` with the same other options, as
    a plan again; None when there is none or its cards are gone from the decks."""
    if options.seed is None:
        return None
    wanted = _without_seed(json.loads(options.to_json()))
    by_id = {card.id: card for card in cards}
    for stored in stored_plans(store, options.seed):
        if _without_seed(stored.options) == wanted:
            plan = _rebuild(stored, by_id, options, weakness, generate)
            if plan is not None:
                return plan
    return None


def _without_seed(options: dict[str, Any]) -> dict[str, Any]:
    return {key: value for key, value in options.items() if key != "seed"}


def _rebuild(
    stored: StoredPlan,
    cards: Mapping[str, MockCard],
    options: MockOptions,
    weakness: Mapping[str, float],
    generate: MockQuestionFactory | None,
) -> MockPlan | None:
    assert options.seed is not None
    factory = generate or cast("MockQuestionFactory", default_generate())
    questions = []
    for position, entry in enumerate(stored.questions):
        card = cards.get(entry.card_id)
        if card is None:
            return None
        question = None
        if entry.kind == "numeric":
            if card.template is None or entry.seed is None:
                return None
            try:
                question = factory(
                    card.template, entry.seed, activation=card.activation, params=card.params
                )
            except ValueError:
                return None
        questions.append(
            PlannedQuestion(
                position=position,
                card=card,
                kind=cast("Kind", entry.kind),
                budget=entry.budget,
                topics=topics_of(card),
                weakness=weakness.get(card.id, 0.0),
                question=question,
                seed=entry.seed,
            )
        )
    return MockPlan(
        options=options,
        seed=options.seed,
        questions=tuple(questions),
        session_budget=stored.session_budget,
        weighted=any(value > 0 for value in weakness.values()),
    )
