"""Steering study: a chosen deck/section/tag, custom study (extra new cards, review ahead, weakest
families), new cards of several decks taking turns, and the interview day."""

from __future__ import annotations

import random
import tempfile
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

import numpy as np
import pytest
from fsrs import Rating
from hypothesis import given, settings
from hypothesis import strategies as st
from study_fakes import START, FakeCard, FakeGrade, drain, fake_generate, insert_rows

from quizapp.study import FakeClock, ReviewSession, StudySettings, StudyStore, open_store
from quizapp.study.custom_study import (
    add_extra_new_cards,
    below_target_on,
    interview_countdown,
    next_due,
    parse_count,
    unseen_pace,
    when_text,
)
from quizapp.study.micros import to_micros
from quizapp.study.ordering import new_card_order
from quizapp.study.preferences import updated_settings
from quizapp.study.scope import EVERYTHING, StudyScope, check_scope, scope_from_options, scopes_for
from quizapp.study.store.reviews import Attempt
from quizapp.study.store.steering import studied_states
from quizapp.study.weak_families import cards_of_families, weakest_families

_HOUR_US = 3_600_000_000


@dataclass(frozen=True)
class TaggedCard(FakeCard):
    tags: tuple[str, ...] = ()


LIBRARY = [
    TaggedCard("a1", deck="bundled", section="s1", tags=("gelu",)),
    TaggedCard("a2", deck="bundled", section="s2"),
    TaggedCard("m1", deck="mine", section="", tags=("gelu", "mine")),
    TaggedCard("m2", deck="mine", section=""),
]


def _session(store: StudyStore, deck: list, **options: object) -> ReviewSession:
    return ReviewSession(
        store, deck, generate=fake_generate, rng=np.random.default_rng(1), **options
    )


def test_scopes_list_decks_sections_and_tags_and_select_their_cards() -> None:
    scopes = scopes_for(LIBRARY, {"bundled": "The cheatsheet"}, {("bundled", "s1"): "Overview"})
    assert [scope.title for scope in scopes] == [
        "Everything due",
        "Deck: The cheatsheet",
        "Section: Overview",
        "Section: s2",
        "Deck: mine",
        "Tag: gelu",
        "Tag: mine",
    ]
    chosen = {scope.title: [card.id for card in scope.select(LIBRARY)] for scope in scopes}
    assert chosen["Deck: mine"] == ["m1", "m2"]
    assert chosen["Section: Overview"] == ["a1"]
    assert chosen["Tag: gelu"] == ["a1", "m1"]
    assert chosen["Everything due"] == ["a1", "a2", "m1", "m2"]


def test_command_line_scopes_combine_sensibly_and_a_typo_names_what_exists() -> None:
    assert scope_from_options(None, None, None) == EVERYTHING
    assert scope_from_options("mine", None, None).select(LIBRARY) == LIBRARY[2:]
    with pytest.raises(ValueError, match="--section needs --deck"):
        scope_from_options(None, "s1", None)
    with pytest.raises(ValueError, match="cannot be combined"):
        scope_from_options("mine", None, "gelu")
    with pytest.raises(ValueError, match="no deck named 'mien'; decks: bundled, mine"):
        check_scope(scope_from_options("mien", None, None), LIBRARY)
    with pytest.raises(ValueError, match="has no section 's3'; sections: s1, s2"):
        check_scope(scope_from_options("bundled", "s3", None), LIBRARY)
    with pytest.raises(ValueError, match="no card has the tag 'relu'; tags: gelu, mine"):
        check_scope(StudyScope("tag", "", "relu"), LIBRARY)


def test_a_session_over_one_deck_shows_only_that_decks_cards(store: StudyStore) -> None:
    mine = StudyScope("deck", "mine").select(LIBRARY)
    assert drain(_session(store, mine)) == ["m1", "m2"]
    assert store.card_state("a1").is_new


