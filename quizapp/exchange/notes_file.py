"""Question/answer notes read from an Anki "Notes in Plain Text" export or a CSV file.

Anki writes `#key:value` header lines (`#separator:tab`, `#html:true`, `#tags column:3`,
`#columns:Front<TAB>Back`, …) before the notes, one note a row, fields quoted CSV-style when
they hold the separator, a quote or a line break. A CSV without those headers may start with a
`question,answer` (or `front,back`) row naming its columns; a headerless `.txt` whose first line
holds a tab is read as tab-separated. The first field is the question,
the second the answer; further fields are added to the answer.
"""

from __future__ import annotations

import csv
import html
import io
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from quizapp.exchange.anki_html import dropped_by_plain
from quizapp.exchange.html_text import html_to_text, source_text
from quizapp.safe_text import character_named
from quizapp.wording import plural

MAX_FILE_BYTES = 32 * 1024 * 1024
SEPARATORS = {
    "tab": "\t",
    "comma": ",",
    "semicolon": ";",
    "space": " ",
    "pipe": "|",
    "colon": ":",
}
_QUESTION_NAMES = frozenset({"question", "front", "term", "q"})
_ANSWER_NAMES = frozenset({"answer", "back", "meaning", "a"})
_META_COLUMNS = ("guid", "notetype", "deck", "tags")
# Anki's file headers; a first row such as `#1,answer` or `#,:` is a note, not a header.
_HEADER_NAMES = frozenset(
    {"separator", "html", "tags", "columns", "notetype", "deck", "if matches"}
    | {f"{name} column" for name in _META_COLUMNS}
)


class NotesFileError(Exception):
    """A file that cannot be imported: `path:line: message`."""

    def __init__(self, path: Path, line: int, message: str) -> None:
        where = f"{path}:{line}" if line else str(path)
        super().__init__(f"{where}: {message}")
        self.line = line


@dataclass(frozen=True)
class ImportedNote:
    """One note as text; `line` is where its row starts in the file (1-based)."""

    line: int
    question: str
    answer: str
    tags: tuple[str, ...] = ()
    both_ways: bool = False


@dataclass
class NotesFile:
    """The notes read, plus the rows left out and why and the characters taken out of the notes
    kept (control and bidi characters, which a deck never holds), each naming its line."""

    notes: list[ImportedNote] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)
    cleaned: list[str] = field(default_factory=list)


@dataclass
class _Layout:
    """How the rows of this file are laid out, from its headers or its first row."""

    separator: str = ","
    html: bool = False
    tags: tuple[str, ...] = ()
    meta: dict[str, int] = field(default_factory=dict)
    question: int | None = None
    answer: int | None = None


def read_notes(path: Path) -> NotesFile:
    """Read every note of an Anki text export or CSV; raises `NotesFileError` naming the line."""
    text = _read_text(path)
    lines = text.splitlines(keepends=True)
    layout, header_count = _parse_headers(path, lines)
    body = "".join(lines[header_count:])
    if not header_count:
        layout.separator = _guess_separator(path, body)
    result = NotesFile()
    may_name_columns = not header_count
    for line, row in _rows(path, body, layout.separator, header_count):
        if may_name_columns and _names_columns(row, layout):
            continue
        may_name_columns = False
        _add_note(path, line, row, layout, result)
    if not result.notes:
        raise NotesFileError(path, 0, "no notes found: expected one question and answer a row")
    return result


def _read_text(path: Path) -> str:
    try:
        with path.open("rb") as stream:
            raw = stream.read(MAX_FILE_BYTES + 1)
    except OSError as error:
        raise NotesFileError(path, 0, f"cannot read the file: {error.strerror or error}") from error
    if len(raw) > MAX_FILE_BYTES:
        raise NotesFileError(path, 0, f"larger than {MAX_FILE_BYTES // (1024 * 1024)} MiB")
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        raise NotesFileError(path, line, "not UTF-8 text (save or export it as UTF-8)") from None


