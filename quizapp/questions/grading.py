"""Grading: exact about the maths, forgiving about notation, specific about the mistake.

Pure functions of (what the question knows, the typed text); `Question.grade` calls them.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from quizapp.questions import formatting
from quizapp.questions.choice import parse_choice
from quizapp.questions.mistakes import Mistake
from quizapp.questions.parsing import AnswerSyntaxError, parse_numbers
from quizapp.questions.precision import Precision

# A wrong value this close (in tolerances) to the right one is a rounding problem, not a mistake.
_ROUNDING_REACH = 10.0


@dataclass(frozen=True)
class Grade:
    """The verdict on one typed answer.

    `parse_error` (the answer could not be read, or has the wrong number of values) means "ask
    again": such an answer is neither right nor wrong. `feedback` is a tuple of plain-text lines.
    """

    correct: bool
    score: float
    parse_error: str | None
    feedback: tuple[str, ...]
    read_as: str | None
    element_correct: tuple[bool, ...]
    mistake: str | None

    @property
    def answered(self) -> bool:
        """False when the answer should be asked again rather than counted."""
        return self.parse_error is None


def _unreadable(message: str, read_as: str | None = None) -> Grade:
    lines = (message,) if read_as is None else (message, read_as)
    return Grade(False, 0.0, message, lines, read_as, (), None)


def _read_as(values: Sequence[float], scalar: bool) -> str:
    if scalar and len(values) == 1:
        return f"read as {formatting.echo(values[0])}"
    return "read as [" + formatting.join(formatting.echo(value) for value in values) + "]"


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
    """The modelled mistake that explains every wrong value (the closest one overall), if any."""
    if mistakes:
        modelled = np.array([mistake.values for mistake in mistakes])
        matches = precision.accepts(given, modelled)
        agreement = np.where((matches | ~wrong).all(axis=1), matches.sum(axis=1), -1)
        best = int(np.argmax(agreement))
        if agreement[best] >= 0:
            return mistakes[best].id, mistakes[best].description
    if np.array_equal(_flipped(given, expected, precision) & wrong, wrong):
        return "sign-error", "the sign is flipped"
    with np.errstate(over="ignore"):
        near = np.abs(given - expected) <= _ROUNDING_REACH * precision.tolerance(expected)
    if np.array_equal(near & wrong, wrong):
        return "rounding", f"close, but give it {precision.describe()} (round, don't truncate)"
    return None


@dataclass(frozen=True)
class Verdict:
    """What a readable numeric answer amounts to, before any feedback text is written."""

    given: np.ndarray
    correct: np.ndarray
    mistake: tuple[str, str] | None


def judge_numbers(
    text: str, expected: np.ndarray, precision: Precision, mistakes: Sequence[Mistake]
) -> Verdict | str:
    """The verdict on `text`, or the message asking for it again (unreadable, wrong length)."""
    try:
        parsed = parse_numbers(text)
    except AnswerSyntaxError as error:
        return str(error)
    count = expected.size
    if not parsed.values:
        return f"column 1: no answer given; type {formatting.plural(count, 'value')}"
    if len(parsed.values) != count:
        if parsed.decimal_commas:
            return str(parsed.decimal_commas[0].error())
        return f"expected {formatting.plural(count, 'value')}, got {len(parsed.values)}"
    given = np.array(parsed.values)
    correct = precision.accepts(given, expected)
    if correct.all():
        return Verdict(given, correct, None)
    return Verdict(given, correct, _recognise(given, expected, ~correct, precision, mistakes))


def grade_numbers(
    text: str,
    expected: np.ndarray,
    precision: Precision,
    labels: Sequence[str],
    mistakes: Sequence[Mistake],
    expected_text: str,
) -> Grade:
    """Grade a numeric answer against `expected` (1-D); `labels` name the elements in feedback."""
    scalar = labels == ("",)
    verdict = judge_numbers(text, expected, precision, mistakes)
    if isinstance(verdict, str):
        try:
            values = parse_numbers(text).values
        except AnswerSyntaxError:
            return _unreadable(verdict)
        return _unreadable(verdict, _read_as(values, scalar) if values else None)
    given = verdict.given
    read_as = _read_as(tuple(given.tolist()), scalar)
    element_correct = tuple(bool(flag) for flag in verdict.correct)
    count = len(element_correct)
    if all(element_correct):
        lines = (f"Correct: {expected_text}",)
        return Grade(True, 1.0, None, lines, read_as, element_correct, None)
    lines: list[str] = []
    if not scalar:
        lines.append(f"{sum(element_correct)} of {count} values correct.")
    if verdict.mistake is not None:
        lines.append(f"Recognised mistake: {verdict.mistake[1]}.")
    flipped = _flipped(given, expected, precision)
    for index in np.flatnonzero(~verdict.correct):
        label = f"{labels[index]}: " if labels[index] else ""
        note = " (sign flipped)" if flipped[index] else ""
        lines.append(
            f"{label}got {formatting.echo(given[index])}, "
            f"expected {precision.text(expected[index])}{note}"
        )
    lines.append(f"Expected: {expected_text}")
    return Grade(
        False,
        sum(element_correct) / count,
        None,
        tuple(lines),
        read_as,
        element_correct,
        None if verdict.mistake is None else verdict.mistake[0],
    )


def grade_choice(
    text: str,
    options: Sequence[str],
    option_aliases: Sequence[frozenset[str]],
    expected: int,
    explanations: Sequence[str],
) -> Grade:
    """Grade a multiple-choice answer; `explanations[i]` says why option i does or does not fit."""
    try:
        chosen = parse_choice(text, options, option_aliases)
    except AnswerSyntaxError as error:
        return _unreadable(str(error))
    read_as = f"read as {chosen + 1} ({options[chosen]})"
    answer = f"The answer is {expected + 1} ({options[expected]})."
    if chosen == expected:
        return Grade(True, 1.0, None, (f"Correct: {answer}",), read_as, (True,), None)
    lines = (explanations[chosen], answer, explanations[expected])
    return Grade(False, 0.0, None, lines, read_as, (False,), None)
