"""Tiny fakes with the attributes study reads: these tests need neither content nor questions."""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import TYPE_CHECKING

from fsrs import Rating

if TYPE_CHECKING:
    from quizapp.study import ReviewSession, StudyStore

START = datetime(2025, 3, 10, 9, 0, tzinfo=UTC)


@dataclass(frozen=True)
class FakeCard:
    id: str
    front: str = "front"
    back: str = "back"
    kind: str = "definition"
    deck: str = "deck"
    section: str = "concepts"
    key_points: tuple[str, ...] = ()
    cues: tuple[tuple[str, ...], ...] = ()
    options: tuple[str, ...] = ()
    answer_index: int | None = None
    activation: str | None = None
    template: str | None = None
    params: Mapping[str, object] = field(default_factory=dict)
    tags: tuple[str, ...] = ()

    def content_hash(self) -> str:
        text = "|".join(
            [self.front, self.back, *self.key_points, *self.options, str(self.template)]
        )
        return hashlib.sha256(text.encode()).hexdigest()


@dataclass(frozen=True)
class FakeGrade:
    correct: bool
    score: float
    parse_error: str | None = None
    feedback: tuple[str, ...] = ()
    mistake: str | None = None


@dataclass(frozen=True)
class FakeQuestion:
    template_id: str
    seed: int
    activation: str | None
    prompt: str

    def grade(self, text: str) -> FakeGrade:
        expected = str(self.seed % 10)
        if not text.strip().isdigit():
            return FakeGrade(False, 0.0, parse_error=f"column 1: {text!r} is not a number")
        correct = text.strip() == expected
        return FakeGrade(correct, 1.0 if correct else 0.0)


def fake_generate(
    template_id: str,
    seed: int,
    *,
    activation: str | None = None,
    params: Mapping[str, object] | None = None,
) -> FakeQuestion:
    if template_id == "missing-template":
        raise ValueError("unknown template 'missing-template'; valid: activation-vector")
    chosen = activation or ("relu", "tanh")[seed % 2]
    return FakeQuestion(template_id, seed, chosen, f"{template_id} {chosen} seed {seed}")


def cards(count: int, prefix: str = "card") -> list[FakeCard]:
    return [
        FakeCard(id=f"{prefix}-{index:03d}", front=f"question {index}") for index in range(count)
    ]


def insert_rows(store: StudyStore, table: str, rows: Iterable[Mapping[str, object]]) -> None:
    """Rows written straight into the store's schema in one transaction: randomised tests set
    up states no sequence of answers reaches quickly."""
    with store.transaction() as connection:
        for row in rows:
            columns = ", ".join(row)
            marks = ", ".join("?" for _ in row)
            connection.execute(
                f"INSERT INTO {table} ({columns}) VALUES ({marks})", tuple(row.values())
            )


def drain(session: ReviewSession) -> list[str]:
    """Every card the session asks, in order, each answered Easy (so none comes back today)."""
    seen = []
    while (item := session.next()) is not None:
        seen.append(item.card.id)
        session.record(item, Rating.Easy)
    return seen
