"""Home: today's numbers and the way into every mode."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from enum import Enum
from functools import partial

from textual import getters, on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.reactive import reactive
from textual.widgets import OptionList, Static
from textual.worker import Worker

from quizapp.tui.opening import TodaysNumbers, todays_numbers
from quizapp.tui.screens.base import QuizScreen
from quizapp.tui.widgets.action_menu import ActionMenu
from quizapp.tui.widgets.keys_footer import KeysFooter
from quizapp.tui.widgets.screen_header import ScreenHeader

ACTIONS: tuple[tuple[str, str, str, str], ...] = (
    ("review", "r", "Review", "Study the cards due today (spaced repetition)"),
    ("choose", "d", "Choose", "One deck, section or tag; extra new cards, review ahead"),
    ("practice", "p", "Practice", "Drill generated numeric questions, or cram any cards"),
    ("browse", "b", "Browse", "Read the cheatsheet, formulas and plots; search everything"),
    ("stats", "s", "Stats", "Progress, retention, accuracy, forecast, leeches"),
    ("mock", "m", "Mock", "Timed mock interview: no hints, a clock, then a report"),
    ("cards", "c", "Cards", "Every card: search, history, suspend, unbury, reset, flag"),
)

MORE_ACTIONS: tuple[tuple[str, str, str], ...] = (
    ("changed", "Changed cards", "Cards rewritten a lot since you studied them: keep or reset"),
    ("suspended", "Suspended cards", "The card browser showing suspended cards (is:suspended)"),
)
"""Reachable by key and from the command palette, not listed on home."""

MODE_TITLES = {name: title for name, _key, title, _text in ACTIONS} | {
    name: title for name, title, _text in MORE_ACTIONS
}


CHECK_GROUP = "check-study-data"


class StudyData(Enum):
    """Where opening the decks and the study database stands; the mode keys depend on it."""

    LOADING = "loading"
    OPEN = "open"
    FAILED = "failed"


class HomeScreen(QuizScreen):
    TITLE = "Home"
    CSS_PATH = None
    """Home's rules are in `app.tcss`: the other screens' are not parsed before its first frame."""
    DAY_CHECK_SECONDS = 30.0
    """How often home checks whether the study day rolled over (its numbers are then stale)."""

    BINDINGS = [
        Binding("r", "open('review')", "Review", id="home.review"),
        Binding("d", "open('choose')", "Choose", id="home.choose"),
        Binding("p", "open('practice')", "Practice", id="home.practice"),
        Binding("b", "open('browse')", "Browse", id="home.browse"),
        Binding("s", "open('stats')", "Stats", id="home.stats"),
        Binding("m", "open('mock')", "Mock", id="home.mock"),
        Binding("c", "open('cards')", "Cards", id="home.cards"),
        Binding("C", "open('changed')", "Changed cards", id="home.changed", show=False),
        Binding("u", "open('suspended')", "Suspended cards", id="home.suspended", show=False),
    ]

    study_data: reactive[StudyData] = reactive(StudyData.LOADING)
    """Only a failure changes which keys work (see `check_action`), so only a failure refreshes
    the Footer: rebuilding it as today's numbers show would delay them."""
    today = getters.query_one("#home-today", Static)

    def __init__(self) -> None:
        super().__init__()
        self.pending_mode: str | None = None
        """The mode asked for while loading, opened once loading is done."""
        self.left = False
        """Another screen was shown over home since it opened."""

    def compose(self) -> ComposeResult:
        yield ScreenHeader()
        with Vertical(id="home-body"):
            yield Static("Loading your decks and study history…", id="home-today", markup=False)
            yield ActionMenu(ACTIONS, id="home-actions")
        yield KeysFooter(compact=True)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "open":
            return self.study_data is not StudyData.FAILED
        return action != "go_back"

    def on_mount(self) -> None:
        self.today.border_title = "Today"
        self._day_ends: datetime | None = None
        self.set_interval(self.DAY_CHECK_SECONDS, self._refresh_after_rollover)
        self.quiz_app.open_data()

    def _refresh_after_rollover(self) -> None:
        """At the day rollover, today's numbers start over: show the new day's."""
        workspace = self.quiz_app.workspace
        if workspace is None or self._day_ends is None or not self.is_current:
            return
        if workspace.clock.now() >= self._day_ends:
            self._day_ends = None
            self.refresh_overview()

    def watch_study_data(self, study_data: StudyData) -> None:
        self.set_class(study_data is StudyData.FAILED, "-failed")
        if study_data is StudyData.FAILED:
            self.refresh_bindings()

    def show_ready(self, numbers: TodaysNumbers | None, *, open_pending: bool = True) -> None:
        """The workspace is open: today's numbers show (`numbers`, read as it opened, else
        read now), and a mode asked for while loading opens now (unless the app opens
        something else itself)."""
        self.study_data = StudyData.OPEN
        if numbers is None:
            self.refresh_overview()
        else:
            self._show_numbers(numbers)
            self.count_changed_cards(numbers)
        self.check_study_data()
        self.query_one("#home-actions", OptionList).focus()
        mode, self.pending_mode = self.pending_mode, None
        if mode is not None and open_pending:
            self.action_open(mode)

    def show_failure(self, reason: str) -> None:
        self.pending_mode = None
        self.study_data = StudyData.FAILED
        self.today.update(
            f"Cannot open your study data:\n{reason}\n\nNothing was changed. Quit with ctrl+q."
        )

    def on_screen_suspend(self) -> None:
        self.left = True

    def on_screen_resume(self) -> None:
        """Back from another screen, where answers may have changed today's numbers. Not as
        home first shows: it has them then, and reading them again competed with its first
        frame."""
        if self.study_data is StudyData.OPEN and self.left:
            self.refresh_overview()

    @work(
        thread=True,
        exclusive=True,
        exit_on_error=False,
        group="overview",
        description="Loading today's numbers",
    )
    def refresh_overview(self) -> None:
        numbers = todays_numbers(self.workspace)
        self.app.call_from_thread(self._show_numbers, numbers)
        self._show_changed_cards(numbers)

    @work(
        thread=True,
        exclusive=True,
        exit_on_error=False,
        group="overview",
        description="Counting changed cards",
    )
    def count_changed_cards(self, numbers: TodaysNumbers) -> None:
        self._show_changed_cards(numbers)

    def _show_changed_cards(self, numbers: TodaysNumbers) -> None:
        """In a worker: `numbers` shown again with the changed-cards count."""
        self.app.call_from_thread(self._show_numbers, numbers.with_changed_cards(self.workspace))

    def _show_numbers(self, numbers: TodaysNumbers) -> None:
        self._day_ends = numbers.summary.day_ends
        self.today.update("\n".join(numbers.lines()))

    @work(
        thread=True,
        exit_on_error=False,
        group=CHECK_GROUP,
        description="Checking your study data",
    )
    def check_study_data(self) -> None:
        """Damage that plain reads do not notice (they skip rows, or read NULLs) would show
        wrong numbers and take more answers into a damaged file: SQLite's quick check, as every
        `quizapp` command runs it, but in the background once home shows (most of a second on a
        large collection, which the start does not wait for). From then on the store refuses
        every read and write with the same report, which each mode shows in place."""
        self.workspace.store.verify_file()

    def worker_failed(self, worker: Worker[object], reason: str) -> None:
        from quizapp.study import CorruptDatabaseError

        if worker.group != CHECK_GROUP:
            self.today.update(f"Cannot read today's numbers:\n{reason}")
        elif isinstance(worker.error, CorruptDatabaseError):
            self.today.update(f"Your study data is damaged:\n{reason}")

    @on(OptionList.OptionSelected, "#home-actions")
    def open_selected(self, event: OptionList.OptionSelected) -> None:
        if event.option.id is not None:
            self.action_open(event.option.id)

    def action_open(self, mode: str) -> None:
        """Opens the mode; while loading, remembers it (the last one asked for wins). No screen
        reads the study database as it is built: each reads it in a worker and reports a
        failure in place."""
        if self.study_data is StudyData.LOADING:
            self.pending_mode = mode
            self.notify(f"Still loading… {MODE_TITLES[mode]} opens when ready", timeout=3)
        elif self.study_data is StudyData.OPEN:
            self.app.push_screen(self._screen_for(mode))

    def _screen_for(self, mode: str) -> QuizScreen:
        """Imports only the screen asked for, as it opens: importing them all (the mock
        interview's alone takes 0.2 s) delayed the first frame of whichever mode opened first."""
        match mode:
            case "review":
                from quizapp.study import ReviewSession
                from quizapp.tui.screens.review_start import ReviewStartScreen
                from quizapp.tui.screens.study_choice import StudyChoiceScreen

                workspace = self.workspace
                return ReviewStartScreen(
                    lambda: ReviewSession(workspace.store, workspace.cards),
                    "Review",
                    when_empty=StudyChoiceScreen,
                )
            case "choose":
                from quizapp.tui.screens.study_choice import StudyChoiceScreen

                return StudyChoiceScreen()
            case "practice":
                from quizapp.tui.screens.practice import PracticeSetupScreen

                return PracticeSetupScreen()
            case "browse":
                from quizapp.tui.screens.browse import BrowseScreen

                return BrowseScreen()
            case "stats":
                from quizapp.tui.screens.stats import StatsScreen

                return StatsScreen()
            case "changed":
                from quizapp.tui.screens.changed import ChangedCardsScreen

                return ChangedCardsScreen()
            case "mock":
                from quizapp.tui.screens.mock import MockSetupScreen

                return MockSetupScreen()
            case "cards" | "suspended":
                from quizapp.tui.screens.cards import CardsScreen

                return CardsScreen("is:suspended" if mode == "suspended" else "")
        raise ValueError(f"no mode {mode!r}")

    def palette_actions(self) -> list[tuple[str, str, Callable[[], None]]]:
        """The main actions for the command palette."""
        actions = [(name, title, text) for name, _key, title, text in ACTIONS]
        return [
            (title, text, partial(self.action_open, name))
            for name, title, text in [*actions, *MORE_ACTIONS]
        ]
