"""A reusable synthetic collection: 100,000 cards and 1,000,000 reviews in a real study database.

Built with bulk inserts straight into the store's schema (the aggregate triggers run as they would
for real answers), deterministic from a seed, and cached under the temp dir keyed by a version so
reruns are quick. Benchmarks open a scratch copy (`scratch_copy`) so they never alter the cache.
"""

from __future__ import annotations

import argparse
import hashlib
import shutil
import sys
import tempfile
import time
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

import numpy as np

from quizapp.study import DATABASE_NAME, FakeClock, StudyStore, open_store
from quizapp.study.micros import to_micros
from quizapp.study.migrations import latest_version

BUILDER_VERSION = 2
NOW = datetime(2025, 6, 2, 9, 0, tzinfo=UTC)
HISTORY_DAYS = 730
STUDIED_SHARE = 0.8
SKILL_EVERY = 10
TEMPLATES = ("activation-vector", "derivative-point", "softmax-logits", "neuron-forward")
ACTIVATIONS = ("sigmoid", "tanh", "relu", "leaky_relu", "elu", "gelu", "softmax")
SECTIONS = ("overview", "concepts", "formulas", "applications", "comparison", "interview")
_DAY_US = 86_400_000_000


@dataclass(frozen=True)
class SyntheticCard:
    """Has every attribute the study layer reads from a content card."""

    id: str
    front: str
    back: str
    kind: str
    deck: str
    section: str
    activation: str | None = None
    template: str | None = None
    key_points: tuple[str, ...] = ()
    options: tuple[str, ...] = ()
    params: Mapping[str, object] = field(default_factory=dict)
    tags: tuple[str, ...] = ()
    difficulty: int = 3

    def content_hash(self) -> str:
        return hashlib.sha1(f"{self.front}\n{self.back}".encode()).hexdigest()


@dataclass(frozen=True)
class SyntheticCollection:
    data_dir: Path
    cards: list[SyntheticCard]
    now: datetime

    def clock(self) -> FakeClock:
        return FakeClock(self.now)


def synthetic_cards(count: int) -> list[SyntheticCard]:
    cards = []
    for index in range(count):
        skill = index % SKILL_EVERY == 0
        activation = ACTIVATIONS[index % len(ACTIVATIONS)]
        cards.append(
            SyntheticCard(
                id=f"syn-{index:06d}",
                front=f"Synthetic question {index} about {activation}",
                back="" if skill else f"Synthetic answer {index}",
                kind="numeric" if skill else "definition",
                deck=f"synthetic-{index % 4}",
                section=SECTIONS[index % len(SECTIONS)],
                activation=activation if skill or index % 3 == 0 else None,
                template=TEMPLATES[index % len(TEMPLATES)] if skill else None,
            )
        )
    return cards


def cache_dir(cards: int, reviews: int) -> Path:
    key = f"v{BUILDER_VERSION}-schema{latest_version()}-{cards}-{reviews}"
    return Path(tempfile.gettempdir()) / "quizapp-bench" / f"synthetic-{key}"


def build_collection(
    cards: int = 100_000, reviews: int = 1_000_000, *, seed: int = 20250602
) -> SyntheticCollection:
    """The cached collection, building it first when missing (atomically: a half-built one is
    never reused)."""
    target = cache_dir(cards, reviews)
    deck = synthetic_cards(cards)
    if not (target / DATABASE_NAME).exists():
        target.parent.mkdir(parents=True, exist_ok=True)
        partial = Path(tempfile.mkdtemp(prefix=target.name + ".partial-", dir=target.parent))
        started = time.perf_counter()
        with open_store(partial, FakeClock(NOW)) as store:
            _fill(store, deck, reviews, np.random.default_rng(seed))
        print(
            f"built synthetic collection ({cards:,} cards, {reviews:,} reviews) in "
            f"{time.perf_counter() - started:.1f} s at {target}",
            file=sys.stderr,
        )
        partial.rename(target)
    return SyntheticCollection(target, deck, NOW)


def collection_options(description: str) -> argparse.ArgumentParser:
    """The options of every benchmark over the synthetic collection; read them with
    `collection_arguments`, which shrinks the run for `--quick`."""
    parser = argparse.ArgumentParser(description=description)
    parser.add_argument("--cards", type=int, default=100_000)
    parser.add_argument("--reviews", type=int, default=1_000_000)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--quick", action="store_true", help="a tiny run that checks it works")
    return parser


def collection_arguments(parser: argparse.ArgumentParser) -> argparse.Namespace:
    """The parsed options; `--quick` (the suite's smoke run) means 2,000 cards, 20,000
    reviews, one repeat."""
    args = parser.parse_args()
    if args.quick:
        args.cards, args.reviews, args.repeat = 2_000, 20_000, 1
    return args


def scratch_copy(collection: SyntheticCollection) -> SyntheticCollection:
    """A throw-away copy to write into, so the cached file stays as built."""
    scratch = Path(tempfile.mkdtemp(prefix="quizapp-bench-run-"))
    shutil.copy2(collection.data_dir / DATABASE_NAME, scratch / DATABASE_NAME)
    return SyntheticCollection(scratch, collection.cards, collection.now)


