"""A yes/no question that defaults to the safe answer."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from textual import on
from textual.app import App, ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Static


def asked(action: str, dropped: str | None) -> str:
    """The question's first line, "`action`?"; when it would throw away an answer not recorded
    yet (`dropped` says which, as review words it), it says so first."""
    return f"{action}?" if dropped is None else f"{action} without your answer?\n\n{dropped}."


def suspend_question(card_id: str, dropped: str | None = None) -> str:
    """Suspending is undone from the card browser or `quizapp unsuspend`."""
    return (
        f"{asked('Suspend this card', dropped)}\n\n{card_id}\n\nIt stops coming up in reviews"
        " until you unsuspend it (the card browser: u on home lists suspended cards; or"
        " `quizapp unsuspend`)."
    )


def reset_question(card_id: str, undo_key: str | None = None, dropped: str | None = None) -> str:
    """Every reset asks the same: it is `store.reset` wherever it is started (review, the card
    browser, changed cards); `undo_key` names the key that takes it back, where one does."""
    question = (
        f"{asked('Reset this card', dropped)}\n\n{card_id}\n\nIts schedule, lapses and leech"
        " mark start over as a new card; its review log is kept."
    )
    return question if undo_key is None else f"{question} {undo_key} undoes it."


class ConfirmScreen(ModalScreen[bool]):
    """Dismisses with True only on an explicit `y` or the Yes button."""

    DEFAULT_CSS = """
    ConfirmScreen {
        align: center middle;

        #confirm-panel {
            width: 60;
            max-width: 95%;
            height: auto;
            border: thick $warning;
            background: $surface;
            padding: 1 2;
        }
        #confirm-buttons {
            height: auto;
            margin-top: 1;
            align-horizontal: right;
        }
        #confirm-buttons Button {
            margin-left: 2;
        }
    }
    """

    BINDINGS = [
        Binding("y", "answer(True)", "Yes", id="confirm.yes"),
        Binding("n,escape", "answer(False)", "No", id="confirm.no"),
    ]

    def __init__(self, question: str) -> None:
        super().__init__()
        self._question = question

    def compose(self) -> ComposeResult:
        with Vertical(id="confirm-panel"):
            yield Static(self._question, id="confirm-question", markup=False)
            with Horizontal(id="confirm-buttons"):
                yield Button("Yes (y)", id="confirm-yes", variant="warning")
                yield Button("No (n)", id="confirm-no", variant="primary")

    def on_mount(self) -> None:
        self.query_one("#confirm-no", Button).focus()

    @on(Button.Pressed, "#confirm-yes")
    def yes(self) -> None:
        self.dismiss(True)

    @on(Button.Pressed, "#confirm-no")
    def no(self) -> None:
        self.dismiss(False)

    def action_answer(self, answer: bool) -> None:
        self.dismiss(answer)


def confirm_then(app: App[Any], question: str, go: Callable[[], object]) -> None:
    """Ask `question`; `go` only on an explicit yes."""

    def decided(confirmed: bool | None) -> None:
        if confirmed:
            go()

    app.push_screen(ConfirmScreen(question), decided)
