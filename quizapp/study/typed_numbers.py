"""Numbers as a user types them (a setting on the CLI, a count in a dialog): ASCII digits only.

Python's `int` and `float` also read other scripts' digits (`٣` is 3), underscores (`1_000`) and
any length: a typo would be stored as a number nobody typed. Here a whole number is an optional
sign and the digits 0-9, a decimal one the same with a point or an exponent; anything else is
refused with a message that names what was expected.
"""

from __future__ import annotations

import re

_WHOLE = re.compile(r"[+-]?[0-9]+")
_DECIMAL = re.compile(r"[+-]?(?:[0-9]+\.?[0-9]*|\.[0-9]+)(?:[eE][+-]?[0-9]+)?")
_SHOWN = 24
"""Characters of a refused text quoted in the message."""
_LONGEST = 24
"""Digits beyond any bound: such a number is refused as typed (`int` refuses 4301 digits)."""


def whole_number(text: str, what: str, least: int, most: int) -> int:
    """`text` as a whole number in `least..most`; ValueError says what `what` must be."""
    typed = text.strip()
    if not _WHOLE.fullmatch(typed):
        raise ValueError(f"{what} must be a whole number, got {_quoted(typed)} (digits 0-9 only)")
    if len(typed.lstrip("+-").lstrip("0")) > _LONGEST:  # far out of range: not converted
        raise ValueError(f"{what} must be between {least} and {most}, got {_quoted(typed)}")
    value = int(typed)
    if not least <= value <= most:
        raise ValueError(f"{what} must be between {least} and {most}, got {value}")
    return value


def decimal_number(text: str, what: str) -> float:
    """`text` as a number written with the digits 0-9 (its range is the caller's rule)."""
    typed = text.strip()
    if not _DECIMAL.fullmatch(typed):
        raise ValueError(f"{what} must be a number, got {_quoted(typed)} (digits 0-9 only)")
    return float(typed)


def _quoted(text: str) -> str:
    return repr(text if len(text) <= _SHOWN else text[:_SHOWN] + "…")
