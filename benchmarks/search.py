"""Browse search per keystroke on a synthetic 100,000-card deck written as a plain `cards:` list.

Run: python benchmarks/search.py [--cards N] [--quick]

Types a query one character at a time and times each query on the search index against the
reference measured in the same run: a plain `str.find` scan over the same texts, already flattened
and casefolded (the loop the index replaces, without its own overheads), stopping, like the index,
at 50 hits. Also prints the one-off cost of building the index (done in a worker when Browse opens).
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
from pathlib import Path

from support.timing import timed

from content import write_synthetic_deck
from quizapp.content import load_deck
from quizapp.content.model import Library
from quizapp.content.search import SearchIndex, searchable

LIMIT = 50


def typed(query: str) -> list[str]:
    """What the search box holds after each keystroke."""
    return [query[: end + 1] for end in range(len(query)) if query[end] != " "]


def scan(texts: list[tuple[int, str]], query: str) -> list[int]:
    """The reference: the first targets with a text holding every word, by `str.find`."""
    words = query.casefold().split()
    found: list[int] = []
    for owner, text in texts:
        if found and found[-1] == owner:
            continue
        if all(text.find(word) != -1 for word in words):
            found.append(owner)
            if len(found) == LIMIT:
                break
    return found


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cards", type=int, default=100_000)
    parser.add_argument("--quick", action="store_true", help="a tiny run that checks it works")
    args = parser.parse_args()
    if args.quick:
        args.cards = 500

    with tempfile.TemporaryDirectory() as name:
        folder = Path(name) / "synthetic"
        folder.mkdir()
        write_synthetic_deck(folder, args.cards)
        library = Library([load_deck(folder)], [])

    texts = [
        (owner, " ".join(text.split()).casefold())
        for owner, (_, pieces) in enumerate(searchable(library))
        for text in pieces
    ]
    index_seconds = timed(lambda: SearchIndex(library))
    index = SearchIndex(library)
    last = args.cards - 1
    queries = [
        *typed(f"synthetic card {last} sentence"),
        *typed(f"numeric drill {last - last % 5 + 4}"),
        *typed("no such word"),
    ]
    indexed, scanned = [], []
    for query in queries:
        indexed.append(timed(lambda query=query: index.search(query, LIMIT)))
        scanned.append(timed(lambda query=query: scan(texts, query)))

    print(f"synthetic deck: {args.cards:,} plain cards, {len(texts):,} texts, {len(queries)} keys")
    print(f"  index build (once)       {index_seconds * 1000:8.1f} ms")
    for label, figures in (("index", indexed), ("str.find scan", scanned)):
        median, worst = statistics.median(figures) * 1000, max(figures) * 1000
        print(f"  {label:<14} per key  median {median:7.2f} ms   worst {worst:7.2f} ms")
    median_ratio = statistics.median(indexed) / statistics.median(scanned)
    worst_ratio = max(indexed) / max(scanned)
    print(f"  ratio (index / scan)     median {median_ratio:.3f}   worst {worst_ratio:.3f}")


if __name__ == "__main__":
    main()
