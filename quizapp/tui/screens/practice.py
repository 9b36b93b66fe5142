"""Practice: set up a numeric drill (or a cram set), then answer with instant feedback."""

from __future__ import annotations

from collections.abc import Callable

import numpy as np
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.content import Content
from textual.reactive import reactive
from textual.widgets import Button, Checkbox, Footer, Input, SelectionList, Static
from textual.widgets.selection_list import Selection

from quizapp import engine
from quizapp.content.kinds import kind_label
from quizapp.questions import describe, template_ids
from quizapp.study import CramSession, Graded, PracticeItem, PracticeSession
from quizapp.study.cram_places import CramPlace, cards_at, cram_places
from quizapp.study.drill import Drill, drill_choices, numeric_cards_for
from quizapp.study.practice_setup import (
    PracticeSetup,
    remember_practice_setup,
    remembered_practice_setup,
)
from quizapp.tui.dialogs import asked, confirm_then
from quizapp.tui.screens.base import QuizScreen
from quizapp.tui.screens.code import CodePickScreen
from quizapp.tui.screens.review_start import ReviewStartScreen
from quizapp.tui.widgets.numeric_answer import NumericAnswer
from quizapp.tui.widgets.ordered_input import OrderedInput
from quizapp.tui.widgets.screen_header import ScreenHeader
from quizapp.tui.widgets.tick_list import TickBox, TickList


class PracticeSetupScreen(QuizScreen):
    TITLE = "Practice"

    BINDINGS = [
        Binding("ctrl+s", "start", "Start drill", id="practice.start", priority=True),
        Binding("ctrl+r", "cram", "Cram cards…", id="practice.cram", priority=True),
        Binding("ctrl+o", "code", "Code…", id="practice.code", priority=True),
    ]

    def compose(self) -> ComposeResult:
        cheatsheet = {
            entry.activation
            for deck in self.workspace.library.decks
            for entry in deck.functions
            if not entry.beyond_cheatsheet
        }
        yield ScreenHeader()
        with Horizontal(id="practice-lists"):
            activations = TickList[str](
                *(
                    Selection(Content(engine.get(name).display_name), name, name in cheatsheet)
                    for name in engine.names()
                ),
                id="practice-activations",
            )
            activations.border_title = "Activations"
            yield activations
            families = TickList[str](
                *(Selection(Content(describe(family)), family, True) for family in template_ids()),
                id="practice-families",
            )
            families.border_title = "Question families"
            yield families
        with Horizontal(classes="practice-controls"):
            yield Static("Questions (0 = endless):", classes="label")
            yield OrderedInput("10", id="practice-count", type="integer", max_length=4)
            yield TickBox("Count in my review schedule", id="practice-schedule")
        with Horizontal(classes="practice-controls"):
            yield Button("Start drill", id="practice-start", variant="primary")
            yield Button("Cram cards…", id="practice-cram")
        yield Static("", id="practice-message", markup=False)
        yield Footer()

    def on_mount(self) -> None:
        self.sub_title = "choose, then ctrl+s"
        self.query_one("#practice-activations", SelectionList).focus()
        self.restore_setup()

    @work(thread=True, exit_on_error=False, description="Reading the last drill setup")
    def restore_setup(self) -> None:
        setup = remembered_practice_setup(self.workspace.store, engine.names(), template_ids())
        if setup is not None:
            self.app.call_from_thread(self._show_setup, setup)

    def _show_setup(self, setup: PracticeSetup) -> None:
        for list_id, chosen in (
            ("#practice-activations", setup.activations),
            ("#practice-families", setup.families),
        ):
            selections = self.query_one(list_id, SelectionList)
            selections.deselect_all()
            for value in chosen:
                selections.select(value)
        self.query_one("#practice-count", Input).value = str(setup.count)
        self.query_one("#practice-schedule", Checkbox).value = setup.scheduled

    @on(Button.Pressed, "#practice-start")
    @on(Input.Submitted, "#practice-count")
    def start_pressed(self) -> None:
        self.action_start()

    @on(Button.Pressed, "#practice-cram")
    def cram_pressed(self) -> None:
        self.action_cram()

    def action_start(self) -> None:
        activations = self.query_one("#practice-activations", SelectionList).selected
        families = self.query_one("#practice-families", SelectionList).selected
        try:
            count = int(self.query_one("#practice-count", Input).value.strip() or "0")
        except ValueError:
            count = -1
        message = self.query_one("#practice-message", Static)
        if count < 0:
            message.update("The number of questions must be 0 (endless) or more.")
            return
        workspace = self.workspace
        scheduled = self.query_one("#practice-schedule", Checkbox).value
        cards = numeric_cards_for(workspace.cards, families, activations) if scheduled else []
        if scheduled and not cards:
            message.update("No numeric cards of the deck match this selection.")
            return
        try:
            drill = Drill(
                PracticeSession(workspace.store),
                drill_choices(families, activations),
                count=count or None,
                rng=np.random.default_rng(),
                cards=cards,
            )
        except ValueError as error:
            message.update(str(error))
            return
        setup = PracticeSetup(tuple(activations), tuple(families), count, scheduled)
        store = workspace.store
        self.quiz_app.writes.run(
            lambda: remember_practice_setup(store, setup), title="Drill setup not remembered"
        )
        self.app.push_screen(DrillScreen(drill))

    def action_cram(self) -> None:
        self.app.push_screen(CramSetupScreen())

    def action_code(self) -> None:
        self.app.push_screen(CodePickScreen())


