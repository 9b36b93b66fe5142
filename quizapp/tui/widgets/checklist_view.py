"""Answer aloud, reveal, then tick the key points covered: each tick re-submits the set."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual import on
from textual.app import ComposeResult
from textual.content import Content
from textual.widgets import SelectionList, Static
from textual.widgets.selection_list import Selection

from quizapp.tui.widgets.flashcard_view import FlashcardView

if TYPE_CHECKING:
    from quizapp.study import StudyItem


class ChecklistView(FlashcardView):
    DEFAULT_CSS = """
    ChecklistView { height: auto; }
    ChecklistView #key-points { display: none; }
    ChecklistView.-revealed.-has-points #key-points { display: block; }
    """

    def compose(self) -> ComposeResult:
        yield Static("", id="card-back", markup=False)
        points = SelectionList[int](id="key-points")
        points.border_title = "Key points you covered (space ticks, then rate)"
        yield points

    def show(self, item: StudyItem) -> None:
        super().show(item)
        self.set_class(bool(item.card.key_points), "-has-points")
        points = self.query_one("#key-points", SelectionList)
        points.clear_options()
        points.add_options(
            Selection(Content(point), index) for index, point in enumerate(item.card.key_points)
        )

    def reveal(self) -> None:
        super().reveal()
        if self.has_class("-has-points"):
            points = self.query_one("#key-points", SelectionList)
            points.highlighted = 0
            points.focus()

    @on(SelectionList.SelectedChanged, "#key-points")
    def covered_changed(self, event: SelectionList.SelectedChanged) -> None:
        event.stop()
        self.post_message(self.Submitted(frozenset(event.selection_list.selected)))
