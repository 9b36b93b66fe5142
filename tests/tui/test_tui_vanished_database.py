"""The data dir deleted under the running app: the next answer is refused with a clear message
instead of a "Recorded" that would vanish on exit, and what was recorded is written back."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

from helpers import last_message, wait_ready

from quizapp.study import DATABASE_NAME, ReviewSession
from quizapp.tui.screens.review import ReviewScreen


async def test_answers_after_the_data_dir_vanished_are_refused(make_app, data_dir: Path) -> None:
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await wait_ready(pilot)
        workspace = app.workspace
        definitions = [card for card in workspace.cards if card.kind == "definition"]
        screen = ReviewScreen(ReviewSession(workspace.store, definitions), "Review")
        await app.push_screen(screen)
        await pilot.pause()
        for _ in range(3):
            await pilot.press("space", "3")
            await pilot.pause()
        assert screen.tally.answered == 3
        shutil.rmtree(data_dir)
        await pilot.press("space", "3")
        await pilot.pause()
        assert "deleted or replaced" in last_message(app)
        assert screen.tally.answered == 3
        assert app.is_running
    saved = sqlite3.connect(data_dir / DATABASE_NAME)
    assert saved.execute("SELECT count(*) FROM reviews").fetchone() == (3,)
    saved.close()
