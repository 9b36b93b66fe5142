"""A card rewritten after it was studied is pointed out on home and can be reset."""

from __future__ import annotations

from pathlib import Path

from helpers import (
    held_by_another_instance,
    last_message,
    settle,
    shown,
    studied_then_rewritten,
    wait_ready,
)

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
