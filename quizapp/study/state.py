"""A card's stored study state, and its exact round trip through fsrs and the database row."""

from __future__ import annotations

import json
import sqlite3
from dataclasses import dataclass, replace
from datetime import date, datetime, timedelta

from fsrs import Card, State

from quizapp.study.micros import from_micros, to_micros

MATURE_INTERVAL = timedelta(days=21)
"""A card scheduled this far apart is mature (Anki's definition); true retention measures these."""

CARD_COLUMNS = (
    "card_id",
    "state",
    "step",
    "stability",
    "difficulty",
    "due",
    "last_review",
    "reps",
    "lapses",
    "suspended",
    "buried_until",
    "leech",
    "content_hash",
    "topic",
)


@dataclass(frozen=True)
class CardState:
    """What the store knows about one card; `state is None` means the card is new."""

    card_id: str
    state: State | None = None
    step: int | None = None
    stability: float | None = None
    difficulty: float | None = None
    due: datetime | None = None
    last_review: datetime | None = None
    reps: int = 0
    lapses: int = 0
    suspended: bool = False
    buried_until: date | None = None
    leech: bool = False
    content_hash: str | None = None
    topic: str | None = None

    @property
    def is_new(self) -> bool:
        return self.state is None

    @property
    def interval(self) -> timedelta | None:
        """The gap the scheduler last chose (due minus last review)."""
        if self.due is None or self.last_review is None:
            return None
        return self.due - self.last_review

    @property
    def is_mature(self) -> bool:
        interval = self.interval
        return self.state == State.Review and interval is not None and interval >= MATURE_INTERVAL

    def is_buried(self, today: date) -> bool:
        return self.buried_until is not None and self.buried_until > today

    def to_fsrs(self, now: datetime) -> Card:
        """fsrs's integer id is unused (the content id is the key); a new card is due now."""
        if self.state is None:
            return Card(card_id=0, due=now)
        return Card(
            card_id=0,
            state=self.state,
            step=self.step,
            stability=self.stability,
            difficulty=self.difficulty,
            due=self.due,
            last_review=self.last_review,
        )

    def with_fsrs(self, card: Card) -> CardState:
        return replace(
            self,
            state=card.state,
            step=card.step,
            stability=card.stability,
            difficulty=card.difficulty,
            due=card.due,
            last_review=card.last_review,
        )

    def as_row(self) -> tuple[object, ...]:
        return (
            self.card_id,
            None if self.state is None else int(self.state),
            self.step,
            self.stability,
            self.difficulty,
            None if self.due is None else to_micros(self.due),
            None if self.last_review is None else to_micros(self.last_review),
            self.reps,
            self.lapses,
            int(self.suspended),
            None if self.buried_until is None else self.buried_until.isoformat(),
            int(self.leech),
            self.content_hash,
            self.topic,
        )

    @classmethod
    def from_row(cls, row: sqlite3.Row | tuple[object, ...]) -> CardState:
        (
            card_id,
            state,
            step,
            stability,
            difficulty,
            due,
            last_review,
            reps,
            lapses,
            suspended,
            buried_until,
            leech,
            content_hash,
            topic,
        ) = tuple(row)
        return cls(
            card_id=str(card_id),
            state=None if state is None else State(state),
            step=step,
            stability=stability,
            difficulty=difficulty,
            due=None if due is None else from_micros(due),
            last_review=None if last_review is None else from_micros(last_review),
            reps=int(reps),
            lapses=int(lapses),
            suspended=bool(suspended),
            buried_until=None if buried_until is None else date.fromisoformat(buried_until),
            leech=bool(leech),
            content_hash=content_hash,
            topic=topic,
        )

    def to_json(self) -> str:
        """The snapshot kept with each scheduled review so undo can put back exactly this row."""
        return json.dumps(dict(zip(CARD_COLUMNS, self.as_row(), strict=True)))

    @classmethod
    def from_json(cls, text: str) -> CardState:
        """Snapshots written before a column existed restore it with the column's default."""
        values = json.loads(text)
        defaults = dict(zip(CARD_COLUMNS, cls(card_id=values["card_id"]).as_row(), strict=True))
        return cls.from_row(tuple(values.get(column, defaults[column]) for column in CARD_COLUMNS))
