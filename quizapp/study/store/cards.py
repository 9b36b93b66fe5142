"""The `cards` table: each card's stored state, and the moves that change it outside an answer
(bury, suspend, reset), plus the queries that pick today's cards."""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from dataclasses import replace
from datetime import date, datetime, timedelta
from typing import TYPE_CHECKING, Any, NamedTuple

from fsrs import State

from quizapp.study.errors import UndoError
from quizapp.study.micros import from_micros, to_micros
from quizapp.study.store.connection import Connection, guarded

if TYPE_CHECKING:
    from quizapp.study.state import CardState
    from quizapp.study.store.records import Change

_NEW_CHUNK = 256
_ID_SEPARATOR = "\x1f"
"""Between ids that SQLite gathers into one string: a control character, which no card id has."""
_NEW_TODAY = (
    "(cards.state IS NULL AND cards.suspended = 0 "
    "AND (cards.buried_until IS NULL OR cards.buried_until <= ?))"
)
"""A stored card that is a new card today (takes the day); a card with no row is new too."""


class DueCard(NamedTuple):
    card_id: str
    state: State
    due: datetime


class CardTable(Connection):
    @guarded
    def card_state(self, card_id: str) -> CardState:
        """The stored state, or a fresh new-card state for a card never touched."""
        from quizapp.study.state import CardState  # not needed at start

        return self._read_state(card_id) or CardState(card_id=card_id)

    def _read_state(self, card_id: str) -> CardState | None:
        from quizapp.study.state import CARD_COLUMNS, CardState  # not needed at start

        row = self._connection.execute(
            f"SELECT {', '.join(CARD_COLUMNS)} FROM cards WHERE card_id = ?", (card_id,)
        ).fetchone()
        return None if row is None else CardState.from_row(row)

    def _write_state(self, state: CardState) -> None:
        from quizapp.study.state import CARD_COLUMNS  # not needed at start

        placeholders = ", ".join("?" for _ in CARD_COLUMNS)
        updates = ", ".join(f"{column} = excluded.{column}" for column in CARD_COLUMNS[1:])
        self._connection.execute(
            f"INSERT INTO cards ({', '.join(CARD_COLUMNS)}) VALUES ({placeholders}) "
            f"ON CONFLICT (card_id) DO UPDATE SET {updates}",
            state.as_row(),
        )

    @guarded
    def stored_state(self, card_id: str) -> CardState | None:
        """The card's row as it is now (None: the card was never studied)."""
        return self._read_state(card_id)

    def _update_flags(self, card_id: str, **changes: Any) -> Change:
        with self.transaction():
            before = self._read_state(card_id)
            from quizapp.study.store.records import Change  # not needed at start

            return Change(before, self._change_state(card_id, **changes))

    def _change_state(self, card_id: str, **changes: Any) -> CardState:
        """Inside a write transaction: the stored (or a fresh) state with `changes`, written."""
        from quizapp.study.state import CardState  # not needed at start

        state = replace(self._read_state(card_id) or CardState(card_id=card_id), **changes)
        self._write_state(state)
        return state

    @guarded
    def bury(self, card_id: str, until: date | None = None) -> Change:
        """Hide the card until the study day `until` (default: tomorrow) begins."""
        return self._update_flags(card_id, buried_until=until or self.today() + timedelta(days=1))

    @guarded
    def suspend(self, card_id: str) -> Change:
        return self._update_flags(card_id, suspended=True)

    @guarded
    def unsuspend(self, card_id: str) -> Change:
        return self._update_flags(card_id, suspended=False)

    @guarded
    def reset(self, card_id: str) -> Change:
        """Start the card over as new (after its text changed a lot), lapses and leech flag
        included; its review log is kept."""
        from quizapp.study.store.records import Change  # not needed at start

        with self.transaction() as connection:
            before = self._read_state(card_id)
            text = connection.execute(
                "SELECT content_text FROM card_texts WHERE card_id = ?", (card_id,)
            ).fetchone()
            connection.execute("DELETE FROM card_texts WHERE card_id = ?", (card_id,))
            after = self._change_state(
                card_id,
                state=None,
                step=None,
                stability=None,
                difficulty=None,
                due=None,
                last_review=None,
                lapses=0,
                leech=False,
                content_hash=None,
            )
            return Change(before, after, None if text is None else text[0])

    @guarded
    def revert(self, change: Change) -> None:
        """Put the card's row (and its answered text) back as it was before `change`; refused
        when the row is no longer what `change` left (changed meanwhile elsewhere)."""
        card_id = change.after.card_id
        with self.transaction() as connection:
            if self._read_state(card_id) != change.after:
                raise UndoError(f"card {card_id} changed since; it is left as it is now", self.path)
            if change.before is None:
                connection.execute("DELETE FROM cards WHERE card_id = ?", (card_id,))
            else:
                self._write_state(change.before)
            if change.text is not None:
                connection.execute(
                    "INSERT INTO card_texts (card_id, content_text) VALUES (?, ?) "
                    "ON CONFLICT (card_id) DO UPDATE SET content_text = excluded.content_text",
                    (card_id, change.text),
                )

    @guarded
    def due_cards(self, before: datetime, today: date) -> list[DueCard]:
        """Studied cards due before `before`, earliest first, not suspended or buried today."""
        rows = self._connection.execute(
            "SELECT card_id, state, due FROM cards "
            "WHERE state IS NOT NULL AND due < ? AND suspended = 0 "
            "AND (buried_until IS NULL OR buried_until <= ?) ORDER BY due, card_id",
            (to_micros(before), today.isoformat()),
        ).fetchall()
        return [DueCard(card_id, State(state), from_micros(due)) for card_id, state, due in rows]

    @guarded
    def new_card_ids(
        self,
        candidates: Sequence[str],
        today: date,
        limit: int,
        *,
        allowed: Callable[[str], bool] | None = None,
    ) -> list[str]:
        """The first `limit` candidates (in order) that are new, neither suspended nor buried,
        and `allowed` (e.g. not held back by a sibling answered today).

        Candidates are checked in growing chunks, so the usual case reads (and asks `allowed`
        about) a few hundred ids, and a collection with no new card left is still read only once.
        """
        found: list[str] = []
        start, chunk = 0, _NEW_CHUNK
        while len(found) < limit and start < len(candidates):
            batch = candidates[start : start + chunk]
            if allowed is not None:
                batch = [card_id for card_id in batch if allowed(card_id)]
            rows = self._connection.execute(
                "SELECT ids.value FROM json_each(?) AS ids "
                "LEFT JOIN cards ON cards.card_id = ids.value "
                f"WHERE cards.card_id IS NULL OR {_NEW_TODAY} ORDER BY ids.key",
                (json.dumps(list(batch)), today.isoformat()),
            )
            found.extend(row[0] for row in rows)
            start += chunk
            chunk *= 2
        return found[:limit]

    @guarded
    def unseen_count(self, candidates: Sequence[str], today: date) -> int:
        """How many `candidates` are new and neither suspended nor buried (what `new_card_ids`
        would list without a limit): one count, without the ids."""
        row = self._connection.execute(
            "SELECT count(*) FROM json_each(?) AS ids "
            "LEFT JOIN cards ON cards.card_id = ids.value "
            f"WHERE cards.card_id IS NULL OR {_NEW_TODAY}",
            (json.dumps(list(candidates)), today.isoformat()),
        ).fetchone()
        return int(row[0])

    @guarded
    def not_new_ids(self, today: date) -> set[str]:
        """The stored cards that are not new cards today (studied, suspended or buried): every
        other card is, so one read says which of any set of cards are new."""
        row = self._connection.execute(
            f"SELECT group_concat(card_id, '{_ID_SEPARATOR}') FROM cards WHERE NOT {_NEW_TODAY}",
            (today.isoformat(),),
        ).fetchone()
        return set(row[0].split(_ID_SEPARATOR)) if row[0] else set()

    @guarded
    def card_ids_with_history(self) -> set[str]:
        """Every card id that has a stored state or at least one review."""
        ids = {row[0] for row in self._connection.execute("SELECT card_id FROM cards")}
        ids.update(
            row[0]
            for row in self._connection.execute(
                "SELECT DISTINCT card_id FROM reviews WHERE card_id IS NOT NULL"
            )
        )
        return ids

    @guarded
    def reviewed_hashes(self) -> dict[str, str]:
        """Each studied card's content hash as of its last review (reset cards have none): one
        narrow read, so the changed-cards check fetches texts only for the cards that differ."""
        rows = self._connection.execute(
            "SELECT card_id, content_hash FROM cards "
            "WHERE state IS NOT NULL AND content_hash IS NOT NULL"
        )
        return dict(rows.fetchall())

    @guarded
    def reviewed_texts(self, card_ids: Sequence[str]) -> dict[str, str]:
        """Of `card_ids`, those with a kept text, each with the text it was last reviewed
        against."""
        rows = self._connection.execute(
            "SELECT card_texts.card_id, content_text FROM json_each(?) AS ids "
            "JOIN card_texts ON card_texts.card_id = ids.value",
            (json.dumps(list(card_ids)),),
        )
        return dict(rows.fetchall())

    @guarded
    def due_ids(
        self, edges: Sequence[datetime], today: date
    ) -> dict[tuple[int, bool, bool], list[str]]:
        """The ids of the studied cards not suspended that fall due before the last of `edges`
        (buried or not), grouped by (the index of the first edge they fall before, whether they
        are in the review state, whether they are buried on `today`): today's queue counts and
        the days ahead in one indexed read. SQLite gathers each group's ids into one string, so
        a hundred thousand ids do not cost a hundred thousand rows."""
        cases = " ".join(f"WHEN due < ? THEN {index}" for index in range(len(edges)))
        rows = self._connection.execute(
            f"SELECT CASE {cases} END, state = ?, coalesce(buried_until > ?, 0),"
            f" group_concat(card_id, '{_ID_SEPARATOR}') FROM cards"
            " WHERE state IS NOT NULL AND due < ? AND suspended = 0 GROUP BY 1, 2, 3",
            (
                *(to_micros(edge) for edge in edges),
                int(State.Review),
                today.isoformat(),
                to_micros(edges[-1]),
            ),
        )
        return {
            (bucket, bool(review), bool(buried)): ids.split(_ID_SEPARATOR)
            for bucket, review, buried, ids in rows
        }

    @guarded
    def lapse_counts(self) -> list[tuple[str, int, int, bool]]:
        """Each reviewed card's reps, lapses and leech flag."""
        rows = self._connection.execute(
            "SELECT card_id, reps, lapses, leech FROM cards WHERE reps > 0"
        ).fetchall()
        return [(card_id, reps, lapses, bool(leech)) for card_id, reps, lapses, leech in rows]

    @guarded
    def leech_lapses(self) -> dict[str, int]:
        rows = self._connection.execute("SELECT card_id, lapses FROM cards WHERE leech = 1")
        return {card_id: lapses for card_id, lapses in rows}

    @guarded
    def stored_card_ids(self) -> set[str]:
        return {row[0] for row in self._connection.execute("SELECT card_id FROM cards")}

    @guarded
    def history_hashes(self, card_ids: Sequence[str]) -> dict[str, str | None]:
        """Of `card_ids`, those with study history, each with the content hash its latest
        answer was given against (None when not recorded): which text the history belongs to."""
        rows = self._connection.execute(
            "SELECT ids.value, coalesce(cards.content_hash, (SELECT content_hash FROM reviews "
            "WHERE reviews.card_id = ids.value ORDER BY id DESC LIMIT 1)) "
            "FROM json_each(?) AS ids LEFT JOIN cards ON cards.card_id = ids.value "
            "WHERE cards.card_id IS NOT NULL "
            "OR EXISTS (SELECT 1 FROM reviews WHERE reviews.card_id = ids.value)",
            (json.dumps(list(card_ids)),),
        )
        return {card_id: content_hash for card_id, content_hash in rows}
