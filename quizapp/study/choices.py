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
    unseen_pace,
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
    unseen: str
    """Before the interview day: how many cards were never studied and the pace that sees them."""
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
    interview_day = day if day is not None and day >= today else None
    return StudyChoices(
        today=today,
        scopes=scopes,
        next_card=next_card,
        new_per_day=settings.new_per_day,
        extra_new_today=extra_new_cards(store, today),
        weakest=tuple(weakest_families(store, cards, today)),
        interview=interview_countdown(settings, today),
        interview_day=interview_day,
        unseen=_unseen(store, cards, today, interview_day, settings.new_per_day),
        below_target=0
        if interview_day is None
        else len(below_target_on(store, cards, settings, calendar, interview_day)),
        retention=settings.desired_retention,
    )


def _unseen(
    store: StudyStore, cards: Sequence[TaggedCard], today: date, day: date | None, limit: int
) -> str:
    if day is None:
        return ""
    unseen = store.new_card_ids([card.id for card in cards], today, len(cards))
    return unseen_pace(len(unseen), today, day, limit)
