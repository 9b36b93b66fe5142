"""Review: today's due cards (or a cram set) one by one, rated on the FSRS scale.

The screen only renders: the session grades what the card's view submits, times it and proposes
the rating; the rating bar shows the intervals the session computed for the card; every write
(rate, undo, bury, suspend) runs off the event loop through `QuizApp.writes`.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta
from enum import StrEnum

from rich.cells import cell_len, set_cell_size
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.reactive import reactive
from textual.widgets import ContentSwitcher, Footer, SelectionList, Static

from quizapp.content.kinds import kind_info, kind_label
from quizapp.study import CramSession, Graded, Rating, Recorded, ReviewSession, StudyItem
from quizapp.study.answering import KeyPointsGrade, Response, Ticked
from quizapp.study.shown import Undone
from quizapp.study.tally import SessionTally
from quizapp.tui.dialogs import asked, confirm_then, reset_question, suspend_question
from quizapp.tui.screens.base import QuizScreen
from quizapp.tui.typed_keys import TypedAhead
from quizapp.tui.widgets.card_view import CardView
from quizapp.tui.widgets.checklist_view import ChecklistView
from quizapp.tui.widgets.rating_bar import RatingBar
from quizapp.tui.widgets.screen_header import ScreenHeader
from quizapp.tui.widgets.views import VIEWS

WRITING_ACTIONS = frozenset({"rate", "accept", "undo", "bury", "suspend", "reset"})

UNDONE = {
    "answer": "Last answer undone",
    "bury": "Bury undone",
    "suspend": "Suspend undone",
    "reset": "Reset undone",
}


def fit_status(choices: list[tuple[str, ...]], width: int) -> str:
    """The first choice of parts (most complete first) that fits `width` joined by " · ", else
    the last one cut with an ellipsis."""
    for parts in choices:
        text = " · ".join(part for part in parts if part)
        if cell_len(text) <= width:
            return text
    return set_cell_size(text, width - 1) + "…"


class Phase(StrEnum):
    FRONT = "front"
    """Asking: nothing revealed or answered yet."""
    BACK = "back"
    """The answer is shown: rate it."""
    GRADED = "graded"
    """A graded answer with a proposed rating (enter records it)."""
    DONE = "done"
    """The session summary."""


class ReviewScreen(QuizScreen):
    TITLE = "Review"

    BINDINGS = [
        Binding("space", "reveal", "Show answer", id="review.reveal"),
        Binding("1", "rate(1)", "Again", id="review.again", show=False),
        Binding("2", "rate(2)", "Hard", id="review.hard", show=False),
        Binding("3", "rate(3)", "Good", id="review.good", show=False),
        Binding("4", "rate(4)", "Easy", id="review.easy", show=False),
        Binding("enter", "accept", "Record", id="review.accept"),
        Binding("tab", "type_answer", "Type answer", id="review.type", show=False),
        Binding("enter", "type_answer", "Type answer", show=False),
        Binding("ctrl+z,u", "undo", "Undo", id="review.undo"),
        Binding("ctrl+b,b", "bury", "Bury", id="review.bury"),
        Binding("ctrl+s,s", "suspend", "Suspend", id="review.suspend"),
        Binding("ctrl+n", "reset", "Reset", id="review.reset", show=False),
    ]
    """The rating keys are on the rating bar, not in the Footer (which then fits 80 columns).
    Undo, bury and suspend answer their ctrl key also while an answer box has the focus, where
    the plain letter is typed; the Footer shows the ctrl key for that reason."""

    state: reactive[Phase] = reactive(Phase.FRONT, bindings=True)

    def __init__(
        self,
        session: ReviewSession | CramSession,
        title: str,
        *,
        typed_ahead: TypedAhead | None = None,
    ) -> None:
        """`typed_ahead`: keys typed while the session was built, handled once its first card
        is on show."""
        super().__init__()
        self.session = session
        self._typed_ahead = typed_ahead
        self.title = title
        self.tally = SessionTally()
        self.item: StudyItem | None = None
        self.graded: Graded | None = None
        self._problems_told = 0
        self._judging = False
        self._after_judging: list[Response] = []

    @property
    def proposed(self) -> Rating | None:
        return None if self.graded is None else self.graded.proposed

    def compose(self) -> ComposeResult:
        yield ScreenHeader()
        yield Static("", id="review-status", markup=False)
        with VerticalScroll(id="card-scroll"):
            yield Static("", id="card-front", markup=False)
            with ContentSwitcher(id="card-views"):
                for style, view in VIEWS.items():
                    yield view(id=f"view-{style}")
        yield RatingBar(id="rating-bar")
        yield Footer()

    def on_mount(self) -> None:
        scroll = self.query_one("#card-scroll", VerticalScroll)
        for attribute in ("virtual_size", "size", "scroll_y"):
            # "↓ more below" follows the layout: content grown, the window resized, scrolled.
            self.watch(scroll, attribute, self._show_rating_bar, init=False)
        self._present(self.session.next())
        if self._typed_ahead is not None:
            self._typed_ahead.hand_over(self.app)

    @property
    def is_scheduled(self) -> bool:
        return isinstance(self.session, ReviewSession)

    @property
    def view(self) -> CardView | None:
        switcher = self.query_one("#card-views", ContentSwitcher)
        if switcher.current is None:
            return None
        return switcher.query_one(f"#{switcher.current}", CardView)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in WRITING_ACTIONS and self.quiz_app.writing:
            return False
        item = self.item
        if action == "reveal":
            return (
                self.state == Phase.FRONT
                and item is not None
                and kind_info(item.card).answer_style in ("reveal", "checklist")
            )
        if action == "type_answer":
            # A code card's tab comes back to the editor from the card's scroll (shift+tab).
            return (
                self.state == Phase.FRONT
                and item is not None
                and kind_info(item.card).answer_style in ("checklist", "code")
            )
        if action == "rate":
            return self.state in (Phase.BACK, Phase.GRADED)
        if action == "accept":
            return self.state == Phase.GRADED and self.proposed is not None
        if action == "undo":
            return self.session.can_undo()
        if action in ("bury", "suspend", "reset"):
            return self.is_scheduled and item is not None and self.state != Phase.DONE
        return True

    def _unrecorded(self) -> str | None:
        """Why the answer on show would be lost by leaving (None: nothing to lose)."""
        if self.state == Phase.GRADED:
            return "Your answer is graded but not rated yet (enter or 1-4 records it)"
        if self.state == Phase.FRONT and self.view is not None and self.view.has_unsent_answer():
            return "What you wrote for this card is not submitted yet"
        return None

    def action_go_back(self) -> None:
        """Leaving drops an answer typed, run or graded but not recorded: ask first."""
        mode = "review" if self.is_scheduled else "cram"
        if not self._ask_to_drop(f"Leave {mode}", "leaving", self.app.pop_screen):
            super().action_go_back()

    def confirm_quit(self) -> bool:
        """ctrl+q asks first too when it would drop an answer (see `QuizApp.action_quit`): it
        quits the app, not just review, and the question says so."""
        return self._ask_to_drop("Quit quizapp", "quitting", self.app.exit)

    def _ask_to_drop(self, action: str, doing: str, go: Callable[[], object]) -> bool:
        """Ask before `action` (leaving or quitting) drops the answer on show, saying what it
        means for the card: due still in review, nothing in cram, which schedules nothing
        (False: nothing to lose, nothing asked)."""
        dropped = self._dropping(doing)
        if dropped is None:
            return False
        after = ", and the card stays due" if self.is_scheduled else " (cram schedules nothing)"
        confirm_then(self.app, asked(action, dropped + after), go)
        return True

    def _dropping(self, doing: str) -> str | None:
        """What `doing` ("burying") would throw away, in a sentence (None: nothing to lose)."""
        unrecorded = self._unrecorded()
        return None if unrecorded is None else f"{unrecorded}: {doing} drops it"

    def watch_state(self) -> None:
        self._show_rating_bar()
        self.call_after_refresh(self._show_rating_bar)

    def _present(self, item: StudyItem | None) -> None:
        """Show `item` (the session's next card), or the summary when there is none; cram cards
        left out meanwhile (their question cannot be built) are named."""
        if isinstance(self.session, CramSession):
            for problem in self.session.problems[self._problems_told :]:
                self.notify(problem, title="Card left out", severity="warning", markup=False)
            self._problems_told = len(self.session.problems)
        self.item = item
        self.graded = None
        if item is None:
            self._show_summary()
            return
        card = item.card
        self._update_status()
        front = f"{kind_label(card.kind)}\n\n{card.front}"
        if item.problem is not None:
            front = (
                f"{card.front}\n\nThis question could not be generated: {item.problem}\n"
                "Bury (ctrl+b) or suspend (ctrl+s) it."
            )
        self.query_one("#card-front", Static).update(front)
        switcher = self.query_one("#card-views", ContentSwitcher)
        switcher.current = f"view-{kind_info(card).answer_style}"
        view = self.view
        assert view is not None
        view.show(item)
        session = self.session
        if isinstance(session, ReviewSession) and session.question_unkept:
            self.quiz_app.writes.run(session.keep_question, title="Question not kept")
        self.query_one("#card-scroll", VerticalScroll).scroll_home(animate=False)
        self.state = Phase.FRONT
        self._show_rating_bar()

    def _update_status(self) -> None:
        """Deck and section stay: where the line is narrow, the title, the queue detail and the
        answered count give way first (a long section name is cut last)."""
        if self.state == Phase.DONE:
            return
        if isinstance(self.session, ReviewSession):
            counts = self.session.counts()
            short = f"{counts.total} left"
            detail = f"{short}: {counts.learning} learning · {counts.review} due · {counts.new} new"
        else:
            short = detail = f"{self.session.remaining()} left"
        card = self.item.card if self.item is not None else None
        where = "" if card is None else " / ".join(filter(None, (card.deck, card.section)))
        answered = f"answered {self.tally.answered}"
        width = max(1, (self.size.width or self.app.size.width) - 2)
        self.query_one("#review-status", Static).update(
            fit_status(
                [
                    (self.title or "", where, detail, answered),
                    (where, detail, answered),
                    (where, short, answered),
                    (where, short),
                    (where,),
                ],
                width,
            )
        )

    def on_resize(self) -> None:
        self._update_status()

    def _show_rating_bar(self) -> None:
        bar = self.query_one("#rating-bar", RatingBar)
        if self.state not in (Phase.BACK, Phase.GRADED) or self.item is None:
            bar.clear()
            return
        states = self.item.next_states
        proposal = None if self.graded is None else self.graded.proposal
        hints = []
        if self.state == Phase.GRADED and proposal is not None:
            hints.append(f"Proposed: {proposal.reason} · enter records it")
        scroll = self.query_one("#card-scroll", VerticalScroll)
        if scroll.scroll_y < scroll.max_scroll_y:
            hints.append("↓ more below")
        joined = " · ".join(hints)
        if cell_len(joined) > self.size.width - 2:
            joined = "\n".join(hints)
        hint = f"\n{joined}" if hints else ""
        bar.show({} if states is None else states.intervals(), self.proposed, hint=hint)

    def action_reveal(self) -> None:
        if self.view is not None:
            self.view.reveal()
            self.state = Phase.BACK

    def action_type_answer(self) -> None:
        if self.view is not None:
            self.view.type_answer()

    @on(ChecklistView.RevealWanted)
    def reveal_wanted(self, event: ChecklistView.RevealWanted) -> None:
        event.stop()
        if self.state == Phase.FRONT:
            self.action_reveal()

    @on(CardView.Submitted)
    def answered(self, event: CardView.Submitted) -> None:
        """The view's answer, graded by the session; the screen shows what comes back. A typed
        explanation is judged off the event loop (see `_judge`); answers submitted meanwhile
        (the ticks an undo gives back) wait for its verdict, in order."""
        event.stop()
        item = self.item
        if item is None or self.view is None:
            return
        if self._judging:
            self._after_judging.append(event.response)
            return
        if isinstance(event.response, Ticked) and event.response.covered == self._ticks_graded():
            return  # ticks a rating key took already (`_take_ticks`)
        if isinstance(event.response, str) and kind_info(item.card).answer_style == "checklist":
            self._judge(item, event.response)
            return
        self._show_graded(self.session.submit(item, event.response))

    def _judge(self, item: StudyItem, text: str) -> None:
        """Listening for the key points in a typed explanation takes long enough to freeze the
        screen, so it runs in a thread through the app's write queue, which holds the keys
        pressed meanwhile (a tick, a rating, escape) and hands them back, in order, once the
        ticks they act on are on show. A judge that fails is reported, and the key points are
        shown unticked for the user to tick by hand."""
        session = self.session
        self._judging = True
        assert isinstance(self.view, ChecklistView)
        self.view.checking()

        def judge() -> Graded | Exception:
            try:
                return session.submit(item, text)
            except Exception as error:
                return error

        def judged(result: Graded | Exception) -> None:
            self._judging = False
            waiting, self._after_judging = self._after_judging, []
            if item is not self.item or not isinstance(self.view, ChecklistView):
                return
            if isinstance(result, Exception):
                self._judge_failed(result)
            else:
                self._show_graded(result)
            for response in waiting:
                self._show_graded(self.session.submit(item, response))

        self.quiz_app.writes.run(judge, judged, title="Answer not checked")

    def _judge_failed(self, error: Exception) -> None:
        reason = str(error) or type(error).__name__
        self.notify(reason, title="Answer not checked", severity="error", timeout=10, markup=False)
        assert isinstance(self.view, ChecklistView)
        self.view.not_checked(reason)
        if self.state == Phase.FRONT:
            self.state = Phase.BACK

    def _show_graded(self, graded: Graded) -> None:
        """The verdict on show; a readable one proposes its rating."""
        assert self.view is not None
        self.view.show_graded(graded)
        if not graded.readable:
            return
        self.graded = graded
        if self.state == Phase.FRONT and not isinstance(self.focused, SelectionList):
            # Off the answer box; suggested ticks keep the focus the view gave them, for the
            # keys typed while the answer was judged.
            self.query_one("#card-scroll", VerticalScroll).focus()
        self.state = Phase.GRADED  # ticks given after a reveal propose a rating too
        self._show_rating_bar()
        self.refresh_bindings()

    def _ticks_graded(self) -> frozenset[int] | None:
        """The key points ticked in the answer the session graded last (None: none graded)."""
        grade = None if self.graded is None else self.graded.grade
        return grade.covered if isinstance(grade, KeyPointsGrade) else None

    def _take_ticks(self) -> None:
        """A rating key counts the ticks on show: one typed right after a tick (a burst, or
        keys held while the answer was judged) arrives before the list's change message, so
        ticks not graded yet are submitted first."""
        view, item = self.view, self.item
        if not isinstance(view, ChecklistView) or item is None:
            return
        ticks = view.ticks_on_show()
        if ticks is None or ticks == (self._ticks_graded() or frozenset()):
            return
        self._show_graded(self.session.submit(item, Ticked(ticks, view.answer_typed)))

    def action_accept(self) -> None:
        self._take_ticks()
        if self.proposed is not None:
            self.action_rate(self.proposed.value)

    def action_rate(self, value: int) -> None:
        self._take_ticks()
        item = self.item
        if item is None:
            return
        rating = Rating(value)
        graded = self.graded
        session = self.session

        def record() -> tuple[Recorded, StudyItem | None]:
            return session.record(item, rating), session.next()

        def recorded(result: tuple[Recorded, StudyItem | None]) -> None:
            done, next_item = result
            self.tally.add(
                rating,
                timedelta(milliseconds=done.review.duration_ms or 0),
                None if graded is None else graded.grade.correct,
            )
            self.notify(f"Recorded: {rating.name}", timeout=2)
            self._present(next_item)

        self.quiz_app.writes.run(record, recorded, failed=self._show_again)

    def _show_again(self) -> None:
        """After a refused write: the card on show, as the session now has it (perhaps with
        states computed afresh because another instance changed it)."""
        item = self.session.next()
        if item is not None and self.item is not None and item is not self.item:
            self._present(item)

    def action_undo(self) -> None:
        def undone(result: Undone | None) -> None:
            if result is None:
                return
            if result.what == "answer":
                self.tally.take_back()
            self.notify(UNDONE[result.what], timeout=2)
            self._present(result.item)
            if result.response is not None and self.view is not None:
                self.view.restore(result.response)

        self.quiz_app.writes.run(self.session.undo, undone, title="Not undone")

    def _put_away(self, card_id: str, put_away: Callable[[str], object], done: str) -> None:
        """Bury or suspend the card, then show the next one."""
        session = self.session

        def step() -> StudyItem | None:
            put_away(card_id)
            return session.next()

        def moved_on(item: StudyItem | None) -> None:
            self.notify(done, timeout=3)
            self._present(item)

        self.quiz_app.writes.run(step, moved_on)

    def action_bury(self) -> None:
        """Bury at once (ctrl+z takes it back), but ask first when it would drop an answer
        written or graded and not recorded: the undo brings back the card, not the answer."""
        session = self.session
        if self.item is None or not isinstance(session, ReviewSession):
            return
        card_id = self.item.card.id

        def bury() -> None:
            self._put_away(card_id, session.bury, "Buried until tomorrow")

        dropped = self._dropping("burying")
        if dropped is None:
            bury()
        else:
            confirm_then(
                self.app, f"{asked('Bury this card', dropped)}\n\nIt comes back tomorrow.", bury
            )

    def action_suspend(self) -> None:
        session = self.session
        if self.item is None or not isinstance(session, ReviewSession):
            return
        card_id = self.item.card.id
        confirm_then(
            self.app,
            suspend_question(card_id, self._dropping("suspending")),
            lambda: self._put_away(
                card_id, session.suspend, "Card suspended: Suspended cards (u on home) lists it"
            ),
        )

    def action_reset(self) -> None:
        """Forget the card's schedule: it starts over as new (undo puts it back)."""
        session = self.session
        if self.item is None or not isinstance(session, ReviewSession):
            return
        card_id = self.item.card.id
        confirm_then(
            self.app,
            reset_question(card_id, "ctrl+z", self._dropping("resetting")),
            lambda: self._put_away(card_id, session.reset, "Card reset: it starts over as new"),
        )

    def _show_summary(self) -> None:
        lines = ["Session complete", "", *self.tally.lines()]
        if isinstance(self.session, ReviewSession) and (due := self.session.next_due()):
            local = due.astimezone(self.quiz_app.clock.zone).strftime("%H:%M")
            lines += ["", f"A learning card comes back at {local}."]
        if isinstance(self.session, ReviewSession):
            lines += ["", "More to study: d on home (a deck, extra new cards, review ahead)."]
        lines += ["", "escape: back to home"]
        self.query_one("#card-front", Static).update("\n".join(lines))
        self.query_one("#card-views", ContentSwitcher).current = None
        self.query_one("#review-status", Static).update(f"{self.title} · done")
        self.state = Phase.DONE
