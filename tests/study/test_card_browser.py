"""The card browser's domain half: listing and searching every card, a card's history with the
interval each answer chose, and actions that undo in reverse order."""

from __future__ import annotations

from datetime import timedelta

import pytest
from fsrs import Rating, Scheduler
from study_fakes import FakeCard

from quizapp.study import FakeClock, StudyStore, UndoError, record_answer
from quizapp.study.card_actions import CardActions
from quizapp.study.card_browser import NOT_LOADED, CardCollection, card_history
from quizapp.study.card_query import QueryError

CARDS = [
    FakeCard("relu-def", front="ReLU is", deck="bundled", section="overview", tags=("relu",)),
    FakeCard("tanh-def", front="Zero centred tanh", deck="bundled", section="overview"),
    FakeCard("my-card", front="My own card", deck="mine", section="", tags=("Mine",)),
]
TITLES = {"bundled": "Activation functions", "mine": "My interviews"}
SCHEDULER = Scheduler(enable_fuzzing=False)


def ids(store: StudyStore, query: str) -> list[str]:
    return [card.card_id for card in CardCollection(store, CARDS, TITLES).search(query)]


def test_filters_pick_the_cards_they_name(store: StudyStore, clock: FakeClock) -> None:
    record_answer(store, CARDS[0], Rating.Good, scheduler=SCHEDULER)
    store.suspend("tanh-def")
    store.bury("my-card")
    store.set_flagged("my-card", True)
    assert ids(store, "") == ["relu-def", "tanh-def", "my-card"]
    assert ids(store, "is:new") == ["tanh-def", "my-card"]
    assert ids(store, "is:learning") == ["relu-def"]
    assert ids(store, "is:due") == ["relu-def"]
    assert ids(store, "is:suspended") == ["tanh-def"]
    assert ids(store, "is:buried") == ["my-card"]
    assert ids(store, "is:flagged") == ["my-card"]
    assert ids(store, "-is:flagged -is:suspended") == ["relu-def"]
    assert ids(store, 'deck:"my interviews"') == ["my-card"]
    assert ids(store, "deck:bundled zero") == ["tanh-def"]
    assert ids(store, "tag:mine") == ["my-card"]
    assert ids(store, "section:overview relu") == ["relu-def"]
    clock.advance(days=1)
    assert ids(store, "is:buried") == []


def test_leeches_and_history_only_ids_are_listed(store: StudyStore) -> None:
    store.suspend("gone-card")
    with store.transaction() as connection:
        connection.execute("UPDATE cards SET leech = 1, lapses = 9 WHERE card_id = 'gone-card'")
    collection = CardCollection(store, CARDS, TITLES)
    (gone,) = collection.search("is:leech")
    assert (gone.card_id, gone.front, gone.deck, gone.lapses) == ("gone-card", NOT_LOADED, "", 9)
    assert [card.card_id for card in collection.rows][-1] == "gone-card"


def test_a_bad_query_raises_with_its_column(store: StudyStore) -> None:
    with pytest.raises(QueryError, match="column 4"):
        CardCollection(store, CARDS, TITLES).search("is:sleepy")


def test_history_gives_each_scheduled_answer_its_interval(
    store: StudyStore, clock: FakeClock
) -> None:
    card = CARDS[0]
    record_answer(store, card, Rating.Good, scheduler=SCHEDULER)
    first = store.stored_state(card.id)
    store.record_unscheduled("cram", Rating.Again, day=store.today(), card=card)
    clock.advance(days=2)
    record_answer(store, card, Rating.Good, scheduler=SCHEDULER)
    latest = store.stored_state(card.id)
    assert first is not None and latest is not None
    history = card_history(store, card.id)
    assert [(line.mode, line.rating) for line in history] == [
        ("scheduled", Rating.Good),
        ("cram", Rating.Again),
        ("scheduled", Rating.Good),
    ]
    assert [line.interval for line in history] == [first.interval, None, latest.interval]
    assert latest.interval is not None and latest.interval >= timedelta(days=1)
    assert card_history(store, "tanh-def") == []


def test_actions_undo_in_reverse_order(store: StudyStore) -> None:
    record_answer(store, CARDS[0], Rating.Again, scheduler=SCHEDULER)
    studied = store.stored_state("relu-def")
    actions = CardActions(store, CARDS)
    assert actions.suspend("relu-def") is not None
    assert actions.set_flagged("relu-def", True).name == "flag"
    assert actions.reset("relu-def") is not None
    reset = store.stored_state("relu-def")
    assert reset is not None and reset.state is None and reset.suspended
    assert [actions.undo().name for _ in range(3)] == ["reset", "flag", "suspend"]
    assert store.stored_state("relu-def") == studied
    assert store.flagged_ids() == set()
    assert not actions.can_undo()
    with pytest.raises(UndoError):
        actions.undo()


def test_unsuspend_and_unbury_are_undone_too(store: StudyStore) -> None:
    store.suspend("tanh-def")
    store.bury("my-card")
    actions = CardActions(store, CARDS)
    assert actions.unsuspend("my-card") is None
    assert actions.unsuspend("tanh-def") is not None
    assert actions.unbury("my-card") is not None
    assert not store.card_state("tanh-def").suspended
    assert store.card_state("my-card").buried_until is None
    actions.undo()
    actions.undo()
    assert store.card_state("tanh-def").suspended
    assert store.card_state("my-card").buried_until is not None


def test_undo_refuses_a_card_changed_since(store: StudyStore) -> None:
    actions = CardActions(store, CARDS)
    actions.suspend("relu-def")
    store.unsuspend("relu-def")
    with pytest.raises(UndoError, match="changed since"):
        actions.undo()
    assert not store.card_state("relu-def").suspended


def test_a_card_is_read_again_from_its_one_row_as_a_fresh_listing_shows_it(
    store: StudyStore,
) -> None:
    collection = CardCollection(store, CARDS, TITLES)
    record_answer(store, CARDS[0], Rating.Again, scheduler=SCHEDULER)
    store.bury("relu-def")
    store.set_flagged("relu-def", True)
    store.set_flagged("tanh-def", True)
    store.suspend("my-card")
    fresh = CardCollection(store, CARDS, TITLES).rows
    statements: list[str] = []
    store._connection.set_trace_callback(statements.append)
    try:
        reread = [collection.reread(card.id) for card in CARDS]
    finally:
        store._connection.set_trace_callback(None)
    assert reread == fresh[: len(CARDS)] == collection.rows[: len(CARDS)]
    assert len(statements) == len(CARDS)
