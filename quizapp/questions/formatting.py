"""How numbers look in prompts, answers and solutions: short, copyable, never `-0`."""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from decimal import ROUND_HALF_UP, Context, Decimal

import numpy as np


def _tidy(text: str) -> str:
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return "0" if text in ("-0", "") else text


_WIDE = Context(prec=400)
"""Room for any double written out in full (the default 28 digits cannot hold 1e30 to 3 places)."""


def _half_up(value: Decimal, decimals: int) -> str:
    quantum = Decimal(1).scaleb(-decimals)
    return f"{value.quantize(quantum, rounding=ROUND_HALF_UP, context=_WIDE):f}"


def rounded(value: float, decimals: int) -> str:
    """`value` to `decimals` places, halves away from zero as taught (0.0625 -> 0.063).

    Python's own formatting rounds halves to even (0.0625 -> 0.062); the grader accepts both.
    Only a shortest repr ending in that very 5 can be a tie (exponent forms are checked the slow
    way); anything else formats the usual way, which agrees off ties.
    """
    text = repr(float(value))
    _, _, fraction = text.partition(".")
    tie = "e" in text or (len(fraction) == decimals + 1 and fraction.endswith("5"))
    if tie and math.isfinite(value):
        return _half_up(Decimal(text), decimals)
    return f"{float(value):.{decimals}f}"


def number(value: float, decimals: int = 6) -> str:
    """A value rounded to `decimals`, without trailing zeros: 0.5, -2, 0.0498."""
    return _tidy(rounded(value, decimals))


def scientific(value: float, decimals: int) -> str:
    """Mantissa with exactly `decimals` decimals (all significant), short exponent: 2.35e-4."""
    exact = Decimal(repr(float(value)))
    if exact == 0:
        return "0"
    exponent = exact.adjusted()
    mantissa = _half_up(exact.scaleb(-exponent), decimals)
    if abs(Decimal(mantissa)) >= 10:
        exponent += 1
        mantissa = _half_up(exact.scaleb(-exponent), decimals)
    return mantissa if exponent == 0 else f"{mantissa}e{exponent}"


def significant(value: float, figures: int) -> str:
    """An intermediate value to `figures` significant figures, plain where readable: 0.009866."""
    if value == 0:
        return "0"
    magnitude = math.floor(math.log10(abs(value)))
    if -5 <= magnitude < 6:
        return number(value, max(0, figures - 1 - magnitude))
    return scientific(value, figures - 1)


def echo(value: float) -> str:
    """What the parser understood, precise enough to recognise one's own input."""
    text = f"{float(value):.6g}"
    if "e" in text:
        mantissa, exponent = text.split("e")
        return f"{mantissa}e{int(exponent)}"
    return _tidy(text)


def join(values: Iterable[str]) -> str:
    return ", ".join(values)


def vector(values: Sequence[float] | np.ndarray, decimals: int = 6) -> str:
    """`[-2, 0.5, 3]`: how an input vector is written in prompts and solutions."""
    return "[" + join(number(value, decimals) for value in np.ravel(values)) + "]"
