"""The `?` overlay: every key that works on the screen underneath, with what it does."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import DataTable, Static


class KeysScreen(ModalScreen[None]):
    """Lists the bindings that are active on the screen it was opened from."""

    DEFAULT_CSS = """
    KeysScreen {
        align: center middle;

        #keys-panel {
            width: 70;
            max-width: 95%;
            height: auto;
            max-height: 90%;
            border: thick $primary;
            background: $surface;
            padding: 0 1;
        }
        #keys-title {
            text-style: bold;
            margin-bottom: 1;
        }
        #keys-table {
            height: auto;
        }
        #keys-hint {
            color: $text-muted;
            margin-top: 1;
        }
    }
    """

    BINDINGS = [
        Binding("escape,question_mark,f1,q", "dismiss_keys", "Close", id="keys.close"),
    ]

    def __init__(self, title: str, rows: list[tuple[str, str]]) -> None:
        super().__init__()
        self._title = title
        self._rows = rows

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="keys-panel"):
            yield Static(f"Keys — {self._title}", id="keys-title", markup=False)
            table: DataTable[Text] = DataTable(
                id="keys-table", cursor_type="none", zebra_stripes=True
            )
            table.add_columns("key", "action")
            for key, description in self._rows:
                table.add_row(Text(key), Text(description))
            yield table
            yield Static("escape or ? closes this panel", id="keys-hint", markup=False)

    def action_dismiss_keys(self) -> None:
        self.dismiss(None)
