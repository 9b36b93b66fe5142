"""Search over everything a deck says: sections, function entries and cards.

The texts are flattened and casefolded once into a `SearchIndex` (one string holding them all), so
a query is a few C-level `str.find` calls over that string instead of a Python loop over every
text: typing stays instant at 100,000 cards.
"""

from __future__ import annotations

import bisect
import threading
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass

from quizapp.content.model import REVERSE_SUFFIX, Card, Deck, Library

SNIPPET_WIDTH = 70
COUNT_SAMPLE = 200_000
PLAIN_CARD_FIELD = "cards"
"""Cards written in a deck's `cards:` list: no section or function entry shows them."""


@dataclass(frozen=True)
class SearchHit:
    """Where a match is: a section (`section_id`), a function entry (`activation`) or a card
    written outside any section (`card_id`)."""

    deck: str
    title: str
    snippet: str
    section_id: str | None = None
    activation: str | None = None
    card_id: str | None = None


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


def _plain_cards(deck: Deck) -> Iterator[Card]:
    """The deck's cards that no section or function entry shows (a reverse card repeats its
    forward card's text, so only the forward one is listed)."""
    for card in deck.cards:
        source = deck.sources.get(card.id)
        if card.id.endswith(REVERSE_SUFFIX) or source is None:
            continue
        if source.field.split("[", 1)[0] == PLAIN_CARD_FIELD:
            yield card


def card_texts(card: Card) -> Iterator[str]:
    """The plain text pieces of a card, for searching."""
    yield from (card.front, card.back, *card.key_points, *card.options)
    if card.exercise is not None:
        yield card.exercise.task


def searchable(library: Library) -> Iterator[tuple[SearchHit, Iterable[str]]]:
    """Everything searchable, in the order hits are listed, with its texts (snippet left empty)."""
    for deck in library.decks:
        for entry in deck.functions:
            yield (
                SearchHit(deck.name, entry.display_name, "", activation=entry.activation),
                (entry.texts()),
            )
        for section in deck.sections:
            texts = (text for block in section.blocks for text in block.texts())
            yield (
                SearchHit(deck.name, section.title, "", section_id=section.id),
                (
                    section.title,
                    *texts,
                ),
            )
        for card in _plain_cards(deck):
            yield SearchHit(deck.name, card.front, "", card_id=card.id), card_texts(card)


class SearchIndex:
    """Every searchable text of a library, flattened and casefolded once.

    `corpus` joins the folded texts with newlines (a flattened text holds none), `starts[i]` is
    where text i begins in it and `owners[i]` the target it belongs to."""

    def __init__(self, library: Library) -> None:
        self._targets: list[SearchHit] = []
        self._texts: list[str] = []
        self.owners: list[int] = []
        folded: list[str] = []
        for target, texts in searchable(library):
            for text in texts:
                flat = " ".join(text.split())
                self._texts.append(flat)
                folded.append(flat.casefold())
                self.owners.append(len(self._targets))
            self._targets.append(target)
        self.starts: list[int] = []
        position = 0
        for text in folded:
            self.starts.append(position)
            position += len(text) + 1
        self.corpus = "\n".join(folded)
        self._next_target_text = self._first_text_of_next_target()

    def _first_text_of_next_target(self) -> list[int]:
        """For each text, the index of the first text of the next target (to skip past a target
        once it matched)."""
        following = [len(self.owners)] * len(self.owners)
        boundary = len(self.owners)
        for index in range(len(self.owners) - 1, -1, -1):
            following[index] = boundary
            if index == 0 or self.owners[index - 1] != self.owners[index]:
                boundary = index
        return following

    def _estimated_count(self, word: str) -> tuple[int, int]:
        """How often a word occurs in a sample of the corpus (longer first on a tie): the rarest
        word is the one to look for, since every place it occurs must be checked for the rest."""
        return self.corpus.count(word, 0, COUNT_SAMPLE), -len(word)

    def _folded_text(self, index: int) -> str:
        end = self.starts[index + 1] - 1 if index + 1 < len(self.starts) else len(self.corpus)
        return self.corpus[self.starts[index] : end]

    def search(
        self, query: str, limit: int = 50, cancelled: Callable[[], bool] = lambda: False
    ) -> list[SearchHit]:
        """The first `limit` targets with a text containing all the query's words
        (case-insensitive); stops early, returning what it has, once `cancelled()` is true."""
        words = query.casefold().split()
        if not words or not self.corpus:
            return []
        probe = min(words, key=self._estimated_count) if len(words) > 1 else words[0]
        hits: list[SearchHit] = []
        position = self.corpus.find(probe)
        while position != -1 and len(hits) < limit and not cancelled():
            index = bisect.bisect_right(self.starts, position) - 1
            if all(word in self._folded_text(index) for word in words):
                hits.append(self._hit(index, words[0]))
                skip_to = self._next_target_text[index]
            else:
                skip_to = index + 1
            if skip_to >= len(self.starts):
                break
            position = self.corpus.find(probe, self.starts[skip_to])
        return hits

    def _hit(self, index: int, first_word: str) -> SearchHit:
        target = self._targets[self.owners[index]]
        flat = self._texts[index]
        folded, origin = _casefolded(flat)
        snippet = _snippet(flat, origin[folded.find(first_word)])
        return SearchHit(
            target.deck,
            target.title,
            snippet,
            section_id=target.section_id,
            activation=target.activation,
            card_id=target.card_id,
        )


_built: tuple[Library, SearchIndex] | None = None
_building = threading.Lock()


def index_for(library: Library) -> SearchIndex:
    """The library's index, built on first use and kept (one library per process); safe to call
    from several threads at once (the second waits for the first's build)."""
    global _built
    with _building:
        if _built is None or _built[0] is not library:
            _built = (library, SearchIndex(library))
        return _built[1]


def search(library: Library, query: str, limit: int = 50) -> list[SearchHit]:
    """Every section, function entry and plain card with a text containing all the query's
    words."""
    return index_for(library).search(query, limit)
