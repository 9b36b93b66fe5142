"""What the three code views (review's code cards, Practice → Code, mock coding questions) share:
the Python editor, and closing their sandbox without blocking."""

from __future__ import annotations

import threading
from collections.abc import Callable

from textual.widgets import TextArea


def python_editor(
    text: str, *, id: str, read_only: bool = False, kind: type[TextArea] = TextArea
) -> TextArea:
    """A code editor (`kind`: TextArea or a subclass) colouring Python where tree-sitter's
    Python grammar is installed, plain text elsewhere."""
    editor = kind.code_editor(text, id=id, read_only=read_only)
    if "python" in editor.available_languages:
        editor.language = "python"
    return editor


def close_in_background(close: Callable[[], object]) -> None:
    """Closing a sandbox waits for its child process to end: in a thread of its own, neither on
    the event loop nor in a worker of the view that is closing (its workers end with it)."""
    threading.Thread(target=close, daemon=True).start()
