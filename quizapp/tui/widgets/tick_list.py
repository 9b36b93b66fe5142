"""Lists to tick (key points, activations, question families, topics), each item shown whole
(wrapped over as many lines as it needs) behind a mark whose shape says whether it is ticked:
`[x]` or `[ ]`, not a colour alone; and a single tick box that does the same."""

from __future__ import annotations

from rich.segment import Segment
from textual.binding import Binding
from textual.content import Content
from textual.geometry import Size
from textual.strip import Strip
from textual.widgets import Checkbox, OptionList, SelectionList
from textual.widgets.selection_list import SelectionType

TICKED = "[x] "
UNTICKED = "[ ] "
CONTINUED = "    "


class TickList(SelectionList[SelectionType]):
    """A `SelectionList` that wraps long items. Its parent draws the tick button on every line
    and takes the screen line for the option index, which holds only when no option wraps; here
    the line is mapped to its option through the option list's line table."""

    DEFAULT_CSS = """
    TickList { text-wrap: wrap; text-overflow: fold; }
    """

    BINDINGS = [Binding("space", "select", "Tick or untick", id="ticks.toggle", show=False)]

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        """The wrapped height at the width the points are drawn in (beside the marks)."""
        gutter = self._get_left_gutter_width()
        return super().get_content_height(container, viewport, width - gutter)

    def render_line(self, y: int) -> Strip:
        line = OptionList.render_line(self, y)
        try:
            index, offset = self._lines[self.scroll_offset.y + y]
        except IndexError:
            return line
        selection = self.get_option_at_index(index)
        if offset:
            return Strip([Segment(CONTINUED), *line])
        ticked = selection.value in self._selected
        component = "selection-list--button" + ("-selected" if ticked else "")
        if self.highlighted == index:
            component += "-highlighted"
        mark = Segment(TICKED if ticked else UNTICKED, self.get_component_rich_style(component))
        return Strip([mark, *line])


class TickBox(Checkbox):
    """A `Checkbox` whose button is empty when off: Textual draws the same `X` either way and
    tells them apart by colour only."""

    def render(self) -> Content:
        self.BUTTON_INNER = "X" if self.value else " "
        return super().render()
