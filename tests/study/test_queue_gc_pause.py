"""Building today's queue runs with the garbage collector paused, and it comes back afterwards."""

from __future__ import annotations

import gc

import pytest

from quizapp.content import bundled_content_dir, load_decks
from quizapp.study import ReviewSession, StudyStore


def test_the_queue_is_built_with_the_collector_paused(
    store: StudyStore, monkeypatch: pytest.MonkeyPatch
) -> None:
    cards = load_decks([bundled_content_dir()]).cards
    seen: list[bool] = []
    real = store.due_cards

    def watched(*args, **kwargs):
        seen.append(gc.isenabled())
        return real(*args, **kwargs)

    monkeypatch.setattr(store, "due_cards", watched)
    was = gc.isenabled()
    gc.enable()
    try:
        session = ReviewSession(store, cards)
        session.refresh()
        assert seen == [False, False]
        assert gc.isenabled()
    finally:
        if not was:
            gc.disable()