def _fill(
    store: StudyStore, deck: list[SyntheticCard], reviews: int, rng: np.random.Generator
) -> None:
    now_us = to_micros(NOW)
    count = len(deck)
    studied = np.sort(rng.choice(count, size=int(count * STUDIED_SHARE), replace=False))
    interval_days = np.clip(rng.lognormal(mean=3.0, sigma=1.0, size=len(studied)), 1, 3650)
    history_end = now_us - 6 * 3_600_000_000  # before today's 4 am rollover: today is untouched
    elapsed = rng.uniform(0, 1, len(studied)) * interval_days * _DAY_US
    last_review = history_end - elapsed.astype(np.int64)
    owner = np.concatenate(
        [np.arange(len(studied)), rng.integers(0, len(studied), reviews - len(studied))]
    )
    is_last = np.zeros(reviews, dtype=bool)
    is_last[: len(studied)] = True
    back_in_time = (rng.uniform(0, HISTORY_DAYS, reviews) * _DAY_US).astype(np.int64)
    at = np.where(is_last, last_review[owner], last_review[owner] - back_in_time)
    order = np.argsort(at, kind="stable")
    owner, at = owner[order], at[order]
    ratings = rng.choice(4, size=reviews, p=[0.1, 0.15, 0.65, 0.1]) + 1
    per_card_rank = _rank_within(owner)
    prev_state = np.where(per_card_rank == 0, 0, np.where(rng.uniform(size=reviews) < 0.1, 3, 2))
    mature = (per_card_rank >= 4) & (rng.uniform(size=reviews) < 0.8)
    durations = np.clip(rng.lognormal(mean=9.0, sigma=0.6, size=reviews), 500, 600_000).astype(int)
    days = ((at - 4 * 3_600_000_000) // _DAY_US).astype("datetime64[D]").astype(str)
    seeds = rng.integers(0, 2**31, reviews)
    card_index = studied[owner]
    with store.transaction() as connection:
        connection.executemany(
            "INSERT INTO reviews (card_id, mode, reviewed_at, day, rating, duration_ms, prev_state,"
            " mature, correct, template, activation, seed, content_hash, state_before)"
            " VALUES (?, 'scheduled', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, NULL)",
            (
                _review_row(
                    deck[int(card_index[i])],
                    int(at[i]),
                    str(days[i]),
                    int(ratings[i]),
                    int(durations[i]),
                    int(prev_state[i]),
                    int(mature[i]),
                    int(seeds[i]),
                )
                for i in range(reviews)
            ),
        )
        connection.executemany(
            "INSERT INTO cards (card_id, state, step, stability, difficulty, due, last_review,"
            " reps, lapses, suspended, leech, content_hash, topic)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            _card_rows(deck, studied, owner, ratings, interval_days, last_review, rng),
        )
        connection.executemany(
            "INSERT INTO card_texts (card_id, content_text) VALUES (?, ?)",
            (
                (deck[int(index)].id, f"{deck[int(index)].front}\n{deck[int(index)].back}")
                for index in studied
            ),
        )


def _review_row(
    card: SyntheticCard,
    at: int,
    day: str,
    rating: int,
    duration: int,
    prev_state: int,
    mature: int,
    seed: int,
) -> tuple[object, ...]:
    skill = card.template is not None
    return (
        card.id,
        at,
        day,
        rating,
        duration,
        prev_state,
        mature,
        int(rating > 1),
        card.template,
        card.activation,
        seed if skill else None,
        card.content_hash(),
    )


def _rank_within(owner: np.ndarray) -> np.ndarray:
    """For each review, how many earlier reviews its card already had."""
    order = np.argsort(owner, kind="stable")
    sorted_owner = owner[order]
    starts = np.r_[0, np.flatnonzero(np.diff(sorted_owner)) + 1]
    run_start = np.repeat(starts, np.diff(np.r_[starts, len(owner)]))
    ranks = np.empty_like(owner)
    ranks[order] = np.arange(len(owner)) - run_start
    return ranks


def _card_rows(
    deck: list[SyntheticCard],
    studied: np.ndarray,
    owner: np.ndarray,
    ratings: np.ndarray,
    interval_days: np.ndarray,
    last_review: np.ndarray,
    rng: np.random.Generator,
) -> list[tuple[object, ...]]:
    reps = np.bincount(owner, minlength=len(studied))
    lapses = np.bincount(owner, weights=ratings == 1, minlength=len(studied)).astype(int)
    states = rng.choice([1, 2, 3], size=len(studied), p=[0.001, 0.997, 0.002])
    rows = []
    for i, index in enumerate(studied):
        card = deck[int(index)]
        state = int(states[i])
        due = (
            int(last_review[i] + interval_days[i] * _DAY_US)
            if state == 2
            else int(last_review[i] + 600_000_000)
        )
        rows.append(
            (
                card.id,
                state,
                None if state == 2 else 0,
                float(interval_days[i]) * 1.1,
                float(rng.uniform(1, 10)),
                due,
                int(last_review[i]),
                int(reps[i]),
                int(lapses[i]),
                int(rng.uniform() < 0.005),
                int(lapses[i] >= 8),
                card.content_hash(),
                card.section,
            )
        )
    return rows
