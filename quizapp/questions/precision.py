"""The precision a prompt asks for, which also decides how strictly an answer is checked."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from quizapp.questions import formatting

# Rounding the exact value to the displayed digits moves it by at most half a unit, plus float
# representation error; this slack keeps the displayed answer accepted at that exact boundary.
_BOUNDARY_SLACK = 1e-6


@dataclass(frozen=True)
class Precision:
    """`decimals` after the point; if `scientific`, of the mantissa (3 significant figures = 2)."""

    decimals: int
    scientific: bool = False

    def text(self, value: float) -> str:
        if self.scientific:
            return formatting.scientific(value, self.decimals)
        return formatting.number(value, self.decimals)

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

    def accepts(self, given: np.ndarray, expected: np.ndarray) -> np.ndarray:
        """Per element: is `given` within tolerance of `expected`?"""
        with np.errstate(over="ignore"):
            distance = np.abs(given - expected)
        return distance <= self.tolerance(expected) * (1 + _BOUNDARY_SLACK)
