"""Study-state figures on a large collection: 100,000 cards and 1,000,000 reviews.

Prints the time to open the database, build today's queue, record one answer, undo it (which
rebuilds the queue), compute stats and read the study picker (every deck, section and tag with
its counts; when the next card comes due, which it says when nothing is; also with an interview
day ahead, and the old way, one review session per scope, for comparison), each against its
target (open < 1 s; the others < 100 ms) and against a reference measured in the same run
(SQLite counting the review log), so figures compare across machines.

    python benchmarks/study.py [--cards N] [--reviews N] [--repeat N] [--quick]

`--quick` (2,000 cards, 20,000 reviews, one repeat) is the run the test suite makes, so the
script cannot rot (tests/test_benchmarks.py runs every benchmark that way).
"""

from __future__ import annotations

import shutil
import sqlite3
import statistics
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import timedelta

from support.synthetic import (
    SyntheticCard,
    build_collection,
    collection_arguments,
    collection_options,
    scratch_copy,
)
from support.timing import timings

from quizapp.study import (
    DATABASE_NAME,
    Clock,
    Rating,
    ReviewSession,
    StudyStore,
    compute_stats,
    open_store,
)
from quizapp.study.choices import study_choices
from quizapp.study.custom_study import next_due
from quizapp.study.scope import scopes_for


@dataclass(frozen=True)
class _Question:
    """Question generation has its own benchmark; this stand-in keeps these figures study's."""

    template_id: str
    activation: str | None
    prompt: str = "stand-in"


def _generate(
    template_id: str,
    seed: int,
    *,
    activation: str | None = None,
    params: Mapping[str, object] | None = None,
) -> _Question:
    return _Question(template_id, activation)


def _tagged(cards: Sequence[SyntheticCard]) -> list[SyntheticCard]:
    """The cards tagged by kind and by activation, so the picker lists tags as well."""
    return [
        replace(card, tags=(card.kind, *([card.activation] if card.activation else [])))
        for card in cards
    ]


def _picker(store: StudyStore, cards: Sequence[SyntheticCard], clock: Clock) -> int:
    """The picker's choices, as the screen reads them; returns how many scopes it lists."""
    return len(study_choices(store, cards, clock, {}, {}).scopes)


def _picker_the_old_way(store: StudyStore, cards: Sequence[SyntheticCard]) -> None:
    """What the picker counted with before: one review session over each scope's cards."""
    settings = store.settings()
    for scope in scopes_for(cards, {}, {}):
        ReviewSession(store, scope.select(cards), settings=settings).counts()


def main() -> int:
    args = collection_arguments(collection_options(__doc__.splitlines()[0]))

    collection = scratch_copy(build_collection(args.cards, args.reviews))
    clock = collection.clock()
    path = collection.data_dir / DATABASE_NAME
    try:
        with sqlite3.connect(path) as raw:
            reference = statistics.median(
                timings(lambda: raw.execute("SELECT count(*) FROM reviews").fetchone(), args.repeat)
            )
        opens = timings(lambda: open_store(collection.data_dir, clock).close(), args.repeat)
        store = open_store(collection.data_dir, clock)
        sessions: list[ReviewSession] = []
        queues = timings(
            lambda: sessions.append(ReviewSession(store, collection.cards, generate=_generate)),
            args.repeat,
        )
        session = sessions[-1]
        counts = session.counts()

        def record() -> None:
            item = session.next()
            assert item is not None
            session.record(item, Rating.Good)

        records = timings(record, args.repeat)
        undos = timings(session.undo, args.repeat)
        stats_times = timings(lambda: compute_stats(store, collection.cards, clock), args.repeat)
        tagged = _tagged(collection.cards)
        scopes = _picker(store, tagged, clock)
        pickers = timings(lambda: _picker(store, tagged, clock), args.repeat)
        old_pickers = timings(lambda: _picker_the_old_way(store, tagged), args.repeat)
        next_dues = timings(lambda: next_due(store, collection.cards, clock.now()), args.repeat)
        interview = clock.now().date() + timedelta(days=30)
        store.set_setting("interview_date", interview.isoformat())
        interview_pickers = timings(lambda: _picker(store, tagged, clock), args.repeat)
        interview_queues = timings(
            lambda: ReviewSession(store, collection.cards, generate=_generate), args.repeat
        )
        store.close()
    finally:
        shutil.rmtree(collection.data_dir, ignore_errors=True)

    print(
        f"collection: {len(collection.cards):,} cards, {args.reviews:,} reviews; today's queue: "
        f"{counts.learning} learning, {counts.review} reviews, {counts.new} new"
    )
    print(f"reference (SQLite count of the review log): {reference * 1000:.1f} ms")
    print(f"{'operation':<28}{'median':>10}{'max':>10}{'target':>10}{'of target':>11}{'x ref':>8}")
    rows = [
        ("open database", opens, 1.0),
        ("build today's queue", queues, 0.1),
        ("record one answer", records, 0.1),
        ("undo one answer", undos, 0.1),
        ("compute stats", stats_times, 0.1),
        (f"study picker ({scopes} scopes)", pickers, 0.1),
        ("  one session per scope", old_pickers, 0.1),
        ("  next due (nothing due)", next_dues, 0.1),
        ("  interview day ahead", interview_pickers, 0.1),
        ("queue, interview ahead", interview_queues, 0.1),
    ]
    for name, times, target in rows:
        middle = statistics.median(times)
        print(
            f"{name:<28}{middle * 1000:>8.1f}ms{max(times) * 1000:>8.1f}ms{target * 1000:>8.0f}ms"
            f"{middle / target:>10.0%}{middle / reference:>8.1f}"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
