"""`r` builds today's queue off the event loop: a loading line shows meanwhile, the keys typed
before the first card is on show act on it, and a failure is reported in place, never silent."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from helpers import burst, failing_database, last_message, settle, shown, wait_ready

from quizapp.study import ReviewSession
from quizapp.tui.screens.review import ReviewScreen
from quizapp.tui.screens.review_start import ReviewStartScreen
from quizapp.tui.screens.study_choice import StudyChoiceScreen


@pytest.fixture
def held_queue(monkeypatch: pytest.MonkeyPatch) -> Iterator[threading.Event]:
    """Building a review queue waits until the test sets the event (as a large collection or
    a busy disk would)."""
    release = threading.Event()
    real_refresh = ReviewSession.refresh

    def slow_refresh(self: ReviewSession) -> None:
        release.wait(10)
        real_refresh(self)

    monkeypatch.setattr(ReviewSession, "refresh", slow_refresh)
    yield release
    release.set()


async def test_the_queue_is_built_off_the_event_loop_and_keys_typed_meanwhile_count(
    make_app, held_queue: threading.Event
) -> None:
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await wait_ready(pilot)
        held_queue.set()
        first = ReviewSession(app.workspace.store, app.workspace.cards).next().card.id
        held_queue.clear()
        await pilot.press("r")
        await pilot.pause()
        assert isinstance(app.screen, ReviewStartScreen)
        assert "Building today's queue" in shown(app, "#review-start-note")
        burst(app, "ctrl+b")
        await pilot.pause()
        assert app.workspace.store.card_state(first).buried_until is None
        held_queue.set()
        await settle(pilot)
        review = app.screen
        assert isinstance(review, ReviewScreen)
        assert app.workspace.store.card_state(first).buried_until is not None
        assert review.item.card.id != first
        assert last_message(app) == "Buried until tomorrow"


async def test_escape_while_the_queue_is_built_goes_back_home(
    make_app, held_queue: threading.Event
) -> None:
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await wait_ready(pilot)
        await pilot.press("r")
        await pilot.pause()
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen is app.home
        held_queue.set()
        await settle(pilot)
        assert app.screen is app.home


async def test_nothing_due_opens_the_study_choice_and_says_the_typed_keys_were_unused(
    make_app, held_queue: threading.Event
) -> None:
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await wait_ready(pilot)
        app.workspace.store.set_setting("new_per_day", 0)
        await pilot.press("r")
        await pilot.pause()
        burst(app, "space", "3")
        await pilot.pause()
        held_queue.set()
        await settle(pilot)
        assert isinstance(app.screen, StudyChoiceScreen)
        assert last_message(app) == "Nothing is due now: the keys typed meanwhile were not used."
        assert app.workspace.store.review_count() == 0


async def test_a_queue_that_cannot_be_built_is_reported_in_place(make_app, tmp_path: Path) -> None:
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await wait_ready(pilot)
        with failing_database(app.workspace.store, tmp_path):
            await pilot.press("r")
            await settle(pilot)
        assert isinstance(app.screen, ReviewStartScreen)
        note = shown(app, "#review-start-note")
        assert "Cannot build the review" in note and "quizapp.sqlite3" in note
        errors = [n.title for n in app._notifications if n.severity == "error"]
        assert errors == ["Building the review failed"]
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen is app.home
