"""Deck text as Anki field HTML: Anki renders fields as HTML, and deck text is untrusted."""

from __future__ import annotations

import html
import re
from collections.abc import Iterable

from quizapp.safe_text import control_pattern

_BIDI_AND_SEPARATORS = (0x200E, 0x200F, *range(0x2028, 0x202F), *range(0x2066, 0x206A))
"""Direction marks, line and paragraph separators and bidi embeddings and isolates: Anki shows
fields as HTML, where they reorder or break the text around them."""
_CONTROL = control_pattern(*_BIDI_AND_SEPARATORS)
_NESTING = re.compile(r":(?=:)")


def plain(text: str) -> str:
    """Text without control characters (tabs become spaces, line breaks stay)."""
    return _CONTROL.sub("", text.replace("\r\n", "\n").replace("\t", " "))


def dropped_by_plain(text: str) -> str | None:
    """The first character `plain` drops from `text` (None: it keeps every one), for a notice."""
    found = _CONTROL.search(text.replace("\r\n", "\n"))
    return None if found is None else found.group()


def field(text: str) -> str:
    """Literal text as HTML: markup escaped, `[` escaped too so Anki's `[sound:…]` and `[latex]`
    tags in a card stay text, line breaks kept as `<br>`."""
    escaped = html.escape(plain(text), quote=True).replace("[", "&#91;")
    return escaped.replace("\n", "<br>")


def bullet_list(items: Iterable[str], *, ordered: bool = False) -> str:
    """Each item escaped, as an HTML list ("" when there are none)."""
    rows = "".join(f"<li>{field(item)}</li>" for item in items)
    if not rows:
        return ""
    tag = "ol" if ordered else "ul"
    return f"<{tag}>{rows}</{tag}>"


def tag(text: str) -> str:
    """An Anki tag: no spaces (Anki splits tags on them) and no control characters."""
    return "_".join(plain(text).split())


def deck_name(*parts: str) -> str:
    """`Deck::Section`; a `::` inside a title would nest one level deeper, so it is broken up."""
    cleaned = (_NESTING.sub(": ", " ".join(plain(part).split())).strip(": ") for part in parts)
    return "::".join(part for part in cleaned if part)
