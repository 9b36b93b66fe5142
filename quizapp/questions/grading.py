"""Grading: exact about the maths, forgiving about notation, specific about the mistake.

Pure functions of (what the question knows, the typed text); `Question.grade` calls them.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from quizapp.questions import formatting, slips
from quizapp.questions.choice import parse_choice
from quizapp.questions.mistakes import Mistake
from quizapp.questions.overflow import GENERAL
from quizapp.questions.parsing import AnswerSyntaxError, NotFinite, parse_numbers
from quizapp.questions.precision import Precision
from quizapp.wording import plural

_ECHOED_LENGTH = 24
"""A typed value longer than this is echoed as read (`0.333333`), not in full."""


@dataclass(frozen=True)
class Grade:
    """The verdict on one typed answer.

    `parse_error` (the answer could not be read, or has the wrong number of values) means "ask
    again": such an answer is neither right nor wrong; `error_column` (1-based) then points at the
    problem when there is one spot to point at. `feedback` is a tuple of plain-text lines saying
    what is wrong (for a correct numeric answer, only notes on digits typed past those asked,
    which cost nothing); the expected answer itself is `Question.expected_text`.
    """

    correct: bool
    score: float
    parse_error: str | None
    feedback: tuple[str, ...]
    read_as: str | None
    element_correct: tuple[bool, ...]
    mistake: str | None
    error_column: int | None = None

    @property
    def answered(self) -> bool:
        """False when the answer should be asked again rather than counted."""
        return self.parse_error is None


@dataclass(frozen=True)
class Unreadable:
    """Why an answer must be asked again, where (if one spot is to blame), and what was read."""

    message: str
    column: int | None
    values: tuple[float, ...] = ()

    def grade(self, read_as: str | None) -> Grade:
        lines = (self.message,) if read_as is None else (self.message, read_as)
        return Grade(False, 0.0, self.message, lines, read_as, (), None, self.column)


def _read_as(values: Sequence[float], scalar: bool) -> str:
    if scalar and len(values) == 1:
        return f"read as {formatting.echo(values[0])}"
    return "read as [" + formatting.join(formatting.echo(value) for value in values) + "]"


def _as_typed(token: str, value: float) -> str:
    """A wrong value as the user typed it (`1.000` says which digits were meant), unless long;
    any run of whitespace inside it (`2 ×\t10^-3`, control characters included) as one space."""
    return " ".join(token.split()) if len(token) <= _ECHOED_LENGTH else formatting.echo(value)


def _flipped(given: np.ndarray, expected: np.ndarray, precision: Precision) -> np.ndarray:
    """Per element: the value is the expected one with its sign flipped (and is not ~0)."""
    meaningful = np.abs(expected) > precision.tolerance(expected)
    return precision.accepts(given, -expected) & meaningful


def _recognise(
    given: np.ndarray,
    expected: np.ndarray,
    wrong: np.ndarray,
    precision: Precision,
    mistakes: Sequence[Mistake],
) -> tuple[str, str] | None:
    """The modelled mistake the whole answer is consistent with (the closest one), if any.

    A mistake is named only when the answer carries its value wherever that value differs from
    the expected one, and is right elsewhere: a wrong value it does not explain, or a right value
    where the mistake would have shown, says the answer came from something else.
    """
    if mistakes:
        agreement = _agreement(given, expected, wrong, precision, mistakes)
        best = int(np.argmax(agreement))
        if agreement[best] >= 0:
            return mistakes[best].id, mistakes[best].description
    if np.array_equal(_flipped(given, expected, precision) & wrong, wrong):
        return "sign-error", "the sign is flipped"
    return None


def _agreement(
    given: np.ndarray,
    expected: np.ndarray,
    wrong: np.ndarray,
    precision: Precision,
    mistakes: Sequence[Mistake],
) -> np.ndarray:
    """Per mistake: how many values of the answer carry it, or -1 if it does not explain them."""
    modelled = np.array([mistake.values for mistake in mistakes])
    units = np.array([[mistake.unit] for mistake in mistakes])
    matches = precision.accepts(given / units, modelled / units)
    shows = ~precision.accepts(modelled, expected)
    betrayed = np.array(
        [matches[row, list(mistake.shows_in)].all() for row, mistake in enumerate(mistakes)]
    )
    explains = (matches | (~wrong & ~shows)).all(axis=1) & betrayed
    return np.where(explains, matches.sum(axis=1), -1)


def _slipped(
    given: np.ndarray,
    expected: np.ndarray,
    wrong: np.ndarray,
    precision: Precision,
    digits: Sequence[int | None],
) -> tuple[str, str] | None:
    """The rounding verdict, with advice fitting the digits typed, if every wrong value slipped."""
    places = np.flatnonzero(wrong).tolist()
    found = [slips.slip(precision, given[i], expected[i], digits[i]) for i in places]
    kinds = [kind for kind in found if kind is not None]
    if len(kinds) < len(found):
        return None
    return "rounding", slips.advice(precision, kinds, [digits[i] for i in places])


@dataclass(frozen=True)
class Verdict:
    """What a readable numeric answer amounts to, before any feedback text is written.

    `typed` is each value as the user typed it (`1.000`, not `1`), for the feedback to echo, and
    `digits` the digits each was typed to (None where the typing does not show them).
    `suspects` describe the mistakes that would each explain an answer no single one is named for.
    `off_past_asked` flags the right values whose digits typed past those asked are off.
    """

    given: np.ndarray
    correct: np.ndarray
    mistake: tuple[str, str] | None
    typed: tuple[str, ...]
    suspects: tuple[str, ...] = ()
    digits: tuple[int | None, ...] = ()
    off_past_asked: tuple[bool, ...] = ()

    def expected_text(self, precision: Precision, index: int, value: float) -> str:
        """The expected value as the feedback shows it beside the typed one: as the question's
        `expected_text` and worked solution print it (`expected 0.125` beside `Expected:
        0.125`, not `0.1250`), or to the digits typed where more were typed (`got 0.0475,
        expected 0.0474`)."""
        typed = self.digits[index] if self.digits else None
        if typed is not None and typed > precision.decimals:
            return precision.finer(typed).padded(value)
        return precision.text(value)


def judge_numbers(
    text: str,
    expected: np.ndarray,
    precision: Precision,
    mistakes: Sequence[Mistake],
    unnamed: Sequence[Mistake] = (),
    overflow_advice: str = GENERAL,
) -> Verdict | Unreadable:
    """The verdict on `text`, or why it must be asked again (unreadable, wrong length; `inf`
    or `nan` with `overflow_advice`, which fits the question's function)."""
    try:
        parsed = parse_numbers(text)
    except NotFinite as error:
        advised = error.advised(overflow_advice)
        return Unreadable(str(advised), advised.column)
    except AnswerSyntaxError as error:
        return Unreadable(str(error), error.column)
    count = expected.size
    values = parsed.values
    if not values:
        return Unreadable(f"column 1: no answer given; type {plural(count, 'value')}", 1)
    if len(values) != count:
        comma = parsed.comma_meant(count)
        if comma is not None:
            comma_error = comma.error()
            return Unreadable(str(comma_error), comma_error.column, values)
        noun = plural(count, "value")
        return Unreadable(f"expected {noun}, got {len(values)}", None, values)
    return judge_values(
        np.array(values), expected, precision, mistakes, typed=parsed.tokens, unnamed=unnamed
    )


def judge_values(
    given: np.ndarray,
    expected: np.ndarray,
    precision: Precision,
    mistakes: Sequence[Mistake],
    *,
    typed: Sequence[str] = (),
    unnamed: Sequence[Mistake] = (),
) -> Verdict:
    """The verdict on values already read (as many as expected), `typed` as they were typed.

    `unnamed` are modelled mistakes this question cannot tell apart (see `Question.unnamed`): an
    answer carrying one is named as none, and not as a rounding slip either, which it is not.
    """
    shown = tuple(typed) or tuple(formatting.echo(value) for value in given)
    digits = tuple(
        slips.typed_digits(token, value, precision.scientific) if typed else None
        for token, value in zip(shown, given.tolist(), strict=True)
    )
    correct = precision.accepts_typed(given, expected, digits)
    off = tuple(bool(flag) for flag in precision.off_past_asked(given, expected, digits) & correct)
    if correct.all():
        return Verdict(given, correct, None, shown, digits=digits, off_past_asked=off)
    wrong = ~correct
    mistake = _recognise(given, expected, wrong, precision, mistakes)
    if mistake is None:
        suspects = _suspects(given, expected, wrong, precision, unnamed)
        if suspects:
            return Verdict(given, correct, None, shown, suspects, digits, off)
        mistake = _slipped(given, expected, wrong, precision, digits)
    return Verdict(given, correct, mistake, shown, digits=digits, off_past_asked=off)


def _suspects(
    given: np.ndarray,
    expected: np.ndarray,
    wrong: np.ndarray,
    precision: Precision,
    mistakes: Sequence[Mistake],
) -> tuple[str, ...]:
    """The descriptions of those `mistakes` that explain the answer's wrong values."""
    if not mistakes:
        return ()
    agreement = _agreement(given, expected, wrong, precision, mistakes)
    fitting = (
        mistake.description for mistake, fit in zip(mistakes, agreement, strict=True) if fit >= 0
    )
    return tuple(dict.fromkeys(fitting))


def grade_numbers(
    text: str,
    expected: np.ndarray,
    precision: Precision,
    labels: Sequence[str],
    mistakes: Sequence[Mistake],
    unnamed: Sequence[Mistake] = (),
    overflow_advice: str = GENERAL,
) -> Grade:
    """Grade a numeric answer against `expected` (1-D); `labels` name the elements in feedback."""
    scalar = labels == ("",)
    verdict = judge_numbers(text, expected, precision, mistakes, unnamed, overflow_advice)
    if isinstance(verdict, Unreadable):
        return verdict.grade(_read_as(verdict.values, scalar) if verdict.values else None)
    given = verdict.given
    read_as = _read_as(tuple(given.tolist()), scalar)
    element_correct = tuple(bool(flag) for flag in verdict.correct)
    count = len(element_correct)
    notes = _notes(verdict, expected, precision, labels)
    if all(element_correct):
        return Grade(True, 1.0, None, notes, read_as, element_correct, None)
    lines: list[str] = []
    if not scalar:
        lines.append(f"{sum(element_correct)} of {count} values correct.")
    if verdict.mistake is not None:
        lines.append(f"Recognised mistake: {verdict.mistake[1]}.")
    elif verdict.suspects:
        several = len(verdict.suspects) > 1
        lines.append(
            "Possible mistakes (each gives this answer):" if several else "Possible mistake:"
        )
        lines.extend(f"  · {suspect}." for suspect in verdict.suspects)
    # A named mistake explains every wrong value; a sign note beside it would name a second cause.
    explained = verdict.mistake is not None and verdict.mistake[0] != "sign-error"
    flipped = np.zeros_like(verdict.correct) if explained else _flipped(given, expected, precision)
    for index in np.flatnonzero(~verdict.correct).tolist():
        label = f"{labels[index]}: " if labels[index] else ""
        note = " (sign flipped)" if flipped[index] else ""
        lines.append(
            f"{label}got {_as_typed(verdict.typed[index], given[index])}, "
            f"expected {verdict.expected_text(precision, index, expected[index])}{note}"
        )
    return Grade(
        False,
        sum(element_correct) / count,
        None,
        (*lines, *notes),
        read_as,
        element_correct,
        None if verdict.mistake is None else verdict.mistake[0],
    )


def _notes(
    verdict: Verdict, expected: np.ndarray, precision: Precision, labels: Sequence[str]
) -> tuple[str, ...]:
    """A note on each right value whose digits typed past those asked are off."""
    notes = []
    for index, off in enumerate(verdict.off_past_asked):
        digits = verdict.digits[index]
        if off and digits is not None:
            label = f"{labels[index]}: " if labels[index] else ""
            typed = _as_typed(verdict.typed[index], verdict.given[index])
            notes.append(label + slips.past_asked(precision, typed, digits, expected[index]))
    return tuple(notes)


def grade_choice(
    text: str,
    options: Sequence[str],
    option_aliases: Sequence[frozenset[str]],
    answer: str,
    explanations: Sequence[str] = (),
) -> Grade:
    """Grade a multiple-choice answer by value: `answer` is the right option's text, wherever
    the shuffled `options` show it. `explanations[i]`, when given, says why option i does or does
    not fit; without them the feedback names the option chosen."""
    try:
        chosen = parse_choice(text, options, option_aliases)
    except AnswerSyntaxError as error:
        return Unreadable(str(error), error.column).grade(None)
    picked = options[chosen]
    right = options.index(answer)
    read_as = f"read as {chosen + 1} ({picked})"
    if picked == answer:
        line = explanations[chosen] if explanations else f"Correct: {chosen + 1}) {picked}"
        return Grade(True, 1.0, None, (line,), read_as, (True,), None)
    lines = (
        explanations[chosen] if explanations else f"You chose {chosen + 1}) {picked}",
        f"The answer is {right + 1} ({answer}).",
        *([explanations[right]] if explanations else []),
    )
    return Grade(False, 0.0, None, lines, read_as, (False,), None)
