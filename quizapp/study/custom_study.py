"""Custom study beyond today's queue: extra new cards, what comes up next, and the cards that
would be below desired retention on the interview day (the weakest numeric families are in
`weak_families`)."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, datetime, timedelta, tzinfo
from typing import TYPE_CHECKING, TypeVar

from quizapp.study.clock import StudyCalendar, calendar_date
from quizapp.study.protocols import StudyCard
from quizapp.study.settings import MAX_NEW_PER_DAY, StudySettings
from quizapp.study.store import StudyStore
from quizapp.study.store.steering import (
    buried_states,
    earliest_due,
    recall_below,
)
from quizapp.study.typed_numbers import whole_number
from quizapp.wording import agreeing, percent, plural

if TYPE_CHECKING:
    from quizapp.study.stats import Stats

EXTRA_NEW_KEY = "extra_new_cards"
"""Stored as [study day, count]: the extra new cards allowed on that day only (Anki's "increase
today's new card limit")."""

_Card = TypeVar("_Card", bound=StudyCard)


def extra_new_cards(store: StudyStore, day: date) -> int:
    stored = store.get_setting(EXTRA_NEW_KEY, None)
    if not isinstance(stored, list) or len(stored) != 2 or stored[0] != day.isoformat():
        return 0
    count = stored[1]
    return count if isinstance(count, int) and not isinstance(count, bool) and count > 0 else 0


def add_extra_new_cards(store: StudyStore, day: date, count: int) -> int:
    """Allow `count` more new cards on `day` (added to any extra already allowed); the total."""
    if count < 1:
        raise ValueError(f"extra new cards must be at least 1, got {count}")
    total = extra_new_cards(store, day) + count
    store.set_setting(EXTRA_NEW_KEY, [day.isoformat(), total])
    return total


def next_due(store: StudyStore, cards: Iterable[StudyCard], after: datetime) -> datetime | None:
    """When the earliest of `cards` (studied, not suspended) comes due after `after`; a buried
    card not before its burial ends."""
    calendar = store.calendar()
    card_ids = {card.id for card in cards}
    moments = [
        _due_counting_burial(state.due, state.buried_until, calendar)
        for state in buried_states(store, card_ids)
        if state.due is not None
    ]
    later = [moment for moment in moments if moment > after]
    unburied = earliest_due(store, card_ids, after)
    return min([*later, *([] if unburied is None else [unburied])], default=None)


def _due_counting_burial(
    due: datetime, buried_until: date | None, calendar: StudyCalendar
) -> datetime:
    if buried_until is None:
        return due
    return max(due, calendar.start_of(buried_until))


def when_text(moment: datetime, now: datetime, zone: tzinfo | None) -> str:
    """ "today at 14:30", "tomorrow (2026-12-01)" or "on 2026-12-05 (in 5 days)", counted on the
    calendar (at 3 am a card due at 10 is due today, though the study day is yesterday's)."""
    day, today = calendar_date(moment, zone), calendar_date(now, zone)
    if day <= today:
        return f"today at {moment.astimezone(zone).strftime('%H:%M')}"
    if day == today + timedelta(days=1):
        return f"tomorrow ({day.isoformat()})"
    return f"on {day.isoformat()} (in {(day - today).days} days)"


def interview_countdown(settings: StudySettings, today: date) -> str:
    """ "Interview in 12 days (2026-12-12)", "Interview today", or "" (none set, or passed);
    `today` is the calendar date (`calendar_date`): the interview is on the user's calendar."""
    day = settings.interview_ahead(today)
    if day is None:
        return ""
    if day == today:
        return "Interview today"
    days = (day - today).days
    return f"Interview in {plural(days, 'day')} ({day.isoformat()})"


def interview_pace(unseen: int, today: date, day: date) -> int:
    """New cards a day that introduce every card not yet studied before the interview day (its
    own day excluded: a card first seen that day is not yet learnt); 0 once the day has come."""
    if day <= today:
        return 0
    return -(-unseen // (day - today).days)


def unseen_pace(unseen: int, today: date, day: date, new_per_day: int) -> str:
    """What the interview day asks of new cards, as the review queue applies it."""
    if unseen == 0 or day <= today:
        return ""
    pace = interview_pace(unseen, today, day)
    cards = agreeing(unseen, "card is", "cards are")
    advice = (
        "the daily limit is enough"
        if pace <= new_per_day
        else f"until then review introduces {pace} a day (new_per_day is {new_per_day})"
    )
    return f"{unseen} {cards} not studied yet: {pace} new a day sees all before then; {advice}."


def below_target_on(
    store: StudyStore,
    cards: Iterable[_Card],
    settings: StudySettings,
    calendar: StudyCalendar,
    day: date,
) -> list[_Card]:
    """The studied cards whose predicted recall at midday of `day` (fsrs's forgetting curve,
    as `Scheduler.get_card_retrievability` predicts it) is below the desired retention, lowest
    first (in `cards` order among equals)."""
    by_id = {card.id: card for card in cards}
    recall = recall_below(
        store,
        calendar.midday_of(day),
        settings.forgetting_curve(),
        settings.desired_retention,
    )
    below = [card_id for card_id in by_id if card_id in recall]
    return [by_id[card_id] for card_id in sorted(below, key=recall.__getitem__)]


MAX_EXTRA_NEW = MAX_NEW_PER_DAY
MAX_AHEAD_DAYS = 365


def parse_count(text: str, what: str, most: int) -> int:
    """A typed whole number 1..`most` (digits 0-9 only); ValueError says what was expected."""
    return whole_number(text, what, 1, most)


def recall_on_the_day(stats: Stats) -> str:
    """The stats line for the day recall is predicted for when it is ahead (the interview day):
    the mean over the studied cards, weighting each topic by its studied cards."""
    if stats.recall_date <= stats.today:
        return ""
    studied = sum(topic.studied_cards for topic in stats.recall)
    day = stats.recall_date.isoformat()
    if not studied:
        return f"Predicted recall on {day}: no studied card yet"
    mean = sum((topic.studied or 0) * topic.studied_cards for topic in stats.recall) / studied
    return f"Predicted recall on {day}: {percent(mean)} over {studied} studied cards"
