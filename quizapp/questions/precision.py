"""The precision a prompt asks for, which also decides how strictly an answer is checked."""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np

from quizapp.questions import formatting
from quizapp.questions.worked import Shown

# Rounding the exact value to the displayed digits moves it by at most half a unit, plus float
# representation error; this slack keeps the displayed answer accepted at that exact boundary.
_BOUNDARY_SLACK = 1e-6
# Intermediate values carry this many digits beyond the answer's, and never fewer than
# `_MIN_FIGURES` significant ones, so the arithmetic a student redoes from them still lands.
_EXTRA_DIGITS = 3
_MIN_FIGURES = 5
# Extra digits beyond the requested ones that a truncated or over-rounded answer may still have.
_SLIP_DIGITS = 3
# Digits fewer than requested that a rounding slip may keep: 0.7 for 0.659 asked to 3 decimals is
# a slip, 1 for 0.731 is another value (ReLU's, a forgotten activation), not a rounded one.
_FEWER_DIGITS = 2
# Products like 0.29 * 100 land a hair off the integer; this many places recover it.
_INTEGER_NOISE = 6


@dataclass(frozen=True)
class Precision:
    """`decimals` after the point; if `scientific`, of the mantissa (3 significant figures = 2)."""

    decimals: int
    scientific: bool = False

    def text(self, value: float) -> str:
        if self.scientific:
            return formatting.scientific(value, self.decimals)
        return formatting.number(value, self.decimals)

    def intermediate(self, value: float) -> Shown:
        """An intermediate value to 3 more digits than the answer (at least 5 significant)."""
        if self.scientific:
            return Shown(formatting.significant(value, self.decimals + 1 + _EXTRA_DIGITS))
        magnitude = math.floor(math.log10(abs(value))) if value else 0
        decimals = max(self.decimals + _EXTRA_DIGITS, _MIN_FIGURES - 1 - magnitude)
        return Shown(formatting.number(value, decimals))

    def intermediate_text(self, value: float) -> str:
        return self.intermediate(value).text

    def describe(self) -> str:
        if self.scientific:
            example = formatting.scientific(0.001234, self.decimals)
            return f"to {self.decimals + 1} significant figures (e.g. {example})"
        return f"to {formatting.plural(self.decimals, 'decimal')}"

    def tolerance(self, expected: np.ndarray) -> np.ndarray:
        """Half a unit in the last requested digit, per element; never zero."""
        if not self.scientific:
            return np.full(expected.shape, 0.5 * 10.0**-self.decimals)
        size = np.abs(expected)
        with np.errstate(divide="ignore"):
            magnitudes = np.where(size > 0, np.floor(np.log10(size)), -self.decimals)
        return 0.5 * 10.0 ** (magnitudes - self.decimals)

    def rounding_slips(self, given: np.ndarray, expected: np.ndarray) -> np.ndarray:
        """Per element: `given` is what rounding alone makes of `expected`.

        That is within one unit of the last requested digit, or the exact value truncated, or
        rounded to some other number of digits; anything further off is a real mistake.
        """
        reach = 2 * self.tolerance(expected) * (1 + _BOUNDARY_SLACK)
        return np.array(
            [
                abs(typed - exact) <= limit or self._reshaped(float(typed), float(exact))
                for typed, exact, limit in zip(given, expected, reach, strict=True)
            ],
            dtype=bool,
        )

    def _reshaped(self, typed: float, exact: float) -> bool:
        """`typed` is `exact` truncated or rounded to a nearby number of (significant) digits.

        At most two digits fewer than asked, and never down to an integer when decimals are
        asked (nor a mantissa without decimals): fewer digits than that no longer look like the
        exact value. Cutting a value away to zero loses it rather than its last digits: 0
        for 0.5 is a wrong value (e.g. ReLU of a positive input taken as 0), not a rounding slip;
        only with one digit fewer than asked may a value round to 0 (0 for -0.0013 in an answer
        typed to 2 decimals where 3 are asked).
        """
        if not (math.isfinite(typed) and math.isfinite(exact)):
            return False
        scale = 10.0 ** math.floor(math.log10(abs(exact))) if self.scientific and exact else 1.0
        fewest = max(self.decimals - _FEWER_DIGITS, min(self.decimals, 1))
        for digits in range(fewest, self.decimals + _SLIP_DIGITS + 1):
            shifted = round(exact / scale * 10.0**digits, _INTEGER_NOISE)
            for cut in (math.trunc(shifted), round(shifted)):
                if cut == 0 and exact != 0 and digits < self.decimals - 1:
                    continue
                if math.isclose(typed, cut / 10.0**digits * scale, rel_tol=1e-9, abs_tol=1e-12):
                    return True
        return False

    def accepts(self, given: np.ndarray, expected: np.ndarray) -> np.ndarray:
        """Per element: is `given` within tolerance of `expected`?"""
        with np.errstate(over="ignore"):
            distance = np.abs(given - expected)
        return distance <= self.tolerance(expected) * (1 + _BOUNDARY_SLACK)
