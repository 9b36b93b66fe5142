"""Review: today's due cards (or a cram set) one by one, rated on the FSRS scale."""

from __future__ import annotations

from datetime import timedelta
from typing import TYPE_CHECKING

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.content import Content
from textual.widgets import Footer, Header, SelectionList, Static
from textual.widgets.selection_list import Selection

from quizapp.study import (
    CramSession,
    Rating,
    ReviewSession,
    StudyItem,
    format_interval,
    propose_rating,
)
from quizapp.study.answers import ChoiceGrade, grade_choice, rating_for_key_points
from quizapp.study.tally import SessionTally
from quizapp.tui.screens.base import QuizScreen
from quizapp.tui.screens.confirm import ConfirmScreen, suspend_question
from quizapp.tui.widgets.numeric_answer import NumericAnswer

if TYPE_CHECKING:
    from quizapp.questions import Grade

MAX_OPTIONS = 6
KIND_LABELS = {
    "definition": "Definition",
    "formula": "Formula",
    "interview": "Interview question",
    "choice": "Multiple choice",
    "numeric": "Numeric question",
}


class ReviewScreen(QuizScreen):
    """States: `front` (asking), `back` (answer shown, rate it), `graded` (a graded answer with a
    proposed rating), `done` (the session summary)."""

    TITLE_TEXT = "Review"

    BINDINGS = [
        Binding("space", "reveal", "Show answer", id="review.reveal"),
        Binding("1", "rate(1)", "Again", id="review.again"),
        Binding("2", "rate(2)", "Hard", id="review.hard"),
        Binding("3", "rate(3)", "Good", id="review.good"),
        Binding("4", "rate(4)", "Easy", id="review.easy"),
        Binding("enter", "accept", "Record proposed", id="review.accept"),
        *(
            Binding(str(number), f"choose({number})", f"Option {number}", show=False)
            for number in range(1, MAX_OPTIONS + 1)
        ),
        Binding("u,ctrl+z", "undo", "Undo", id="review.undo", priority=False),
        Binding("b", "bury", "Bury", id="review.bury"),
        Binding("s", "suspend", "Suspend", id="review.suspend"),
    ]

    def __init__(self, session: ReviewSession | CramSession, title: str) -> None:
        super().__init__()
        self.session = session
        self.TITLE_TEXT = title
        self.tally = SessionTally()
        self.item: StudyItem | None = None
        self.state = "front"
        self.grade: Grade | ChoiceGrade | None = None
        self.response: str | None = None
        self.proposed: Rating | None = None
        self.answer_time: timedelta | None = None

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static("", id="review-status", markup=False)
        with VerticalScroll(id="card-scroll"):
            yield Static("", id="card-front", markup=False)
            yield Static("", id="card-options", markup=False)
            yield NumericAnswer(id="card-numeric")
            yield Static("", id="card-back", markup=False)
            yield SelectionList[int](id="key-points")
            yield Static("", id="card-result", markup=False)
        yield Static("", id="rating-bar")
        yield Footer()

    def on_mount(self) -> None:
        self.sub_title = self.TITLE_TEXT
        self.show_next()

    @property
    def is_scheduled(self) -> bool:
        return isinstance(self.session, ReviewSession)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        item = self.item
        kind = item.card.kind if item is not None else None
        if action == "reveal":
            return self.state == "front" and kind in ("definition", "formula", "interview")
        if action == "rate":
            return self.state in ("back", "graded")
        if action == "accept":
            return self.state == "graded"
        if action == "choose":
            return (
                self.state == "front"
                and kind == "choice"
                and item is not None
                and int(str(parameters[0])) <= len(item.card.options)
            )
        if action == "undo":
            return self.session.can_undo()
        if action in ("bury", "suspend"):
            return self.is_scheduled and item is not None and self.state != "done"
        return True

    def _set_state(self, state: str) -> None:
        self.state = state
        self.refresh_bindings()
        self._show_rating_bar()

    def show_next(self) -> None:
        known_problems = len(self.session.problems) if isinstance(self.session, CramSession) else 0
        self.item = self.session.next()
        if isinstance(self.session, CramSession):
            for problem in self.session.problems[known_problems:]:
                self.notify(problem, title="Card left out", severity="warning", markup=False)
        self.grade = self.response = self.proposed = None
        if self.item is None:
            self._show_summary()
            return
        self._show_item(self.item)

    def _show_item(self, item: StudyItem) -> None:
        card = item.card
        self._hide_all()
        self._update_status()
        front = self.query_one("#card-front", Static)
        front.display = True
        front.update(f"{KIND_LABELS.get(card.kind, card.kind)}\n\n{card.front}")
        if card.kind == "choice":
            options = self.query_one("#card-options", Static)
            options.display = True
            options.update(
                "\n".join(f"{number}) {text}" for number, text in enumerate(card.options, 1))
                + "\n\nPress the option's number."
            )
        elif card.template is not None:
            if item.question is None:
                front.update(
                    f"{card.front}\n\nThis question could not be generated: {item.problem}\n"
                    "Bury (b) or suspend (s) it."
                )
            else:
                numeric = self.query_one("#card-numeric", NumericAnswer)
                numeric.display = True
                numeric.ask(item.question)  # type: ignore[arg-type]
        self._set_state("front")

    def _hide_all(self) -> None:
        for selector in ("#card-options", "#card-numeric", "#card-back", "#key-points"):
            self.query_one(selector).display = False
        self.query_one("#card-result", Static).update("")
        self.query_one("#card-scroll", VerticalScroll).scroll_home(animate=False)

    def _update_status(self) -> None:
        if isinstance(self.session, ReviewSession):
            counts = self.session.counts()
            left = (
                f"{counts.total} left: {counts.learning} learning · {counts.review} due"
                f" · {counts.new} new"
            )
        else:
            left = f"{self.session.remaining()} left"
        card = self.item.card if self.item is not None else None
        where = f" · {card.deck} / {card.section}" if card is not None and card.section else ""
        self.query_one("#review-status", Static).update(
            f"{self.TITLE_TEXT} · {left} · answered {self.tally.answered}{where}"
        )

    def _show_rating_bar(self) -> None:
        bar = self.query_one("#rating-bar", Static)
        if self.state not in ("back", "graded") or self.item is None:
            bar.update("")
            return
        intervals = (
            self.session.intervals(self.item.card.id)
            if isinstance(self.session, ReviewSession)
            else {}
        )
        parts = []
        for rating in Rating:
            label = f"{rating.value} {rating.name}"
            if rating in intervals:
                label += f" · {format_interval(intervals[rating])}"
            if rating == self.proposed:
                parts.append(Content.styled(f"[{label}]", "bold reverse"))
            else:
                parts.append(Content(f" {label} "))
        hint = "  enter records the proposed rating" if self.state == "graded" else ""
        bar.update(Content("   ").join(parts) + Content(hint))

    def action_reveal(self) -> None:
        if self.item is None:
            return
        card = self.item.card
        back = self.query_one("#card-back", Static)
        back.display = True
        back.update(f"Answer\n\n{card.back}")
        if card.key_points:
            points = self.query_one("#key-points", SelectionList)
            points.clear_options()
            points.add_options(
                Selection(Content(point), index) for index, point in enumerate(card.key_points)
            )
            points.border_title = "Key points you covered (space ticks, then rate)"
            points.display = True
            points.highlighted = 0
            points.focus()
        self._set_state("back")

    def on_selection_list_selected_changed(self, event: SelectionList.SelectedChanged) -> None:
        if self.item is None:
            return
        covered = len(event.selection_list.selected)
        self.proposed = rating_for_key_points(covered, len(self.item.card.key_points))
        self._show_rating_bar()

    def action_choose(self, number: int) -> None:
        if self.item is None or self.item.card.answer_index is None:
            return
        card = self.item.card
        grade = grade_choice(card, number - 1, card.answer_index)
        self.response = card.options[number - 1]
        self._graded(grade)
        self.query_one("#card-result", Static).update("\n".join(grade.feedback))

    def on_numeric_answer_answered(self, event: NumericAnswer.Answered) -> None:
        event.stop()
        self.response = event.text
        self.query_one("#card-numeric", NumericAnswer).show_result(event.grade)
        self._graded(event.grade)

    def _graded(self, grade: Grade | ChoiceGrade) -> None:
        assert self.item is not None
        self.grade = grade
        self.answer_time = self.quiz_app.clock.now() - self.item.shown_at
        if isinstance(self.session, ReviewSession):
            self.proposed = self.session.propose(self.item, grade, self.answer_time)
        else:
            self.proposed = propose_rating(grade.correct, self.answer_time, usual=None)
        self.focus_next_after_grading()
        self._set_state("graded")

    def focus_next_after_grading(self) -> None:
        self.query_one("#card-scroll", VerticalScroll).focus()

    def action_accept(self) -> None:
        if self.proposed is not None:
            self.action_rate(self.proposed.value)

    def action_rate(self, value: int) -> None:
        if self.item is None:
            return
        rating = Rating(value)
        duration = self.answer_time if self.grade is not None else None
        with self.quiz_app.reporting_store_errors():
            recorded = self.session.answer(
                self.item, rating, response=self.response, grade=self.grade, duration=duration
            )
            self.tally.add(
                rating,
                timedelta(milliseconds=recorded.review.duration_ms or 0),
                None if self.grade is None else self.grade.correct,
            )
            self.answer_time = None
            self.notify(f"Recorded: {rating.name}", timeout=2)
            self.show_next()

    def action_undo(self) -> None:
        with self.quiz_app.reporting_store_errors("Not undone"):
            item = self.session.undo()
            if item is None:
                return
            self.tally.take_back()
            self.item = item
            self.grade = self.response = self.proposed = None
            self.notify("Last answer undone", timeout=2)
            self._show_item(item)

    def action_bury(self) -> None:
        if self.item is None or not isinstance(self.session, ReviewSession):
            return
        with self.quiz_app.reporting_store_errors():
            self.session.bury(self.item.card.id)
            self.notify("Buried until tomorrow", timeout=2)
            self.show_next()

    def action_suspend(self) -> None:
        if self.item is None or not isinstance(self.session, ReviewSession):
            return
        card_id = self.item.card.id

        def decided(confirmed: bool | None) -> None:
            if confirmed and isinstance(self.session, ReviewSession):
                with self.quiz_app.reporting_store_errors():
                    self.session.suspend(card_id)
                    self.notify("Card suspended: Suspended cards (u on home) lists it", timeout=3)
                    self.show_next()

        self.app.push_screen(
            ConfirmScreen(suspend_question(card_id)),
            decided,
        )

    def _show_summary(self) -> None:
        self._hide_all()
        lines = ["Session complete", "", *self.tally.lines()]
        if isinstance(self.session, ReviewSession) and (due := self.session.next_due()):
            local = due.astimezone(self.quiz_app.clock.zone).strftime("%H:%M")
            lines += ["", f"A learning card comes back at {local}."]
        lines += ["", "escape: back to home"]
        front = self.query_one("#card-front", Static)
        front.update("\n".join(lines))
        front.display = True
        self.query_one("#review-status", Static).update(f"{self.TITLE_TEXT} · done")
        self._set_state("done")
