"""Reads for steering study (`study/custom_study.py`): the studied cards of a chosen set, and the
recent accuracy of each numeric question family."""

from __future__ import annotations

import json
from collections.abc import Sequence
from datetime import date, datetime
from typing import TYPE_CHECKING

from quizapp.study.state import CARD_COLUMNS, DAY_MICROS, CardState, to_micros

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


def recall_below(
    store: StudyStore, moment: datetime, curve: tuple[float, float], target: float
) -> dict[str, float]:
    """The studied cards not suspended whose predicted recall at `moment` is below `target`,
    each with it: fsrs's forgetting curve (`StudySettings.forgetting_curve`) on whole days since
    the last review, computed in SQL so only the cards below come back (none without a
    stability or a last review: fsrs predicts 0 for those)."""
    factor, decay = curve
    rows = store.query(
        "SELECT card_id, recall FROM (SELECT card_id, CASE WHEN stability IS NULL"
        " OR last_review IS NULL THEN 0.0 ELSE pow(1 + ? * max(0, (? - last_review) / ?)"
        " / stability, ?) END AS recall FROM cards WHERE state IS NOT NULL AND suspended = 0)"
        " WHERE recall < ?",
        (factor, to_micros(moment), DAY_MICROS, decay, target),
    )
    return {card_id: float(recall) for card_id, recall in rows}


def family_accuracy(store: StudyStore, since: date) -> list[tuple[str, int, int]]:
    """Per numeric question family (template): graded answers since `since` in any mode, and
    how many were right."""
    rows = store.query(
        "SELECT template, count(*), coalesce(sum(correct), 0) FROM reviews "
        "WHERE template IS NOT NULL AND correct IS NOT NULL AND day >= ? GROUP BY template",
        (since.isoformat(),),
    )
    return [(str(template), int(attempts), int(right)) for template, attempts, right in rows]
