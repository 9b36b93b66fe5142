"""Choose what to study: everything due (enter), one deck, section or tag, or custom study (extra
new cards today, review ahead, the weakest families, what the interview day needs).

Opened with `d` on home, and by `r` when nothing is due, so that state names when the next card
comes and what else there is to do instead of being a dead end.

Review ahead and extra new cards follow the highlighted deck, section or tag (everything when
another row is highlighted): review ahead reviews that scope's cards only; extra new cards raise
today's new-card limit, which is one for all decks, then study that scope. The line under the
note says which, as the highlight moves.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta
from functools import partial
from typing import TYPE_CHECKING

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.widgets import Footer, OptionList, Static
from textual.widgets.option_list import Option
from textual.worker import Worker

from quizapp.tui.dialogs import AskScreen
from quizapp.tui.screens.base import QuizScreen
from quizapp.tui.widgets.hanging_row import HangingRow
from quizapp.tui.widgets.screen_header import ScreenHeader
from quizapp.wording import percent, plural

if TYPE_CHECKING:
    from quizapp.study import CramSession, ReviewSession
    from quizapp.study.choices import StudyChoices
    from quizapp.study.settings import StudySettings

Starter = Callable[[], "tuple[ReviewSession | CramSession, str] | str"]
"""Builds the session to review and its title, or says why there is nothing to study."""


class StudyChoiceScreen(QuizScreen):
    TITLE = "Choose what to study"

    BINDINGS = [
        Binding("n", "extra_new", "Extra new", id="choose.extra_new"),
        Binding("a", "review_ahead", "Review ahead", id="choose.review_ahead"),
        Binding("w", "weakest", "Weakest families", id="choose.weakest"),
        Binding("i", "before_interview", "Before interview", id="choose.before_interview"),
        Binding("t", "interview_date", "Interview day", id="choose.interview_date"),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.choices: StudyChoices | None = None

    def compose(self) -> ComposeResult:
        yield ScreenHeader()
        yield Static("Reading what is due…", id="choice-note", markup=False)
        yield Static("", id="choice-custom", markup=False)
        yield OptionList(id="choice-list")
        yield Footer()

    def on_mount(self) -> None:
        self.load_choices()

    @work(thread=True, exclusive=True, exit_on_error=False, description="Reading what is due")
    def load_choices(self) -> None:
        from quizapp.study.choices import study_choices

        workspace = self.workspace
        library = workspace.library
        decks = {deck.name: deck.title for deck in library.decks}
        sections = {
            (deck.name, section.id): section.title
            for deck in library.decks
            for section in deck.sections
        }
        choices = study_choices(workspace.store, workspace.cards, workspace.clock, decks, sections)
        self.app.call_from_thread(self._show, choices)

    def worker_failed(self, worker: Worker[object], reason: str) -> None:
        self.query_one("#choice-note", Static).update(f"Cannot read what is due:\n{reason}")

    def _show(self, choices: StudyChoices) -> None:
        self.choices = choices
        self.refresh_bindings()
        lines = (choices.next_card, choices.interview, choices.unseen)
        note = [line for line in lines if line]
        note.append("enter: study the highlighted choice · escape: back")
        self.query_one("#choice-note", Static).update("\n".join(note))
        options = self.query_one("#choice-list", OptionList)
        options.clear_options()
        scoped = [self._scope_option(index) for index in range(len(choices.scopes))]
        tags = [option for option in scoped if (option.id or "").startswith("scope-tag")]
        places = [option for option in scoped[1:] if option not in tags]
        options.add_options([scoped[0], None, *self._custom_options(choices), None, *places])
        options.add_options([None, *tags] if tags else [])
        nothing_due = bool(choices.next_card)
        options.highlighted = options.get_option_index("extra_new") if nothing_due else 0
        options.focus()

    def _scope_option(self, index: int) -> Option:
        assert self.choices is not None
        choice = self.choices.scopes[index]
        counts, scope = choice.counts, choice.scope
        indent = "  " if scope.kind == "section" else ""
        due = counts.review + counts.learning
        head = f"{due:>4} due {counts.new:>3} new  {indent}"
        return Option(HangingRow(head, scope.title), id=f"scope-{scope.kind}-{index}")

    def _custom_options(self, choices: StudyChoices) -> list[Option]:
        extra = f" (+{choices.extra_new_today} today)" if choices.extra_new_today else ""
        weakest = ", ".join(
            f"{family.template} {percent(family.accuracy)}" for family in choices.weakest
        )
        interview = choices.interview_day
        rows = [
            Option(
                HangingRow("n  ", f"Extra new cards today…  limit {choices.new_per_day}{extra}"),
                id="extra_new",
            ),
            Option(
                HangingRow("a  ", "Review ahead…  cards due in the next days, now"),
                id="review_ahead",
            ),
            Option(
                HangingRow(
                    "w  ",
                    f"Weakest families: {weakest}"
                    if weakest
                    else "Weakest families: none yet (3+ numeric answers in 30 days)",
                ),
                id="weakest",
                disabled=not weakest,
            ),
        ]
        if interview is not None:
            rows.append(
                Option(
                    HangingRow(
                        "i  ",
                        f"Before the interview: {plural(choices.below_target, 'card')} below "
                        f"{percent(choices.retention)} predicted recall on {interview.isoformat()}",
                    ),
                    id="before_interview",
                    disabled=choices.below_target == 0,
                )
            )
        rows.append(
            Option(
                HangingRow("t  ", f"Interview day: {_interview_day(choices)}  (set…)"),
                id="interview_date",
            )
        )
        return rows

    def highlighted_scope(self) -> int:
        """The position of the highlighted deck, section or tag in `choices.scopes`; 0
        (everything) when another row is highlighted."""
        options = self.query_one("#choice-list", OptionList)
        option = options.highlighted_option
        option_id = "" if option is None else option.id or ""
        return int(option_id.rsplit("-", 1)[1]) if option_id.startswith("scope-") else 0

    @on(OptionList.OptionHighlighted, "#choice-list")
    def show_custom_scope(self) -> None:
        if self.choices is None:
            return
        scope = self.choices.scopes[self.highlighted_scope()].scope
        self.query_one("#choice-custom", Static).update(
            "n, a: extra new cards and review ahead for every deck"
            " (highlight a deck, section or tag for it alone)"
            if scope.kind == "all"
            else f"a: review ahead in {scope.title} · n: more new cards today (one limit for"
            f" all decks), then study {scope.title}"
        )

    @on(OptionList.OptionSelected, "#choice-list")
    def chosen(self, event: OptionList.OptionSelected) -> None:
        option_id = event.option.id or ""
        choices = self.choices
        if choices is None:
            return
        if option_id.startswith("scope-"):
            self._start(partial(self._scoped, int(option_id.rsplit("-", 1)[1])))
        elif self.check_action(option_id, ()):
            getattr(self, f"action_{option_id}")()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        choices = self.choices
        if action in ("extra_new", "review_ahead", "interview_date"):
            return choices is not None
        if action == "weakest":
            return choices is not None and bool(choices.weakest)
        if action == "before_interview":
            return choices is not None and choices.below_target > 0
        return True

    def action_weakest(self) -> None:
        self._start(self._weakest)

    def action_before_interview(self) -> None:
        self._start(self._before_interview)

    @work(thread=True, exclusive=True, exit_on_error=False, description="Starting the session")
    def _start(self, starter: Starter) -> None:
        """Build the session off the event loop, then replace this screen by its review."""
        self.app.call_from_thread(self._open, _with_first_card(starter()))

    def _open(self, built: tuple[ReviewSession | CramSession, str] | str) -> None:
        from quizapp.tui.screens.review import ReviewScreen

        if isinstance(built, str):
            self.notify(built, timeout=5, markup=False)
            return
        session, title = built
        self.app.switch_screen(ReviewScreen(session, title))

    def _scoped(self, index: int) -> tuple[ReviewSession, str] | str:
        from quizapp.study import ReviewSession

        assert self.choices is not None
        scope = self.choices.scopes[index].scope
        workspace = self.workspace
        session = ReviewSession(workspace.store, scope.select(workspace.cards))
        if session.counts().total == 0:
            where = "" if scope.kind == "all" else f" in {scope.title}"
            return f"Nothing is due{where} today: try extra new cards (n) or review ahead (a)."
        return session, "Review" if scope.kind == "all" else f"Review · {scope.title}"

    def _weakest(self) -> tuple[CramSession, str]:
        from quizapp.study import CramSession
        from quizapp.study.weak_families import cards_of_families

        assert self.choices is not None
        families = self.choices.weakest
        cards = cards_of_families(self.workspace.cards, families)
        names = ", ".join(family.template for family in families)
        return CramSession(self.workspace.store, cards), f"Weakest families: {names}"

    def _before_interview(self) -> tuple[ReviewSession, str] | str:
        from quizapp.study import ReviewSession
        from quizapp.study.custom_study import below_target_on

        assert self.choices is not None and self.choices.interview_day is not None
        day = self.choices.interview_day
        workspace = self.workspace
        settings = workspace.store.settings()
        calendar = settings.calendar(workspace.clock.zone)
        cards = below_target_on(workspace.store, workspace.cards, settings, calendar, day)
        session = ReviewSession(
            workspace.store, cards, ahead=day + timedelta(days=1), new_cards=False
        )
        if session.counts().total == 0:
            return "Every studied card is predicted above desired retention on the day."
        return session, f"Before the interview ({day.isoformat()})"

    def action_extra_new(self) -> None:
        from quizapp.study.custom_study import MAX_EXTRA_NEW, add_extra_new_cards, parse_count

        index = self.highlighted_scope()

        def added(count: int | None) -> None:
            if count is None or self.choices is None:
                return
            store, today = self.workspace.store, self.choices.today

            def step() -> tuple[ReviewSession | CramSession, str] | str:
                add_extra_new_cards(store, today, count)
                return _with_first_card(self._scoped(index))

            self.quiz_app.writes.run(step, self._open)

        then = "" if index == 0 else f"; then {self._scope_title(index)} is studied"
        self.app.push_screen(
            AskScreen(
                f"How many more new cards today? (today's limit, for all decks{then})",
                lambda text: parse_count(text, "extra new cards", MAX_EXTRA_NEW),
                "10",
            ),
            added,
        )

    def action_review_ahead(self) -> None:
        from quizapp.study.custom_study import MAX_AHEAD_DAYS, parse_count

        index = self.highlighted_scope()

        def chosen(days: int | None) -> None:
            if days is not None:
                self._start(partial(self._ahead, index, days))

        where = "every deck" if index == 0 else self._scope_title(index)
        self.app.push_screen(
            AskScreen(
                f"Review now the cards due in the next how many days? ({where})",
                lambda text: parse_count(text, "days ahead", MAX_AHEAD_DAYS),
                "3",
            ),
            chosen,
        )

    def _scope_title(self, index: int) -> str:
        assert self.choices is not None
        return self.choices.scopes[index].scope.title

    def _ahead(self, index: int, days: int) -> tuple[ReviewSession, str] | str:
        from quizapp.study import ReviewSession

        assert self.choices is not None
        scope = self.choices.scopes[index].scope
        workspace = self.workspace
        session = ReviewSession(
            workspace.store,
            scope.select(workspace.cards),
            ahead=self.choices.today + timedelta(days=days),
            new_cards=False,
        )
        where = "" if scope.kind == "all" else f" in {scope.title}"
        if session.counts().total == 0:
            return f"No card{where} is due in the next {plural(days, 'day')}."
        title = f"Review ahead ({plural(days, 'day')})"
        return session, title if scope.kind == "all" else f"{title} · {scope.title}"

    def action_interview_date(self) -> None:
        from quizapp.study.preferences import updated_settings

        choices = self.choices
        if choices is None:
            return
        store = self.workspace.store
        current = choices.settings

        def parse(text: str) -> StudySettings:
            return updated_settings(current, {"interview_date": text}, today=choices.calendar_today)

        def chosen(settings: StudySettings | None) -> None:
            if settings is None:
                return

            def saved(_result: None) -> None:
                day = settings.interview_date or "none"
                self.notify(f"Interview day: {day}", timeout=3)
                self.load_choices()

            self.quiz_app.writes.run(
                lambda: store.set_setting("interview_date", settings.interview_date), saved
            )

        self.app.push_screen(
            AskScreen(
                "Your interview day (YYYY-MM-DD; empty: none)", parse, current.interview_date
            ),
            chosen,
        )


def _interview_day(choices: StudyChoices) -> str:
    """The stored interview day, marked when it is over or too far ahead to plan for."""
    stored = choices.settings.interview_day
    if stored is None:
        return "none"
    if choices.interview_day is not None:
        return stored.isoformat()
    return f"{stored.isoformat()} ({'over' if stored < choices.calendar_today else 'ignored'})"


def _with_first_card(
    built: tuple[ReviewSession | CramSession, str] | str,
) -> tuple[ReviewSession | CramSession, str] | str:
    """The session with its first card prepared (its question, its states): run off the event
    loop, so the review shows it without reading the database."""
    if not isinstance(built, str):
        built[0].next()
    return built
