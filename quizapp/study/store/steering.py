"""Reads for steering study (`study/custom_study.py`): the studied cards of a chosen set, and the
recent accuracy of each numeric question family."""

from __future__ import annotations

import json
from collections.abc import Collection, Sequence
from datetime import date, datetime
from typing import TYPE_CHECKING

from quizapp.study.micros import DAY_MICROS, from_micros, to_micros

if TYPE_CHECKING:
    from quizapp.study.state import CardState
    from quizapp.study.store import StudyStore


def studied_states(store: StudyStore, card_ids: Sequence[str]) -> list[CardState]:
    """The stored states of those of `card_ids` that were studied and are not suspended."""
    from quizapp.study.state import CARD_COLUMNS, CardState  # not needed at start

    rows = store.query(
        f"SELECT {', '.join(f'cards.{column}' for column in CARD_COLUMNS)} "
        "FROM json_each(?) AS ids JOIN cards ON cards.card_id = ids.value "
        "WHERE cards.state IS NOT NULL AND cards.suspended = 0",
        (json.dumps(list(card_ids)),),
    )
    return [CardState.from_row(row) for row in rows]


_DUE_PAGE = 256
"""Rows read at a time in due order by `earliest_due`: the first page nearly always answers."""


def earliest_due(store: StudyStore, card_ids: Collection[str], after: datetime) -> datetime | None:
    """When the first of `card_ids` that is studied, neither suspended nor buried, comes due
    after `after`. Read in due order from the due index, a page at a time, until one of them
    comes up (the first row, unless the table keeps cards no longer in `card_ids`): no state of
    every studied card is built to find the minimum."""
    page = store.query(
        "SELECT card_id, due FROM cards WHERE state IS NOT NULL AND suspended = 0"
        " AND buried_until IS NULL AND due > ? ORDER BY due, card_id LIMIT ?",
        (to_micros(after), _DUE_PAGE),
    )
    while page:
        for card_id, due in page:
            if card_id in card_ids:
                return from_micros(due)
        last_id, last_due = page[-1]
        page = store.query(
            "SELECT card_id, due FROM cards WHERE state IS NOT NULL AND suspended = 0"
            " AND buried_until IS NULL AND (due > ? OR (due = ? AND card_id > ?))"
            " ORDER BY due, card_id LIMIT ?",
            (last_due, last_due, last_id, _DUE_PAGE),
        )
    return None


def buried_states(store: StudyStore, card_ids: Collection[str]) -> list[CardState]:
    """The stored states of those of `card_ids` that are studied, not suspended and carry a
    burial date (ended or not): few, read whole."""
    from quizapp.study.state import CARD_COLUMNS, CardState  # not needed at start

    rows = store.query(
        f"SELECT {', '.join(CARD_COLUMNS)} FROM cards"
        " WHERE state IS NOT NULL AND suspended = 0 AND buried_until IS NOT NULL"
    )
    states = [CardState.from_row(row) for row in rows]
    return [state for state in states if state.card_id in card_ids]


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
