"""Search over everything a deck says: sections, function entries and cards."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from quizapp.content.model import Library

SNIPPET_WIDTH = 70


@dataclass(frozen=True)
class SearchHit:
    """Where a match is: a section (`section_id`) or a function entry (`activation`)."""

    deck: str
    title: str
    snippet: str
    section_id: str | None = None
    activation: str | None = None


def _snippet(flat: str, start: int) -> str:
    start = max(0, start - SNIPPET_WIDTH // 3)
    piece = flat[start : start + SNIPPET_WIDTH]
    return ("…" if start else "") + piece + ("…" if start + SNIPPET_WIDTH < len(flat) else "")


def _casefolded(text: str) -> tuple[str, list[int]]:
    """The text casefolded, and for each of its characters the position it came from: a letter
    such as 'ß' folds to two, so positions in the folded text drift from the original's."""
    folded: list[str] = []
    origin: list[int] = []
    for position, char in enumerate(text):
        piece = char.casefold()
        folded.append(piece)
        origin.extend([position] * len(piece))
    return "".join(folded), origin


def _first_match(texts: Iterable[str], words: list[str]) -> str | None:
    """A snippet of the first text holding every word (case-insensitive), or None."""
    for text in texts:
        flat = " ".join(text.split())
        folded, origin = _casefolded(flat)
        if all(word in folded for word in words):
            return _snippet(flat, origin[folded.find(words[0])])
    return None


def search(library: Library, query: str, limit: int = 50) -> list[SearchHit]:
    """Every section and function entry with a text containing all the query's words."""
    words = query.casefold().split()
    if not words:
        return []
    hits: list[SearchHit] = []
    for deck in library.decks:
        for entry in deck.functions:
            found = _first_match(entry.texts(), words)
            if found is not None:
                hits.append(
                    SearchHit(deck.name, entry.display_name, found, activation=entry.activation)
                )
        for section in deck.sections:
            texts = (text for block in section.blocks for text in block.texts())
            found = _first_match([section.title, *texts], words)
            if found is not None:
                hits.append(SearchHit(deck.name, section.title, found, section_id=section.id))
    return hits[:limit]
