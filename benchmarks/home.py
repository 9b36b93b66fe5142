"""Home's numbers on a large collection (100,000 cards, 1,000,000 reviews): the light query.

Prints the time of `overview` (what home shows each time it appears: today's queue counts, the
streak, the week ahead, the changed-cards count) against the full path home used to take,
measured in the same run (the review queue, the full statistics and the changed-cards check
hashing every card, as it did each time); both must give the same numbers. Then the
changed-cards check alone, with some cards rewritten. "First" runs on cards whose content hashes
are still to be computed (as on the first home after a deck was read from its files; a deck from
the deck cache brings them); "again" on cards that keep them.

    python benchmarks/home.py [--cards N] [--reviews N] [--changed N] [--repeat N] [--quick]
"""

from __future__ import annotations

import shutil
import sqlite3
import statistics
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

from support.synthetic import (
    SyntheticCard,
    build_collection,
    collection_arguments,
    collection_options,
    scratch_copy,
)
from support.timing import timings

from quizapp.content import Card
from quizapp.study import DATABASE_NAME, ReviewSession, compute_stats, find_changed, open_store
from quizapp.study.overview import Overview, overview


def _timed(action: Callable[[list[Card]], object], cards: list[Card], repeat: int) -> list[float]:
    return timings(lambda: action(cards), repeat)


def _unhashed(cards: list[Card]) -> list[Card]:
    """Copies whose content hashes are still to be computed, as right after reading a deck's
    files."""
    return [replace(card) for card in cards]


def _content_card(card: SyntheticCard) -> Card:
    """The synthetic card as the loader builds one (the real content hash, kept once computed)."""
    return Card(
        card.id,
        "numeric" if card.template else "definition",
        card.deck,
        card.front,
        card.back,
        activation=card.activation,
        template=card.template,
        section=card.section,
    )


def _store_hashes(path: Path, cards: list[Card]) -> None:
    """The stored hashes become the content cards' (the synthetic ones hash differently)."""
    with sqlite3.connect(path) as raw:
        raw.executemany(
            "UPDATE cards SET content_hash = ? WHERE card_id = ? AND content_hash IS NOT NULL",
            ((card.content_hash(), card.id) for card in cards),
        )


def _rewritten(cards: list[Card], count: int) -> list[Card]:
    """`count` cards spread over the deck get a different answer (studied or not)."""
    step = max(1, len(cards) // max(count, 1))
    chosen = set(range(0, len(cards), step)[:count])
    return [
        replace(card, back=f"Rewritten from scratch: {card.id} now asks about something else")
        if index in chosen
        else card
        for index, card in enumerate(cards)
    ]


def main() -> int:
    parser = collection_options(__doc__.splitlines()[0])
    parser.add_argument("--changed", type=int, default=500, help="cards rewritten")
    args = collection_arguments(parser)
    if args.quick:
        args.changed = 20

    collection = scratch_copy(build_collection(args.cards, args.reviews))
    clock = collection.clock()
    original = [_content_card(card) for card in collection.cards]
    try:
        _store_hashes(collection.data_dir / DATABASE_NAME, original)
        cards = _rewritten(original, args.changed)
        store = open_store(collection.data_dir, clock)
        light: list[Overview] = []
        full: list[tuple[object, ...]] = []

        def full_path(shown: list[Card]) -> None:
            stats = compute_stats(store, shown, clock)
            counts = ReviewSession(store, shown).counts()
            upcoming = [day.due for day in stats.forecast[1:8]]
            changed = len(find_changed(store, shown))
            full.append(
                (counts, stats.streak, stats.reviews_today, upcoming[0], sum(upcoming), changed)
            )

        def light_path(shown: list[Card]) -> None:
            light.append(overview(store, shown, clock))

        def check(shown: list[Card]) -> None:
            find_changed(store, shown)

        full_times = [_timed(full_path, _unhashed(cards), 1)[0] for _ in range(args.repeat)]
        first_home = _timed(light_path, _unhashed(cards), 1)
        counts_only = _timed(
            lambda shown: overview(store, shown, clock, check_changes=False), cards, args.repeat
        )
        light_times = _timed(light_path, cards, args.repeat)
        first_check = _timed(check, _unhashed(cards), 1)
        later_checks = _timed(check, cards, args.repeat)
        store.close()
    finally:
        shutil.rmtree(collection.data_dir, ignore_errors=True)

    shown = light[-1]
    same = full[-1] == (
        shown.queue,
        shown.streak,
        shown.reviews_today,
        shown.due_tomorrow,
        shown.due_next_week,
        shown.changed_cards,
    )
    print(
        f"collection: {len(cards):,} cards, {args.reviews:,} reviews, {args.changed} rewritten"
        f" ({shown.changed_cards} of them studied and changed a lot);"
        f" same numbers both ways: {same}"
    )
    reference = statistics.median(full_times)
    print(f"{'operation':<52}{'median':>10}{'max':>10}{'x ref':>8}")
    rows = [
        ("home, the full path it took (reference)", full_times),
        ("home, light query, first (content hashes computed)", first_home),
        ("home, light query, again (hashes kept)", light_times),
        ("home, counts shown before the changed-cards check", counts_only),
        ("changed-cards check, first (hashes computed)", first_check),
        ("changed-cards check, again (hashes kept)", later_checks),
    ]
    for name, times in rows:
        middle = statistics.median(times)
        print(
            f"{name:<52}{middle * 1000:>8.1f}ms{max(times) * 1000:>8.1f}ms"
            f"{middle / reference:>8.2f}"
        )
    return 0 if same else 1


if __name__ == "__main__":
    raise SystemExit(main())
