"""Counts read in words: "1 card", "2 cards", never "1 card(s)" or "over 1 questions"."""

from __future__ import annotations

import io
import re
import tokenize
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from quizapp.wording import plural

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
