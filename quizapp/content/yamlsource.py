"""Reading one deck file as plain data: bounded, inert, and with the line of every value.

The tree is built from parser events rather than PyYAML's constructors, so that tags, anchors and
aliases are refused before anything is built (no object construction, no alias-expansion bombs),
duplicate keys are reported instead of silently overwritten, and each value keeps its line.
Plain scalars follow the YAML 1.2 core schema: `yes`/`no`/`on`/`off` and dates stay text.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from quizapp.content.problems import Location, Problem, field_path
from quizapp.safe_text import character_named, control_pattern, first_control

MAX_FILE_BYTES = 1024 * 1024
MAX_DEPTH = 40

_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_CONTROL = control_pattern()
_UNREADABLE = yaml.reader.Reader.NON_PRINTABLE
"""What the YAML reader refuses in a file: control characters, and a few non-characters."""

_NULL = frozenset({"~", "null", "Null", "NULL", ""})
_TRUE = frozenset({"true", "True", "TRUE"})
_FALSE = frozenset({"false", "False", "FALSE"})
_NUMBER_START = frozenset("0123456789+-.")
_INT = re.compile(r"^[-+]?[0-9]+$")
_INT_BASE = re.compile(r"^0(?:o[0-7]+|x[0-9a-fA-F]+)$")
_FLOAT = re.compile(r"^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?$")
_INF = re.compile(r"^([-+]?)\.(?:inf|Inf|INF)$")
_NAN = re.compile(r"^\.(?:nan|NaN|NAN)$")


@dataclass(frozen=True)
class SourceFile:
    """A parsed deck file: its data and, for every mapping key or list item, the 1-based line."""

    path: Path
    data: object
    lines: dict[Location, int] = field(repr=False)

    def line_of(self, location: Location) -> int:
        """The line of the deepest part of `location` that exists in the file."""
        for end in range(len(location), -1, -1):
            line = self.lines.get(location[:end])
            if line is not None:
                return line
        return 1


class _Rejected(Exception):
    def __init__(self, line: int, location: Location, message: str) -> None:
        super().__init__(message)
        self.line = line
        self.location = location
        self.message = message


def plain_scalar(text: str) -> object:
    """The value of an unquoted scalar under the YAML 1.2 core schema."""
    if text in _NULL:
        return None
    if text in _TRUE:
        return True
    if text in _FALSE:
        return False
    if text[0] not in _NUMBER_START:
        return text
    try:
        if _INT.match(text):
            return int(text)
        if _INT_BASE.match(text):
            return int(text, 0)
    except ValueError:
        return text
    if _FLOAT.match(text):
        return float(text)
    infinity = _INF.match(text)
    if infinity:
        return -math.inf if infinity.group(1) == "-" else math.inf
    if _NAN.match(text):
        return math.nan
    return text


_DISCARD = object()


@dataclass
class _Frame:
    container: dict[str, object] | list[object]
    location: Location | None
    expecting_key: bool = True
    key: object = _DISCARD
    key_line: int = 0
    first_lines: dict[str, int] = field(default_factory=dict)


class _TreeBuilder:
    def __init__(self) -> None:
        self.lines: dict[Location, int] = {}
        self.problems: list[tuple[int, Location, str]] = []
        self.stack: list[_Frame] = []
        self.root: object = None
        self.documents = 0

    def next_location(self) -> Location:
        if not self.stack:
            return ()
        frame = self.stack[-1]
        base = frame.location or ()
        if isinstance(frame.container, list):
            return (*base, len(frame.container))
        if frame.expecting_key or not isinstance(frame.key, str):
            return base
        return (*base, frame.key)

    def feed(self, event: yaml.Event) -> None:
        line = event.start_mark.line + 1 if event.start_mark else 1
        kind = type(event)
        if isinstance(event, yaml.ScalarEvent):
            self._check_node(event, line)
            value = self._checked_text(event.value, line)
            self._add(plain_scalar(value) if event.implicit[0] else value, line)
        elif isinstance(event, yaml.MappingStartEvent | yaml.SequenceStartEvent):
            self._check_node(event, line)
            self._push({} if kind is yaml.MappingStartEvent else [], line)
        elif kind is yaml.MappingEndEvent or kind is yaml.SequenceEndEvent:
            self.stack.pop()
        elif kind is yaml.AliasEvent:
            raise _Rejected(
                line,
                self.next_location(),
                "aliases (*name) are not allowed; repeat the value instead",
            )
        elif kind is yaml.DocumentStartEvent:
            self.documents += 1
            if self.documents > 1:
                raise _Rejected(line, (), "only one YAML document per file (remove the '---')")

    def _check_node(self, event: yaml.NodeEvent, line: int) -> None:
        if event.anchor is not None:
            raise _Rejected(
                line, self.next_location(), "anchors (&name) are not allowed; content is plain data"
            )
        tag = getattr(event, "tag", None)
        if tag is not None:
            shown = tag.replace("tag:yaml.org,2002:", "!!")
            raise _Rejected(
                line,
                self.next_location(),
                f"YAML tags ({shown}) are not allowed; content is plain data",
            )

    def _checked_text(self, text: str, line: int) -> str:
        """Control characters (a YAML `\\e` or `\\x9b` escape) would act on the terminal that
        shows the card, and bidi formatting characters reorder its line: refused, whether in a
        value (a list item is one) or a key, each named for what it is. The text goes on without
        them, so the rest of the file is still checked and nothing reports them twice."""
        index = first_control(text)
        if index is None:
            return text
        frame = self.stack[-1] if self.stack else None
        is_key = frame is not None and isinstance(frame.container, dict) and frame.expecting_key
        what = "key" if is_key else "value"
        self.problems.append(
            (
                line,
                self.next_location(),
                f"{character_named(text[index])} in this {what} is not allowed; remove it",
            )
        )
        return _CONTROL.sub("", text)

    def _push(self, container: dict[str, object] | list[object], line: int) -> None:
        if len(self.stack) >= MAX_DEPTH:
            raise _Rejected(line, (), f"nested deeper than {MAX_DEPTH} levels")
        location = self._add(container, line, is_container=True)
        self.stack.append(_Frame(container, location))

    def _add(self, value: object, line: int, *, is_container: bool = False) -> Location | None:
        if not self.stack:
            self.root = value
            self.lines[()] = line
            return ()
        frame = self.stack[-1]
        if isinstance(frame.container, list):
            if frame.location is None:
                return None
            location = (*frame.location, len(frame.container))
            frame.container.append(value)
            self.lines[location] = line
            return location
        if frame.expecting_key:
            frame.expecting_key = False
            frame.key_line = line
            frame.key = self._accept_key(frame, value, line, is_container=is_container)
            return None
        frame.expecting_key = True
        if frame.location is None or not isinstance(frame.key, str):
            return None
        frame.container[frame.key] = value
        location = (*frame.location, frame.key)
        self.lines[location] = frame.key_line
        return location

    def _accept_key(self, frame: _Frame, key: object, line: int, *, is_container: bool) -> object:
        where = frame.location or ()
        if frame.location is None:
            return _DISCARD
        if is_container or not isinstance(key, str):
            shown = "a list or mapping" if is_container else repr(key)
            self.problems.append((line, where, f"a key must be text, got {shown}; quote it"))
            return _DISCARD
        first = frame.first_lines.get(key)
        if first is not None:
            self.problems.append(
                (line, (*where, key), f"duplicate key {key!r} (first at line {first})")
            )
            return _DISCARD
        frame.first_lines[key] = line
        return key


def _syntax_problem(path: Path, error: yaml.YAMLError) -> Problem:
    if isinstance(error, yaml.MarkedYAMLError) and error.problem_mark is not None:
        message = error.problem or "invalid YAML"
        if error.context:
            context_line = error.context_mark.line + 1 if error.context_mark else None
            message += f" ({error.context}" + (f" at line {context_line})" if context_line else ")")
        return Problem(path, error.problem_mark.line + 1, "yaml", message)
    return Problem(path, 1, "yaml", str(error).splitlines()[0] if str(error) else "invalid YAML")


def _raw_controls(path: Path, text: str) -> tuple[str, list[Problem]]:
    """`text` without the characters the YAML reader refuses (raw control characters), and a
    problem for each: the reader would stop at the first and hide the file's other problems."""
    problems = []
    for found in _UNREADABLE.finditer(text):
        line = text.count("\n", 0, found.start()) + 1
        column = found.start() - text.rfind("\n", 0, found.start())
        problems.append(
            Problem(
                path,
                line,
                "file",
                f"{character_named(found.group())} (column {column}) is not allowed; remove it",
            )
        )
    return (_UNREADABLE.sub("", text) if problems else text), problems


