"""Home shows today's numbers as the workspace opens, before the changed-cards check, which hashes
every loaded card's content the first time (about a second at 100,000 cards), then adds its
line."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest
from helpers import shown, studied_then_rewritten, wait_ready

from quizapp.study import overview
from quizapp.tui.app import QuizApp, WorkspaceReady
from quizapp.tui.screens.home import StudyData


async def test_todays_numbers_show_while_the_changed_check_runs(
    make_app, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    deck = await studied_then_rewritten(make_app, tmp_path)
    checking, finish = threading.Event(), threading.Event()
    real_check = overview.find_changed

    def slow_check(*args: object, **kwargs: object) -> object:
        checking.set()
        finish.wait(timeout=30)
        return real_check(*args, **kwargs)

    monkeypatch.setattr(overview, "find_changed", slow_check)
    app = make_app(deck)
    async with app.run_test(size=(100, 30)) as pilot:
        for _ in range(600):
            if checking.is_set():
                break
            await pilot.pause(0.05)
        await pilot.pause()
        assert "Due now:" in shown(app, "#home-today")
        assert "rewritten" not in shown(app, "#home-today")
        finish.set()
        await wait_ready(pilot)
        assert "1 studied card was rewritten a lot" in shown(app, "#home-today")


async def test_todays_numbers_show_as_the_workspace_opens(
    make_app, monkeypatch: pytest.MonkeyPatch
) -> None:
    """ "Due now" appears in the same step as the open workspace, which the mode keys need: not
    a worker's round trip after it, and never before it."""
    seen: list[tuple[bool, bool, StudyData]] = []
    real_ready = QuizApp.on_workspace_ready

    def ready(app: QuizApp, message: WorkspaceReady) -> None:
        before = "Due now" in shown(app, "#home-today")
        real_ready(app, message)
        seen.append((before, "Due now" in shown(app, "#home-today"), app.home.study_data))

    monkeypatch.setattr(QuizApp, "on_workspace_ready", ready)
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await wait_ready(pilot)
        assert seen == [(False, True, StudyData.OPEN)]
        assert app.home.check_action("open", ("review",))
