"""What the card browser reads and changes beyond an answer: every card's status in one read,
a card's answers with the state each one started from, unbury, and the user's own flags."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, NamedTuple

from fsrs import Rating, State

from quizapp.study.micros import from_micros
from quizapp.study.store.cards import CardTable
from quizapp.study.store.connection import guarded

if TYPE_CHECKING:
    from quizapp.study.store.records import Change, PastAnswer

_STATES = {int(state): state for state in State}


class CardStatus(NamedTuple):
    """The columns of a card's row the browser lists and filters on, due and buried as stored
    (microseconds since the epoch, an ISO day): 100k are read each time the browser opens, and
    turning every one into datetimes costs more than reading them; the rows shown convert."""

    card_id: str
    state: State | None
    due_micros: int | None
    lapses: int
    leech: bool
    suspended: bool
    buried_until: str | None


_STATUS_COLUMNS = (
    "cards.card_id, cards.state, cards.due, cards.lapses, cards.leech, cards.suspended, "
    "cards.buried_until"
)


def _status(row: tuple[Any, ...]) -> CardStatus:
    card_id, state, due, lapses, leech, suspended, buried = row
    return CardStatus(
        card_id,
        None if state is None else _STATES[state],
        due,
        lapses,
        bool(leech),
        bool(suspended),
        buried,
    )


class CardBrowsing(CardTable):
    @guarded
    def card_statuses(self) -> list[CardStatus]:
        """Every stored card's status: one read, in no particular order."""
        rows = self._connection.execute(f"SELECT {_STATUS_COLUMNS} FROM cards")
        return [_status(row) for row in rows]

    @guarded
    def card_status(self, card_id: str) -> tuple[CardStatus | None, bool]:
        """One card's status (None: never stored) and whether it is flagged, in one row: what
        the browser shows again after an action on the card."""
        *status, flagged = self._connection.execute(
            f"SELECT {_STATUS_COLUMNS}, EXISTS (SELECT 1 FROM card_flags WHERE card_id = ?1) "
            "FROM (SELECT ?1 AS wanted) LEFT JOIN cards ON cards.card_id = wanted",
            (card_id,),
        ).fetchone()
        return (None if status[0] is None else _status(tuple(status))), bool(flagged)

    @guarded
    def suspended_ids(self) -> list[str]:
        rows = self._connection.execute(
            "SELECT card_id FROM cards WHERE suspended = 1 ORDER BY card_id"
        )
        return [row[0] for row in rows]

    @guarded
    def past_answers(self, card_id: str) -> list[PastAnswer]:
        """The card's answers in the order given (scheduled, cram and practice alike)."""
        from quizapp.study.state import CardState  # not needed at start
        from quizapp.study.store.records import PastAnswer

        rows = self._connection.execute(
            "SELECT reviewed_at, mode, rating, state_before FROM reviews "
            "WHERE card_id = ? ORDER BY id",
            (card_id,),
        )
        return [
            PastAnswer(
                reviewed_at=from_micros(at),
                mode=mode,
                rating=Rating(rating),
                before=None if before in (None, "null") else CardState.from_json(before),
            )
            for at, mode, rating, before in rows
        ]

    @guarded
    def unbury(self, card_id: str) -> Change:
        """Let a buried card come up again today (undone with `revert`, like a bury)."""
        return self._update_flags(card_id, buried_until=None)

    @guarded
    def flagged_ids(self) -> set[str]:
        return {row[0] for row in self._connection.execute("SELECT card_id FROM card_flags")}

    @guarded
    def set_flagged(self, card_id: str, flagged: bool) -> bool:
        """Flag or unflag the card; returns whether it was flagged before (what undo restores)."""
        with self.transaction() as connection:
            was = connection.execute(
                "SELECT 1 FROM card_flags WHERE card_id = ?", (card_id,)
            ).fetchone()
            if flagged:
                connection.execute(
                    "INSERT OR IGNORE INTO card_flags (card_id) VALUES (?)", (card_id,)
                )
            else:
                connection.execute("DELETE FROM card_flags WHERE card_id = ?", (card_id,))
        return was is not None
