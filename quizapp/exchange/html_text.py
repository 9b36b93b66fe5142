"""An Anki field's HTML as the plain text a deck holds: line breaks kept, markup and media gone."""

from __future__ import annotations

import re
from html.parser import HTMLParser

from quizapp.exchange.anki_html import plain

_BLOCKS = frozenset({"div", "p", "li", "tr", "h1", "h2", "h3", "h4", "h5", "h6"})
_HIDDEN = frozenset({"script", "style"})
_MEDIA = re.compile(r"\[sound:[^\]]*\]")
_SPACES = re.compile(r"[ \t\u00a0]+")
_BLANK_LINES = re.compile(r"\n{3,}")


class _TextCollector(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.hidden = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _HIDDEN:
            self.hidden += 1
        elif tag == "br":
            self.parts.append("\n")
        elif tag in _BLOCKS:
            self._end_line()

    def handle_endtag(self, tag: str) -> None:
        if tag in _HIDDEN:
            self.hidden = max(0, self.hidden - 1)
        elif tag in _BLOCKS:
            self._end_line()

    def _end_line(self) -> None:
        """A block starts or ends on its own line, without adding blank lines between blocks."""
        if self.parts and not self.parts[-1].endswith("\n"):
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if not self.hidden:
            self.parts.append(data)


def html_to_text(markup: str) -> str:
    """Tags dropped (`<br>` and blocks such as `<div>` break lines), entities decoded, Anki's
    `[sound:…]` references removed, runs of spaces and blank lines folded."""
    collector = _TextCollector()
    collector.feed(markup.replace("\n", " "))
    collector.close()
    text = _MEDIA.sub("", "".join(collector.parts))
    return source_text(text)


def source_text(text: str) -> str:
    """Text tidied for a deck file: no control characters, no trailing spaces, no blank runs."""
    lines = (_SPACES.sub(" ", line).strip() for line in plain(text).split("\n"))
    return _BLANK_LINES.sub("\n\n", "\n".join(lines)).strip()
