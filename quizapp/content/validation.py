"""Validating one parsed file against the schema, keeping whatever is valid when some of it is not.

Salvaging the valid cards of a broken file lets the deck-wide checks (duplicate ids, answers
among options, engine names) report their problems in the same run as the schema errors.
"""

from __future__ import annotations

from typing import Any

from pydantic import ValidationError

from quizapp.content.build import ValidFile
from quizapp.content.errors import validation_problems
from quizapp.content.problems import Problem
from quizapp.content.schema import DeckFile
from quizapp.content.yamlsource import SourceFile


def _part(key: str, value: object) -> Any:
    try:
        return getattr(DeckFile.model_validate({key: value}), key)
    except ValidationError:
        return None


def _items(key: str, value: object) -> tuple[tuple[int, Any], ...]:
    if not isinstance(value, list):
        return ()
    kept = []
    for index, item in enumerate(value):
        valid = _part(key, [item])
        if valid:
            kept.append((index, valid[0]))
    return tuple(kept)


def _salvage(source: SourceFile) -> ValidFile:
    data = source.data if isinstance(source.data, dict) else {}
    return ValidFile(
        source,
        deck=_part("deck", data["deck"]) if "deck" in data else None,
        section=_part("section", data["section"]) if "section" in data else None,
        functions=_items("functions", data.get("functions")),
        cards=_items("cards", data.get("cards")),
    )


def validate_file(source: SourceFile) -> tuple[ValidFile, list[Problem]]:
    """The file's validated parts and its schema problems (none when the whole file is valid)."""
    try:
        spec = DeckFile.model_validate(source.data)
    except ValidationError as error:
        return _salvage(source), validation_problems(source, error)
    return ValidFile(
        source,
        deck=spec.deck,
        section=spec.section,
        functions=tuple(enumerate(spec.functions)),
        cards=tuple(enumerate(spec.cards)),
    ), []
