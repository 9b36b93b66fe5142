"""The mock interview plan: the mix, budgets, topics, weak areas and `--seed` reproducibility."""

from __future__ import annotations

from collections import Counter
from datetime import timedelta

import pytest
from fsrs import Rating, Scheduler
from hypothesis import given, settings
from hypothesis import strategies as st

from quizapp.content import Card
from quizapp.questions import generate
from quizapp.study import StudyStore, record_answer
from quizapp.study.mock import MockOptions, MockOptionsError, MockPlanError, build_plan
from quizapp.study.mock.budgets import CONCEPTUAL_SECONDS, FAMILY_SECONDS, fit_seconds
from quizapp.study.mock.options import MIN_SECONDS, parse_options
from quizapp.study.mock.planning import plan_interview
from quizapp.study.mock.topics import select
from quizapp.study.mock.weakness import card_weakness
from quizapp.study.store import Attempt
from quizapp.workspace import load_content


@pytest.fixture(scope="module")
def deck() -> list[Card]:
    return load_content(None).cards


def _interview(card_id: str, *tags: str, points: int = 3) -> Card:
    return Card(
        id=card_id,
        kind="interview",
        deck="test",
        front=f"Explain {card_id}",
        back=f"Model answer for {card_id}",
        key_points=tuple(f"point {index}" for index in range(points)),
        tags=("interview", *tags),
        section="questions",
    )


def _numeric(card_id: str, template: str, activation: str, *tags: str) -> Card:
    return Card(
        id=card_id,
        kind="numeric",
        deck="test",
        front=card_id,
        back="",
        template=template,
        activation=activation,
        tags=("numeric", *tags),
        section="numbers",
    )


def _fingerprint(plan) -> list[tuple]:
    return [(q.card.id, q.kind, q.seed, q.prompt, q.budget, q.topics) for q in plan.questions]


def test_the_same_seed_plans_the_same_interview(deck: list[Card]) -> None:
    options = MockOptions(questions=6, seed=42)
    first = build_plan(deck, options)
    assert first.seed == 42
    assert _fingerprint(first) == _fingerprint(build_plan(deck, options))
    others = {tuple(_fingerprint(build_plan(deck, MockOptions(6, seed=s)))) for s in range(5)}
    assert len(others) > 1


def test_an_unseeded_plan_keeps_the_seed_that_replays_it(deck: list[Card]) -> None:
    plan = build_plan(deck, MockOptions(questions=4))
    replay = build_plan(deck, MockOptions(questions=4, seed=plan.seed))
    assert _fingerprint(replay) == _fingerprint(plan)


def test_half_conceptual_rounded_up_alternating_with_numeric(deck: list[Card]) -> None:
    plan = build_plan(deck, MockOptions(questions=5, seed=3, coding=0))
    kinds = [q.kind for q in plan.questions]
    assert kinds == ["conceptual", "numeric", "conceptual", "numeric", "conceptual"]
    conceptual = [q.card.id for q in plan.questions if q.kind == "conceptual"]
    assert len(set(conceptual)) == len(conceptual)
    for question in plan.questions:
        if question.kind == "numeric":
            assert question.question is not None
            assert question.prompt == question.question.prompt
            assert question.question.template_id == question.card.template
        else:
            assert question.card.kind == "interview"
            assert question.prompt == question.card.front


def test_default_budgets_give_explanations_more_time_than_a_relu_vector() -> None:
    cards = [_interview("why"), _numeric("relu-vec", "activation-vector", "relu")]
    plan = build_plan(cards, MockOptions(questions=2, seed=1))
    budgets = {q.card.id: q.budget for q in plan.questions}
    assert budgets["why"] == timedelta(seconds=CONCEPTUAL_SECONDS)
    assert budgets["relu-vec"] == timedelta(seconds=FAMILY_SECONDS["activation-vector"])
    assert budgets["why"] > budgets["relu-vec"]
    assert plan.session_budget == budgets["why"] + budgets["relu-vec"]


def test_time_per_question_replaces_every_default(deck: list[Card]) -> None:
    plan = build_plan(deck, MockOptions(questions=4, time_per_question=5, seed=1))
    assert {q.budget for q in plan.questions} == {timedelta(seconds=5)}
    assert plan.session_budget == timedelta(seconds=20)


def test_minutes_share_the_session_out_in_proportion(deck: list[Card]) -> None:
    plan = build_plan(deck, MockOptions(questions=6, minutes=5, seed=2))
    assert plan.session_budget == timedelta(minutes=5)
    assert sum((q.budget for q in plan.questions), timedelta(0)) == timedelta(minutes=5)
    conceptual = min(q.budget for q in plan.questions if q.kind == "conceptual")
    numeric = max(q.budget for q in plan.questions if q.kind == "numeric")
    assert conceptual >= numeric


