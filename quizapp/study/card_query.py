"""The card browser's search language, parsed into terms (shared by the TUI and `quizapp cards`).

A query is words separated by spaces; a card must match every word. A word is either text looked
for in the card's id and front (any case) or a filter `NAME:VALUE`:

    is:new  is:learning  is:review  is:due  is:suspended  is:buried  is:leech  is:flagged
    deck:NAME  section:ID  tag:NAME  kind:KIND

`-` before a word negates it; double quotes keep spaces in a value (`deck:"My interviews"`,
`"zero centred"`). Errors name the 1-based column where the problem starts.
"""

from __future__ import annotations

from dataclasses import dataclass

FILTERS = ("is", "deck", "section", "tag", "kind")
STATUSES = ("new", "learning", "review", "due", "suspended", "buried", "leech", "flagged")


class QueryError(ValueError):
    """A query that cannot be read; `position` is the 0-based index where the problem starts."""

    def __init__(self, message: str, position: int) -> None:
        super().__init__(f"column {position + 1}: {message}")
        self.position = position


@dataclass(frozen=True, slots=True)
class Term:
    """One word of a query: `field` None means free text; `value` is lower-cased."""

    field: str | None
    value: str
    negated: bool = False


def parse_query(text: str) -> tuple[Term, ...]:
    """The terms of `text`, in order; raises `QueryError` for a word that cannot be read."""
    terms: list[Term] = []
    position = 0
    while True:
        while position < len(text) and text[position].isspace():
            position += 1
        if position >= len(text):
            return tuple(terms)
        term, position = _term(text, position)
        terms.append(term)


def _term(text: str, start: int) -> tuple[Term, int]:
    position = start
    negated = text[position] == "-"
    if negated:
        position += 1
        if position >= len(text) or text[position].isspace():
            raise QueryError("'-' must come right before the word it negates", start)
    if text[position] == '"':
        value, end = _quoted(text, position)
        return Term(None, value.lower(), negated), end
    end = _word_end(text, position)
    word = text[position:end]
    name, colon, rest = word.partition(":")
    if not colon:
        return Term(None, word.lower(), negated), end
    if name.lower() not in FILTERS:
        known = ", ".join(f"{known}:" for known in FILTERS)
        raise QueryError(f"unknown filter {name + ':'!r}; filters are {known}", position)
    value_start = position + len(name) + 1
    if rest.startswith('"'):
        value, end = _quoted(text, value_start)
    else:
        value = rest
    if not value:
        raise QueryError(f"{name}: needs a value, e.g. {_example(name.lower())}", position)
    field = name.lower()
    if field == "is" and value.lower() not in STATUSES:
        raise QueryError(
            f"unknown status {value!r} after is:; use one of {', '.join(STATUSES)}", value_start
        )
    return Term(field, value.lower(), negated), end


def _quoted(text: str, start: int) -> tuple[str, int]:
    """The text between the quote at `start` and the next one, and the index after it."""
    close = text.find('"', start + 1)
    if close < 0:
        raise QueryError("this quote is never closed", start)
    end = close + 1
    if end < len(text) and not text[end].isspace():
        raise QueryError("put a space after the closing quote", end)
    return text[start + 1 : close], end


def _word_end(text: str, start: int) -> int:
    end = start
    while end < len(text) and not text[end].isspace():
        end += 1
    return end


def _example(field: str) -> str:
    return {"is": "is:due", "deck": "deck:mine", "section": "section:overview"}.get(
        field, f"{field}:relu" if field == "tag" else "kind:numeric"
    )
