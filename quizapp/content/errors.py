"""Pydantic's validation errors as `file:line: field: message` problems an author can act on."""

from __future__ import annotations

import difflib
import types
import typing
from typing import Any

from pydantic import BaseModel, ValidationError

from quizapp.content.problems import Location, Problem, field_path
from quizapp.content.schema import BLOCK_TYPES, CARD_TYPES, DeckFile
from quizapp.content.yamlsource import SourceFile
from quizapp.wording import plural

_TAGGED: dict[str, type[BaseModel]] = {**BLOCK_TYPES, **CARD_TYPES}
_TAG_ERRORS = {"union_tag_invalid", "union_tag_not_found"}


def _unwrap(annotation: Any) -> Any:
    while typing.get_origin(annotation) is typing.Annotated:
        annotation = typing.get_args(annotation)[0]
    return annotation


def _step(annotation: Any, part: str | int) -> Any:
    annotation = _unwrap(annotation)
    origin = typing.get_origin(annotation)
    if origin in (typing.Union, types.UnionType):
        if isinstance(part, str) and part in _TAGGED:
            return _TAGGED[part]
        members = [arg for arg in typing.get_args(annotation) if arg is not type(None)]
        return _step(members[0], part) if len(members) == 1 else None
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        if isinstance(part, str) and part in annotation.model_fields:
            return annotation.model_fields[part].annotation
        return None
    if origin is list and isinstance(part, int):
        return typing.get_args(annotation)[0]
    if origin is dict and isinstance(part, str):
        return typing.get_args(annotation)[1]
    return None


def _model_at(loc: tuple[str | int, ...]) -> type[BaseModel] | None:
    """The authoring model that validated the value at `loc` (so we can list its fields)."""
    annotation: Any = DeckFile
    for part in loc:
        annotation = _step(annotation, part)
        if annotation is None:
            return None
    annotation = _unwrap(annotation)
    if typing.get_origin(annotation) in (typing.Union, types.UnionType):
        members = [arg for arg in typing.get_args(annotation) if arg is not type(None)]
        annotation = _unwrap(members[0]) if len(members) == 1 else None
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    return None


def _is_tag(annotation: Any, part: str | int) -> bool:
    annotation = _unwrap(annotation)
    union = typing.get_origin(annotation) in (typing.Union, types.UnionType)
    return union and isinstance(part, str) and part in _TAGGED


_MISSING = object()


def _child(node: object, part: str | int) -> object:
    """The value under `part` in a YAML mapping or list, else `_MISSING`."""
    if isinstance(node, dict) and isinstance(part, str):
        return node.get(part, _MISSING)
    if isinstance(node, list) and isinstance(part, int) and 0 <= part < len(node):
        return node[part]
    return _MISSING


def locate(data: object, loc: tuple[str | int, ...]) -> tuple[Location, Location]:
    """Map a pydantic location onto the data: (the deepest existing path, the path to show).

    Pydantic inserts union tags (`cards.3.choice.answer`); they are dropped by following the
    models along, since a tag may also be a key of the data (a formula card's `formula`). A
    missing field is the last element and is kept for display only.
    """
    existing: list[str | int] = []
    shown: list[str | int] = []
    current = data
    annotation: Any = DeckFile
    for index, part in enumerate(loc):
        tag = annotation is not None and _is_tag(annotation, part)
        annotation = None if annotation is None else _step(annotation, part)
        if tag:
            continue
        child = _child(current, part)
        if child is _MISSING:
            if index == len(loc) - 1 and isinstance(part, str) and isinstance(current, dict):
                shown.append(part)
            continue
        current = child
        existing.append(part)
        shown.append(part)
    return tuple(existing), tuple(shown)


def describe(value: object) -> str:
    """How a wrong value reads to a YAML author."""
    if value is None:
        return "an empty value"
    if isinstance(value, bool):
        return f"{'true' if value else 'false'} (a boolean)"
    if isinstance(value, int | float):
        return f"the number {value!r}"
    if isinstance(value, str):
        return "text"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a mapping"
    return type(value).__name__


def _unknown_field(loc: tuple[str | int, ...], name: str) -> str:
    model = _model_at(loc[:-1])
    if model is None:
        return "unknown field"
    allowed = list(model.model_fields)
    guess = difflib.get_close_matches(name, allowed, n=1)
    hint = f" (did you mean {guess[0]!r}?)" if guess else ""
    return f"unknown field{hint}; expected one of: {', '.join(allowed)}"


def _message(error: Any) -> str:
    kind = error["type"]
    value = error.get("input")
    context = error.get("ctx") or {}
    loc = tuple(error["loc"])
    simple = {
        "missing": "required field is missing",
        "int_type": f"expected a whole number, got {describe(value)}",
        "bool_type": f"expected true or false, got {describe(value)}",
        "list_type": f"expected a list, got {describe(value)}",
        "dict_type": f"expected a mapping (key: value lines), got {describe(value)}",
        "model_type": f"expected a mapping (key: value lines), got {describe(value)}",
        "model_attributes_type": f"expected a mapping (key: value lines), got {describe(value)}",
        "greater_than_equal": f"must be at least {context.get('ge')}",
        "less_than_equal": f"must be at most {context.get('le')}",
        "union_tag_invalid": f"unknown card kind {context.get('tag')!r}; "
        f"expected one of: {', '.join(CARD_TYPES)}",
        "union_tag_not_found": f"a card needs a kind, one of: {', '.join(CARD_TYPES)}",
    }
    if kind in simple:
        return simple[kind]
    if kind == "string_type":
        hint = "; put it in quotes to use it as text" if isinstance(value, int | float) else ""
        return f"expected text, got {describe(value)}{hint}"
    if kind == "too_short":
        return f"needs at least {plural(int(context.get('min_length') or 0), 'item')}"
    if kind == "too_long":
        return f"allows at most {context.get('max_length')} items"
    if kind == "extra_forbidden":
        return _unknown_field(loc, str(loc[-1]))
    message = str(error["msg"])
    return message[:1].lower() + message[1:]


def validation_problems(source: SourceFile, error: ValidationError) -> list[Problem]:
    """One problem per pydantic error, at the line of the offending (or enclosing) value."""
    problems: list[Problem] = []
    for item in error.errors(include_url=False):
        loc = tuple(item["loc"])
        if not loc and item["type"] == "model_type":
            problems.append(
                Problem(
                    source.path,
                    1,
                    "(file)",
                    "a deck file is a mapping with: " + ", ".join(DeckFile.model_fields),
                )
            )
            continue
        existing, shown = locate(source.data, loc)
        if item["type"] in _TAG_ERRORS:
            shown = (*shown, "kind")
            existing_kind = (*existing, "kind")
            if existing_kind in source.lines:
                existing = existing_kind
        problem = Problem(source.path, source.line_of(existing), field_path(shown), _message(item))
        if problem not in problems:
            problems.append(problem)
    return problems
