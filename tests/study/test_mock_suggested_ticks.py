"""A typed conceptual answer arrives pre-ticked by the key-point matcher: the score and weakest
topics mean something before the user ticks anything, and the user's ticks replace them."""

from __future__ import annotations

import pytest

from quizapp.content import Card
from quizapp.study import FakeClock, StudyStore
from quizapp.study.mock import MockInterview, MockOptions, MockReport, build_plan

CARD = Card(
    id="why-relu",
    kind="interview",
    deck="test",
    front="Why ReLU?",
    back="Cheap, and its gradient is 1 for positive inputs.",
    key_points=("It is cheap to compute.", "Its gradient is 1 for positive inputs.", "Sparsity."),
    cues=(("cheap", "efficient"), ("gradient 1",), ("sparse",)),
    tags=("interview", "relu"),
    section="questions",
)


def interview_answered(store: StudyStore, clock: FakeClock, text: str) -> MockInterview:
    interview = MockInterview(build_plan([CARD], MockOptions(questions=1, seed=3)), store, clock)
    interview.start()
    interview.submit(text)
    return interview


def test_the_matcher_suggests_ticks_that_score_the_answer(store, clock) -> None:
    interview = interview_answered(store, clock, "It is efficient. It is not sparse.")
    (answer,) = interview.answers
    assert answer.suggested
    assert answer.covered == frozenset({0})
    assert answer.evidence == ("efficient", "", "")
    assert interview.score == pytest.approx(1 / 3)
    assert store.query("SELECT covered FROM mock_answers") == [("[0]",)]
    report = interview.report()
    assert any("suggested ticks" in line for line in report.summary_lines())
    details = MockReport.detail_lines(answer)
    assert details[-3:] == ["  1. heard “efficient”", "  2. not heard", "  3. not heard"]


def test_the_users_ticks_replace_the_suggestion(store, clock) -> None:
    interview = interview_answered(store, clock, "It is efficient.")
    assessed = interview.assess(0, {0, 1})
    assert not assessed.suggested
    assert interview.score == pytest.approx(2 / 3)


def test_a_skipped_question_gets_no_suggestion(store, clock) -> None:
    interview = MockInterview(build_plan([CARD], MockOptions(questions=1, seed=3)), store, clock)
    interview.start()
    interview.draft = "efficient"
    interview.skip()
    (answer,) = interview.answers
    assert not answer.suggested and answer.covered == frozenset()


def test_a_mock_suggestion_and_a_typed_review_answer_tick_the_same_points(store, clock) -> None:
    from quizapp.study.answering import grade_response

    text = "It is efficient, and its gradient is 1 for positive inputs."
    (answer,) = interview_answered(store, clock, text).answers
    grade, _ = grade_response(CARD, text, question=None, options=())
    assert (answer.covered, answer.evidence) == (grade.covered, grade.evidence)
    assert answer.covered == frozenset({0, 1})


def test_a_one_question_interview_is_scored_over_one_question(store, clock) -> None:
    report = interview_answered(store, clock, "It is efficient.").report()
    assert any(line.startswith("Score 33% over 1 question (") for line in report.summary_lines())
