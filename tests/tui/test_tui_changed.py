"""A card rewritten after it was studied is pointed out on home and can be reset."""

from __future__ import annotations

import threading
from pathlib import Path

from helpers import (
    held_by_another_instance,
    last_message,
    settle,
    shown,
    studied_then_rewritten,
    wait_ready,
)

from quizapp.study import find_changed
from quizapp.tui.dialogs import KeysScreen
from quizapp.tui.screens.changed import ChangedCardsScreen


async def test_rewritten_card_is_listed_and_reset(make_app, tmp_path: Path) -> None:
    app = make_app(await studied_then_rewritten(make_app, tmp_path))
    async with app.run_test(size=(100, 30)) as pilot:
        await wait_ready(pilot)
        assert "1 studied card was rewritten a lot" in shown(app, "#home-today")
        await pilot.press("C")
        await pilot.pause()
        assert isinstance(app.screen, ChangedCardsScreen)
        assert "Saturation" in shown(app, "#changed-text")
        store = app.workspace.store
        await pilot.press("x")
        await pilot.pause()
        with held_by_another_instance(store):
            await pilot.press("y")
            await settle(pilot)
        assert "locked by another quizapp" in last_message(app)
        assert store.card_state("my-card").state is not None
        await pilot.press("x")
        await pilot.pause()
        await pilot.press("y")
        await pilot.pause()
        assert app.workspace.store.card_state("my-card").state is None
        assert len(app.workspace.store.reviews_of("my-card")) == 1
        assert "No card changed a lot" in shown(app, "#changed-text")


async def test_the_check_runs_in_the_background_while_keys_work(
    make_app, tmp_path: Path, monkeypatch
) -> None:
    """The check hashes every studied card: while it runs the screen says so and keys work."""
    from quizapp.tui.screens import changed

    release = threading.Event()

    def slow(store, cards):
        release.wait(timeout=10)
        return find_changed(store, cards)

    monkeypatch.setattr(changed, "find_changed", slow)
    app = make_app(await studied_then_rewritten(make_app, tmp_path))
    async with app.run_test(size=(100, 30)) as pilot:
        await wait_ready(pilot)
        await pilot.press("C")
        await pilot.pause()
        assert isinstance(app.screen, ChangedCardsScreen)
        assert shown(app, "#changed-text") == "Checking which cards changed…"
        assert not app.screen.check_action("reset", ())
        await pilot.press("question_mark")
        await pilot.pause()
        assert isinstance(app.screen, KeysScreen)
        await pilot.press("escape")
        await pilot.pause()
        release.set()
        await wait_ready(pilot)
        assert "Saturation" in shown(app, "#changed-text")
        assert app.screen.check_action("reset", ())


async def test_a_failed_check_says_why_in_place(make_app, tmp_path: Path, monkeypatch) -> None:
    from quizapp.tui.screens import changed

    def broken(store, cards):
        raise RuntimeError("the texts could not be compared")

    monkeypatch.setattr(changed, "find_changed", broken)
    app = make_app(await studied_then_rewritten(make_app, tmp_path))
    async with app.run_test(size=(100, 30)) as pilot:
        await wait_ready(pilot)
        await pilot.press("C")
        await wait_ready(pilot)
        assert isinstance(app.screen, ChangedCardsScreen)
        assert shown(app, "#changed-text") == (
            "Cannot check for changed cards:\nRuntimeError: the texts could not be compared"
        )
        assert (app._notifications and list(app._notifications)[-1].title) == (
            "Checking for changed cards failed"
        )
