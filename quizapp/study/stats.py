"""Study statistics for the stats screen and `quizapp stats`, computed from SQL aggregates.

The review log's per-day and per-skill totals are kept by triggers (see migrations), so nothing
here scans the million-row log; per-card figures are SQL aggregates over the `cards` table.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, fields, is_dataclass
from datetime import date, datetime, timedelta
from enum import Enum
from typing import Any

from fsrs import State

from quizapp.content.kinds import KINDS
from quizapp.study.activity import DayActivity, day_activity, streaks
from quizapp.study.clock import Clock, calendar_date
from quizapp.study.protocols import StudyCard
from quizapp.study.settings import interview_day_problem
from quizapp.study.store import StudyStore
from quizapp.study.store.aggregates import CardAggregates

FORECAST_DAYS = 30
RECENT_DAYS = 30


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
    """Scheduled answers only; cram and practice are `practice_today`."""
    practice_today: int
    streak: int
    """Consecutive days with scheduled reviews: a practice-only day does not extend it."""
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
    interview_notice: str
    """Why the stored interview day is ignored (too far ahead), or "" (`interview_notice`)."""

    @property
    def recall_when(self) -> str:
        """ "today", or "on 2026-12-12" for a day ahead: after midnight, before the rollover, the
        study day's date would read as yesterday's."""
        return "today" if self.recall_date <= self.today else f"on {self.recall_date.isoformat()}"

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
    """Everything the stats screen shows; `until` is the day to predict recall for (default: the
    interview day setting while it is ahead, else today). ValueError when it is past (no time
    would have passed: every card would look perfectly remembered) or too far ahead
    (`interview_day_problem`); a stored day too far ahead is ignored and told in
    `interview_notice`."""
    cards = list(cards)
    now = clock.now()
    settings = store.settings()
    calendar = settings.calendar(clock.zone)
    today = calendar.day_of(now)
    date_today = calendar_date(now, clock.zone)
    if until is not None and (problem := interview_day_problem(until, date_today)):
        raise ValueError(f"the interview date {until.isoformat()} {problem}")
    recall_date = until or settings.interview_ahead(date_today) or today
    days = day_activity(store)
    streak, longest = streaks({activity.day for activity in days if activity.scheduled}, today)
    activity_today = next((activity for activity in days if activity.day == today), None)
    content = _Content(store, cards)
    boundaries = [calendar.start_of(today + timedelta(days=i)) for i in range(1, FORECAST_DAYS + 1)]
    return Stats(
        generated_at=now,
        today=today,
        recall_date=recall_date,
        reviews_today=0 if activity_today is None else activity_today.scheduled,
        practice_today=0
        if activity_today is None
        else activity_today.cram + activity_today.practice,
        streak=streak,
        longest_streak=longest,
        days=tuple(days),
        true_retention=_retention(store, None),
        true_retention_recent=_retention(store, today - timedelta(days=RECENT_DAYS - 1)),
        forecast=tuple(
            ForecastDay(today + timedelta(days=offset), due)
            for offset, due in enumerate(content.forecast(boundaries))
        ),
        cards=content.counts(today),
        accuracy_by_activation=_accuracy(store, by_activation=True),
        accuracy_by_family=_accuracy(store, by_activation=False),
        leeches=content.leeches(),
        recall=content.recall(calendar.midday_of(recall_date), settings.forgetting_curve()),
        interview_notice="" if until else settings.interview_notice(date_today),
    )


def counted_answers() -> str:
    """What the accuracy tables count, in words, from the card-kind registry."""
    kinds = ", ".join(info.label.lower() for info in KINDS.values() if info.judged)
    return f"answers the app grades ({kinds}); cards rated by hand are not counted"


def _retention(store: StudyStore, since: date | None) -> Retention:
    reviews, passed = store.mature_totals(since)
    return Retention(reviews, passed, round(passed / reviews, 4) if reviews else None)


def _accuracy(store: StudyStore, by_activation: bool) -> tuple[Accuracy, ...]:
    totals: dict[str, list[int]] = {}
    for template, activation, attempts, correct in store.skill_totals():
        name = activation if by_activation else template
        if name:
            entry = totals.setdefault(name, [0, 0])
            entry[0] += attempts
            entry[1] += correct
    return tuple(
        Accuracy(name, attempts, correct, round(correct / attempts, 4))
        for name, (attempts, correct) in sorted(totals.items())
        if attempts
    )


class _Content:
    """The per-card figures over the stored cards the content still has."""

    def __init__(self, store: StudyStore, cards: list[StudyCard]) -> None:
        self._store = store
        self._cards = cards
        self._sizes = Counter(card.section or card.deck for card in cards)
        self._aggregates = CardAggregates(store, (card.id for card in cards))
        self.orphans = self._aggregates.orphans

    def counts(self, today: date) -> CardCounts:
        rows = self._aggregates.state_counts(today)
        by_state: Counter[int] = Counter()
        suspended = buried = leeches = 0
        for (state, is_suspended, is_leech, is_buried), (count,) in rows.items():
            by_state[state] += count
            suspended += count * is_suspended
            buried += count * is_buried
            leeches += count * is_leech
        studied = sum(count for state, count in by_state.items() if state)
        return CardCounts(
            total=len(self._cards),
            new=len(self._cards) - studied,
            learning=by_state[State.Learning],
            review=by_state[State.Review],
            relearning=by_state[State.Relearning],
            suspended=suspended,
            buried=buried,
            leeches=leeches,
            orphans=len(self.orphans),
        )

    def forecast(self, boundaries: list[datetime]) -> list[int]:
        return self._aggregates.forecast(boundaries)

    def leeches(self) -> tuple[Leech, ...]:
        lapses = self._store.leech_lapses()
        if not lapses:
            return ()
        found = [
            Leech(card.id, lapses[card.id], card.front) for card in self._cards if card.id in lapses
        ]
        return tuple(sorted(found, key=lambda leech: (-leech.lapses, leech.card_id)))

    def recall(self, moment: datetime, curve: tuple[float, float]) -> tuple[TopicRecall, ...]:
        """fsrs's forgetting curve (`StudySettings.forgetting_curve`, on whole days elapsed like
        `Scheduler.get_card_retrievability`; a test checks they agree), summed per topic in SQL.
        A card's topic is its section (else its deck) as of its last review."""
        rows = self._aggregates.recall_sums(moment, *curve)
        sizes = self._sizes
        results = []
        for topic in sorted(sizes.keys() | {key[0] for key in rows}, key=str):
            count, total = rows.get((topic,), [0, 0.0])
            size = max(sizes.get(topic, 0), count)
            if not size:
                continue
            results.append(
                TopicRecall(
                    topic=str(topic),
                    cards=size,
                    studied_cards=count,
                    expected=round((total or 0.0) / size, 4),
                    studied=round(total / count, 4) if count else None,
                )
            )
        return tuple(results)
