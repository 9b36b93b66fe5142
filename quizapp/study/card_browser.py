"""The card browser's listing: every card with its study status, searched with `card_query`.

Read once (one pass over the `cards` table, one over the flags), then every search runs in
memory, so a keystroke at 100k cards is a filter, not a database read. After an action only the
card it changed is read again (`CardCollection.reread`).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import date, datetime, timedelta, tzinfo
from itertools import pairwise
from typing import Protocol

from fsrs import Rating, State

from quizapp.study.card_query import Term, parse_query
from quizapp.study.micros import from_micros, to_micros
from quizapp.study.store import CardStatus, StudyStore

NOT_LOADED = "(not in the loaded content)"
_STATE_NAMES = {state: state.name.lower() for state in State}


class BrowsableCard(Protocol):
    """What the browser reads of a content card."""

    @property
    def id(self) -> str: ...
    @property
    def kind(self) -> str: ...
    @property
    def deck(self) -> str: ...
    @property
    def section(self) -> str: ...
    @property
    def front(self) -> str: ...
    @property
    def tags(self) -> tuple[str, ...]: ...


@dataclass(slots=True)
class BrowsedCard:
    """One row of the browser. `deck` is "" for a card with history that no loaded deck has.
    Not frozen: a frozen dataclass is several times slower to build, and 100k are built each
    time the browser opens; nothing changes one in place (`reread` makes a new one)."""

    card_id: str
    deck: str
    deck_title: str
    section: str
    kind: str
    tags: tuple[str, ...]
    front: str
    status: CardStatus | None
    flagged: bool
    state: str = field(init=False)
    """new, learning, review or relearning: kept as text, since every search may ask."""
    text: str = field(init=False, repr=False)
    """The id and front in lower case, for the free-text words of a search."""

    def __post_init__(self) -> None:
        state = None if self.status is None else self.status.state
        self.state = "new" if state is None else _STATE_NAMES[state]
        self.text = f"{self.card_id}\n{self.front}".lower()

    @property
    def due(self) -> datetime | None:
        micros = None if self.status is None else self.status.due_micros
        return None if micros is None else from_micros(micros)

    @property
    def lapses(self) -> int:
        return 0 if self.status is None else self.status.lapses

    @property
    def leech(self) -> bool:
        return self.status is not None and self.status.leech

    @property
    def suspended(self) -> bool:
        return self.status is not None and self.status.suspended

    def buried(self, today: date) -> bool:
        until = None if self.status is None else self.status.buried_until
        return until is not None and until > today.isoformat()

    def marks(self, today: date) -> tuple[str, ...]:
        """The user's marks on the card, as the browser's flags column names them."""
        marks = (
            ("suspended", self.suspended),
            ("buried", self.buried(today)),
            ("flagged", self.flagged),
        )
        return tuple(name for name, present in marks if present)


@dataclass(frozen=True, slots=True)
class Moment:
    """The study day a search judges `is:due` and `is:buried` against."""

    today: date
    day_ends: int
    """The end of `today`, in the microseconds a card's due time is stored in."""


Check = Callable[[BrowsedCard, Moment], bool]


def _status_check(status: str) -> Check:
    checks: dict[str, Check] = {
        "new": lambda card, _moment: card.state == "new",
        "learning": lambda card, _m: card.state in ("learning", "relearning"),
        "review": lambda card, _moment: card.state == "review",
        "due": lambda card, moment: (
            card.status is not None
            and card.status.due_micros is not None
            and card.status.due_micros < moment.day_ends
            and not card.suspended
            and not card.buried(moment.today)
        ),
        "suspended": lambda card, _moment: card.suspended,
        "buried": lambda card, moment: card.buried(moment.today),
        "leech": lambda card, _moment: card.leech,
        "flagged": lambda card, _moment: card.flagged,
    }
    return checks[status]


def _check(term: Term) -> Check:
    value = term.value
    if term.field == "is":
        return _status_check(value)
    field_checks: dict[str | None, Check] = {
        None: lambda card, _moment: value in card.text,
        "deck": lambda card, _m: value in (card.deck.lower(), card.deck_title.lower()),
        "section": lambda card, _moment: card.section.lower() == value,
        "tag": lambda card, _moment: value in (tag.lower() for tag in card.tags),
        "kind": lambda card, _moment: card.kind.lower() == value,
    }
    return field_checks[term.field]


