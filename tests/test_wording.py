"""Counts read in words: "1 card", "2 cards", never "1 card(s)" or "over 1 questions"; shares
as percentages rounded the way people round."""

from __future__ import annotations

import io
import re
import tokenize
from fractions import Fraction
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from quizapp.wording import percent, plural

SOURCE = Path(__file__).resolve().parent.parent / "quizapp"


@given(st.integers(0, 10**6))
def test_one_is_singular_every_other_count_plural(count: int) -> None:
    expected = "1 card" if count == 1 else f"{count} cards"
    assert plural(count, "card") == expected
    assert plural(count, "match", "matches").endswith("match" if count == 1 else "matches")


def test_no_message_counts_with_a_parenthesised_plural() -> None:
    """`N thing(s)` reads wrong for every N: messages use `plural` instead (docstrings, which
    may name the mistake, are left out)."""
    found = []
    for path in sorted(SOURCE.rglob("*.py")):
        tokens = tokenize.generate_tokens(io.StringIO(path.read_text(encoding="utf-8")).readline)
        found += [
            f"{path.relative_to(SOURCE)}:{token.start[0]}: {token.string}"
            for token in tokens
            if token.type == tokenize.STRING
            and not token.string.lstrip("rbfu").startswith(('"""', "'''"))
            and re.search(r"[a-z]\(s\)", token.string)
        ]
    assert found == []


@given(st.integers(1, 2000).flatmap(lambda total: st.tuples(st.integers(0, total), st.just(total))))
def test_a_share_rounds_halves_up_and_is_whole_only_when_it_is(share: tuple[int, int]) -> None:
    """k of n as people round it (1 of 8 is 13%, like 3 of 8 is 38%), except that a share that
    is not all or nothing never reads 100% or 0%."""
    correct, total = share
    exact = Fraction(100 * correct, total)
    rounded = int(exact + Fraction(1, 2))
    if 0 < correct < total:
        rounded = min(max(rounded, 1), 99)
    assert percent(correct / total) == f"{rounded}%"


def test_every_percentage_shown_goes_through_percent() -> None:
    """A format spec such as `:.0%` rounds halves to even and shows 100% for 0.996."""
    found = [
        f"{path.relative_to(SOURCE)}:{number}: {line.strip()}"
        for path in sorted(SOURCE.rglob("*.py"))
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1)
        if re.search(r"\{[^{}]*:[^{}]*%\}", line)
    ]
    assert found == []
