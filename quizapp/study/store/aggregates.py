"""Per-card aggregates for the stats, over the stored cards the content still has.

Each aggregate runs over every stored card (index-only where possible); when the content has
lost cards, the same aggregate over just those orphans is subtracted, which is cheap because
orphans are few and looked up by key.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from datetime import date, datetime
from typing import TYPE_CHECKING, Any

from quizapp.study.micros import DAY_MICROS, to_micros

if TYPE_CHECKING:
    from quizapp.study.store import StudyStore


Totals = dict[tuple[Any, ...], list[Any]]


class CardAggregates:
    def __init__(self, store: StudyStore, present: Iterable[str]) -> None:
        self._store = store
        self.orphans = sorted(store.stored_card_ids() - set(present))
        self._orphan_json = json.dumps(self.orphans)

    def _kept(self, sql: str, parameters: dict[str, object], keys: int) -> Totals:
        """Run `sql` (with a `{scope}` condition) over all cards minus the orphans, as
        {group key: summed values}; the first `keys` columns of each row form the group key.
        Rows sharing a key are added up: the SQL may group more finely (by an indexed column)
        than the key it reports."""
        totals: Totals = {}
        for row in self._store.query(sql.replace("{scope}", "1"), parameters):
            _add(totals, row, keys, 1)
        if self.orphans:
            for row in self._store.query(
                sql.replace("{scope}", "card_id IN (SELECT value FROM json_each(:orphans))"),
                {**parameters, "orphans": self._orphan_json},
            ):
                _add(totals, row, keys, -1)
        return totals

    def state_counts(self, today: date) -> Totals:
        """{(state or 0, suspended, leech, buried today): [count]}."""
        return self._kept(
            "SELECT coalesce(state, 0), suspended, leech, coalesce(buried_until > :today, 0),"
            " count(*) FROM cards WHERE {scope} GROUP BY state, suspended, leech, buried_until",
            {"today": today.isoformat()},
            keys=4,
        )

    def forecast(self, boundaries: Sequence[datetime]) -> list[int]:
        """Cards falling due on each coming day (`boundaries`: the end of each day); overdue
        cards count for today."""
        cases = " ".join(
            f"WHEN due < :edge{index} THEN {index}" for index in range(len(boundaries))
        )
        parameters: dict[str, object] = {
            f"edge{index}": to_micros(moment) for index, moment in enumerate(boundaries)
        }
        rows = self._kept(
            f"SELECT CASE {cases} END AS bucket, count(*) FROM cards"
            f" WHERE state IS NOT NULL AND suspended = 0 AND due < :edge{len(boundaries) - 1}"
            " AND {scope} GROUP BY bucket",
            parameters,
            keys=1,
        )
        return [rows.get((index,), [0])[0] for index in range(len(boundaries))]

    def recall_sums(self, moment: datetime, factor: float, decay: float) -> Totals:
        """{(topic,): [studied cards, summed retrievability at `moment`]}: fsrs's forgetting
        curve (1 + factor · days / stability) ** decay, on whole days since the last review."""
        return self._kept(
            "SELECT topic, count(*), sum(pow(1 + :factor * max(0, (:at - last_review) / :day)"
            " / stability, :decay)) FROM cards INDEXED BY cards_recall"
            " WHERE state IS NOT NULL AND stability > 0 AND {scope} GROUP BY topic",
            {"factor": factor, "decay": decay, "at": to_micros(moment), "day": DAY_MICROS},
            keys=1,
        )


def _add(totals: Totals, row: Any, keys: int, sign: int) -> None:
    values = totals.setdefault(tuple(row[:keys]), [0] * (len(row) - keys))
    for index, value in enumerate(row[keys:]):
        values[index] += sign * (value or 0)
