"""What the user answered, graded, and the rating proposed for it: the one place for both, for
every answer style (a choice by value, a typed answer by its question, a checklist by the key
points covered). Sessions call this; screens only show the result."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import timedelta

from fsrs import Rating

from quizapp.content.kinds import kind_info
from quizapp.study.protocols import GradeLike, QuestionLike, StudyCard

SLOW_FACTOR = 2.0
FAST_FACTOR = 0.4
"""Time only weighs in for clear outliers against the usual time: twice as slow, or faster than
two fifths of it."""


@dataclass(frozen=True)
class CodeAnswer:
    """Code already run against the card's hidden tests (by the app, in its sandbox: study never
    runs code) and the verdict of that run."""

    code: str
    grade: GradeLike


@dataclass(frozen=True)
class Ticked:
    """Key points ticked by hand (indices into the card's list), with the explanation typed
    before them if there was one: the log keeps that text whatever the ticks."""

    covered: frozenset[int]
    typed: str = ""


Response = str | Ticked | CodeAnswer
"""Typed text or the option's number as shown; for a checklist, a typed explanation (the
key-point matcher ticks what it hears) or the ticks given by hand; for a code card, the code and
its test run."""


@dataclass(frozen=True)
class KeyPointsGrade:
    """A spoken answer judged by the key points it covered (indices into the card's list).
    `evidence`, for a typed explanation, holds per key point the words that showed it ("" for a
    point not heard); it is empty for ticks given by hand."""

    covered: frozenset[int]
    total: int
    parse_error: None = None
    evidence: tuple[str, ...] = ()

    @property
    def correct(self) -> bool:
        return self.total == 0 or bool(self.covered)

    @property
    def score(self) -> float:
        return len(self.covered) / self.total if self.total else 1.0

    @property
    def feedback(self) -> tuple[str, ...]:
        return (f"{len(self.covered)} of {self.total} key points covered",)


@dataclass(frozen=True)
class Proposal:
    """A suggested rating and why, in words shown beside it ("correct, 2.1× your usual time →
    Hard")."""

    rating: Rating
    reason: str


@dataclass(frozen=True)
class Graded:
    """`proposal` is None when the answer could not be read (ask again; nothing is counted).
    `response` is what the log keeps: the text typed, the option chosen (by name), or (ticked
    with nothing typed) the key points covered."""

    grade: GradeLike
    response: str
    elapsed: timedelta
    proposal: Proposal | None

    @property
    def proposed(self) -> Rating | None:
        return None if self.proposal is None else self.proposal.rating

    @property
    def readable(self) -> bool:
        return self.proposal is not None


def shown_options(options: Sequence[str], seed: int) -> tuple[str, ...]:
    """The options in a fresh order for one showing, reproducible from its seed (kept in the log
    with the answer), so the key is not always where the deck lists it."""
    import numpy as np  # on the first showing: home never needs numpy

    order = np.random.default_rng(seed).permutation(len(options))
    return tuple(options[int(index)] for index in order)


def grade_response(
    card: StudyCard,
    response: Response,
    *,
    question: QuestionLike | None,
    options: Sequence[str],
) -> tuple[GradeLike, str]:
    """The verdict on `response` to `card` (as shown: its generated `question`, its `options`
    in the order shown) and the text the log keeps for it."""
    style = kind_info(card).answer_style
    if style == "checklist" and isinstance(response, str):
        return _grade_explanation(card, response), response
    if style == "checklist" and isinstance(response, Ticked):
        covered = frozenset(
            index for index in response.covered if 0 <= index < len(card.key_points)
        )
        points = "; ".join(card.key_points[index] for index in sorted(covered))
        logged = response.typed or f"covered: {points}"
        return KeyPointsGrade(covered, len(card.key_points)), logged
    if style == "code" and isinstance(response, CodeAnswer):
        return response.grade, response.code
    if not isinstance(response, str):
        raise ValueError(f"a {card.kind} card is answered with text, not {response!r}")
    if style == "typed" and question is not None:
        return question.grade(response), response
    if style == "choose":
        return _grade_choice(card, response, options)
    raise ValueError(f"a {card.kind} card is revealed and rated, not submitted")


def _grade_explanation(card: StudyCard, text: str) -> KeyPointsGrade:
    """A typed explanation, judged by the key points the matcher hears in it."""
    from quizapp.explain import heard_points

    heard = heard_points(card, text)
    return KeyPointsGrade(heard.covered, len(card.key_points), evidence=heard.evidence)


def _grade_choice(card: StudyCard, text: str, options: Sequence[str]) -> tuple[GradeLike, str]:
    from quizapp.questions.choice import aliases, parse_choice
    from quizapp.questions.grading import grade_choice
    from quizapp.questions.parsing import AnswerSyntaxError

    names = tuple(aliases(option, option) for option in options)
    answer = card.options[card.answer_index or 0]
    grade = grade_choice(text, options, names, answer)
    try:
        return grade, options[parse_choice(text, options, names)]
    except AnswerSyntaxError:
        return grade, text


def propose(grade: GradeLike, elapsed: timedelta, usual: timedelta | None) -> Proposal:
    """The suggested rating, from correctness first, and why; the user may override it.
    Key points: none covered -> Again, under half -> Hard, the rest -> Good (Easy is the user's
    call). Otherwise time against `usual` (the kind's or question family's usual time, None
    when there is too little history) only moves a right answer for a clear outlier."""
    if isinstance(grade, KeyPointsGrade):
        if grade.total == 0:
            return Proposal(Rating.Good, "nothing to check → Good")
        if not grade.covered:
            rating = Rating.Again
        else:
            rating = Rating.Hard if len(grade.covered) * 2 < grade.total else Rating.Good
        return Proposal(rating, f"{len(grade.covered)} of {grade.total} key points → {rating.name}")
    rating = propose_rating(grade.correct, elapsed, usual)
    if not grade.correct:
        return Proposal(rating, "wrong → Again")
    if usual is None or usual <= timedelta(0):
        return Proposal(rating, "correct → Good")
    ratio = elapsed / usual
    pace = "your usual pace" if rating == Rating.Good else f"{ratio:.1f}× your usual time"
    return Proposal(rating, f"correct, {pace} → {rating.name}")


def propose_rating(correct: bool, elapsed: timedelta, usual: timedelta | None) -> Rating:
    """Wrong -> Again; right -> Good, Hard only when at least twice the usual time, Easy only
    when under two fifths of it."""
    if not correct:
        return Rating.Again
    if usual is None or usual <= timedelta(0):
        return Rating.Good
    if elapsed >= usual * SLOW_FACTOR:
        return Rating.Hard
    if elapsed <= usual * FAST_FACTOR:
        return Rating.Easy
    return Rating.Good
