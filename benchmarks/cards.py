"""The card browser on a large collection: 100,000 cards and 1,000,000 reviews.

Prints the time to read the collection (once, when the browser opens), to run searches over it
(each keystroke; run in a worker, the table shows one page of the matches) and to read one card's
history, against a reference measured in the same run (SQLite counting the review log).

    python benchmarks/cards.py [--cards N] [--reviews N] [--repeat N] [--quick]

`--quick` (2,000 cards, 20,000 reviews, one repeat) is the run the test suite makes, so the
script cannot rot (tests/test_benchmarks.py runs every benchmark that way).
"""

from __future__ import annotations

import shutil
import sqlite3
import statistics

from support.synthetic import (
    build_collection,
    collection_arguments,
    collection_options,
    scratch_copy,
)
from support.timing import timings

from quizapp.study import DATABASE_NAME, open_store
from quizapp.study.card_browser import CardCollection, card_history

SEARCHES = ("", "is:due", "is:suspended deck:synthetic-1", "-is:new relu")


def main() -> int:
    args = collection_arguments(collection_options(__doc__.splitlines()[0]))

    collection = scratch_copy(build_collection(args.cards, args.reviews))
    clock = collection.clock()
    titles = {card.deck: card.deck for card in collection.cards}
    try:
        with sqlite3.connect(collection.data_dir / DATABASE_NAME) as raw:
            reference = statistics.median(
                timings(lambda: raw.execute("SELECT count(*) FROM reviews").fetchone(), args.repeat)
            )
        with open_store(collection.data_dir, clock) as store:
            loaded: list[CardCollection] = []
            loads = timings(
                lambda: loaded.append(CardCollection(store, collection.cards, titles)),
                args.repeat,
            )
            browser = loaded[-1]
            rows = [("read the collection", loads, 1.0)]
            for query in SEARCHES:
                found = len(browser.search(query))
                times = timings(lambda query=query: browser.search(query), args.repeat)
                rows.append((f"search {query!r} ({found:,})", times, 0.1))
            card_id = collection.cards[1].id
            rows.append(
                (
                    "one card's history",
                    timings(lambda: card_history(store, card_id), args.repeat),
                    0.1,
                )
            )
    finally:
        shutil.rmtree(collection.data_dir, ignore_errors=True)

    print(f"collection: {len(collection.cards):,} cards, {args.reviews:,} reviews")
    print(f"reference (SQLite count of the review log): {reference * 1000:.1f} ms")
    print(f"{'operation':<44}{'median':>10}{'max':>10}{'target':>10}{'x ref':>8}")
    for name, times, target in rows:
        middle = statistics.median(times)
        print(
            f"{name:<44}{middle * 1000:>8.1f}ms{max(times) * 1000:>8.1f}ms"
            f"{target * 1000:>8.0f}ms{middle / reference:>8.1f}"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
