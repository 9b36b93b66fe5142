"""What the "choose what to study" picker offers, read in one go: each deck, section and tag with
today's counts, when the next card comes if nothing is due, and the custom-study options."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date

from quizapp.study.clock import Clock
from quizapp.study.custom_study import (
    WeakFamily,
    below_target_on,
    extra_new_cards,
    interview_countdown,
    next_due,
    weakest_families,
    when_text,
)
from quizapp.study.scope import StudyScope, TaggedCard, scopes_for
from quizapp.study.session import QueueCounts, ReviewSession
from quizapp.study.store import StudyStore


@dataclass(frozen=True)
class ScopeChoice:
    scope: StudyScope
    counts: QueueCounts


@dataclass(frozen=True)
class StudyChoices:
    today: date
    scopes: tuple[ScopeChoice, ...]
    next_card: str
    """"Nothing is due now; the next card is due tomorrow (…)." when nothing is; else ""."""
    new_per_day: int
    extra_new_today: int
    weakest: tuple[WeakFamily, ...]
    interview: str
    """The countdown ("Interview in 12 days (…)"), or "" when no interview day is ahead."""
    interview_day: date | None
    below_target: int
    """Studied cards whose predicted recall on the interview day is below `retention`."""
    retention: float


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
    scopes = tuple(
        ScopeChoice(scope, ReviewSession(store, scope.select(cards), settings=settings).counts())
        for scope in scopes_for(cards, deck_titles, section_titles)
    )
    next_card = ""
    if scopes[0].counts.total == 0:
        coming = next_due(store, cards, now)
        next_card = (
            "Nothing is due now; no studied card is waiting."
            if coming is None
            else f"Nothing is due now; the next card is due {when_text(coming, today, calendar)}."
        )
    day = settings.interview_day
    ahead = day is not None and day >= today
    return StudyChoices(
        today=today,
        scopes=scopes,
        next_card=next_card,
        new_per_day=settings.new_per_day,
        extra_new_today=extra_new_cards(store, today),
        weakest=tuple(weakest_families(store, cards, today)),
        interview=interview_countdown(settings, today),
        interview_day=day if ahead else None,
        below_target=len(below_target_on(store, cards, settings, calendar, day))
        if ahead and day is not None
        else 0,
        retention=settings.desired_retention,
    )