def test_new_cards_of_several_decks_take_turns() -> None:
    bundled = [FakeCard(f"b{index}", deck="bundled") for index in range(30)]
    mine = [FakeCard(f"m{index}", deck="mine") for index in range(3)]
    order = new_card_order([*bundled, *mine])
    assert order[:7] == ["b0", "m0", "b1", "m1", "b2", "m2", "b3"]
    assert sorted(order) == sorted(card.id for card in [*bundled, *mine])


def test_extra_new_cards_raise_todays_limit_only(store: StudyStore, clock: FakeClock) -> None:
    StudySettings(new_per_day=2).save(store)
    deck = [FakeCard(f"n{index}") for index in range(10)]
    assert len(drain(_session(store, deck))) == 2
    add_extra_new_cards(store, store.today(), 3)
    assert drain(_session(store, deck)) == ["n2", "n3", "n4"]
    clock.advance(days=1)
    assert _session(store, deck).counts().new == 2


def test_review_ahead_shows_cards_due_within_the_days_asked(
    store: StudyStore, clock: FakeClock
) -> None:
    deck = [FakeCard(f"n{index}") for index in range(3)]
    session = _session(store, deck)
    for expected in ("n0", "n1", "n2"):
        item = session.next()
        assert item.card.id == expected
        session.record(item, Rating.Easy)
    assert _session(store, deck).next() is None
    due_days = {store.today() + timedelta(days=1)}
    due = sorted({store.calendar().day_of(store.card_state(c.id).due) for c in deck})
    assert due[0] > due_days.pop()
    farthest = (due[-1] - store.today()).days
    ahead = _session(store, deck, ahead=store.today() + timedelta(days=farthest), new_cards=False)
    assert ahead.counts().review == 3 and ahead.counts().new == 0
    assert sorted(drain(ahead)) == ["n0", "n1", "n2"]
    too_short = _session(store, deck, ahead=store.today() + timedelta(days=1))
    assert too_short.counts().total == 0


def test_nothing_due_says_when_the_next_card_comes(store: StudyStore, clock: FakeClock) -> None:
    deck = [FakeCard("x")]
    assert next_due(store, deck, clock.now()) is None
    session = _session(store, deck)
    session.record(session.next(), Rating.Easy)
    coming = next_due(store, deck, clock.now())
    assert coming == store.card_state("x").due
    calendar = store.calendar()
    days = (calendar.day_of(coming) - store.today()).days
    assert when_text(coming, clock.now(), clock.zone) == (
        f"on {calendar.day_of(coming).isoformat()} (in {days} days)"
    )
    store.bury("x", calendar.day_of(coming) + timedelta(days=2))
    later = next_due(store, deck, clock.now())
    assert later == calendar.start_of(calendar.day_of(coming) + timedelta(days=2))
    assert when_text(clock.now(), clock.now(), clock.zone).startswith("today at ")


def test_weakest_families_rank_by_recent_accuracy(store: StudyStore, clock: FakeClock) -> None:
    numeric = [
        FakeCard("q-easy", kind="numeric", template="easy"),
        FakeCard("q-hard", kind="numeric", template="hard"),
        FakeCard("q-mid", kind="numeric", template="mid"),
        FakeCard("q-rare", kind="numeric", template="rare"),
    ]
    answers = {"easy": [True] * 4, "hard": [False, False, True], "mid": [True, False, True, True]}
    answers["rare"] = [False, False]
    for template, results in answers.items():
        for correct in results:
            store.record_unscheduled(
                "practice",
                Rating.Good if correct else Rating.Again,
                day=store.today(),
                template=template,
                attempt=Attempt(grade=FakeGrade(correct, float(correct))),
            )
    families = weakest_families(store, numeric, store.today(), count=2)
    assert [family.template for family in families] == ["hard", "mid"]
    assert [card.id for card in cards_of_families(numeric, families)] == ["q-hard", "q-mid"]
    clock.advance(days=40)
    assert weakest_families(store, numeric, store.today() + timedelta(days=40)) == []


