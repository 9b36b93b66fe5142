"""Browse search snippets: the matched word is in the snippet, whatever the text's letters."""

from __future__ import annotations

from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from quizapp.content import Library
from quizapp.content.model import Deck, Paragraph, Section
from quizapp.content.search import search


def library_with(text: str) -> Library:
    section = Section("notes", "Notes", (Paragraph(text),))
    return Library([Deck("mine", Path("mine"), "Mine", "", (), (section,), ())], [])


def test_letters_that_casefold_longer_do_not_shift_the_snippet() -> None:
    text = "Straße " * 40 + "Dying ReLU: units stuck at zero. " + "More words follow here. " * 20
    (hit,) = search(library_with(text), "dying relu")
    assert "Dying ReLU" in hit.snippet


@settings(max_examples=80)
@given(
    st.text(alphabet="aßﬁİΣς ", min_size=100, max_size=300),
    st.sampled_from(["relu", "Sigmoid", "GELU"]),
    st.text(alphabet="xﬁ ", min_size=100, max_size=300),
)
def test_the_snippet_holds_the_matched_word(before: str, word: str, after: str) -> None:
    text = f"{before} {word} {after}"
    (hit,) = search(library_with(text), word.lower())
    assert word in hit.snippet
    assert hit.snippet.strip("…") in " ".join(text.split())
