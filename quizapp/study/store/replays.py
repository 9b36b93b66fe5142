"""The questions stored with earlier mock interviews, read back so a seed replays an interview
(the plan drawn from a seed also weighs the history, which each interview changes)."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import timedelta
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from quizapp.study.store import StudyStore


@dataclass(frozen=True)
class StoredQuestion:
    card_id: str
    kind: str
    seed: int | None
    budget: timedelta


@dataclass(frozen=True)
class StoredPlan:
    """`options` as stored (the `MockOptions` fields as JSON, seed None when it was drawn)."""

    options: dict[str, Any]
    session_budget: timedelta
    questions: tuple[StoredQuestion, ...]


def stored_plans(store: StudyStore, seed: int) -> list[StoredPlan]:
    """Every stored interview planned from `seed`, newest first."""
    plans = []
    for interview_id, options, budget_ms in store.query(
        "SELECT id, options, budget_ms FROM mock_interviews WHERE seed = ?"
        " ORDER BY started_at DESC, id DESC",
        (seed,),
    ):
        rows = store.query(
            "SELECT card_id, kind, seed, budget_ms FROM mock_answers"
            " WHERE interview_id = ? ORDER BY position",
            (interview_id,),
        )
        questions = tuple(
            StoredQuestion(card_id, kind, question_seed, timedelta(milliseconds=budget))
            for card_id, kind, question_seed, budget in rows
        )
        plans.append(StoredPlan(json.loads(options), timedelta(milliseconds=budget_ms), questions))
    return plans
