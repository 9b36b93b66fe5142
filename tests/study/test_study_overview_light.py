"""Home's light query gives the numbers of the heavy paths it replaced: a fresh review session's
queue counts, the stats' streak, today's totals and week ahead, and a changed-cards check that
compares every reviewed card by text. Checked over randomised stores (states, due times, burials,
suspensions, orphans, siblings held back by today's answers, daily limits and extra new cards,
rewritten cards)."""

from __future__ import annotations

import random
import tempfile
from datetime import timedelta
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st
from study_fakes import START, FakeCard

from quizapp.study import FakeClock, ReviewSession, StudyStore, compute_stats, open_store
from quizapp.study.content_changes import MUCH_CHANGED_BELOW, change_similarity, find_changed
from quizapp.study.custom_study import add_extra_new_cards
from quizapp.study.micros import to_micros
from quizapp.study.overview import overview
from quizapp.study.protocols import visible_text

_HOUR_US = 3_600_000_000


def _content(rng: random.Random) -> list[FakeCard]:
    cards = []
    for index in range(rng.randint(0, 30)):
        card = FakeCard(id=f"c-{index:02d}", front=f"question {index}", back=f"answer {index}")
        cards.append(card)
        if rng.random() < 0.3:
            cards.append(FakeCard(id=f"c-{index:02d}:reverse", front=f"answer {index}"))
    return cards


def _fill(store: StudyStore, cards: list[FakeCard], rng: random.Random) -> None:
    now = to_micros(store.clock.now())
    today = store.today()
    days = [(today + timedelta(days=offset)).isoformat() for offset in (-2, -1, 0, 1)]
    orphans = [FakeCard(id=f"gone-{index}") for index in range(rng.randint(0, 4))]
    with store.transaction() as connection:
        for card in [*cards, *orphans]:
            if rng.random() < 0.3:
                continue
            state = rng.choice([None, 1, 2, 2, 3])
            text = visible_text(card)
            if rng.random() < 0.3:
                text = rng.choice([text + " (typo fixed)", "something else entirely, rewritten"])
            connection.execute(
                "INSERT INTO cards (card_id, state, due, suspended, buried_until, content_hash)"
                " VALUES (?, ?, ?, ?, ?, ?)",
                (
                    card.id,
                    state,
                    None if state is None else now + rng.randint(-72, 240) * _HOUR_US,
                    int(rng.random() < 0.15),
                    rng.choice([None, None, *days]),
                    None
                    if state is None
                    else card.content_hash()
                    if text == visible_text(card)
                    else f"old-{card.id}",
                ),
            )
            if state is not None:
                connection.execute(
                    "INSERT INTO card_texts (card_id, content_text) VALUES (?, ?)", (card.id, text)
                )
        for _ in range(rng.randint(0, 15)):
            mode = rng.choice(["scheduled", "scheduled", "cram", "practice"])
            offset = rng.choice([0, 0, -1, -2, -3, -5])
            connection.execute(
                "INSERT INTO reviews (card_id, mode, reviewed_at, day, rating, prev_state)"
                " VALUES (?, ?, ?, ?, ?, ?)",
                (
                    rng.choice([*cards, *orphans, FakeCard(id="x")]).id,
                    mode,
                    now + offset * 24 * _HOUR_US,
                    (today + timedelta(days=offset)).isoformat(),
                    rng.randint(1, 4),
                    rng.choice([0, 1, 2, 3]) if mode == "scheduled" else None,
                ),
            )
    store.set_setting("new_per_day", rng.randint(0, 8))
    if rng.random() < 0.3:
        add_extra_new_cards(store, today, rng.randint(1, 5))
    store.set_setting("reviews_per_day", rng.randint(0, 8))


def _changed_by_text(store: StudyStore, cards: list[FakeCard]) -> int:
    """The check without its shortcut: every reviewed card's stored hash and text against the
    content (the same measure of change, without reading only the cards whose hash moved)."""
    by_id = {card.id: card for card in cards}
    rows = store.query(
        "SELECT cards.card_id, content_hash, content_text FROM cards"
        " JOIN card_texts ON card_texts.card_id = cards.card_id"
        " WHERE state IS NOT NULL AND content_hash IS NOT NULL"
    )
    return sum(
        1
        for card_id, stored_hash, text in rows
        if card_id in by_id
        and by_id[card_id].content_hash() != stored_hash
        and change_similarity(by_id[card_id], text, visible_text(by_id[card_id]))
        < MUCH_CHANGED_BELOW
    )


@settings(max_examples=40)
@given(st.integers(0, 2**32 - 1))
def test_the_light_numbers_are_the_heavy_ones(seed: int) -> None:
    rng = random.Random(seed)
    clock = FakeClock(START + timedelta(hours=rng.randint(0, 23)))
    cards = _content(rng)
    with tempfile.TemporaryDirectory() as folder, open_store(Path(folder), clock) as store:
        _fill(store, cards, rng)
        light = overview(store, cards, clock)
        stats = compute_stats(store, cards, clock)
        upcoming = [day.due for day in stats.forecast[1:8]]
        assert light.queue == ReviewSession(store, cards).counts()
        assert (light.streak, light.reviews_today, light.practice_today) == (
            stats.streak,
            stats.reviews_today,
            stats.practice_today,
        )
        assert (light.due_tomorrow, light.due_next_week) == (upcoming[0], sum(upcoming))
        assert light.changed_cards == len(find_changed(store, cards))
        assert light.changed_cards == _changed_by_text(store, cards)