class DrillScreen(QuizScreen):
    TITLE = "Practice drill"

    BINDINGS = [
        Binding("enter,n", "next_question", "Next question", id="drill.next"),
    ]

    answered: reactive[bool] = reactive(False, bindings=True)
    """The question on show is answered and stored: enter asks the next one."""

    def __init__(self, drill: Drill) -> None:
        super().__init__()
        self.drill = drill
        self.item: PracticeItem | None = None

    def compose(self) -> ComposeResult:
        yield ScreenHeader()
        yield Static("", id="drill-status", classes="status-line", markup=False)
        with VerticalScroll(id="card-scroll"):
            yield NumericAnswer(id="drill-numeric")
            yield Static("", id="drill-summary", markup=False)
        yield Footer()

    def on_mount(self) -> None:
        self.sub_title = "schedule" if self.drill.scheduled else "outside the schedule"
        self.action_next_question()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "next_question":
            return self.answered
        return True

    def action_go_back(self) -> None:
        """Escape ends a drill still running with its summary (an endless drill ends only this
        way); escape on the summary goes back. An answer typed but not sent is asked about
        first, as ctrl+q does."""
        if not self._ask_to_drop("Leave the drill", "leaving", self._leave):
            self._leave()

    def _leave(self) -> None:
        if self.item is not None and self.drill.answered:
            self.drill.stop()
            self.action_next_question()
            return
        super().action_go_back()

    def confirm_quit(self) -> bool:
        """ctrl+q with an answer typed but not sent asks first, as review does (see
        `QuizApp.action_quit`); nothing typed, or the answer already stored, quits at once."""
        return self._ask_to_drop("Quit quizapp", "quitting", self.app.exit)

    def _ask_to_drop(self, action: str, doing: str, go: Callable[[], object]) -> bool:
        """Ask before `action` drops an answer typed but not sent, then `go` on yes (False:
        nothing to lose, nothing asked)."""
        if (
            self.item is None
            or not self.query_one("#drill-numeric", NumericAnswer).has_unsent_answer()
        ):
            return False
        dropped = f"What you wrote for this question is not submitted yet: {doing} drops it"
        confirm_then(self.app, asked(action, dropped), go)
        return True

    def action_next_question(self) -> None:
        known_problems = len(self.drill.problems)
        self.item = self.drill.next()
        for problem in self.drill.problems[known_problems:]:
            self.notify(problem, title="Card left out", severity="warning", markup=False)
        self.answered = False
        numeric = self.query_one("#drill-numeric", NumericAnswer)
        if self.item is None:
            numeric.display = False
            left_out = [
                "",
                "Left out, their question cannot be generated (quizapp validate shows where):",
                *(f"  {problem}" for problem in self.drill.problems),
            ]
            self.query_one("#drill-summary", Static).update(
                "\n".join(self.drill.summary_lines())
                + "\n"
                + ("\n".join(left_out) + "\n" if self.drill.problems else "")
                + "\nescape: back"
            )
            self.query_one("#drill-status", Static).update("Drill finished")
            return
        self.query_one("#drill-summary", Static).update("")
        numeric.ask(self.item.question)  # type: ignore[arg-type]
        self.query_one("#drill-status", Static).update(self.drill.progress())

    @on(NumericAnswer.Submitted)
    def typed(self, event: NumericAnswer.Submitted) -> None:
        event.stop()
        item = self.item
        assert item is not None
        numeric = self.query_one("#drill-numeric", NumericAnswer)
        drill = self.drill

        def judge_and_record() -> Graded:
            """Off the event loop: the proposed rating reads the user's usual time."""
            graded = drill.submit(item, event.text)
            if graded.readable:
                drill.record(item, graded)
            return graded

        def recorded(graded: Graded) -> None:
            if not graded.readable:
                numeric.show_unreadable(graded.grade)
                return
            numeric.show_result(graded.grade)
            if self.drill.scheduled and graded.proposal is not None:
                self.query_one("#drill-summary", Static).update(
                    f"Counted in your schedule as {graded.proposal.rating.name}"
                    f" ({graded.proposal.reason})"
                )
            self.query_one("#drill-status", Static).update(
                self.drill.progress() + " · enter: next question"
            )
            self.answered = True
            self.query_one("#card-scroll", VerticalScroll).focus()

        self.quiz_app.writes.run(judge_and_record, recorded, failed=numeric.reopen)


class CramSetupScreen(QuizScreen):
    """Cram any part of the deck; answers are logged, schedules never move."""

    TITLE = "Cram"

    BINDINGS = [Binding("ctrl+s", "start", "Start cram", id="cram.start", priority=True)]

    def compose(self) -> ComposeResult:
        workspace = self.workspace
        places = cram_places(workspace.library.decks)
        kinds = list(dict.fromkeys(card.kind for card in workspace.cards))
        yield ScreenHeader()
        with Horizontal(id="practice-lists"):
            section_list = TickList[CramPlace](
                *(Selection(Content(place.label), place, True) for place in places),
                id="cram-sections",
            )
            section_list.border_title = "Sections"
            yield section_list
            kind_list = TickList[str](
                *(Selection[str](Content(kind_label(kind)), kind, True) for kind in kinds),
                id="cram-kinds",
            )
            kind_list.border_title = "Card kinds"
            yield kind_list
        with Horizontal(classes="practice-controls"):
            yield Button("Start cram", id="cram-start", variant="primary")
        yield Static("", id="practice-message", markup=False)
        yield Footer()

    @on(Button.Pressed, "#cram-start")
    def start_pressed(self) -> None:
        self.action_start()

    def action_start(self) -> None:
        workspace = self.workspace
        cards = cards_at(
            workspace.cards,
            self.query_one("#cram-sections", SelectionList).selected,
            self.query_one("#cram-kinds", SelectionList).selected,
        )
        if not cards:
            self.query_one("#practice-message", Static).update("No cards match this selection.")
            return
        store = workspace.store
        self.app.push_screen(ReviewStartScreen(lambda: CramSession(store, cards), "Cram"))
