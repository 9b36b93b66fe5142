"""Untrusted text in a Markdown file: shown literally by any CommonMark or GitHub renderer."""

from __future__ import annotations

import re
import string

from quizapp.exchange.anki_html import plain

_PUNCTUATION = re.compile("([" + re.escape(string.punctuation) + "])")
_BACKTICK_RUNS = re.compile("`+")


def inline(text: str) -> str:
    """One line of literal text: every ASCII punctuation mark backslash-escaped (CommonMark
    allows it for all of them), so no emphasis, link, HTML, autolink or table cell break."""
    return _PUNCTUATION.sub(r"\\\1", " ".join(plain(text).split()))


def block(text: str) -> str:
    """Text of any length as a fenced block: nothing inside a fence is interpreted, and the
    fence is longer than any run of backticks in the text, so the text cannot close it."""
    body = plain(text).rstrip("\n")
    longest = max((len(run) for run in _BACKTICK_RUNS.findall(body)), default=0)
    fence = "`" * max(3, longest + 1)
    return f"{fence}text\n{body}\n{fence}"
