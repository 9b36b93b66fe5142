"""What every card view does: show one card's answer part, and say when the user answered."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.containers import Vertical
from textual.message import Message

if TYPE_CHECKING:
    from quizapp.study import Graded, StudyItem
    from quizapp.study.answering import Response


class CardView(Vertical):
    """One per answer style (see `views.VIEWS`). The screen shows the card's front above it and
    the rating bar below; a view posts `Submitted` with the response, the screen asks the
    session to grade it and hands the `Graded` back to `show_graded`."""

    DEFAULT_CSS = "CardView { height: auto; }"

    class Submitted(Message):
        def __init__(self, response: Response) -> None:
            super().__init__()
            self.response = response

    def show(self, item: StudyItem) -> None:
        """Ask `item` (a fresh showing: nothing revealed or answered yet)."""

    def reveal(self) -> None:
        """Show the answer (only the styles that have a reveal step)."""

    def type_answer(self) -> None:
        """Move into the view's answer box (the styles with an optional typed answer)."""

    def show_graded(self, graded: Graded) -> None:
        """The verdict on what was submitted (or why it must be answered again)."""

    def restore(self, response: Response) -> None:
        """Give back the answer an undo took back (`response`, as submitted), by submitting it
        again; only the styles whose answer is worth keeping do (a typed explanation)."""

    def reopen(self) -> None:
        """Let the answer just submitted be given again (it could not be saved)."""

    def has_unsent_answer(self) -> bool:
        """Something written for the card on show and not yet submitted, which leaving would
        lose (a submitted answer is the screen's to keep until it is recorded)."""
        return False
