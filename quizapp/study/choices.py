"""What the "choose what to study" picker offers, read in one go: each deck, section and tag with
today's counts, when the next card comes if nothing is due, and the custom-study options."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date

from quizapp.study.clock import Clock, calendar_date
from quizapp.study.custom_study import (
    below_target_on,
    interview_countdown,
    next_due,
    unseen_pace,
    when_text,
)
from quizapp.study.daily_room import QueueCounts, day_limits
from quizapp.study.scope import StudyScope, TaggedCard, scopes_for
from quizapp.study.scope_counts import scope_counts
from quizapp.study.settings import StudySettings
from quizapp.study.store import StudyStore
from quizapp.study.weak_families import WeakFamily, weakest_families


@dataclass(frozen=True)
class ScopeChoice:
    scope: StudyScope
    counts: QueueCounts


@dataclass(frozen=True)
class StudyChoices:
    today: date
    """The study day (it starts at the rollover hour): what the counts are for."""
    calendar_today: date
    """The calendar date: what the interview day is set against."""
    scopes: tuple[ScopeChoice, ...]
    next_card: str
    """"Nothing is due now; the next card is due tomorrow (…)." when nothing is; else ""."""
    new_per_day: int
    extra_new_today: int
    weakest: tuple[WeakFamily, ...]
    interview: str
    """The countdown ("Interview in 12 days (…)"), why the stored day is ignored (too far
    ahead), or "" when no interview day is ahead."""
    interview_day: date | None
    unseen: str
    """Before the interview day: how many cards were never studied and the pace that sees them."""
    below_target: int
    """Studied cards whose predicted recall on the interview day is below `retention`."""
    retention: float
    settings: StudySettings
    """The settings read for these choices (the interview day is changed from them)."""


def study_choices(
    store: StudyStore,
    cards: Sequence[TaggedCard],
    clock: Clock,
    deck_titles: Mapping[str, str],
    section_titles: Mapping[tuple[str, str], str],
) -> StudyChoices:
    settings = store.settings()
    calendar = settings.calendar(clock.zone)
    now = clock.now()
    today = calendar.day_of(now)
    places = scopes_for(cards, deck_titles, section_titles)
    limits = day_limits(store, settings, today)
    counted = scope_counts(store, cards, places, limits, calendar.end_of(today))
    scopes = tuple(
        ScopeChoice(scope, tally.counts) for scope, tally in zip(places, counted, strict=True)
    )
    next_card = ""
    if scopes[0].counts.total == 0:
        coming = next_due(store, cards, now)
        next_card = (
            "Nothing is due now; no studied card is waiting."
            if coming is None
            else f"Nothing is due now; the next card is due {when_text(coming, now, clock.zone)}."
        )
    date_today = calendar_date(now, clock.zone)
    interview_day = settings.interview_ahead(date_today)
    return StudyChoices(
        today=today,
        calendar_today=date_today,
        scopes=scopes,
        next_card=next_card,
        new_per_day=settings.new_per_day,
        extra_new_today=limits.extra_new,
        weakest=tuple(weakest_families(store, cards, today)),
        interview=interview_countdown(settings, date_today)
        or settings.interview_notice(date_today),
        interview_day=interview_day,
        unseen=""
        if interview_day is None
        else unseen_pace(counted[0].unseen, today, interview_day, settings.new_per_day),
        below_target=0
        if interview_day is None
        else len(below_target_on(store, cards, settings, calendar, interview_day)),
        retention=settings.desired_retention,
        settings=settings,
    )
