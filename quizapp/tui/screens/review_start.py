"""Starting a review: today's queue is built off the event loop (it reads every due card of the
study database), with a loading line meanwhile; keys typed before it is ready are kept and
handed to the review once its first card is on show."""

from __future__ import annotations

from collections.abc import Callable

from textual import events, work
from textual.app import ComposeResult
from textual.widgets import Footer, Static
from textual.worker import Worker, WorkerState

from quizapp.study import CramSession, ReviewSession
from quizapp.tui.screens.base import QuizScreen
from quizapp.tui.screens.review import ReviewScreen
from quizapp.tui.typed_keys import TypedAhead
from quizapp.tui.widgets.screen_header import ScreenHeader

SessionBuilder = Callable[[], ReviewSession | CramSession]


class ReviewStartScreen(QuizScreen):
    """Replaced by the review once its session is built, or by `when_empty()` when nothing is
    due (the keys typed meanwhile were meant for a review: they are dropped, and a notice says
    so). A failure is reported (`QuizApp.report_worker_failure`) and shown in place."""

    TITLE = "Review"

    def __init__(
        self,
        build: SessionBuilder,
        title: str,
        *,
        when_empty: Callable[[], QuizScreen] | None = None,
    ) -> None:
        super().__init__()
        self._build = build
        self._review_title = title
        self._when_empty = when_empty
        self._typed_ahead = TypedAhead()

    def compose(self) -> ComposeResult:
        yield ScreenHeader()
        yield Static("Building today's queue…", id="review-start-note", markup=False)
        yield Footer()

    def on_mount(self) -> None:
        self.title = self._review_title
        self.build_session()

    def on_key(self, event: events.Key) -> None:
        """Every key but escape (back) waits for the review."""
        if event.key != "escape":
            event.stop()
            event.prevent_default()
            self._typed_ahead.keep(self.app, event)

    @work(thread=True, exclusive=True, exit_on_error=False, description="Building the review")
    def build_session(self) -> ReviewSession | CramSession | None:
        """The session, with its first card prepared here too (its question, its states: the
        review shows it without reading the database); None when nothing is due."""
        session = self._build()
        if self._when_empty is not None and self._is_empty(session):
            return None
        session.next()
        return session

    @staticmethod
    def _is_empty(session: ReviewSession | CramSession) -> bool:
        return isinstance(session, ReviewSession) and session.counts().total == 0

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        """Handled in this screen's turn, after the keys that reached it before (Textual also
        runs `QuizScreen`'s handler, which reports a failure)."""
        if event.state is not WorkerState.SUCCESS or self.app.screen is not self:
            return
        session = event.worker.result
        if isinstance(session, ReviewSession | CramSession):
            review = ReviewScreen(session, self._review_title, typed_ahead=self._typed_ahead)
            self.app.switch_screen(review)
        elif self._when_empty is not None:
            if self._typed_ahead.drop():
                self.notify(
                    "Nothing is due now: the keys typed meanwhile were not used.", timeout=5
                )
            self.app.switch_screen(self._when_empty())

    def worker_failed(self, worker: Worker[object], reason: str) -> None:
        dropped = "\nThe keys typed meanwhile were not used." if self._typed_ahead.drop() else ""
        self.query_one("#review-start-note", Static).update(
            f"Cannot build the review:\n{reason}{dropped}\n\nescape: back"
        )
