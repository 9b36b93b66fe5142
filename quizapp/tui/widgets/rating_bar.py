"""The four ratings with the interval each schedules, the proposed one highlighted: one line at
80 columns, whatever the intervals, and still one line at 60 in a tighter form."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import timedelta

from textual.content import Content
from textual.widgets import Static

from quizapp.study import Rating, format_interval

_SPACINGS = ((" · ", "  "), (" ", " "))
"""Between a rating and its interval, and between ratings: the roomy form, then the tight one
for narrow windows (at 60 columns the roomy one wrapped its last interval onto a line alone)."""


class RatingBar(Static):
    DEFAULT_CSS = """
    RatingBar { height: auto; min-height: 1; padding: 0 1; background: $boost; }
    """

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._shown: tuple[Mapping[Rating, timedelta], Rating | None, str] | None = None

    def show(
        self, intervals: Mapping[Rating, timedelta], proposed: Rating | None, *, hint: str = ""
    ) -> None:
        self._shown = (intervals, proposed, hint)
        self._draw()

    def clear(self) -> None:
        self._shown = None
        self.update("")

    def on_resize(self) -> None:
        """After the refresh: the region a resize reports may still be the old one."""
        self.call_after_refresh(self._draw)

    def _draw(self) -> None:
        if self._shown is None:
            return
        intervals, proposed, hint = self._shown
        width = self.content_size.width or self.app.size.width - 2
        for inside, between in _SPACINGS:
            parts = []
            for rating in Rating:
                label = f"{rating.value} {rating.name}"
                if rating in intervals:
                    label += f"{inside}{format_interval(intervals[rating])}"
                if rating == proposed:
                    parts.append(Content.styled(f"[{label}]", "bold reverse"))
                else:
                    parts.append(Content(f" {label} "))
            line = Content(between).join(parts)
            if line.cell_length <= width:
                break
        self.update(line + Content(hint))
