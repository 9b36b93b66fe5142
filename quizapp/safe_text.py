"""Text from decks, answers, file names or the database, made inert before it is shown or written.

A terminal acts on control characters: ESC starts sequences that set the window title, write the
clipboard (OSC 52) or clear the screen, and C1 characters (U+0080-U+009F) do the same in one
character on many terminals. A bidi-aware terminal also acts on the bidi embeddings, overrides
and isolates: after U+202E the rest of the line is shown reversed, so a card could show other
than it says. Such a character is shown as a visible escape (`\\u001b`, `\\u202e`) instead,
which is also a valid escape inside a JSON string; tab and newline are kept, since text is laid
out with them.
"""

from __future__ import annotations

import re
import sys
import unicodedata
from collections.abc import Iterator
from contextlib import contextmanager, redirect_stderr, redirect_stdout
from typing import Any, TextIO

TERMINAL_CONTROLS = frozenset([*range(0x00, 0x09), *range(0x0B, 0x20), 0x7F, *range(0x80, 0xA0)])
"""C0, DEL and C1: the characters every terminal acts on (tab and newline are kept)."""
BIDI_CONTROLS = frozenset([*range(0x202A, 0x202F), *range(0x2066, 0x206A)])
"""LRE, RLE, PDF, LRO, RLO and LRI, RLI, FSI, PDI: each reorders the text after it up to the end
of its line. The direction marks (U+200E, U+200F, U+061C) are kept: they only settle the
direction of the punctuation next to them, and right-to-left text needs them."""
CONTROL_CODES = TERMINAL_CONTROLS | BIDI_CONTROLS
"""The one definition of the characters kept off a terminal and out of decks and exports."""
_VISIBLE = {code: f"\\u{code:04x}" for code in CONTROL_CODES}


def control_pattern(*also: int) -> re.Pattern[str]:
    """Matches one control character (`CONTROL_CODES`) or one of the code points `also`."""
    characters = "".join(chr(code) for code in sorted({*CONTROL_CODES, *also}))
    return re.compile(f"[{re.escape(characters)}]")


_CONTROL = control_pattern()


def inert(text: str) -> str:
    """`text` with every control character but tab and newline replaced by its `\\uNNNN` escape."""
    return text.translate(_VISIBLE)


def character_named(character: str) -> str:
    """What a refused character is, for a message: a bidi override is no control character to
    the user who typed it ("bidi override \\u202e (right-to-left override)"). Shown inert."""
    code = ord(character)
    if code in BIDI_CONTROLS:
        name = unicodedata.name(character).lower()
        kind = next((kind for kind in _BIDI_KINDS if kind in name), "formatting character")
        return f"bidi {kind} {inert(character)} ({name})"
    if code in TERMINAL_CONTROLS:
        return f"control character {inert(character)}"
    return f"character U+{code:04X}"


_BIDI_KINDS = ("override", "embedding", "isolate")


def pasted(text: str) -> str:
    """Pasted text made inert, its line ends read as newlines first: terminals send a paste's
    newlines as CR (or CRLF), which would otherwise become visible escapes on one long line."""
    return inert(text.replace("\r\n", "\n").replace("\r", "\n"))


def first_control(text: str) -> int | None:
    """The index of the first control character `inert` would replace, None when there is none."""
    found = _CONTROL.search(text)
    return None if found is None else found.start()


class InertWriter:
    """A text stream that passes everything written through `inert`: the one boundary between
    a command's output (messages, tables, CSV) and the terminal or file it goes to."""

    def __init__(self, stream: TextIO) -> None:
        self._stream = stream

    def write(self, text: str) -> int:
        self._stream.write(inert(text))
        return len(text)

    def __getattr__(self, name: str) -> Any:
        return getattr(self._stream, name)


@contextmanager
def inert_output() -> Iterator[None]:
    """Standard output and error made inert until the block ends."""
    with (
        redirect_stdout(InertWriter(sys.stdout)),
        redirect_stderr(InertWriter(sys.stderr)),
    ):
        yield
