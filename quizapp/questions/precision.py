"""The precision a prompt asks for, which also decides how strictly an answer is checked."""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from quizapp.questions import formatting
from quizapp.questions.worked import Shown
from quizapp.wording import plural

# Rounding the exact value to the displayed digits moves it by at most half a unit, plus float
# representation error; this slack keeps the displayed answer accepted at that exact boundary.
BOUNDARY_SLACK = 1e-6
# Intermediate values carry this many digits beyond the answer's, and never fewer than
# `_MIN_FIGURES` significant ones, so the arithmetic a student redoes from them still lands.
_EXTRA_DIGITS = 3
_MIN_FIGURES = 5
# Digits typed beyond those asked are checked to half a unit of the last one (for a note, not a
# mark), up to this many: past them a float's own error would count against a right answer.
_CHECKED_EXTRA_DIGITS = 6


@dataclass(frozen=True)
class Precision:
    """`decimals` after the point; if `scientific`, of the mantissa (3 significant figures = 2)."""

    decimals: int
    scientific: bool = False

    def text(self, value: float) -> str:
        if self.scientific:
            return formatting.scientific(value, self.decimals)
        return formatting.number(value, self.decimals)

    def padded(self, value: float) -> str:
        """`value` with every digit asked, trailing zeros kept (0.020, not 0.02): the answer as it
        should be typed, beside a wrong value typed to some number of digits."""
        if self.scientific:
            return self.text(value)
        text = formatting.rounded(value, self.decimals)
        return text.lstrip("-") if float(text) == 0 else text

    def intermediate(self, value: float) -> Shown:
        """An intermediate value to 3 more digits than the answer (at least 5 significant)."""
        if self.scientific:
            return Shown(formatting.significant(value, self.decimals + 1 + _EXTRA_DIGITS))
        return Shown(formatting.number(value, self._intermediate_decimals(value)))

    def intermediate_unit(self, value: float) -> float:
        """One unit in the last digit `intermediate` rounds `value` to (printed or a dropped
        trailing zero): arithmetic redone with the printed value starts off by half of it."""
        if self.scientific:
            magnitude = math.floor(math.log10(abs(value))) if value else 0
            return 10.0 ** (magnitude - self.decimals - _EXTRA_DIGITS)
        return 10.0 ** -self._intermediate_decimals(value)

    def _intermediate_decimals(self, value: float) -> int:
        magnitude = math.floor(math.log10(abs(value))) if value else 0
        return max(self.decimals + _EXTRA_DIGITS, _MIN_FIGURES - 1 - magnitude)

    def intermediate_text(self, value: float) -> str:
        return self.intermediate(value).text

    def describe(self) -> str:
        if self.scientific:
            example = formatting.scientific(0.001234, self.decimals)
            return f"to {self.decimals + 1} significant figures (e.g. {example})"
        return f"to {self.asked()}"

    def asked(self) -> str:
        """`3 decimals` or `3 significant figures`: the digits a prompt asks for."""
        if self.scientific:
            return plural(self.decimals + 1, "significant figure")
        return plural(self.decimals, "decimal")

    def tolerance(self, expected: np.ndarray) -> np.ndarray:
        """Half a unit in the last requested digit, per element; never zero."""
        if not self.scientific:
            return np.full(expected.shape, 0.5 * 10.0**-self.decimals)
        size = np.abs(expected)
        with np.errstate(divide="ignore"):
            magnitudes = np.where(size > 0, np.floor(np.log10(size)), -self.decimals)
        return 0.5 * 10.0 ** (magnitudes - self.decimals)

    def accepts(self, given: np.ndarray, expected: np.ndarray) -> np.ndarray:
        """Per element: is `given` within tolerance of `expected`?"""
        with np.errstate(over="ignore"):
            distance = np.abs(given - expected)
        return distance <= self.tolerance(expected) * (1 + BOUNDARY_SLACK)

    def finer(self, digits: int) -> Precision:
        """The precision of a value typed to `digits` (more than asked), to tell whether the
        digits past those asked are right within rounding: 0.0474 for 0.0474259 asked to 3
        decimals is, 0.0475 is not (though it is right to the 3 asked)."""
        checked = min(digits, self.decimals + _CHECKED_EXTRA_DIGITS)
        return Precision(max(checked, self.decimals), self.scientific)

    def accepts_typed(
        self, given: np.ndarray, expected: np.ndarray, digits: Sequence[int | None]
    ) -> np.ndarray:
        """`accepts`, or, for a value typed to more digits than asked (`digits`, None where the
        typing does not show them), accepts it rounded to the digits asked: as an interviewer
        hears it, an answer that rounds to the right value is right, whatever its extra digits
        (-0.17503 for -0.175061 asked to 3 decimals, like -0.175)."""
        accepted = self.accepts(given, expected)
        for index, _ in self._overtyped(digits):
            rounded = np.array([float(self.text(float(given[index])))])
            accepted[index] |= self.accepts(rounded, expected[index : index + 1])[0]
        return accepted

    def off_past_asked(
        self, given: np.ndarray, expected: np.ndarray, digits: Sequence[int | None]
    ) -> np.ndarray:
        """Per element: typed to more digits than asked (`digits`) and wrong in those past the
        ones asked, within rounding (see `finer`): worth a note, never a lost mark."""
        off = np.zeros(given.shape, dtype=bool)
        for index, typed in self._overtyped(digits):
            finer = self.finer(typed)
            off[index] = not finer.accepts(given[index : index + 1], expected[index : index + 1])[0]
        return off

    def _overtyped(self, digits: Sequence[int | None]) -> list[tuple[int, int]]:
        """(index, digits typed) of each value typed to more digits than asked."""
        return [
            (index, typed)
            for index, typed in enumerate(digits)
            if typed is not None and typed > self.decimals
        ]
