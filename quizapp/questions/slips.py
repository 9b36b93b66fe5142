"""Rounding slips: a value that is right but for its last digits, told apart by the digits typed.

`0.67` for 2/3 asked to 3 decimals is rounded to too few digits; `0.666` is truncated; `0.732` for
0.731 is off by one in the last digit. Each calls for different advice, and only the digits as typed
(`1.000` is not `1`) can tell which one an answer shows. `0.0475` for 0.0474259 asked to 3
decimals is no slip: it is right, and only noted (`past_asked`).
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Sequence
from enum import Enum

from quizapp.questions.precision import BOUNDARY_SLACK, Precision

# Digits fewer than requested that a rounding slip may keep: 0.7 for 0.659 asked to 3 decimals is
# a slip, 1 for 0.731 is another value (ReLU's, a forgotten activation), not a rounded one.
_FEWER_DIGITS = 2
# Products like 0.29 * 100 land a hair off the integer; this many places recover it.
_INTEGER_NOISE = 6
_MANTISSA = re.compile(r"[-+\u2212]?(?P<whole>[0-9]*)(?:\.(?P<fraction>[0-9]*))?")
_EXPONENT_START = "eE×x*·"


class Slip(Enum):
    """How a wrong value is what rounding alone makes of the exact one."""

    SHORT = "rounded to too few digits"
    SHORT_TRUNCATED = "truncated to too few digits"
    TRUNCATED = "truncated at the requested digit"
    LAST_DIGIT = "one unit off in the last requested digit"


def typed_digits(token: str, value: float, scientific: bool) -> int | None:
    """The digits `token` was typed to, counted like `Precision.decimals`: after the point, or
    after the mantissa's first significant digit when `scientific`. None when the token does not
    show them: a fraction (`2/3`), or a zero without decimals (`0` is also how 0.00 is typed) or
    in scientific notation.
    """
    mantissa = _MANTISSA.match(token)
    assert mantissa is not None
    rest = token[mantissa.end() :].lstrip()
    if rest and rest[0] not in _EXPONENT_START:
        return None
    whole, fraction = mantissa["whole"], mantissa["fraction"] or ""
    if value == 0:
        return len(fraction) if fraction and not scientific and not rest else None
    exponent = round(math.log10(abs(value / float(f"0{whole}.{fraction}0"))))
    if not scientific:
        return max(0, len(fraction) - exponent)
    return max(0, len((whole + fraction).lstrip("0")) - 1)


def slip(precision: Precision, typed: float, exact: float, digits: int | None) -> Slip | None:
    """The slip that makes `typed` (typed to `digits`; None: not shown) of `exact`, if any.

    Fewer digits than asked: `exact` rounded or truncated to them. Unless within one unit of the
    last digit asked, at most two fewer, never down to an integer when decimals are asked (nor a
    mantissa without decimals), and never cut away to zero unless one digit short (0 for -0.0013
    typed to 2 decimals where 3 are asked): fewer digits than that no longer look like the exact
    value, and 0 for 0.5 is a wrong value (ReLU of a positive input taken as 0). As many digits as
    asked: truncated, or one unit off the exact or the displayed answer in the last digit. More
    digits than asked: truncated (a value right to the digits asked is not wrong at all, see
    `Precision.accepts_typed`). Digits not shown are any that fit.
    """
    if not (math.isfinite(typed) and math.isfinite(exact)):
        return None
    asked = precision.decimals
    scale = 10.0 ** math.floor(math.log10(abs(exact))) if precision.scientific and exact else 1.0
    # A typed value one unit off the displayed answer lands a hair over one unit in binary.
    unit = 10.0**-asked * scale * (1 + BOUNDARY_SLACK)
    near = abs(typed - exact) <= unit
    if digits is None:
        fits = (_shortened(typed, exact, fewer, asked, scale, near) for fewer in range(asked))
        shortened = next((kind for kind in fits if kind is not None), None)
        if shortened is not None:
            return shortened
    elif digits < asked:
        return _shortened(typed, exact, digits, asked, scale, near)
    elif _close(typed, _cut(exact, digits, scale, math.trunc)):
        return None if _close(typed, _cut(exact, digits, scale, round)) else Slip.TRUNCATED
    shown = float(precision.text(exact))
    return Slip.LAST_DIGIT if near or abs(typed - shown) <= unit else None


def _cut(exact: float, digits: int, scale: float, how: Callable[[float], int]) -> float:
    """`exact` rounded or truncated (`how`) to `digits` (of the mantissa, for `scale` ≠ 1)."""
    shifted = round(exact / scale * 10.0**digits, _INTEGER_NOISE)
    return how(shifted) / 10.0**digits * scale


def _close(typed: float, cut: float) -> bool:
    return math.isclose(typed, cut, rel_tol=1e-9, abs_tol=1e-12)


def _shortened(
    typed: float, exact: float, digits: int, asked: int, scale: float, near: bool
) -> Slip | None:
    fewest = max(asked - _FEWER_DIGITS, min(asked, 1))
    cut_away = typed == 0 and exact != 0 and digits < asked - 1
    if not near and (digits < fewest or cut_away):
        return None
    if _close(typed, _cut(exact, digits, scale, round)):
        return Slip.SHORT
    if _close(typed, _cut(exact, digits, scale, math.trunc)):
        return Slip.SHORT_TRUNCATED
    return None


def advice(precision: Precision, slips: Sequence[Slip], digits: Sequence[int | None]) -> str:
    """What to do about the slips of an answer's wrong values (`digits`: as typed, for those)."""
    kinds = set(slips)
    parts = []
    short = {
        count
        for kind, count in zip(slips, digits, strict=True)
        if kind in (Slip.SHORT, Slip.SHORT_TRUNCATED)
    }
    if short:
        (typed, *others) = short
        count = f", not {typed}" if typed is not None and not others else ""
        parts.append(f"give it {precision.describe()}{count}")
    if kinds & {Slip.SHORT_TRUNCATED, Slip.TRUNCATED}:
        parts.append(
            "round the last digit instead of truncating it (up when the next is 5 or more)"
        )
    if Slip.LAST_DIGIT in kinds:
        parts.append(
            "the last digit asked for is one unit off: check the arithmetic and the rounding"
        )
    return "close, but " + "; ".join(parts)


def past_asked(precision: Precision, typed: str, digits: int, exact: float) -> str:
    """The note on a right value whose digits past those asked (`typed` to `digits`) are off."""
    finer = precision.finer(digits)
    return (
        f"{typed} is right to the {precision.asked()} asked (full credit), but not past them: "
        f"to {finer.asked()} it is {finer.padded(exact)}"
    )
