"""Today's review session: the queue the TUI walks through, answers, undo, bury and suspend."""

from __future__ import annotations

import bisect
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import replace
from datetime import date, datetime, timedelta
from typing import TYPE_CHECKING

from fsrs import Rating, State

from quizapp.content.kinds import kind_info
from quizapp.gc_pause import gc_paused
from quizapp.study.answering import Graded
from quizapp.study.daily_room import QueueCounts, today_room, unheld
from quizapp.study.errors import CardChangedError
from quizapp.study.items import StudyItem, attempt_at
from quizapp.study.ordering import new_card_order, sibling_key
from quizapp.study.protocols import QuestionFactory, StudyCard
from quizapp.study.scheduling import next_states
from quizapp.study.settings import StudySettings
from quizapp.study.shown import Action, OneCardSession
from quizapp.study.store import Change, Recorded, StudyStore
from quizapp.study.store.shown import keep_seed, kept_seed

if TYPE_CHECKING:
    import numpy as np


class ReviewSession(OneCardSession):
    """Drives one day of scheduled study over the library's cards.

    Order: learning cards whose step is due, then due reviews (earliest due first, at most the daily
    review limit minus today's reviews), then new cards (kinds interleaved, reverse sides last, see
    `ordering`; within the daily new limit; a scheduled answer to one holds its siblings back
    until another day, in this session and any other), then learning cards due within the
    learn-ahead window. Learning and relearning cards are never cut by the review limit: dropping
    them would break their steps. The queue is rebuilt from the store when the study day rolls
    over.

    Custom study: `ahead` reviews every card due by the end of that study day now (no review
    limit; cards due after today come as reviews), `new_cards=False` leaves new cards out, and
    extra new cards allowed for today (`custom_study.add_extra_new_cards`) raise the new limit.
    """

    def __init__(
        self,
        store: StudyStore,
        cards: Iterable[StudyCard],
        *,
        generate: QuestionFactory | None = None,
        rng: np.random.Generator | None = None,
        settings: StudySettings | None = None,
        ahead: date | None = None,
        new_cards: bool = True,
    ) -> None:
        super().__init__(store, generate, rng)
        self._ahead = ahead
        self._new_cards = new_cards
        self._cards = {card.id: card for card in cards}
        self._order = new_card_order(self._cards.values())
        self._ids_by_kind: dict[str, list[str]] = defaultdict(list)
        for card in self._cards.values():
            self._ids_by_kind[card.kind].append(card.id)
        self._settings = settings or store.settings()
        self._scheduler = self._settings.scheduler()
        self._calendar = self._settings.calendar(self._clock.zone)
        self._front: list[StudyItem] = []
        self._unkept: StudyItem | None = None
        self.refresh()

    @property
    def settings(self) -> StudySettings:
        return self._settings

    @property
    def day(self) -> date:
        return self._day

    def refresh(self) -> None:
        """Rebuild today's queue from the store (after a day change, or a change made elsewhere)."""
        with gc_paused():
            self._rebuild_queue()

    def _rebuild_queue(self) -> None:
        now = self._clock.now()
        self._day = self._calendar.day_of(now)
        end_of_day = self._calendar.end_of(self._day)
        horizon = end_of_day if self._ahead is None else self._calendar.end_of(self._ahead)
        room = today_room(self._store, self._settings, self._day, self._order)
        self._learning: list[tuple[datetime, str]] = []
        self._reviews: list[str] = []
        for due in self._store.due_cards(max(horizon, end_of_day), self._day):
            if due.card_id not in self._cards:
                continue
            if due.state == State.Review or due.due >= end_of_day:
                if self._ahead is not None or len(self._reviews) < room.reviews:
                    self._reviews.append(due.card_id)
            else:
                self._learning.append((due.due, due.card_id))
        self._new: list[str] = self._store.new_card_ids(
            self._order,
            self._day,
            room.new if self._new_cards else 0,
            allowed=unheld(self._store.answered_on(self._day)),
        )
        shown = {item.card.id for item in self._front}
        if self._pending is not None:
            shown.add(self._pending.card.id)
        self._drop(shown, keep_shown=True)

    def counts(self) -> QueueCounts:
        waiting = [*self._front, *([self._pending] if self._pending is not None else [])]
        by_source = Counter(item.source for item in waiting)
        return QueueCounts(
            learning=len(self._learning) + by_source["learning"],
            review=len(self._reviews) + by_source["review"],
            new=len(self._new) + by_source["new"],
        )

    def next(self) -> StudyItem | None:
        """The card to show now (the same one until it is answered, buried or suspended), or None
        when nothing is due yet: `next_due()` then says when the next learning step comes up."""
        if self._pending is not None:
            return self._pending
        now = self._clock.now()
        if self._calendar.day_of(now) != self._day:
            self.refresh()
        if self._front:
            self._pending = self._prepared(self._front.pop())
            return self._pending
        card_id, source = self._pick(now)
        if card_id is None:
            return None
        kept = kept_seed(self._store, card_id)
        item = self._questions.item(self._cards[card_id], source, now, seed=kept)
        self._unkept = item if kept is None and item.seed is not None else None
        self._pending = self._prepared(item)
        return self._pending

    @property
    def question_unkept(self) -> bool:
        """The card on show has a question drawn just now that `keep_question` should store."""
        return self._unkept is not None

    def keep_question(self) -> None:
        """Store the seed of the question just drawn (a write, which the UI runs off its event
        loop): until the card is answered, every showing asks this question, also after leaving
        review or a restart."""
        item, self._unkept = self._unkept, None
        if item is not None and item.seed is not None:
            keep_seed(self._store, item.card.id, item.seed)

    def _prepared(self, item: StudyItem) -> StudyItem:
        """The item with what answering it needs, read and computed once: the state each rating
        leads to and the user's usual time on a question of its family (numeric cards: a new
        question each time, so the card's own history is no yardstick) or of its kind."""
        now = self._clock.now()
        stored = self._store.stored_state(item.card.id)
        states = next_states(
            item.card, stored, self._scheduler, now, self._settings.leech_threshold
        )
        usual = self._usual_time(item.card) if kind_info(item.card).judged else None
        return replace(item, next_states=states, usual_time=usual)

    def _usual_time(self, card: StudyCard) -> timedelta | None:
        if card.template is not None:
            return self._store.usual_time(template=card.template)
        return self._store.usual_time(card_ids=self._ids_by_kind[card.kind])

    def _pick(self, now: datetime) -> tuple[str | None, str]:
        if self._learning and self._learning[0][0] <= now:
            return self._learning.pop(0)[1], "learning"
        if self._reviews:
            return self._reviews.pop(0), "review"
        if self._new:
            return self._new.pop(0), "new"
        ahead = now + timedelta(minutes=self._settings.learn_ahead_minutes)
        if self._learning and self._learning[0][0] <= ahead:
            return self._learning.pop(0)[1], "learning"
        return None, ""

    def upcoming(self) -> list[tuple[StudyCard, str]]:
        """Today's remaining cards with their queue, in the order they will come (learning cards
        by due time first): for previews such as `quizapp due`."""
        waiting = [*([self._pending] if self._pending is not None else []), *reversed(self._front)]
        ids = [(item.card.id, item.source) for item in waiting]
        ids += [(card_id, "learning") for _due, card_id in self._learning]
        ids += [(card_id, "review") for card_id in self._reviews]
        ids += [(card_id, "new") for card_id in self._new]
        return [(self._cards[card_id], source) for card_id, source in ids]

    def next_due(self) -> datetime | None:
        """When the earliest waiting learning card is due (None: nothing waits today)."""
        return self._learning[0][0] if self._learning else None

    def _write(
        self, item: StudyItem, rating: Rating, duration: timedelta, graded: Graded | None
    ) -> Recorded:
        """The state the buttons showed for `rating`, stored unless the card changed meanwhile;
        then the card stays on show with states computed afresh (and the error says why)."""
        states = item.next_states
        assert states is not None
        now = self._clock.now()
        try:
            return self._store.review(
                item.card,
                rating,
                before=states.stored,
                after=states.after(rating, now),
                day=self._calendar.day_of(now),
                attempt=attempt_at(item, duration, graded),
                forget_question=item.seed is not None,
            )
        except CardChangedError:
            self._pending = self._prepared(item)
            self._graded = None
            raise

    def _answered(self, item: StudyItem, recorded: Recorded) -> None:
        family = sibling_key(item.card.id)
        self._new = [card_id for card_id in self._new if sibling_key(card_id) != family]
        after = recorded.after
        if (
            after is not None
            and after.due is not None
            and after.due < self._calendar.end_of(self._day)
        ):
            bisect.insort(self._learning, (after.due, after.card_id))

    def _set_aside(self, item: StudyItem) -> None:
        self._front.append(item)

    def _question_to_keep(self, item: StudyItem) -> int | None:
        return item.seed

    def _taken_back(self, action: Action) -> None:
        """The card's exact previous state (and for an answer, its question: see `undo`) is back
        in the store: rebuild the queue from it, so the siblings an answer held back come back
        too. A bury, suspension or reset never forgot the question."""
        card_id = action.item.card.id
        self._front = [item for item in self._front if item.card.id != card_id]
        if self._pending is not None:
            self._pending = self._prepared(self._pending)
        self.refresh()

    def bury(self, card_id: str) -> None:
        """Hide the card until tomorrow's study day (undoable when it is the card on show)."""
        self._change(card_id, self._store.bury(card_id, self._day + timedelta(days=1)), "bury")

    def suspend(self, card_id: str) -> None:
        self._change(card_id, self._store.suspend(card_id), "suspend")

    def reset(self, card_id: str) -> None:
        """Start the card over as new; it leaves today's queue (undoable like a bury)."""
        self._change(card_id, self._store.reset(card_id), "reset")

    def _change(self, card_id: str, change: Change, what: str) -> None:
        if self._pending is not None and self._pending.card.id == card_id:
            self._put_away(self._pending, change, what)
        self._drop({card_id})

    def unsuspend(self, card_id: str) -> None:
        self._store.unsuspend(card_id)
        self.refresh()

    def _drop(self, card_ids: set[str], *, keep_shown: bool = False) -> None:
        self._learning = [entry for entry in self._learning if entry[1] not in card_ids]
        self._reviews = [card_id for card_id in self._reviews if card_id not in card_ids]
        self._new = [card_id for card_id in self._new if card_id not in card_ids]
        if keep_shown:
            return
        self._front = [item for item in self._front if item.card.id not in card_ids]
        if self._pending is not None and self._pending.card.id in card_ids:
            self._pending = None