def test_interview_date_is_a_checked_setting() -> None:
    today = date(2026, 11, 30)
    changed = updated_settings(StudySettings(), {"interview_date": "2026-12-12"}, today=today)
    assert changed.interview_day == date(2026, 12, 12)
    assert interview_countdown(changed, today) == "Interview in 12 days (2026-12-12)"
    assert interview_countdown(changed, date(2026, 12, 12)) == "Interview today"
    assert interview_countdown(changed, date(2026, 12, 13)) == ""
    with pytest.raises(ValueError, match=r"must be today \(2026-11-30\) or later, got 2026-11-01"):
        updated_settings(StudySettings(), {"interview_date": "2026-11-01"}, today=today)
    for bad in ("12/12/2026", "2026-13-01", "20261212", "soon"):
        with pytest.raises(ValueError, match="interview_date must be a date YYYY-MM-DD"):
            updated_settings(StudySettings(), {"interview_date": bad}, today=today)
    assert updated_settings(changed, {"interview_date": ""}, today=today).interview_day is None


def test_cards_below_retention_on_the_interview_day_are_reviewed_ahead(
    store: StudyStore, clock: FakeClock
) -> None:
    deck = [FakeCard(f"n{index}") for index in range(3)]
    session = _session(store, deck)
    for rating in (Rating.Hard, Rating.Easy, Rating.Easy):
        item = session.next()
        session.record(item, rating)
        while (again := session.next()) is not None and again.card.id == item.card.id:
            session.record(again, rating)
    settings = store.settings()
    calendar = store.calendar()
    soon = below_target_on(store, deck, settings, calendar, store.today())
    assert soon == []
    far = store.today() + timedelta(days=60)
    scheduler = settings.scheduler()
    moment = calendar.midday_of(far)
    expected = [
        card.id
        for card in deck
        if scheduler.get_card_retrievability(store.card_state(card.id).to_fsrs(moment), moment)
        < settings.desired_retention
    ]
    below = below_target_on(store, deck, settings, calendar, far)
    assert sorted(card.id for card in below) == sorted(expected) and expected
    ahead = _session(store, below, ahead=far + timedelta(days=1), new_cards=False)
    assert sorted(drain(ahead)) == sorted(expected)


@given(st.text(max_size=8))
def test_a_typed_count_is_accepted_in_range_or_explained(text: str) -> None:
    try:
        value = parse_count(text, "days ahead", 365)
    except ValueError as error:
        assert str(error).startswith("days ahead must be")
    else:
        assert 1 <= value <= 365 and value == int(text.strip())


def test_the_pace_that_sees_every_card_before_the_interview() -> None:
    today = date(2026, 11, 30)
    day = date(2026, 12, 10)
    assert unseen_pace(0, today, day, 20) == ""
    assert unseen_pace(95, today, day, 20) == (
        "95 cards are not studied yet: 10 new a day sees all before then;"
        " the daily limit is enough."
    )
    assert unseen_pace(300, today, day, 20).endswith(
        "30 new a day sees all before then; until then review introduces 30 a day"
        " (new_per_day is 20)."
    )
    assert unseen_pace(3, today, today, 20) == ""


def test_before_the_interview_review_introduces_every_card_in_time(
    store: StudyStore, clock: FakeClock
) -> None:
    """Ten unseen cards, a limit of 2 a day and 4 days to go: 3 a day, so all are seen."""
    deck = [FakeCard(f"n{index}") for index in range(10)]
    interview = store.today() + timedelta(days=4)
    StudySettings(new_per_day=2, interview_date=interview.isoformat()).save(store)
    seen = drain(_session(store, deck))
    assert seen == ["n0", "n1", "n2"]
    assert _session(store, deck).counts().new == 0
    for _ in range(3):
        clock.advance(days=1)
        seen += [card for card in drain(_session(store, deck)) if card not in seen]
    assert sorted(seen) == sorted(card.id for card in deck)
    clock.advance(days=1)
    assert store.today() == interview
    StudySettings(new_per_day=2, interview_date=interview.isoformat()).save(store)
    assert (
        _session(store, [*deck, FakeCard("late1"), FakeCard("late2"), FakeCard("late3")])
        .counts()
        .new
        == 2
    )


