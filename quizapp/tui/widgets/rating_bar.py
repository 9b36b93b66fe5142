"""The four ratings with the interval each schedules, the proposed one highlighted: one line at
80 columns, whatever the intervals."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import timedelta

from textual.content import Content
from textual.widgets import Static

from quizapp.study import Rating, format_interval


class RatingBar(Static):
    DEFAULT_CSS = """
    RatingBar { height: auto; min-height: 1; padding: 0 1; background: $boost; }
    """

    def show(
        self, intervals: Mapping[Rating, timedelta], proposed: Rating | None, *, hint: str = ""
    ) -> None:
        parts = []
        for rating in Rating:
            label = f"{rating.value} {rating.name}"
            if rating in intervals:
                label += f" · {format_interval(intervals[rating])}"
            if rating == proposed:
                parts.append(Content.styled(f"[{label}]", "bold reverse"))
            else:
                parts.append(Content(f" {label} "))
        self.update(Content("  ").join(parts) + Content(hint))

    def clear(self) -> None:
        self.update("")
