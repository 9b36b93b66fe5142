"""What the three code views (review's code cards, Practice → Code, mock coding questions) share:
the Python editor, and closing their sandbox without blocking."""

from __future__ import annotations

import re
import threading
from collections.abc import Callable

from textual import events
from textual.widgets import TextArea
from textual.widgets.text_area import Selection

READ_TASK = "shift+tab reads the whole task"
"""Said on a code view's status line when the task above the editor is cut by its box (80x24):
the editor takes tab, so shift+tab is the key that leaves it for the task, to scroll it."""

_OPENS_BLOCK = re.compile(r":\s*(#.*)?$")
_ENDS_BLOCK = re.compile(r"(return|pass|raise|break|continue)\b")
_PLACEHOLDER = re.compile(r"^\s*(\.\.\.|pass)\s*$")
"""A line that only holds the body still to be written: the starter code's `...`."""


def next_line_indent(line: str, indent_width: int) -> str:
    """The indentation `enter` gives the line after `line` (the text before the cursor): the
    same as `line`'s, one level deeper after a `:` that opens a block, one level shallower after
    a statement that ends one (`return`, `pass`, `raise`, `break`, `continue`)."""
    body = line.lstrip(" ")
    depth = len(line) - len(body)
    if _OPENS_BLOCK.search(body):
        depth += indent_width
    elif _ENDS_BLOCK.match(body):
        depth = max(0, depth - indent_width)
    return " " * depth


class PythonEditor(TextArea):
    """A TextArea whose `enter` indents the new line as Python expects (see `next_line_indent`):
    Textual's TextArea starts every new line at column 0, and a function body typed in it had
    to be indented by hand, line after line."""

    async def _on_key(self, event: events.Key) -> None:
        if event.key != "enter" or self.read_only:
            return
        event.stop()
        event.prevent_default()
        row, column = self.cursor_location
        indent = next_line_indent(self.document[row][:column], self.indent_width)
        start, end = self.selection
        self.replace("\n" + indent, start, end, maintain_selection_offset=False)

    def show_code(self, code: str) -> None:
        """`code` in the editor, ready to type on: the last placeholder body (`...`) selected,
        so that what is typed replaces it, or else the cursor at the end. Textual leaves the
        cursor at the start, before the starter's import line."""
        self.text = code
        for row in range(self.document.line_count - 1, -1, -1):
            line = self.document[row]
            if _PLACEHOLDER.match(line):
                body = line.strip()
                column = line.index(body)
                self.selection = Selection((row, column), (row, column + len(body)))
                return
        self.move_cursor(self.document.end)


def python_editor(
    text: str, *, id: str, read_only: bool = False, kind: type[TextArea] = PythonEditor
) -> TextArea:
    """A code editor (`kind`: PythonEditor or a subclass) colouring Python where tree-sitter's
    Python grammar is installed, plain text elsewhere."""
    editor = kind.code_editor(text, id=id, read_only=read_only)
    if "python" in editor.available_languages:
        editor.language = "python"
    return editor


def close_in_background(close: Callable[[], object]) -> None:
    """Closing a sandbox waits for its child process to end: in a thread of its own, neither on
    the event loop nor in a worker of the view that is closing (its workers end with it)."""
    threading.Thread(target=close, daemon=True).start()