def test_minutes_and_a_time_per_question_can_leave_questions_unreached(
    deck: list[Card],
) -> None:
    plan = build_plan(deck, MockOptions(questions=4, minutes=1, time_per_question=60, seed=2))
    assert plan.session_budget == timedelta(minutes=1)
    assert all(q.budget == timedelta(seconds=60) for q in plan.questions)


def test_topics_keep_only_matching_cards(deck: list[Card]) -> None:
    plan = build_plan(deck, MockOptions(questions=6, topics=("softmax",), seed=5))
    assert plan.questions
    for question in plan.questions:
        card = question.card
        assert "softmax" in {*card.tags, card.section, card.activation}


def test_a_topic_with_few_cards_gives_a_shorter_interview_and_says_so(
    deck: list[Card],
) -> None:
    wanted = [c for c in deck if "fundamentals" in c.tags]
    assert all(card.kind == "interview" for card in wanted)
    plan = build_plan(deck, MockOptions(questions=6, topics=("fundamentals",), seed=5))
    assert sorted(q.card.id for q in plan.questions) == sorted(c.id for c in wanted)
    assert any(f"Only {len(wanted)} questions match" in note for note in plan.notes)


def test_an_unknown_topic_is_named_with_examples(deck: list[Card]) -> None:
    with pytest.raises(MockPlanError, match=r"unknown topic bogus; choose from .* e\.g\. "):
        build_plan(deck, MockOptions(topics=("softmax", "bogus")))


def test_topics_match_with_hyphens_or_underscores_in_any_case(deck: list[Card]) -> None:
    typed = select(deck, ["Leaky-ReLU", "relu_family"])
    assert typed and typed == select(deck, ["leaky_relu", "relu-family"])


def test_nothing_to_ask_is_an_error() -> None:
    definition = Card(id="d", kind="definition", deck="t", front="f", back="b", tags=("x",))
    with pytest.raises(MockPlanError, match="no interview, numeric or coding question"):
        build_plan([definition], MockOptions())


def test_only_numeric_cards_fill_every_question_with_fresh_questions() -> None:
    cards = [_numeric("relu-vec", "activation-vector", "relu")]
    plan = build_plan(cards, MockOptions(questions=3, seed=9))
    assert [q.kind for q in plan.questions] == ["numeric"] * 3
    assert len({q.seed for q in plan.questions}) == 3


def test_a_card_whose_question_cannot_be_generated_gives_its_slot_to_another() -> None:
    broken = _numeric("broken", "no-such-template", "relu")
    fine = _numeric("fine", "activation-scalar", "relu")
    plan = build_plan([broken, fine, _interview("why")], MockOptions(questions=4, seed=1))
    assert [q.card.id for q in plan.questions] == ["fine", "why", "fine", "fine"]
    assert plan.notes == ()


def test_a_failed_numeric_slot_goes_to_a_card_of_the_same_topic_first() -> None:
    broken = _numeric("broken", "no-such-template", "softmax", "softmax")
    same = _numeric("same-topic", "activation-scalar", "relu", "softmax")
    others = [_numeric(f"other-{i}", "activation-scalar", "relu", "relu") for i in range(6)]
    tried_broken_first = 0
    for seed in range(40):
        attempts: list[str] = []

        def recording(
            template_id: str, seed: int, attempts: list[str] = attempts, **kwargs: object
        ) -> object:
            attempts.append(template_id)
            return generate(template_id, seed, **kwargs)

        plan = build_plan(
            [broken, same, *others], MockOptions(questions=1, seed=seed), generate=recording
        )
        if attempts[0] == "no-such-template":
            tried_broken_first += 1
            assert [q.card.id for q in plan.questions] == ["same-topic"]
        assert plan.notes == ()
    assert tried_broken_first


def test_numeric_slots_no_numeric_card_can_fill_go_to_conceptual_cards() -> None:
    broken = _numeric("broken", "no-such-template", "softmax", "softmax")
    near = _interview("near", "softmax")
    far = [_interview(f"far-{i}", "relu") for i in range(5)]
    plan = build_plan([broken, near, *far], MockOptions(questions=4, seed=3))
    ids = [q.card.id for q in plan.questions]
    assert len(ids) == len(set(ids)) == 4
    assert "near" in ids
    assert {q.kind for q in plan.questions} == {"conceptual"}
    assert plan.notes == ()


def test_when_too_few_questions_can_be_asked_the_notes_say_why() -> None:
    broken = _numeric("broken", "no-such-template", "relu")
    plan = build_plan([broken, _interview("why")], MockOptions(questions=4, seed=1))
    assert [q.card.id for q in plan.questions] == ["why"]
    assert plan.notes[0] == "Only 1 question matches, so the interview has 1 instead of 4."
    assert plan.notes[1].startswith("Left out broken: ")


