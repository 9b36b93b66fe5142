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


def _recognise(
    given: np.ndarray,
    expected: np.ndarray,
    wrong: np.ndarray,
    precision: Precision,
    mistakes: Sequence[Mistake],
) -> tuple[str, str] | None:
    """The modelled mistake that explains every wrong value (the closest one overall), if any."""
    best: tuple[int, Mistake] | None = None
    for mistake in mistakes:
        matches = precision.accepts(given, np.array(mistake.values))
        if np.array_equal(matches & wrong, wrong):
            agreement = int(matches.sum())
            if best is None or agreement > best[0]:
                best = (agreement, mistake)
    if best is not None:
        return best[1].id, best[1].description
    meaningful = np.abs(expected) > precision.tolerance(expected)
    flipped = precision.accepts(given, -expected) & meaningful
    if np.array_equal(flipped & wrong, wrong):
        return "sign-error", "the sign is flipped"
    with np.errstate(over="ignore"):
        near = np.abs(given - expected) <= _ROUNDING_REACH * precision.tolerance(expected)
    if np.array_equal(near & wrong, wrong):
        return "rounding", f"close, but give it {precision.describe()} (round, don't truncate)"
    return None


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
    try:
        parsed = parse_numbers(text)
    except AnswerSyntaxError as error:
        return _unreadable(str(error))
    count = expected.size
    if not parsed.values:
        noun = formatting.plural(count, "value")
        return _unreadable(f"column 1: no answer given; type {noun}")
    read_as = _read_as(parsed.values, scalar)
    if len(parsed.values) != count:
        if parsed.decimal_commas:
            return _unreadable(str(parsed.decimal_commas[0].error()), read_as)
        noun = formatting.plural(count, "value")
        return _unreadable(f"expected {noun}, got {len(parsed.values)}", read_as)
    given = np.array(parsed.values)
    correct_mask = precision.accepts(given, expected)
    element_correct = tuple(bool(flag) for flag in correct_mask)
    score = sum(element_correct) / count
    if all(element_correct):
        lines = (f"Correct: {expected_text}",)
        return Grade(True, 1.0, None, lines, read_as, element_correct, None)
    wrong = ~correct_mask
    recognised = _recognise(given, expected, wrong, precision, mistakes)
    lines: list[str] = []
    if not scalar:
        lines.append(f"{sum(element_correct)} of {count} values correct.")
    if recognised is not None:
        lines.append(f"Recognised mistake: {recognised[1]}.")
    for index in np.flatnonzero(wrong):
        label = f"{labels[index]}: " if labels[index] else ""
        line = (
            f"{label}got {formatting.echo(given[index])}, "
            f"expected {precision.text(expected[index])}"
        )
        lines.append(line)
    lines.append(f"Expected: {expected_text}")
    return Grade(
        False,
        score,
        None,
        tuple(lines),
        read_as,
        element_correct,
        None if recognised is None else recognised[0],
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
