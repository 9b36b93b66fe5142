"""The daily room: how many reviews and new cards today's limits still allow, and the new cards
held back for today. Shared by the review session, home's numbers and the study picker; a module
of its own so that home counts them without importing the review session."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from quizapp.study.custom_study import extra_new_cards, interview_pace
from quizapp.study.ordering import sibling_key
from quizapp.study.settings import StudySettings
from quizapp.study.store import StudyStore, TodayCounts


@dataclass(frozen=True)
class QueueCounts:
    """Cards left today: in learning steps (due today), reviews due, new cards within the limit."""

    learning: int
    review: int
    new: int

    @property
    def total(self) -> int:
        return self.learning + self.review + self.new


@dataclass(frozen=True)
class TodayRoom:
    """How many more reviews and new cards the daily limits allow today."""

    reviews: int
    new: int


@dataclass(frozen=True)
class DayLimits:
    """What today's room depends on besides the cards studied: read once, it gives the room of
    any set of cards (the picker asks it for every deck, section and tag)."""

    settings: StudySettings
    day: date
    done: TodayCounts
    extra_new: int

    @property
    def interview(self) -> date | None:
        """The interview day when it is still ahead (after `day`): new cards speed up for it."""
        return self.settings.interview_ahead(self.day + timedelta(days=1))

    def room(self, unseen: int) -> TodayRoom:
        """The daily limits less what was answered today. New cards: the daily limit, raised
        before an interview day to the pace that introduces the `unseen` cards (new, neither
        suspended nor buried) in time, plus the extra ones custom study allowed today."""
        allowed_new = self.settings.new_per_day
        if self.interview is not None:
            pace = interview_pace(unseen + self.done.introduced, self.day, self.interview)
            allowed_new = max(allowed_new, pace)
        return TodayRoom(
            reviews=max(0, self.settings.reviews_per_day - self.done.reviews),
            new=max(0, allowed_new + self.extra_new - self.done.introduced),
        )


def day_limits(store: StudyStore, settings: StudySettings, day: date) -> DayLimits:
    return DayLimits(settings, day, store.today_counts(day), extra_new_cards(store, day))


def today_room(
    store: StudyStore, settings: StudySettings, day: date, candidates: Sequence[str]
) -> TodayRoom:
    """The room `DayLimits.room` gives `candidates`; they are counted only before an interview
    day (one count, however many)."""
    limits = day_limits(store, settings, day)
    if limits.interview is None or limits.room(len(candidates)) == limits.room(0):
        return limits.room(0)  # even every candidate unseen keeps the pace within the limit
    return limits.room(store.unseen_count(candidates, day))


def unheld(answered: set[str]) -> Callable[[str], bool] | None:
    """Whether a new card may come today: not if a sibling was answered today (a card reset to
    new after its own answer is not its own sibling). None: nothing was answered, all may.
    Asked only about the few candidates `new_card_ids` reads, not about the whole order."""
    if not answered:
        return None
    held = {sibling_key(card_id) for card_id in answered}
    return lambda card_id: card_id in answered or sibling_key(card_id) not in held