def _parse_headers(path: Path, lines: list[str]) -> tuple[_Layout, int]:
    layout = _Layout(separator="\t")
    count = 0
    columns: list[str] | None = None
    for number, line in enumerate(lines, start=1):
        if not line.startswith("#") or ":" not in line:
            break
        key, value = (part.strip() for part in line[1:].rstrip("\r\n").split(":", 1))
        key = key.casefold()
        if key not in _HEADER_NAMES:
            break
        count = number
        if key == "separator":
            layout.separator = _separator(path, number, value)
        elif key == "html":
            layout.html = value.casefold() == "true"
        elif key == "tags":
            layout.tags = tuple(source_text(value).split())
        elif key == "columns":
            columns = [name.strip() for name in value.split(layout.separator)]
        elif key.endswith(" column") and key.removesuffix(" column") in _META_COLUMNS:
            layout.meta[key.removesuffix(" column")] = _column_number(path, number, value) - 1
    if columns is not None:
        _name_columns(columns, layout)
    return layout, count


def _guess_separator(path: Path, body: str) -> str:
    """A `.csv` file is comma-separated; another file without headers is tab-separated (as
    Anki writes) when its first line holds a tab."""
    if path.suffix.casefold() == ".csv":
        return ","
    return "\t" if "\t" in body.split("\n", 1)[0] else ","


def _separator(path: Path, line: int, value: str) -> str:
    if value.casefold() in SEPARATORS:
        return SEPARATORS[value.casefold()]
    if len(value) == 1:
        return value
    names = ", ".join(SEPARATORS)
    raise NotesFileError(path, line, f"unknown separator {value!r}; expected one of {names}")


def _column_number(path: Path, line: int, value: str) -> int:
    if not value.isdigit() or int(value) < 1:
        raise NotesFileError(path, line, f"column number {value!r} is not a whole number >= 1")
    return int(value)


def _names_columns(row: list[str], layout: _Layout) -> bool:
    """A first CSV row such as `question,answer` names the columns instead of being a note."""
    names = [cell.strip().casefold() for cell in row]
    if not (_QUESTION_NAMES & set(names) and _ANSWER_NAMES & set(names)):
        return False
    _name_columns(names, layout)
    return True


def _name_columns(names: list[str], layout: _Layout) -> None:
    for index, name in enumerate(name.casefold() for name in names):
        if name in _QUESTION_NAMES and layout.question is None:
            layout.question = index
        elif name in _ANSWER_NAMES and layout.answer is None:
            layout.answer = index
        elif name in _META_COLUMNS:
            layout.meta.setdefault(name, index)


def _rows(path: Path, body: str, separator: str, offset: int) -> Iterator[tuple[int, list[str]]]:
    """Each non-empty row with the file line it starts on."""
    reader = csv.reader(io.StringIO(body, newline=""), delimiter=separator, strict=True)
    start = offset + 1
    try:
        for row in reader:
            if any(cell.strip() for cell in row):
                yield start, row
            start = offset + reader.line_num + 1
    except csv.Error as error:
        raise NotesFileError(path, start, f"unreadable row: {error}") from None


def _add_note(path: Path, line: int, row: list[str], layout: _Layout, result: NotesFile) -> None:
    meta = set(layout.meta.values())
    fields = [cell for index, cell in enumerate(row) if index not in meta]
    if layout.question is not None and layout.answer is not None:
        named = (layout.question, layout.answer)
        fields = [row[index] for index in named if index < len(row)]
    if len(fields) < 2:
        raise NotesFileError(
            path, line, f"expected a question and an answer, found {plural(len(fields), 'field')}"
        )
    convert = html_to_text if layout.html else source_text
    question, *answers = (convert(cell) for cell in fields)
    answer = "\n\n".join(text for text in answers if text)
    if not question or not answer:
        missing = "question" if not question else "answer"
        result.skipped.append(f"line {line}: the {missing} has no text (only media?); left out")
        return
    for name, cells in (("question", fields[:1]), ("answer", fields[1:])):
        text = "".join(cells)
        dropped = dropped_by_plain(html.unescape(text) if layout.html else text)
        if dropped is not None:
            taken = character_named(dropped)
            result.cleaned.append(f"line {line}: {taken} taken out of the {name}")
    tags = (*layout.tags, *source_text(_cell(row, layout.meta.get("tags"))).split())
    notetype = _cell(row, layout.meta.get("notetype")).casefold()
    result.notes.append(
        ImportedNote(line, question, answer, tuple(dict.fromkeys(tags)), "reverse" in notetype)
    )


def _cell(row: list[str], index: int | None) -> str:
    return row[index] if index is not None and index < len(row) else ""
