"""Multiple choice: the options in this showing's order; a digit key picks one."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.app import ComposeResult
from textual.binding import Binding
from textual.widgets import Static

from quizapp.tui.widgets.card_view import CardView

if TYPE_CHECKING:
    from quizapp.study import Graded, StudyItem

MAX_OPTIONS = 9


class ChoiceView(CardView, can_focus=True):
    DEFAULT_CSS = """
    ChoiceView { height: auto; }
    ChoiceView #card-options, ChoiceView #card-result { height: auto; margin-top: 1; }
    """

    BINDINGS = [
        Binding(str(number), f"choose({number})", f"Option {number}", show=False)
        for number in range(1, MAX_OPTIONS + 1)
    ]

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.options: tuple[str, ...] = ()
        self.answered = False

    def compose(self) -> ComposeResult:
        yield Static("", id="card-options", markup=False)
        yield Static("", id="card-result", markup=False)

    def show(self, item: StudyItem) -> None:
        self.options = item.options
        self.answered = False
        self.query_one("#card-options", Static).update(
            "\n".join(f"{number}) {text}" for number, text in enumerate(self.options, 1))
            + "\n\nPress the option's number."
        )
        self.query_one("#card-result", Static).update("")
        self.focus()
        self.refresh_bindings()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "choose":
            return not self.answered and int(str(parameters[0])) <= len(self.options)
        return True

    def action_choose(self, number: int) -> None:
        self.post_message(self.Submitted(str(number)))

    def show_graded(self, graded: Graded) -> None:
        self.answered = True
        self.query_one("#card-result", Static).update("\n".join(graded.grade.feedback))
        self.refresh_bindings()

    def reopen(self) -> None:
        self.answered = False
        self.refresh_bindings()
