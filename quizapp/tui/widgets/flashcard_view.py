"""Reveal, then rate: the back of the card appears below its front."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.app import ComposeResult
from textual.widgets import Static

from quizapp.tui.widgets.card_view import CardView

if TYPE_CHECKING:
    from quizapp.study import StudyItem


class FlashcardView(CardView):
    DEFAULT_CSS = """
    FlashcardView { height: auto; }
    FlashcardView #card-back { display: none; height: auto; margin-top: 1; }
    FlashcardView.-revealed #card-back { display: block; }
    """

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.item: StudyItem | None = None

    def compose(self) -> ComposeResult:
        yield Static("", id="card-back", markup=False)

    def show(self, item: StudyItem) -> None:
        self.item = item
        self.remove_class("-revealed")
        self.query_one("#card-back", Static).update("")

    def reveal(self) -> None:
        if self.item is None:
            return
        self.query_one("#card-back", Static).update(f"Answer\n\n{self.item.card.back}")
        self.add_class("-revealed")
