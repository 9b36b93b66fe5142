"""Reading a deck's files into its parts: YAML parsed, validated and built. The only path that
imports yaml and pydantic, taken when the deck cache has no usable entry."""

from __future__ import annotations

from collections.abc import Collection, Sequence
from pathlib import Path

from quizapp.content.assembly import DeckParts
from quizapp.content.build import ValidFile, build_parts
from quizapp.content.problems import Problem
from quizapp.content.validation import validate_file
from quizapp.content.yamlsource import read_source


def read_parts(
    path: Path,
    files: Sequence[Path],
    *,
    complete: bool,
    activations: Collection[str],
    known_templates: Collection[str] | None,
) -> tuple[DeckParts, list[Problem]]:
    """The deck's parts and every problem found in its files. `complete`: False when some of the
    deck's files were refused before reading, which turns off the reference checks."""
    problems: list[Problem] = []
    valid: list[ValidFile] = []
    for file in files:
        source, file_problems = read_source(file)
        problems.extend(file_problems)
        if source is None:
            continue
        checked, schema_problems = validate_file(source)
        valid.append(checked)
        problems.extend(schema_problems)
    parts, deck_problems = build_parts(
        path,
        _default_name(path),
        valid,
        deck_files=files,
        complete=complete and not problems,
        activations=activations,
        known_templates=known_templates,
    )
    return parts, [*problems, *deck_problems]


def _default_name(path: Path) -> str:
    resolved = path.resolve()
    return resolved.stem if resolved.is_file() else resolved.name
