"""Numbers a worked solution prints, kept as printed, so the answer they lead to can be checked.

A student redoes a solution's arithmetic with the digits it shows, not with the engine's floats;
`Shown` carries both the text and the value of that text, and a step that combines shown numbers
returns a `Worked`: its text and the answer those very digits give.
"""

from __future__ import annotations

import math
from dataclasses import dataclass


@dataclass(frozen=True)
class Shown:
    """One printed number: `text` as the reader sees it, `value` what they compute with."""

    text: str

    @property
    def value(self) -> float:
        return float(self.text)

    def __str__(self) -> str:
        """Bracketed when negative, so it reads right after an operator: 2 · (-0.5)."""
        return f"({self.text})" if self.text.startswith("-") else self.text


@dataclass(frozen=True)
class Worked:
    """A solution step, the value its printed numbers give (before rounding), and the number it
    ends on as printed (what a following step computes with)."""

    text: str
    value: float
    result: Shown


def equals(value: float, text: str) -> str:
    """`= text` when `text` is `value` itself, `≈ text` when it is `value` rounded."""
    exact = math.isclose(float(text), value, rel_tol=1e-12, abs_tol=1e-300)
    return f"{'=' if exact else '≈'} {text}"
