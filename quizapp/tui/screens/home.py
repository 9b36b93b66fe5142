"""Home: today's numbers and the way into every mode."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import TYPE_CHECKING

from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.widgets import Footer, Header, OptionList, Static
from textual.widgets.option_list import Option

from quizapp.tui.screens.base import QuizScreen

if TYPE_CHECKING:
    from quizapp.study.overview import Overview

ACTIONS: tuple[tuple[str, str, str, str], ...] = (
    ("review", "r", "Review", "Study the cards due today (spaced repetition)"),
    ("practice", "p", "Practice", "Drill generated numeric questions, or cram any cards"),
    ("browse", "b", "Browse", "Read the cheatsheet, formulas and plots; search everything"),
    ("stats", "s", "Stats", "Progress, retention, accuracy, forecast, leeches"),
    ("mock", "m", "Mock", "Timed mock interview: no hints, a clock, then a report"),
)


class HomeScreen(QuizScreen):
    TITLE_TEXT = "Home"
    DAY_CHECK_SECONDS = 30.0
    """How often home checks whether the study day rolled over (its numbers are then stale)."""

    BINDINGS = [
        Binding("r", "open('review')", "Review", id="home.review"),
        Binding("p", "open('practice')", "Practice", id="home.practice"),
        Binding("b", "open('browse')", "Browse", id="home.browse"),
        Binding("s", "open('stats')", "Stats", id="home.stats"),
        Binding("m", "open('mock')", "Mock interview", id="home.mock"),
        Binding("c", "open('changed')", "Changed cards", id="home.changed", show=False),
    ]

    def compose(self) -> ComposeResult:
        yield Header()
        with Vertical(id="home-body"):
            yield Static("Loading your decks and study history…", id="home-today", markup=False)
            yield OptionList(
                *(
                    Option(f"{key}  {title:<10} {text}", id=name)
                    for name, key, title, text in ACTIONS
                ),
                id="home-actions",
            )
        yield Footer()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "open":
            return self.quiz_app.workspace is not None
        return action != "go_back"

    def on_mount(self) -> None:
        self.query_one("#home-today", Static).border_title = "Today"
        self._day_ends: datetime | None = None
        self.set_interval(self.DAY_CHECK_SECONDS, self._refresh_after_rollover)

    def _refresh_after_rollover(self) -> None:
        """At the day rollover, today's numbers start over: show the new day's."""
        workspace = self.quiz_app.workspace
        if workspace is None or self._day_ends is None or not self.is_current:
            return
        if workspace.clock.now() >= self._day_ends:
            self._day_ends = None
            self.refresh_overview()

    def show_ready(self) -> None:
        """The workspace is open: the mode keys work and today's numbers load."""
        self.refresh_bindings()
        self.refresh_overview()
        self.query_one("#home-actions", OptionList).focus()

    def show_failure(self, reason: str) -> None:
        self.query_one("#home-today", Static).update(
            f"Cannot open your study data:\n{reason}\n\nNothing was changed. Quit with ctrl+q."
        )

    def on_screen_resume(self) -> None:
        if self.quiz_app.workspace is not None:
            self.refresh_overview()

    @work(thread=True, exclusive=True, exit_on_error=False, group="overview")
    def refresh_overview(self) -> None:
        from quizapp.study.overview import overview

        workspace = self.workspace
        summary = overview(workspace.store, workspace.cards, workspace.clock)
        self.app.call_from_thread(self._show_overview, summary)

    def _show_overview(self, summary: Overview) -> None:
        self._day_ends = summary.day_ends
        self.query_one("#home-today", Static).update("\n".join(summary.lines()))

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        if event.option.id is not None:
            self.action_open(event.option.id)

    def action_open(self, mode: str) -> None:
        if self.quiz_app.workspace is not None:
            self.app.push_screen(self._screen_for(mode))

    def _screen_for(self, mode: str) -> QuizScreen:
        from quizapp.study import ReviewSession
        from quizapp.tui.screens.browse import BrowseScreen
        from quizapp.tui.screens.changed import ChangedCardsScreen
        from quizapp.tui.screens.mock import MockSetupScreen
        from quizapp.tui.screens.practice import PracticeSetupScreen
        from quizapp.tui.screens.review import ReviewScreen
        from quizapp.tui.screens.stats import StatsScreen

        if mode == "review":
            workspace = self.workspace
            return ReviewScreen(ReviewSession(workspace.store, workspace.cards), "Review")
        screens: dict[str, Callable[[], QuizScreen]] = {
            "practice": PracticeSetupScreen,
            "browse": BrowseScreen,
            "stats": StatsScreen,
            "changed": ChangedCardsScreen,
            "mock": MockSetupScreen,
        }
        return screens[mode]()

    def palette_actions(self) -> list[tuple[str, str, Callable[[], None]]]:
        """The main actions for the command palette."""
        return [
            (title, text, lambda name=name: self.action_open(name))
            for name, _key, title, text in ACTIONS
        ]