def _queue_statements(store: StudyStore, deck: list[FakeCard]) -> list[str]:
    run: list[str] = []
    store._connection.set_trace_callback(run.append)
    try:
        _session(store, deck)
    finally:
        store._connection.set_trace_callback(None)
    return run


def test_before_the_interview_the_unseen_cards_are_one_count(store: StudyStore) -> None:
    """Building the queue asks the store one more thing when an interview day is ahead: how
    many cards are unseen (it used to list every one, in ever larger chunks). The 750 new cards
    the pace allows take one more chunk than the 2 of the daily limit."""
    deck = [FakeCard(f"n{index:04d}") for index in range(3000)]
    plain = _queue_statements(store, deck)
    interview = store.today() + timedelta(days=4)
    StudySettings(new_per_day=2, interview_date=interview.isoformat()).save(store)
    ahead = _queue_statements(store, deck)
    assert len(ahead) == len(plain) + 2
    assert len([sql for sql in ahead if sql.startswith("SELECT count(*)")]) == 1
    assert _session(store, deck).counts().new == 750
    assert store.unseen_count([card.id for card in deck], store.today()) == 3000


def test_one_rule_says_whether_the_interview_day_is_ahead() -> None:
    """Home's countdown, the picker, stats and the queue's pace ask the same question: the day
    itself is still ahead (the countdown says "today"), the day after it is not."""
    settings = StudySettings(interview_date="2026-12-10")
    day = date(2026, 12, 10)
    assert settings.interview_ahead(day - timedelta(days=1)) == day
    assert settings.interview_ahead(day) == day
    assert settings.interview_ahead(day + timedelta(days=1)) is None
    assert StudySettings().interview_ahead(day) is None
    assert interview_countdown(settings, day) == "Interview today"
    assert interview_countdown(settings, day + timedelta(days=1)) == ""


@settings(max_examples=40)
@given(st.integers(0, 2**32 - 1))
def test_the_cards_below_target_are_those_fsrs_predicts_below(seed: int) -> None:
    """Predicted in SQL, recall is fsrs's own `get_card_retrievability`, card for card."""
    rng = random.Random(seed)
    clock = FakeClock(START)
    deck = [FakeCard(f"c{index:02d}") for index in range(rng.randint(0, 30))]
    with tempfile.TemporaryDirectory() as folder, open_store(Path(folder), clock) as store:
        now = to_micros(clock.now())
        insert_rows(
            store,
            "cards",
            (
                {
                    "card_id": card.id,
                    "state": rng.choice([None, 1, 2, 3, 3]),
                    "stability": rng.choice([None, rng.uniform(0.05, 5), rng.uniform(5, 500)]),
                    "due": now,
                    "last_review": rng.choice([None, now - rng.randint(-30, 900) * _HOUR_US]),
                    "suspended": int(rng.random() < 0.15),
                }
                for card in [*deck, FakeCard("gone")]
                if rng.random() > 0.2
            ),
        )
        chosen = StudySettings(desired_retention=rng.choice([0.7, 0.85, 0.9, 0.97]))
        calendar = chosen.calendar(clock.zone)
        day = store.today() + timedelta(days=rng.randint(0, 90))
        moment = calendar.midday_of(day)
        scheduler = chosen.scheduler()
        recall = {
            state.card_id: scheduler.get_card_retrievability(state.to_fsrs(moment), moment)
            for state in studied_states(store, [card.id for card in deck])
        }
        below = [card.id for card in deck if recall.get(card.id, 1) < chosen.desired_retention]
        expected = sorted(below, key=recall.__getitem__)
        found = below_target_on(store, deck, chosen, calendar, day)
        assert [card.id for card in found] == expected
