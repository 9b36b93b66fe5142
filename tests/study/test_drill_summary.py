"""A drill's summary names the weakest question family in words, and every family tied for it."""

from __future__ import annotations

from datetime import timedelta

import numpy as np

from quizapp.questions import describe
from quizapp.study import PracticeSession, StudyStore
from quizapp.study.answering import Graded
from quizapp.study.drill import Drill, DrillChoice

FAMILIES = ("activation-scalar", "activation-vector")


def _answer_wrong(drill: Drill) -> str:
    item = drill.next()
    assert item is not None and item.question is not None
    wrong = ", ".join(["12345"] * np.size(item.question.expected))
    grade = item.question.grade(wrong)
    assert grade.answered and not grade.correct
    drill.record(item, Graded(grade, wrong, timedelta(seconds=5), None))
    return item.question.template_id


def _drill(store: StudyStore) -> Drill:
    rng = np.random.default_rng(7)
    choices = [DrillChoice(family, "relu") for family in FAMILIES]
    return Drill(PracticeSession(store, rng=rng), choices, count=None, rng=rng)


def test_families_tied_for_weakest_are_all_named_in_words(store: StudyStore) -> None:
    drill = _drill(store)
    asked: list[str] = []
    while len(set(asked)) < 2 or asked.count(FAMILIES[0]) != asked.count(FAMILIES[1]):
        asked.append(_answer_wrong(drill))
    lines = drill.summary_lines()
    share = asked.count(FAMILIES[0])
    assert lines[1] == f"Weakest families ({0} of {share} correct each):"
    assert lines[2:] == [f"  {describe(family)}" for family in sorted(FAMILIES)]


def test_more_wrong_answers_make_a_family_weaker_than_fewer(store: StudyStore) -> None:
    drill = _drill(store)
    asked: list[str] = []
    while len(set(asked)) < 2 or asked.count(FAMILIES[0]) == asked.count(FAMILIES[1]):
        asked.append(_answer_wrong(drill))
    weakest = max(FAMILIES, key=asked.count)
    count = asked.count(weakest)
    assert drill.summary_lines()[1:] == [
        f"Weakest family: {describe(weakest)} (0 of {count} correct)."
    ]
