"""The search index finds exactly what a plain scan over every searchable text finds."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from quizapp.content import Library, bundled_content_dir, load_decks
from quizapp.content.search import SearchHit, SearchIndex, searchable

LIBRARY = load_decks([bundled_content_dir()])
VOCABULARY = sorted(
    {word for _, texts in searchable(LIBRARY) for text in texts for word in text.casefold().split()}
)


def scanned(library: Library, query: str) -> list[SearchHit]:
    """The reference: every target with one text holding all the query's words, in order."""
    words = query.casefold().split()
    found = []
    for target, texts in searchable(library):
        if words and any(
            all(word in " ".join(text.split()).casefold() for word in words) for text in texts
        ):
            found.append(target)
    return found


def where(hit: SearchHit) -> tuple[str, str | None, str | None, str | None]:
    return hit.deck, hit.section_id, hit.activation, hit.card_id


INDEX = SearchIndex(LIBRARY)


@settings(max_examples=300)
@given(
    st.lists(
        st.sampled_from(VOCABULARY).flatmap(
            lambda word: st.integers(0, len(word) - 1).map(lambda start: word[start:])
        ),
        min_size=1,
        max_size=3,
    )
)
def test_the_index_finds_what_a_full_scan_finds(words: list[str]) -> None:
    query = " ".join(words)
    hits = INDEX.search(query, limit=10**9)
    assert [where(hit) for hit in hits] == [where(hit) for hit in scanned(LIBRARY, query)]
    for hit in hits:
        assert words[0].casefold() in hit.snippet.casefold() or hit.snippet.endswith("…")


def test_cards_of_plain_cards_lists_are_searchable() -> None:
    numeric = next(card for card in LIBRARY.cards if card.kind == "numeric")
    hits = INDEX.search(numeric.front, limit=10**9)
    assert numeric.id in {hit.card_id for hit in hits}


def test_a_query_stops_when_cancelled() -> None:
    assert INDEX.search("the", cancelled=lambda: True) == []
    assert len(INDEX.search("the", limit=5)) == 5
