"""An option row whose wrapped lines start under its text, not at the row's left edge: the key
or the counts before it stay a column of their own however narrow the terminal."""

from __future__ import annotations

from rich.console import Console, ConsoleOptions, RenderResult
from rich.table import Table
from rich.text import Text


class HangingRow:
    """`head` (a key, or the due and new counts) then `text`, wrapped beside `head`. Both are
    shown literally (a deck title is untrusted text). `str()` gives the row as one line."""

    def __init__(self, head: str, text: str) -> None:
        self.head = head
        self.text = text

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        grid = Table.grid(expand=True)
        grid.add_column(no_wrap=True)
        grid.add_column(ratio=1, overflow="fold")
        grid.add_row(Text(self.head), Text(self.text))
        yield grid

    def __str__(self) -> str:
        return self.head + self.text
