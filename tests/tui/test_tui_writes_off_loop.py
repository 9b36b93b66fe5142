"""Study-database writes never freeze the UI: another instance holding the write lock for two
seconds leaves the event loop free (a 0.1 s timer keeps firing), the keys that write are disabled
meanwhile, keys pressed meanwhile are kept, and the answer is recorded once the lock is free."""

from __future__ import annotations

import asyncio
import time
from itertools import pairwise

from helpers import locked_for, settle, wait_ready

from quizapp.tui.screens.review import ReviewScreen

LOCK_SECONDS = 2.0
TIMER_SECONDS = 0.1


async def test_rating_while_another_instance_holds_the_lock_keeps_the_ui_running(
    make_app,
) -> None:
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await wait_ready(pilot)
        store = app.workspace.store
        await pilot.press("r")
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, ReviewScreen)
        first = screen.item.card
        await pilot.press("space")
        await pilot.pause()
        ticks: list[float] = []
        timer = app.set_interval(TIMER_SECONDS, lambda: ticks.append(time.monotonic()))
        with locked_for(store, LOCK_SECONDS) as holder:
            await pilot.press("3")
            assert app.writing
            assert screen.check_action("undo", ()) is False
            assert screen.check_action("rate", (3,)) is False
            await pilot.press("space", "1")  # the next card's keys, pressed while waiting
            while holder.is_alive():
                await asyncio.sleep(0.05)
            timer.stop()
        await settle(pilot)
        gaps = [later - earlier for earlier, later in pairwise(ticks)]
        assert len(ticks) >= LOCK_SECONDS / TIMER_SECONDS / 2
        assert max(gaps) < LOCK_SECONDS / 2  # the whole wait froze the loop before
        assert not app.writing
        reviews = list(store.iter_reviews())
        assert [(review.card_id, review.rating.name) for review in reviews[:1]] == [
            (first.id, "Good")
        ]
        assert len(reviews) == 2 and reviews[1].rating.name == "Again"
        assert screen.tally.answered == 2
