"""Today's queue counts of every deck, section and tag from one read, as the picker lists them.

Building a review session per scope gave the same numbers (a test compares them over randomised
stores) but read and ordered every card once per scope: 56 scopes on the bundled deck, and at
100,000 cards each session alone takes about 90 ms. Here the cards are read once (which are due
today, which are new, which siblings today's answers hold back) and counted into every scope
they belong to.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import datetime
from itertools import filterfalse
from operator import attrgetter

from quizapp.study.daily_room import DayLimits, QueueCounts
from quizapp.study.ordering import sibling_key
from quizapp.study.scope import Place, StudyScope, TaggedCard, place_of
from quizapp.study.store import StudyStore

_card_id: Callable[[TaggedCard], str] = attrgetter("id")


@dataclass(frozen=True)
class ScopeCounts:
    counts: QueueCounts
    unseen: int
    """The scope's new cards (held back or not), which the interview pace introduces."""


def scope_counts(
    store: StudyStore,
    cards: Sequence[TaggedCard],
    scopes: Sequence[StudyScope],
    limits: DayLimits,
    day_ends: datetime,
) -> list[ScopeCounts]:
    """What a fresh `ReviewSession` over each scope's cards would count, in `scopes` order."""
    today = limits.day
    due = store.due_ids([day_ends], today)
    where = _Whereabouts(cards)
    fresh = list(filterfalse(store.not_new_ids(today).__contains__, where.ids))
    answered = store.answered_on(today)
    held = {sibling_key(card_id) for card_id in answered}
    waiting = (
        [card_id for card_id in fresh if card_id not in answered and sibling_key(card_id) in held]
        if held
        else []
    )
    learning, review = (
        filter(where.ids.__contains__, due.get((0, in_review, False), []))
        for in_review in (False, True)
    )
    per_place = [Counter(where.of(ids)) for ids in (learning, review, fresh, waiting)]
    tallies = [[0, 0, 0, 0] for _ in scopes]
    for place in set().union(*per_place):
        counts = [counter[place] for counter in per_place]
        for position, scope in enumerate(scopes):
            if _holds(scope, place):
                tally = tallies[position]
                for column, count in enumerate(counts):
                    tally[column] += count
    reviews = limits.room(0).reviews
    return [
        ScopeCounts(
            QueueCounts(
                learning=learning_count,
                review=min(review_count, reviews),
                new=min(new - held_back, limits.room(new).new),
            ),
            unseen=new,
        )
        for learning_count, review_count, new, held_back in tallies
    ]


_Where = Place | frozenset[Place]
"""Where a card id is: its card's place, or the places of its copies when it was loaded twice."""


class _Whereabouts:
    """The place of each card id, looked up only for the ids counted (the new and the due
    ones), since building a place per card costs more than the counting."""

    def __init__(self, cards: Sequence[TaggedCard]) -> None:
        self.ids = dict(zip(map(_card_id, cards), cards, strict=True))
        self._copies: dict[str, _Where] = {}
        if len(self.ids) < len(cards):
            places: dict[str, set[Place]] = {}
            for card in cards:
                places.setdefault(card.id, set()).add(place_of(card))
            self._copies = {
                card_id: frozenset(where) for card_id, where in places.items() if len(where) > 1
            }

    def of(self, ids: Iterable[str]) -> Iterator[_Where]:
        if not self._copies:
            return map(place_of, map(self.ids.__getitem__, ids))
        return (self._copies.get(card_id) or place_of(self.ids[card_id]) for card_id in ids)


def _holds(scope: StudyScope, where: _Where) -> bool:
    if isinstance(where, frozenset):
        return any(scope.holds(place) for place in where)
    return scope.holds(where)
