"""Study statistics for the stats screen and `quizapp stats`, computed from SQL aggregates.

The review log's per-day and per-skill totals are kept by triggers (see migrations), so nothing here
scans the million-row log; the per-card figures read one row per studied card into numpy.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, fields, is_dataclass
from datetime import date, datetime, timedelta
from enum import Enum
from typing import Any

import numpy as np
from fsrs import State

from quizapp.study.clock import Clock
from quizapp.study.protocols import StudyCard
from quizapp.study.state import to_micros
from quizapp.study.store import StudyStore

FORECAST_DAYS = 30
RECENT_DAYS = 30
_DAY_US = 86_400_000_000


@dataclass(frozen=True)
class DayActivity:
    day: date
    scheduled: int
    cram: int
    practice: int
    passed: int
    minutes: float


@dataclass(frozen=True)
class Retention:
    """Share of scheduled reviews of mature cards (interval >= 21 days) that were passed."""

    reviews: int
    passed: int
    rate: float | None


@dataclass(frozen=True)
class Accuracy:
    name: str
    attempts: int
    correct: int
    rate: float


@dataclass(frozen=True)
class ForecastDay:
    day: date
    due: int


@dataclass(frozen=True)
class CardCounts:
    total: int
    new: int
    learning: int
    review: int
    relearning: int
    suspended: int
    buried: int
    leeches: int
    orphans: int


@dataclass(frozen=True)
class Leech:
    card_id: str
    lapses: int
    front: str


@dataclass(frozen=True)
class TopicRecall:
    """Predicted recall on `Stats.recall_date`: `expected` averages every card of the topic (a card
    never studied counts as 0), `studied` only the studied ones."""

    topic: str
    cards: int
    studied_cards: int
    expected: float
    studied: float | None


@dataclass(frozen=True)
class Stats:
    generated_at: datetime
    today: date
    recall_date: date
    reviews_today: int
    streak: int
    longest_streak: int
    days: tuple[DayActivity, ...]
    true_retention: Retention
    true_retention_recent: Retention
    forecast: tuple[ForecastDay, ...]
    cards: CardCounts
    accuracy_by_activation: tuple[Accuracy, ...]
    accuracy_by_family: tuple[Accuracy, ...]
    leeches: tuple[Leech, ...]
    recall: tuple[TopicRecall, ...]

    def to_dict(self) -> dict[str, Any]:
        """Plain JSON types only: dates as ISO strings, tuples as lists."""
        return _plain(self)


def _plain(value: Any) -> Any:
    if is_dataclass(value) and not isinstance(value, type):
        return {field.name: _plain(getattr(value, field.name)) for field in fields(value)}
    if isinstance(value, tuple | list):
        return [_plain(item) for item in value]
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, Enum):
        return value.name
    return value


def compute_stats(
    store: StudyStore, cards: Iterable[StudyCard], clock: Clock, *, until: date | None = None
) -> Stats:
    """Everything the stats screen shows; `until` is the day to predict recall for (default
    today), e.g. the interview day."""
    cards = list(cards)
    now = clock.now()
    calendar = store.settings().calendar(clock.zone)
    today = calendar.day_of(now)
    recall_date = until or today
    days = _days(store)
    streak, longest = _streaks({activity.day for activity in days}, today)
    by_id = {card.id: card for card in cards}
    per_card = _PerCard.read(store, by_id)
    boundaries = [calendar.start_of(today + timedelta(days=i)) for i in range(1, FORECAST_DAYS + 1)]
    return Stats(
        generated_at=now,
        today=today,
        recall_date=recall_date,
        reviews_today=sum(
            activity.scheduled + activity.cram + activity.practice
            for activity in days
            if activity.day == today
        ),
        streak=streak,
        longest_streak=longest,
        days=tuple(days),
        true_retention=_retention(store, None),
        true_retention_recent=_retention(store, today - timedelta(days=RECENT_DAYS - 1)),
        forecast=tuple(
            ForecastDay(today + timedelta(days=offset), due)
            for offset, due in enumerate(per_card.forecast(boundaries))
        ),
        cards=per_card.counts(len(by_id), today, store),
        accuracy_by_activation=_accuracy(store, "activation"),
        accuracy_by_family=_accuracy(store, "template"),
        leeches=per_card.leeches(by_id),
        recall=per_card.recall(cards, calendar.midday_of(recall_date), store),
    )


def _days(store: StudyStore) -> list[DayActivity]:
    totals: dict[str, dict[str, int]] = {}
    for day, mode, reviews, passed, duration_ms in store.query(
        "SELECT day, mode, reviews, passed, duration_ms FROM review_days ORDER BY day"
    ):
        entry = totals.setdefault(
            day, {"scheduled": 0, "cram": 0, "practice": 0, "passed": 0, "duration_ms": 0}
        )
        entry[mode] += reviews
        entry["duration_ms"] += duration_ms
        if mode == "scheduled":
            entry["passed"] += passed
    return [
        DayActivity(
            day=date.fromisoformat(day),
            scheduled=entry["scheduled"],
            cram=entry["cram"],
            practice=entry["practice"],
            passed=entry["passed"],
            minutes=round(entry["duration_ms"] / 60_000, 1),
        )
        for day, entry in totals.items()
    ]


def _streaks(active: set[date], today: date) -> tuple[int, int]:
    """Current streak: consecutive active days ending today, or yesterday when today has nothing
    yet (the day is not over). Longest: the longest run ever."""
    start = today if today in active else today - timedelta(days=1)
    current = 0
    while start - timedelta(days=current) in active:
        current += 1
    longest = run = 0
    previous: date | None = None
    for day in sorted(active):
        run = run + 1 if previous is not None and day - previous == timedelta(days=1) else 1
        longest = max(longest, run)
        previous = day
    return current, longest


def _retention(store: StudyStore, since: date | None) -> Retention:
    reviews, passed = store.query(
        "SELECT coalesce(sum(mature), 0), coalesce(sum(mature_passed), 0) FROM review_days "
        "WHERE mode = 'scheduled' AND day >= ?",
        ((since or date.min).isoformat(),),
    )[0]
    return Retention(reviews, passed, round(passed / reviews, 4) if reviews else None)


def _accuracy(store: StudyStore, column: str) -> tuple[Accuracy, ...]:
    rows = store.query(
        f"SELECT {column}, sum(attempts), sum(correct) FROM skill_totals "
        f"WHERE {column} != '' GROUP BY {column} ORDER BY {column}"
    )
    return tuple(
        Accuracy(name, attempts, correct, round(correct / attempts, 4))
        for name, attempts, correct in rows
        if attempts
    )


@dataclass(frozen=True)
class _PerCard:
    """One row per stored card that the content still has, as parallel arrays."""

    ids: list[str]
    state: np.ndarray
    due: np.ndarray
    last_review: np.ndarray
    stability: np.ndarray
    suspended: np.ndarray
    buried_until: list[str | None]
    leech: np.ndarray
    lapses: np.ndarray

    @classmethod
    def read(cls, store: StudyStore, by_id: dict[str, StudyCard]) -> _PerCard:
        rows = [
            row
            for row in store.query(
                "SELECT card_id, coalesce(state, 0), coalesce(due, 0), coalesce(last_review, 0), "
                "coalesce(stability, 0), suspended, buried_until, leech, lapses FROM cards"
            )
            if row[0] in by_id
        ]
        columns = list(zip(*rows, strict=True)) if rows else [()] * 9
        return cls(
            ids=list(columns[0]),
            state=np.array(columns[1], dtype=np.int64),
            due=np.array(columns[2], dtype=np.int64),
            last_review=np.array(columns[3], dtype=np.int64),
            stability=np.array(columns[4], dtype=np.float64),
            suspended=np.array(columns[5], dtype=bool),
            buried_until=list(columns[6]),
            leech=np.array(columns[7], dtype=bool),
            lapses=np.array(columns[8], dtype=np.int64),
        )

    def forecast(self, boundaries: list[datetime]) -> list[int]:
        """Cards falling due on each of the coming days; overdue ones count for today."""
        active = (self.state != 0) & ~self.suspended
        edges = np.array([to_micros(moment) for moment in boundaries], dtype=np.int64)
        bucket = np.searchsorted(edges, self.due[active], side="right")
        counts = np.bincount(bucket, minlength=len(edges) + 1)
        return [int(count) for count in counts[: len(edges)]]

    def counts(self, total: int, today: date, store: StudyStore) -> CardCounts:
        buried = sum(1 for until in self.buried_until if until and until > today.isoformat())
        studied = self.state != 0
        return CardCounts(
            total=total,
            new=total - int(studied.sum()),
            learning=int((self.state == State.Learning).sum()),
            review=int((self.state == State.Review).sum()),
            relearning=int((self.state == State.Relearning).sum()),
            suspended=int(self.suspended.sum()),
            buried=buried,
            leeches=int(self.leech.sum()),
            orphans=len(store.card_ids_with_history()) - len(self.ids),
        )

    def leeches(self, by_id: dict[str, StudyCard]) -> tuple[Leech, ...]:
        found = [
            Leech(self.ids[index], int(self.lapses[index]), by_id[self.ids[index]].front)
            for index in np.flatnonzero(self.leech)
        ]
        return tuple(sorted(found, key=lambda leech: (-leech.lapses, leech.card_id)))

    def recall(
        self, cards: list[StudyCard], moment: datetime, store: StudyStore
    ) -> tuple[TopicRecall, ...]:
        retrievability = self.retrievability(moment, store)
        by_card = dict(zip(self.ids, retrievability.tolist(), strict=True))
        studied = {card_id for card_id, state in zip(self.ids, self.state, strict=True) if state}
        totals: dict[str, list[float]] = {}
        for card in cards:
            entry = totals.setdefault(card.section or card.deck, [0, 0, 0.0])
            entry[0] += 1
            if card.id in studied:
                entry[1] += 1
                entry[2] += by_card[card.id]
        return tuple(
            TopicRecall(
                topic=topic,
                cards=int(count),
                studied_cards=int(studied_count),
                expected=round(recall_sum / count, 4),
                studied=round(recall_sum / studied_count, 4) if studied_count else None,
            )
            for topic, (count, studied_count, recall_sum) in sorted(totals.items())
        )

    def retrievability(self, moment: datetime, store: StudyStore) -> np.ndarray:
        """fsrs's forgetting curve, vectorised: `Scheduler.get_card_retrievability` for every
        studied card at once (a test checks the two agree); 0 for cards never studied."""
        weights = store.settings().scheduler().parameters
        decay = -weights[20]
        factor = 0.9 ** (1 / decay) - 1
        elapsed = np.maximum(0, (to_micros(moment) - self.last_review) // _DAY_US)
        studied = (self.state != 0) & (self.stability > 0)
        stability = np.where(studied, self.stability, 1.0)
        curve = (1 + factor * elapsed / stability) ** decay
        return np.where(studied, curve, 0.0)
