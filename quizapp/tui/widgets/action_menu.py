"""Home's menu: each mode's key, title and what it does, in three columns; in a narrow window a
description wraps under its own column (at 60 columns it ran on under the keys)."""

from __future__ import annotations

from collections.abc import Sequence

from textual.widgets import OptionList
from textual.widgets.option_list import Option

MenuRow = tuple[str, str, str, str]
"""A mode's name (the option's id), its key, its title and what it does."""


def menu_prompt(row: MenuRow, width: int | None = None) -> str:
    """The row on one line, or with its description wrapped to `width` columns under itself."""
    _name, key, title, text = row
    head = f"{key}  {title:<10} "
    if width is None or len(head) + len(text) <= width:
        return head + text
    import textwrap  # only for a narrow window

    lines = textwrap.wrap(text, max(10, width - len(head)))
    return head + ("\n" + " " * len(head)).join(lines)


class ActionMenu(OptionList):
    """Lays its prompts out again when its width changes."""

    def __init__(self, rows: Sequence[MenuRow], *, id: str) -> None:
        super().__init__(*(Option(menu_prompt(row), id=row[0]) for row in rows), id=id)
        self._rows = tuple(rows)
        self._laid_out_for: int | None = None

    def on_resize(self) -> None:
        """After the refresh: the region a resize reports may still be the old one."""
        self.call_after_refresh(self._lay_out)

    def _lay_out(self) -> None:
        width = self.scrollable_content_region.width
        fits = all(len(menu_prompt(row)) <= width for row in self._rows)
        wanted = None if fits else width
        if wanted != self._laid_out_for:
            self._laid_out_for = wanted
            for index, row in enumerate(self._rows):
                self.replace_option_prompt_at_index(index, menu_prompt(row, wanted))
