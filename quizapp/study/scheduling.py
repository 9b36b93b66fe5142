"""The four states an answer can lead to, computed once when a card is shown (as Anki's
`get_scheduling_states`): the rating buttons show their intervals and the write stores the one
chosen, so the two can never disagree. The store persists that state; the policy around FSRS
(reps, lapses, leeches, topic, the text hash) lives here.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, replace
from datetime import date, datetime, timedelta

from fsrs import Rating, Scheduler, State

from quizapp.study.protocols import StudyCard
from quizapp.study.settings import StudySettings
from quizapp.study.state import CardState
from quizapp.study.store import Attempt, Recorded, StudyStore


@dataclass(frozen=True)
class NextStates:
    """`stored` is the card's row when it was shown (None: it had none): the store refuses to
    write over a row that changed since (another instance answered the card meanwhile)."""

    stored: CardState | None
    computed_at: datetime
    states: Mapping[Rating, CardState]

    def intervals(self) -> dict[Rating, timedelta]:
        """The interval each rating schedules, for the answer buttons."""
        return {
            rating: (state.due or self.computed_at) - self.computed_at
            for rating, state in self.states.items()
        }

    def after(self, rating: Rating, now: datetime) -> CardState:
        """The state `rating` leads to, answered at `now`: the same interval from `now`."""
        state = self.states[Rating(rating)]
        moved = now - self.computed_at
        return replace(
            state,
            due=None if state.due is None else state.due + moved,
            last_review=None if state.last_review is None else state.last_review + moved,
        )


def next_states(
    card: StudyCard,
    stored: CardState | None,
    scheduler: Scheduler,
    now: datetime,
    leech_threshold: int,
) -> NextStates:
    """FSRS's next state for each rating, with the review's bookkeeping: one more rep, a lapse
    when a review card is rated Again (Anki's and FSRS's lapse: Again while first learning or
    relearning is not one), the leech flag from the lapses and `leech_threshold`, a burial
    lifted, the text hash and topic the answer was given against."""
    before = stored or CardState(card_id=card.id)
    fsrs_card = before.to_fsrs(now)
    states = {}
    for rating in Rating:
        scheduled, _log = scheduler.review_card(fsrs_card, rating, review_datetime=now)
        lapses = before.lapses + (rating == Rating.Again and before.state == State.Review)
        states[rating] = replace(
            before.with_fsrs(scheduled),
            reps=before.reps + 1,
            lapses=lapses,
            leech=lapses >= leech_threshold,
            buried_until=None,
            content_hash=card.content_hash(),
            topic=card.section or card.deck,
        )
    return NextStates(stored, now, _spread_passing(states, now, scheduler.maximum_interval))


def _spread_passing(
    states: dict[Rating, CardState], now: datetime, maximum_days: int
) -> dict[Rating, CardState]:
    """Hard, Good and Easy as Anki spreads them under FSRS: when two neighbouring ratings both
    lead to a review in days, the higher one comes at least a day after the lower one. fsrs
    computes each rating alone, and for one review card in eight Hard came no sooner than Good
    (Good no sooner than Easy for one in fifteen): buttons promising the same day for different
    answers. Only the due date moves; the memory state stays fsrs's, as in Anki."""
    spread = dict(states)
    floor: datetime | None = None
    for rating in (Rating.Hard, Rating.Good, Rating.Easy):
        state = spread[rating]
        due = state.due
        if state.state != State.Review or due is None:
            floor = None
            continue
        if floor is not None and due < floor:
            due = min(floor, now + timedelta(days=maximum_days))
            spread[rating] = replace(state, due=due)
        floor = due + timedelta(days=1)
    return spread


def record_answer(
    store: StudyStore,
    card: StudyCard,
    rating: Rating,
    *,
    scheduler: Scheduler,
    leech_threshold: int = StudySettings.leech_threshold,
    day: date | None = None,
    attempt: Attempt | None = None,
) -> Recorded:
    """Schedule one answer to `card` given now, outside a review session (a drill counted in
    the schedule, a script): its next state from the stored row, then the store writes it."""
    now = store.clock.now()
    stored = store.stored_state(card.id)
    states = next_states(card, stored, scheduler, now, leech_threshold)
    return store.review(
        card,
        rating,
        before=stored,
        after=states.after(rating, now),
        day=day or store.today(),
        attempt=attempt or Attempt(),
    )
