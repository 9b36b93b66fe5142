"""The cheap reads behind the study picker and today's queue give what the full reads gave, over
randomised stores (states, due times, burials ended or not, suspensions, cards no longer in the
chosen set, siblings answered today, an interview day ahead or not): when the next card comes
due (read in due order from the index, not from every studied card's state), the new cards a
queue takes (the sibling rule asked only about the candidates read, not the whole order), and
today's room (the unseen count skipped when it cannot change it)."""

from __future__ import annotations

import random
import tempfile
from datetime import datetime, timedelta
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st
from study_fakes import START, FakeCard, insert_rows
from test_scope_counts import _library, _study

from quizapp.study import FakeClock, StudyStore, open_store
from quizapp.study.custom_study import next_due
from quizapp.study.daily_room import day_limits, today_room, unheld
from quizapp.study.micros import to_micros
from quizapp.study.ordering import new_card_order, sibling_key
from quizapp.study.store.steering import studied_states


def _next_due_from_every_state(
    store: StudyStore, cards: list[FakeCard], after: datetime
) -> datetime | None:
    """The way the picker found it before: every studied card's state, burials counted."""
    calendar = store.calendar()
    moments = [
        state.due
        if state.buried_until is None
        else max(state.due, calendar.start_of(state.buried_until))
        for state in studied_states(store, [card.id for card in cards])
        if state.due is not None
    ]
    return min((moment for moment in moments if moment > after), default=None)


@settings(max_examples=80)
@given(st.integers(0, 2**32 - 1))
def test_cheap_reads_match_the_full_ones(seed: int) -> None:
    rng = random.Random(seed)
    clock = FakeClock(START + timedelta(hours=rng.randint(0, 23)))
    cards = _library(rng)
    with tempfile.TemporaryDirectory() as folder, open_store(Path(folder), clock) as store:
        _study(store, cards, rng)
        chosen = [card for card in cards if rng.random() < 0.7]
        after = clock.now() + timedelta(hours=rng.randint(-50, 100))
        assert next_due(store, chosen, after) == _next_due_from_every_state(store, chosen, after)

        today = store.today()
        order = new_card_order({card.id: card for card in cards}.values())
        answered = store.answered_on(today)
        held = {sibling_key(card_id) for card_id in answered}
        walked = [c for c in order if c in answered or sibling_key(c) not in held]
        limit = rng.randint(0, len(order) + 1)
        assert store.new_card_ids(
            order, today, limit, allowed=unheld(answered)
        ) == store.new_card_ids(walked, today, limit)

        settings_now = store.settings()
        limits = day_limits(store, settings_now, today)
        counted = 0 if limits.interview is None else store.unseen_count(order, today)
        assert today_room(store, settings_now, today, order) == limits.room(counted)


def test_the_next_due_card_is_found_past_a_page_of_cards_not_asked_about(
    store: StudyStore,
) -> None:
    """Cards of another set (or gone from the content) come due first: reading goes on past
    them, page after page, to the first card asked about."""
    now = to_micros(store.clock.now())
    hour = 3_600_000_000
    insert_rows(
        store,
        "cards",
        (
            {"card_id": f"other-{index:04d}", "state": 2, "due": now + hour, "suspended": 0}
            for index in range(600)
        ),
    )
    insert_rows(store, "cards", [{"card_id": "zz-mine", "state": 2, "due": now + hour}])
    insert_rows(store, "cards", [{"card_id": "later", "state": 2, "due": now + 2 * hour}])
    wanted = [FakeCard(id="later"), FakeCard(id="zz-mine")]
    found = next_due(store, wanted, store.clock.now())
    assert found == _next_due_from_every_state(store, wanted, store.clock.now())
    assert to_micros(found) == now + hour
