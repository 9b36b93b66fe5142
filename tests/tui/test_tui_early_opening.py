"""The `quizapp` command starts opening the data before it imports Textual: when it is open by the
time home is composed, home's first frame shows today's numbers; when it is not, or fails, the
app waits for it and reports it as any opening."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest
from helpers import shown, wait_ready

from quizapp import workspace
from quizapp.study import FakeClock
from quizapp.tui.app import WORKSPACE_GROUP, QuizApp
from quizapp.tui.opening import EarlyOpening
from quizapp.tui.screens import home
from quizapp.tui.screens.home import HomeScreen


async def test_data_opened_early_is_in_homes_first_frame(
    data_dir: Path, clock: FakeClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    opening = EarlyOpening(data_dir, (), clock)
    opened = opening.wait()
    seen: list[tuple[bool, bool, list[str]]] = []
    real_mount = HomeScreen.on_mount

    def mounted(home: HomeScreen) -> None:
        real_mount(home)
        app = home.quiz_app
        workers = [worker.group for worker in app.workers]
        seen.append(("Due now" in shown(app, "#home-today"), app.workspace is not None, workers))

    monkeypatch.setattr(HomeScreen, "on_mount", mounted)
    app = QuizApp(data_dir, clock=clock, opening=opening)
    async with app.run_test(size=(100, 30)) as pilot:
        [(numbers_shown, workspace_open, worker_groups)] = seen
        assert numbers_shown and workspace_open
        assert WORKSPACE_GROUP not in worker_groups
        assert app.workspace is opened.workspace
        await wait_ready(pilot)
        await pilot.press("s")
        await pilot.pause()
        assert type(app.screen).__name__ == "StatsScreen"


async def test_data_still_opening_is_waited_for(
    data_dir: Path, clock: FakeClock, held_loading: threading.Event
) -> None:
    app = QuizApp(data_dir, clock=clock, opening=EarlyOpening(data_dir, (), clock))
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        assert "Loading" in shown(app, "#home-today")
        assert app.workspace is None
        held_loading.set()
        await wait_ready(pilot)
        assert "Due now" in shown(app, "#home-today")
        assert app.workspace is not None


async def test_an_early_opening_that_fails_is_reported_on_home(
    data_dir: Path, clock: FakeClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(*args: object, **kwargs: object) -> object:
        raise RuntimeError("the decks could not be read")

    monkeypatch.setattr(workspace, "load_content", broken)
    app = QuizApp(data_dir, clock=clock, opening=EarlyOpening(data_dir, (), clock))
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await wait_ready(pilot)
        assert app.workspace is None
        assert "RuntimeError: the decks could not be read" in shown(app, "#home-today")
        titles = [n.title for n in app._notifications if n.severity == "error"]
        assert titles == ["Opening your study data failed"]


async def test_the_start_ends_once_home_has_drawn_the_numbers(
    data_dir: Path, clock: FakeClock
) -> None:
    """`started` (the command resumes the collector then) comes once, after the numbers show."""
    drawn: list[str] = []
    app = QuizApp(
        data_dir,
        clock=clock,
        opening=EarlyOpening(data_dir, (), clock),
        started=lambda: drawn.append(shown(app, "#home-today")),
    )
    async with app.run_test(size=(100, 30)) as pilot:
        await wait_ready(pilot)
        await pilot.pause()
        await pilot.press("s")
        await pilot.pause()
        assert len(drawn) == 1 and "Due now" in drawn[0]


async def test_the_start_ends_when_opening_fails(
    data_dir: Path, clock: FakeClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(*args: object, **kwargs: object) -> object:
        raise RuntimeError("the decks could not be read")

    monkeypatch.setattr(workspace, "load_content", broken)
    drawn: list[str] = []
    app = QuizApp(
        data_dir,
        clock=clock,
        opening=EarlyOpening(data_dir, (), clock),
        started=lambda: drawn.append(shown(app, "#home-today")),
    )
    async with app.run_test(size=(100, 30)) as pilot:
        await wait_ready(pilot)
        await pilot.pause()
        assert len(drawn) == 1 and "the decks could not be read" in drawn[0]


async def test_the_start_ends_when_the_app_quits_while_loading(
    data_dir: Path, clock: FakeClock, held_loading: threading.Event
) -> None:
    ended: list[bool] = []
    app = QuizApp(
        data_dir,
        clock=clock,
        opening=EarlyOpening(data_dir, (), clock),
        started=lambda: ended.append(True),
    )
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        assert ended == []
        await pilot.press("ctrl+q")
        await pilot.pause()
    held_loading.set()
    assert ended == [True]


async def test_home_reads_its_numbers_once_as_it_opens_and_again_on_return(
    data_dir: Path, clock: FakeClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The numbers read with the workspace are not read again as home first shows (that read
    competed with drawing its first frame); coming back from a screen reads them anew."""
    reads: list[str] = []
    real_read = home.todays_numbers

    def counted(workspace: object) -> object:
        reads.append(threading.current_thread().name)
        return real_read(workspace)

    monkeypatch.setattr(home, "todays_numbers", counted)
    opening = EarlyOpening(data_dir, (), clock)
    opening.wait()
    app = QuizApp(data_dir, clock=clock, opening=opening)
    async with app.run_test(size=(100, 30)) as pilot:
        await wait_ready(pilot)
        await pilot.pause(0.2)
        assert reads == []
        await pilot.press("s", "escape")
        await wait_ready(pilot)
        for _ in range(100):
            if reads:
                break
            await pilot.pause(0.05)
        assert len(reads) == 1
