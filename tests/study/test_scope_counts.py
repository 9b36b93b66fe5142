"""The picker counts every deck, section and tag from one read; those counts are what a fresh
review session over each scope's cards counts (the way the picker counted before), and the
unseen cards a queue counts before an interview day are those it would list, over
randomised stores: states, due times, burials, suspensions, siblings held back by today's
answers, cards loaded twice, daily limits, extra new cards and an interview day ahead, today
or past."""

from __future__ import annotations

import random
import tempfile
from datetime import timedelta
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st
from study_fakes import START, FakeCard, insert_rows

from quizapp.study import FakeClock, ReviewSession, StudySettings, StudyStore, open_store
from quizapp.study.choices import study_choices
from quizapp.study.custom_study import add_extra_new_cards
from quizapp.study.micros import to_micros
from quizapp.study.scope import scopes_for

_HOUR_US = 3_600_000_000
_TAGS = ("core", "maths", "hard")


def _library(rng: random.Random) -> list[FakeCard]:
    cards = []
    for index in range(rng.randint(0, 40)):
        deck = rng.choice(["bundled", "mine", "extra"])
        place = {
            "deck": deck,
            "section": rng.choice(["", "basics", "advanced"]),
            "tags": tuple(tag for tag in _TAGS if rng.random() < 0.3),
        }
        kind = rng.choice(["definition", "formula", "interview"])
        cards.append(FakeCard(id=f"{deck}-{index:02d}", kind=kind, **place))  # type: ignore[arg-type]
        if rng.random() < 0.3:
            cards.append(FakeCard(id=f"{deck}-{index:02d}:reverse", kind=kind, **place))  # type: ignore[arg-type]
    if cards and rng.random() < 0.2:
        twin = rng.choice(cards)
        cards.append(FakeCard(id=twin.id, deck="elsewhere", section="copied", tags=("hard",)))
    return cards


def _study(store: StudyStore, cards: list[FakeCard], rng: random.Random) -> None:
    now = to_micros(store.clock.now())
    today = store.today()
    studied = [card for card in {card.id: card for card in cards}.values() if rng.random() > 0.35]
    states = [rng.choice([None, 1, 2, 2, 3]) for _ in studied]
    insert_rows(
        store,
        "cards",
        (
            {
                "card_id": card.id,
                "state": state,
                "due": None if state is None else now + rng.randint(-48, 200) * _HOUR_US,
                "suspended": int(rng.random() < 0.15),
                "buried_until": rng.choice([None, None, today + timedelta(rng.randint(-1, 1))]),
            }
            for card, state in zip(studied, states, strict=True)
        ),
    )
    offsets = [rng.choice([0, 0, -1]) for _ in range(rng.randint(0, 12))]
    insert_rows(
        store,
        "reviews",
        (
            {
                "card_id": rng.choice([*cards, FakeCard(id="gone")]).id,
                "mode": "scheduled",
                "reviewed_at": now + offset * 24 * _HOUR_US,
                "day": (today + timedelta(days=offset)).isoformat(),
                "rating": rng.randint(1, 4),
                "prev_state": rng.choice([0, 0, 1, 2, 3]),
            }
            for offset in offsets
        ),
    )
    interview = rng.choice([None, -1, 0, 1, 3, 30])
    StudySettings(
        new_per_day=rng.randint(0, 6),
        reviews_per_day=rng.randint(0, 6),
        interview_date="" if interview is None else (today + timedelta(interview)).isoformat(),
    ).save(store)
    if rng.random() < 0.3:
        add_extra_new_cards(store, today, rng.randint(1, 4))


@settings(max_examples=60)
@given(st.integers(0, 2**32 - 1))
def test_each_scope_counts_what_a_session_over_it_would(seed: int) -> None:
    rng = random.Random(seed)
    clock = FakeClock(START + timedelta(hours=rng.randint(0, 23)))
    cards = _library(rng)
    decks = {"bundled": "Bundled", "mine": "Mine"}
    with tempfile.TemporaryDirectory() as folder, open_store(Path(folder), clock) as store:
        _study(store, cards, rng)
        choices = study_choices(store, cards, clock, decks, {("mine", "basics"): "Basics"})
        scopes = scopes_for(cards, decks, {("mine", "basics"): "Basics"})
        assert [choice.scope for choice in choices.scopes] == scopes
        assert [choice.counts for choice in choices.scopes] == [
            ReviewSession(store, scope.select(cards)).counts() for scope in scopes
        ]
        ids = list(dict.fromkeys(card.id for card in cards))
        today = store.today()
        assert store.unseen_count(ids, today) == len(store.new_card_ids(ids, today, len(ids)))


def _statements(store: StudyStore, cards: list[FakeCard]) -> int:
    run: list[str] = []
    store._connection.set_trace_callback(run.append)
    try:
        study_choices(store, cards, store.clock, {}, {})
    finally:
        store._connection.set_trace_callback(None)
    return len(run)


def test_the_picker_reads_as_much_for_fifty_scopes_as_for_one(store: StudyStore) -> None:
    one = [FakeCard(id=f"only-{index}", section="") for index in range(60)]
    many = [
        FakeCard(
            id=f"d{index % 12}-{index}",
            deck=f"d{index % 12}",
            section=f"s{index // 12 % 3}",
            tags=(f"t{index % 5}",),
        )
        for index in range(60)
    ]
    assert len(scopes_for(one, {}, {})) == 2
    assert len(scopes_for(many, {}, {})) == 1 + 12 + 36 + 5
    assert _statements(store, many) == _statements(store, one)
