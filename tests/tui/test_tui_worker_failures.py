"""A background task that fails is reported with its cause, and the screen that waited for it
says so in place: nothing stays on "Computing…" or empty for ever."""

from __future__ import annotations

from pathlib import Path

from helpers import failing_database, shown, wait_ready

from quizapp.tui.opening import todays_numbers
from quizapp.tui.screens.stats import StatsScreen


def error_notifications(app) -> list[tuple[str, str]]:
    return [(n.title, n.message) for n in app._notifications if n.severity == "error"]


async def test_stats_says_why_it_cannot_compute(make_app, tmp_path: Path) -> None:
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await wait_ready(pilot)
        with failing_database(app.workspace.store, tmp_path):
            await pilot.press("s")
            await pilot.pause()
            await wait_ready(pilot)
            assert isinstance(app.screen, StatsScreen)
            summary = shown(app, "#stats-summary")
            assert "Computing" not in summary
            assert "Cannot compute your statistics" in summary
            assert "quizapp.sqlite3" in summary
            [(title, message)] = error_notifications(app)
            assert title == "Computing your statistics failed"
            assert "quizapp.sqlite3" in message


async def test_home_today_box_says_why_it_is_empty(make_app, tmp_path: Path) -> None:
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await wait_ready(pilot)
        assert "Due now" in shown(app, "#home-today")
        with failing_database(app.workspace.store, tmp_path):
            app.home.refresh_overview()
            await wait_ready(pilot)
            today = shown(app, "#home-today")
            assert "Cannot read today's numbers" in today
            assert "quizapp.sqlite3" in today
            [(title, _message)] = error_notifications(app)
            assert title == "Loading today's numbers failed"


async def test_a_failed_changed_cards_count_is_named_as_such(make_app, tmp_path: Path) -> None:
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await wait_ready(pilot)
        numbers = todays_numbers(app.workspace)
        with failing_database(app.workspace.store, tmp_path):
            app.home.count_changed_cards(numbers)
            await wait_ready(pilot)
            [(title, message)] = error_notifications(app)
            assert title == "Counting changed cards failed"
            assert "quizapp.sqlite3" in message


async def test_a_failure_while_opening_is_shown_on_home(make_app, monkeypatch) -> None:
    """Not only the expected store errors: any exception while opening names its cause."""
    from quizapp import workspace

    def broken(*args: object, **kwargs: object) -> object:
        raise RuntimeError("the decks could not be read")

    monkeypatch.setattr(workspace, "load_content", broken)
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await wait_ready(pilot)
        assert app.workspace is None
        assert "RuntimeError: the decks could not be read" in shown(app, "#home-today")
        assert app.home.has_class("-failed")
        assert not app.home.check_action("open", ("review",))
        await pilot.press("r")
        await pilot.pause()
        assert app.screen is app.home
        [(title, _message)] = error_notifications(app)
        assert title == "Opening your study data failed"
