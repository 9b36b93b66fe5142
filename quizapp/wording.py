"""Counts in words: "1 card", "2 cards". One helper, so no message reads "1 card(s)" or
"over 1 questions". No imports: every layer but the engine may use it."""

from __future__ import annotations


def plural(count: int, noun: str, many: str | None = None) -> str:
    """`count` and `noun`, or its plural unless `count` is 1 (`many`, else `noun` + "s")."""
    return f"{count} {noun if count == 1 else many or noun + 's'}"


def agreeing(count: int, one: str, many: str) -> str:
    """The words that agree with `count`: `one` for 1 ("is", "card was"), else `many`."""
    return one if count == 1 else many
