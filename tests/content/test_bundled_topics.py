"""The bundled deck's topics (its tags and sections, which the mock and the study picker list side
by side) name each subject once: two spellings of one topic split its cards and its report."""

from __future__ import annotations

import re

from quizapp.content import load_library


def _spelling(topic: str) -> str:
    words = [word.removesuffix("s") for word in re.split(r"[-_ ]+", topic) if word != "the"]
    return "-".join(words)


def test_no_two_topics_are_spellings_of_one() -> None:
    library = load_library(None)
    assert library.problems == []
    deck = library.deck("activation-functions")
    topics = {card.section for card in deck.cards} | {tag for c in deck.cards for tag in c.tags}
    by_spelling: dict[str, set[str]] = {}
    for topic in topics:
        by_spelling.setdefault(_spelling(topic), set()).add(topic)
    assert [names for names in by_spelling.values() if len(names) > 1] == []
