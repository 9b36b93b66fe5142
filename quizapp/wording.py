"""Counts in words: "1 card", "2 cards". One helper, so no message reads "1 card(s)" or
"over 1 questions". No imports: every layer but the engine may use it."""

from __future__ import annotations


def plural(count: int, noun: str, many: str | None = None) -> str:
    """`count` and `noun`, or its plural unless `count` is 1 (`many`, else `noun` + "s")."""
    return f"{count} {noun if count == 1 else many or noun + 's'}"


def agreeing(count: int, one: str, many: str) -> str:
    """The words that agree with `count`: `one` for 1 ("is", "card was"), else `many`."""
    return one if count == 1 else many


def percent(fraction: float, decimals: int = 0) -> str:
    """`fraction` as a percentage to `decimals` places, halves rounded up (Python's `:.0%` rounds
    them to even: 1 of 8 read 12% beside 3 of 8 at 38%), and 0% or 100% only when it is exactly
    that: a score of 0.996 read "Not quite — score 100%"."""
    scale = 10**decimals
    steps = int(fraction * 100 * scale + 0.5 + 1e-9)
    if fraction > 0:
        steps = max(steps, 1)
    if fraction < 1:
        steps = min(steps, 100 * scale - 1)
    return f"{steps / scale:.{decimals}f}%"
