"""A one-line question (a number, a date): the typed text is checked before the dialog closes."""

from __future__ import annotations

from collections.abc import Callable
from typing import Generic, TypeVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Static

from quizapp.tui.widgets.ordered_input import OrderedInput

_T = TypeVar("_T")

ASK_LENGTH = 40
"""A number or a date fits; a paste of thousands is refused as typed, not quoted in full by the
error under the box (taller than the screen)."""


class AskScreen(ModalScreen[_T | None], Generic[_T]):
    """Dismisses with `parse(text)` on enter; a ValueError from `parse` is shown and the dialog
    stays, with the text kept; escape dismisses with None."""

    DEFAULT_CSS = """
    AskScreen {
        align: center middle;

        #ask-panel {
            width: 60;
            max-width: 95%;
            height: auto;
            border: thick $primary;
            background: $surface;
            padding: 1 2;
        }
        #ask-error {
            color: $error;
            height: auto;
        }
    }
    """

    BINDINGS = [Binding("escape", "cancel", "Cancel", id="ask.cancel")]

    def __init__(self, question: str, parse: Callable[[str], _T], value: str = "") -> None:
        super().__init__()
        self._question = question
        self._parse = parse
        self._value = value

    def compose(self) -> ComposeResult:
        with Vertical(id="ask-panel"):
            yield Static(self._question, id="ask-question", markup=False)
            yield OrderedInput(
                self._value, id="ask-input", select_on_focus=True, max_length=ASK_LENGTH
            )
            yield Static("", id="ask-error", markup=False)

    @on(Input.Submitted, "#ask-input")
    def submitted(self, event: Input.Submitted) -> None:
        event.stop()
        try:
            value = self._parse(event.value)
        except ValueError as error:
            self.query_one("#ask-error", Static).update(str(error))
        else:
            self.dismiss(value)

    def action_cancel(self) -> None:
        self.dismiss(None)