def matching(
    rows: Sequence[BrowsedCard], terms: Sequence[Term], moment: Moment
) -> list[BrowsedCard]:
    """The rows for which each term (or its negation) holds, in order: one pass per term over
    what the terms before it kept, which is quicker than every term per row."""
    kept = list(rows)
    for term in terms:
        check, negated = _check(term), term.negated
        kept = [row for row in kept if check(row, moment) != negated]
    return kept


class CardCollection:
    """Every card of the loaded decks (in deck order), then the ids only the history has."""

    def __init__(
        self, store: StudyStore, cards: Iterable[BrowsableCard], deck_titles: Mapping[str, str]
    ) -> None:
        self._store = store
        self._calendar = store.calendar()
        statuses = {status.card_id: status for status in store.card_statuses()}
        flagged = store.flagged_ids()
        rows = [
            BrowsedCard(
                card_id=card.id,
                deck=card.deck,
                deck_title=deck_titles.get(card.deck, card.deck),
                section=card.section,
                kind=card.kind,
                tags=card.tags,
                front=card.front,
                status=statuses.pop(card.id, None),
                flagged=card.id in flagged,
            )
            for card in cards
        ]
        rows += [
            BrowsedCard(card_id, "", "", "", "", (), NOT_LOADED, status, card_id in flagged)
            for card_id, status in sorted(statuses.items())
        ]
        self.rows = rows
        self._index = {row.card_id: index for index, row in enumerate(rows)}

    def moment(self) -> Moment:
        """Now, on the study calendar read when the collection was (a keystroke reads no
        settings: the browser changes none)."""
        today = self._calendar.day_of(self._store.clock.now())
        return Moment(today, to_micros(self._calendar.end_of(today)))

    def search(self, query: str) -> list[BrowsedCard]:
        """The cards matching `query` (see `card_query`), in collection order."""
        return matching(self.rows, parse_query(query), self.moment())

    def reread(self, card_id: str) -> BrowsedCard:
        """The card's row with its status and flag as stored now (after an action on it)."""
        index = self._index[card_id]
        status, flagged = self._store.card_status(card_id)
        self.rows[index] = replace(self.rows[index], status=status, flagged=flagged)
        return self.rows[index]


@dataclass(frozen=True, slots=True)
class HistoryLine:
    """One answer as the browser's detail pane lists it; `interval` is the gap the scheduler
    chose after it (None for cram and practice, which move no schedule)."""

    reviewed_at: datetime
    mode: str
    rating: Rating
    interval: timedelta | None


def card_history(store: StudyStore, card_id: str) -> list[HistoryLine]:
    """The card's answers, oldest first. The state a scheduled answer left is the one the next
    scheduled answer started from, or, for the latest, the card's row now."""
    answers = store.past_answers(card_id)
    scheduled = [answer for answer in answers if answer.mode == "scheduled"]
    current = store.stored_state(card_id)
    after = {id(answer): following.before for answer, following in pairwise(scheduled)}
    if scheduled:
        after[id(scheduled[-1])] = current
    lines = []
    for answer in answers:
        state = after.get(id(answer))
        interval = None if state is None or state.state is None else state.interval
        lines.append(HistoryLine(answer.reviewed_at, answer.mode, answer.rating, interval))
    return lines


COLUMNS = ("card", "state", "due", "lapses", "leech", "flags", "kind", "deck", "section")
"""The browser's columns, on screen and in `quizapp cards`: what a narrow terminal must show
first, where the card sits last."""


def row_cells(card: BrowsedCard, today: date, zone: tzinfo | None) -> tuple[str, ...]:
    """The card's cells under `COLUMNS`: due as a local date, empty where nothing applies."""
    due = card.due
    return (
        card.card_id,
        card.state,
        "" if due is None else due.astimezone(zone).date().isoformat(),
        str(card.lapses) if card.lapses else "",
        "leech" if card.leech else "",
        " ".join(card.marks(today)),
        card.kind or "—",
        card.deck or "—",
        card.section or "—",
    )