def parse_text(path: Path, text: str) -> tuple[SourceFile | None, list[Problem]]:
    """Build the data tree of `text` with every problem found in it. A syntax error, a tag, an
    anchor or an alias stops the reading: the file yields no data. Control characters and
    duplicate or non-text keys do not: the tree (without them) is returned with the problems, so
    the file's other problems are found too, and the file is refused all the same."""
    text, problems = _raw_controls(path, text)
    builder = _TreeBuilder()
    try:
        for event in yaml.parse(text, Loader=_Loader):
            builder.feed(event)
    except _Rejected as rejected:
        problem = Problem(path, rejected.line, field_path(rejected.location), rejected.message)
        return None, [*problems, problem]
    except yaml.YAMLError as error:
        return None, [*problems, _syntax_problem(path, error)]
    problems += [
        Problem(path, line, field_path(location), message)
        for line, location, message in builder.problems
    ]
    data = {} if builder.root is None else builder.root
    return SourceFile(path, data, builder.lines), problems


def read_source(path: Path) -> tuple[SourceFile | None, list[Problem]]:
    """Read and parse one file, refusing anything too large before reading it."""
    try:
        with path.open("rb") as stream:
            raw = stream.read(MAX_FILE_BYTES + 1)
    except OSError as error:
        return None, [Problem(path, 1, "file", f"cannot read the file: {error.strerror or error}")]
    if len(raw) > MAX_FILE_BYTES:
        limit = MAX_FILE_BYTES // 1024
        return None, [
            Problem(
                path,
                1,
                "file",
                f"file is larger than {limit} KiB; split the deck into several files",
            )
        ]
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = raw.count(b"\n", 0, error.start) + 1
        column = error.start - raw.rfind(b"\n", 0, error.start)
        return None, [Problem(path, line, "file", f"not valid UTF-8 (column {column})")]
    return parse_text(path, text)
