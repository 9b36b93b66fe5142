"""The generated question: everything to show it, grade an answer and explain the solution."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Literal

import numpy as np

from quizapp.questions.grading import Grade, grade_choice, grade_numbers
from quizapp.questions.mistakes import Mistake
from quizapp.questions.overflow import overflow_advice
from quizapp.questions.precision import Precision

AnswerShape = Literal["scalar", "vector", "choice"]
InputValue = float | np.ndarray


@dataclass(frozen=True, eq=False)
class Question:
    """Immutable; arrays inside are read-only, mappings are read-only views.

    `expected` is a float (scalar answers), a 1-D array (vector answers) or, for multiple choice,
    the 0-based index into `options` (users answer with the 1-based number shown, or the name).
    `labels` name each answer element in feedback ("z", "a"); "" for a scalar.
    `worked` is what redoing the solution's arithmetic with its printed digits gives, per element
    (empty for multiple choice); typed rounded, it is always accepted.
    `unnamed` are modelled mistakes that give the same typed answer as another one here (Φ(4) and
    ReLU′(4) are both 1.000): none of them is named, and an answer carrying one is not called a
    rounding slip either.
    """

    template_id: str
    seed: int
    activation: str | None
    params: Mapping[str, object]
    activation_params: Mapping[str, object]
    prompt: str
    inputs: Mapping[str, InputValue]
    expected: float | np.ndarray | int
    expected_text: str
    precision: Precision
    answer_shape: AnswerShape
    solution: tuple[str, ...]
    labels: tuple[str, ...]
    mistakes: tuple[Mistake, ...] = ()
    worked: np.ndarray = field(default_factory=lambda: np.empty(0))
    options: tuple[str, ...] = ()
    option_aliases: tuple[frozenset[str], ...] = ()
    option_explanations: tuple[str, ...] = ()
    unnamed: tuple[Mistake, ...] = ()

    @property
    def decimals(self) -> int:
        """Digits after the point in the displayed answer (of the mantissa, for scientific ones)."""
        return self.precision.decimals

    @property
    def answer_hint(self) -> str:
        """What an answer looks like here, for the answer box's placeholder: a choice is
        answered by an option's number or name, not by a list of numbers."""
        if self.answer_shape == "choice":
            return "an option's number or name, e.g. 2"
        if self.answer_shape == "scalar":
            return "your answer, e.g. 0.5"
        return "your answer, e.g. 0.5, 0, 1.2"

    @property
    def expected_vector(self) -> np.ndarray:
        """The numeric answer as a 1-D float array (empty for multiple choice)."""
        if self.answer_shape == "choice":
            return np.empty(0)
        return np.atleast_1d(np.asarray(self.expected, dtype=float))

    @property
    def tolerance(self) -> float | np.ndarray:
        """Largest accepted distance from `expected`: a float, or per element for vectors."""
        if self.answer_shape == "choice":
            return 0.0
        tolerance = self.precision.tolerance(self.expected_vector)
        return float(tolerance[0]) if self.answer_shape == "scalar" else tolerance

    def grade(self, text: str) -> Grade:
        """Grade a typed answer; a pure function of the question and the text."""
        if self.answer_shape == "choice":
            return grade_choice(
                text,
                self.options,
                self.option_aliases,
                self.options[int(self.expected)],
                self.option_explanations,
            )
        return grade_numbers(
            text,
            self.expected_vector,
            self.precision,
            self.labels,
            self.mistakes,
            self.unnamed,
            overflow_advice(self.activation),
        )

    @property
    def worked_text(self) -> str:
        """The answer a student gets from the worked solution's own printed numbers, rounded."""
        return ", ".join(self.precision.text(value) for value in self.worked)

    def mistake_text(self, mistake: Mistake) -> str:
        """The modelled wrong answer as a user would type it, rounded like the expected answer."""
        return ", ".join(self.precision.text(value) for value in mistake.values)
