"""Reads for steering study (`study/custom_study.py`): the studied cards of a chosen set, and the
recent accuracy of each numeric question family."""

from __future__ import annotations

import json
from collections.abc import Sequence
from datetime import date
from typing import TYPE_CHECKING

from quizapp.study.state import CARD_COLUMNS, CardState

if TYPE_CHECKING:
    from quizapp.study.store import StudyStore


def studied_states(store: StudyStore, card_ids: Sequence[str]) -> list[CardState]:
    """The stored states of those of `card_ids` that were studied and are not suspended."""
    rows = store.query(
        f"SELECT {', '.join(f'cards.{column}' for column in CARD_COLUMNS)} "
        "FROM json_each(?) AS ids JOIN cards ON cards.card_id = ids.value "
        "WHERE cards.state IS NOT NULL AND cards.suspended = 0",
        (json.dumps(list(card_ids)),),
    )
    return [CardState.from_row(row) for row in rows]


def family_accuracy(store: StudyStore, since: date) -> list[tuple[str, int, int]]:
    """Per numeric question family (template): graded answers since `since` in any mode, and
    how many were right."""
    rows = store.query(
        "SELECT template, count(*), coalesce(sum(correct), 0) FROM reviews "
        "WHERE template IS NOT NULL AND correct IS NOT NULL AND day >= ? GROUP BY template",
        (since.isoformat(),),
    )
    return [(str(template), int(attempts), int(right)) for template, attempts, right in rows]