def test_weak_cards_come_up_more_often() -> None:
    cards = [_interview(f"q{index}") for index in range(9)]
    picked = Counter(
        q.card.id
        for seed in range(120)
        for q in build_plan(
            cards, MockOptions(questions=3, seed=seed), weakness={"q4": 1.0}
        ).questions
    )
    others = [picked[f"q{index}"] for index in range(9) if index != 4]
    assert picked["q4"] > 1.8 * max(others)
    unweighted = build_plan(cards, MockOptions(questions=3, seed=0))
    assert not unweighted.weighted


def test_weakness_reads_lapses_practice_accuracy_and_past_interviews(store: StudyStore) -> None:
    cards = [
        _interview("lapsed"),
        _interview("steady"),
        _numeric("sig", "activation-scalar", "sigmoid"),
        _numeric("tanh-deriv", "derivative-point", "tanh"),
    ]
    scheduler = Scheduler()
    for rating in (Rating.Easy, Rating.Again):  # a review card forgotten: one lapse
        record_answer(store, cards[0], rating, scheduler=scheduler)
    record_answer(store, cards[1], Rating.Good, scheduler=scheduler)

    class Miss:
        correct = False
        score = 0.0

    store.record_unscheduled(
        "practice",
        Rating.Again,
        day=store.today(),
        template="activation-scalar",
        attempt=Attempt(grade=Miss(), activation="sigmoid"),
    )
    weakness = card_weakness(store, cards)
    assert weakness["lapsed"] == pytest.approx(0.5)
    assert weakness["steady"] == 0.0
    assert weakness["sig"] == 1.0
    assert weakness["tanh-deriv"] == 0.0
    plan = plan_interview(store, cards, MockOptions(questions=2, seed=1))
    assert plan.weighted
    assert {q.card.id: q.weakness for q in plan.questions}.keys() <= weakness.keys()


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"questions": 0}, "number of questions must be 1..40, not 0"),
        ({"questions": 41}, "number of questions"),
        ({"time_per_question": 4}, "time per question must be 5..3600 seconds, not 4"),
        ({"minutes": 0}, "session length"),
        ({"minutes": -1}, "session length"),
        ({"minutes": 0.1, "questions": 6}, "a 0.1-minute session leaves less than 5 seconds"),
        ({"seed": -1}, "seed must be"),
    ],
)
def test_options_out_of_range_name_the_option(changes: dict, message: str) -> None:
    with pytest.raises(MockOptionsError, match=message):
        MockOptions(**changes)


def test_form_fields_parse_blank_as_default_and_explain_bad_text() -> None:
    assert parse_options("", "", "", "") == MockOptions()
    assert parse_options(" 3 ", "2.5", "30", "7", ["softmax"]) == MockOptions(
        questions=3, minutes=2.5, time_per_question=30, topics=("softmax",), seed=7
    )
    for fields, message in (
        (("three", "", "", ""), "number of questions must be a whole number, not 'three'"),
        (("3", "soon", "", ""), "session length in minutes must be a number"),
        (("3", "nan", "", ""), "must be a finite number"),
        (("3", "", "1.5", ""), "time per question in seconds must be a whole number"),
        (("3", "", "", "x"), "seed must be a whole number"),
    ):
        with pytest.raises(MockOptionsError, match=message):
            parse_options(*fields)


@settings(max_examples=200)
@given(
    weights=st.lists(st.integers(min_value=1, max_value=600), min_size=1, max_size=40),
    spare=st.integers(min_value=0, max_value=20_000),
)
def test_fitted_budgets_add_up_exactly_and_keep_their_order(weights: list[int], spare: int) -> None:
    total = MIN_SECONDS * len(weights) + spare
    shares = fit_seconds(weights, total)
    assert sum(shares) == total
    assert all(share >= MIN_SECONDS for share in shares)
    for index, weight in enumerate(weights):
        exact = MIN_SECONDS + spare * weight / sum(weights)
        assert abs(shares[index] - exact) < 1
        for other, other_weight in enumerate(weights):
            if weight > other_weight:
                assert shares[index] >= shares[other]


@settings(max_examples=150)
@given(
    questions=st.text(max_size=6),
    minutes=st.text(max_size=6),
    seconds=st.text(max_size=6),
    seed=st.text(max_size=6),
)
def test_any_form_text_gives_options_or_a_plain_error(
    questions: str, minutes: str, seconds: str, seed: str
) -> None:
    try:
        options = parse_options(questions, minutes, seconds, seed)
    except MockOptionsError as error:
        assert str(error)
        return
    assert 1 <= options.questions <= 40
    assert options.minutes is None or 0 < options.minutes <= 240


@settings(max_examples=100)
@given(st.integers(min_value=1, max_value=40), st.integers(min_value=5, max_value=3600))
def test_valid_numbers_round_trip_through_the_form(questions: int, seconds: int) -> None:
    options = parse_options(f" {questions} ", "", str(seconds), "")
    assert (options.questions, options.time_per_question) == (questions, seconds)
