"""The report after the last question: score, time per question, weakest topics, what to review."""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import timedelta

from hypothesis import given, settings
from hypothesis import strategies as st

from quizapp.content import Card
from quizapp.questions import generate
from quizapp.study.mock import MockAnswer, MockReport, Outcome, PlannedQuestion, clock_text


def _card(card_id: str, kind: str, *tags: str, template: str | None = None) -> Card:
    return Card(
        id=card_id,
        kind=kind,
        deck="test",
        front=f"Explain {card_id} [bold]literally[/]",
        back=f"Model answer for {card_id}",
        key_points=("first point", "second point") if kind == "interview" else (),
        template=template,
        activation="relu" if template else None,
        tags=tags,
        section="s",
    )


def _planned(position: int, card: Card, budget: int = 60) -> PlannedQuestion:
    question = generate(card.template, 5, activation=card.activation) if card.template else None
    return PlannedQuestion(
        position=position,
        card=card,
        kind="numeric" if question else "conceptual",
        budget=timedelta(seconds=budget),
        topics=tuple(tag for tag in card.tags if tag not in ("interview", "numeric")),
        weakness=0.0,
        question=question,
        seed=5 if question else None,
    )


def _numeric_answer(position: int, text: str, *tags: str, card_id: str = "num") -> MockAnswer:
    planned = _planned(
        position, _card(card_id, "numeric", "numeric", *tags, template="activation-scalar")
    )
    return MockAnswer(
        planned,
        Outcome.SUBMITTED,
        response=text,
        used=timedelta(seconds=42),
        grade=planned.question.grade(text),
    )


def _report(*answers: MockAnswer) -> MockReport:
    return MockReport(
        answers=answers, planned=len(answers), session_budget=timedelta(minutes=5), seed=99
    )


def test_the_summary_gives_score_kinds_time_and_the_weakest_topics() -> None:
    right = _numeric_answer(0, "", "relu-family")
    right = replace(right, response=right.planned.question.expected_text)
    right = replace(right, grade=right.planned.question.grade(right.response))
    wrong = _numeric_answer(1, "12345", "softmax", card_id="num-2")
    spoken = MockAnswer(
        _planned(2, _card("why", "interview", "interview", "softmax", "fundamentals")),
        Outcome.QUESTION_TIME,
        response="partial",
        used=timedelta(seconds=60),
        covered=frozenset({1}),
    )
    report = _report(right, wrong, spoken)
    assert report.score == (1.0 + 0.0 + 0.5) / 3
    lines = report.summary_lines()
    assert lines[0] == "Score 50% over 3 questions (numeric 50%, conceptual 50%)"
    assert lines[1] == "Submitted 2 · time ran out on 1 · skipped 0 · not reached 0"
    assert lines[2] == "Time used 2:24 of 5:00 (pauses not counted)"
    assert "Weakest topics: softmax 25%, fundamentals 50%" in lines
    assert not any("could not be read" in line for line in lines)
    assert any("--seed 99" in line for line in lines)
    assert [row[3] for row in report.rows()] == ["0:42 / 1:00", "0:42 / 1:00", "1:00 / 1:00"]
    assert [answer.planned.card.id for answer in report.missed] == ["num-2", "why"]


def test_an_unreadable_numeric_answer_scores_zero_and_the_report_says_why() -> None:
    unreadable = _numeric_answer(0, "0,5", "relu-family")
    report = _report(unreadable)
    assert unreadable.readable is False
    assert report.unreadable == 1
    assert report.rows()[0][5] == "unreadable 0%"
    assert any("could not be read and score 0" in line for line in report.summary_lines())
    details = MockReport.detail_lines(unreadable)
    assert any(line.startswith("Could not be read, scores 0: column 1") for line in details)
    assert f"Expected: {unreadable.planned.question.expected_text}" in details
    assert "Worked solution:" in details


def test_a_card_asked_twice_is_missed_once_and_perfect_topics_are_not_weak() -> None:
    first = _numeric_answer(0, "999", "relu-family")
    second = _numeric_answer(1, "998", "relu-family")
    spoken = MockAnswer(
        _planned(2, _card("why", "interview", "interview", "strong")),
        Outcome.SUBMITTED,
        covered=frozenset({0, 1}),
    )
    report = _report(first, second, spoken)
    assert [answer.planned.position for answer in report.missed] == [0]
    assert [result.topic for result in report.weakest] == ["relu-family"]


def test_details_show_content_text_literally_and_key_points_only_when_not_tickable() -> None:
    card = _card("why", "interview", "interview", "t")
    skipped = MockAnswer(_planned(0, card), Outcome.SKIPPED)
    answered = MockAnswer(_planned(0, card), Outcome.SUBMITTED, response="my answer")
    skipped_lines = MockReport.detail_lines(skipped)
    assert "Explain why [bold]literally[/]" in skipped_lines
    assert "  • first point" in skipped_lines
    assert "Your answer: (nothing typed)" in skipped_lines
    answered_lines = MockReport.detail_lines(answered)
    assert "Your answer: my answer" in answered_lines
    assert "Model answer for why" in answered_lines
    assert not any("first point" in line for line in answered_lines)
    assert MockReport.result_text(answered) == "0/2 points 0%"


@settings(max_examples=100)
@given(st.floats(min_value=0, max_value=10_000, allow_nan=False))
def test_clock_text_is_minutes_and_seconds_rounding_as_asked(seconds: float) -> None:
    delta = timedelta(seconds=seconds)
    down, up = clock_text(delta), clock_text(delta, round_up=True)
    for text in (down, up):
        assert re.fullmatch(r"\d+:[0-5]\d", text)

    def total(text: str) -> int:
        minutes, rest = text.split(":")
        return int(minutes) * 60 + int(rest)

    assert total(down) <= delta.total_seconds() <= total(up)
    assert total(up) - total(down) <= 1


def test_missed_means_asked_and_not_fully_answered() -> None:
    """Short of one key point is missed (over half of them or not); every key point is not; a
    question never put to the user is neither missed nor weak, though it scores 0."""
    card = _card("why", "interview", "interview", "softmax")
    half = MockAnswer(_planned(0, card), Outcome.SUBMITTED, "x", covered=frozenset({0}))
    whole = replace(half, covered=frozenset({0, 1}))
    skipped = MockAnswer(
        _planned(1, _card("how", "interview", "interview", "tanh")), Outcome.SKIPPED
    )
    unreached = MockAnswer(
        _planned(2, _card("what", "interview", "interview", "gelu")), Outcome.NOT_REACHED
    )
    assert (half.missed, whole.missed, skipped.missed, unreached.missed) == (
        True,
        False,
        True,
        False,
    )
    report = _report(half, skipped, unreached)
    assert [answer.planned.card.id for answer in report.missed] == ["why", "how"]
    assert [(result.topic, result.score) for result in report.weakest] == [
        ("tanh", 0.0),
        ("softmax", 0.5),
    ]
    assert report.score == 0.5 / 3
