"""Imported notes as a new user deck: a folder of YAML files that `quizapp validate` accepts.

Each note becomes a definition card (question -> answer, both ways when the Anki note type was
a reversed one) whose id is a hash of its text, so importing the same file again gives the same
ids. The folder is written under a hidden name, checked with the deck loader, then renamed into
place: a failed import leaves no half-written deck behind.
"""

from __future__ import annotations

import hashlib
import re
import shutil
import tempfile
from collections.abc import Collection, Iterator, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

import yaml
from pydantic import ValidationError

from quizapp.content import CardSource, DeckError, read_deck
from quizapp.content.loader import left_out_problems
from quizapp.content.schema import DeckSpec
from quizapp.exchange.notes_file import ImportedNote

CARDS_PER_FILE = 500
BYTES_PER_FILE = 256 * 1024
_NOT_IN_NAME = re.compile(r"[^a-z0-9]+")
MAX_NAME_LENGTH = 60


class DeckExistsError(Exception):
    """The target deck is already there; importing never overwrites."""


@dataclass(frozen=True)
class WrittenDeck:
    path: Path
    name: str
    cards: int
    repeats: list[str]


def deck_name_for(path: Path) -> str:
    """A deck name from a file name: `My Anki export.txt` -> `my-anki-export`."""
    name = _NOT_IN_NAME.sub("-", path.stem.casefold()).strip("-")[:MAX_NAME_LENGTH].strip("-")
    return name or "imported"


def is_deck_name(name: str) -> bool:
    """Whether `name` is a valid deck name (and so a safe folder name)."""
    try:
        DeckSpec(name=name)
    except ValidationError:
        return False
    return True


def card_id(deck_name: str, note: ImportedNote) -> str:
    """Stable: the same question and answer always give the same id."""
    digest = hashlib.sha256(f"{note.question}\x1f{note.answer}".encode()).hexdigest()
    return f"{deck_name}-{digest[:12]}"


def write_deck(
    notes: Sequence[ImportedNote],
    decks_dir: Path,
    name: str,
    title: str,
    *,
    known_templates: Collection[str] | None = None,
    taken_ids: Mapping[str, CardSource] | None = None,
) -> WrittenDeck:
    """Write `decks_dir/name/`; raises `DeckExistsError` if it (or `name.yaml`) exists and
    `DeckError` if the written deck would not load beside the decks already there."""
    target = decks_dir / name
    _refuse_existing(target)
    cards, repeats = _cards(name, notes)
    decks_dir.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{name}-", dir=decks_dir))
    try:
        _write_files(staging, name, title, cards)
        deck, problems = read_deck(staging, known_templates=known_templates, taken_ids=taken_ids)
        if deck is None:
            raise DeckError(problems)
        if deck.left_out:
            raise DeckError(left_out_problems(deck))
        _refuse_existing(target)
        staging.rename(target)
    finally:
        if staging.exists():
            shutil.rmtree(staging, ignore_errors=True)
    return WrittenDeck(target, name, len(cards), repeats)


def _refuse_existing(target: Path) -> None:
    for taken in (target, target.with_name(target.name + ".yaml")):
        if taken.exists():
            raise DeckExistsError(f"{taken} already exists; importing never overwrites a deck")


def _cards(name: str, notes: Sequence[ImportedNote]) -> tuple[list[dict[str, object]], list[str]]:
    cards: list[dict[str, object]] = []
    first_line: dict[str, int] = {}
    repeats: list[str] = []
    for note in notes:
        identifier = card_id(name, note)
        if identifier in first_line:
            repeats.append(f"line {note.line} repeats line {first_line[identifier]}; left out")
            continue
        first_line[identifier] = note.line
        card: dict[str, object] = {
            "kind": "definition",
            "id": identifier,
            "term": note.question,
            "meaning": note.answer,
        }
        if note.both_ways:
            card["reverse"] = True
        if note.tags:
            card["tags"] = list(note.tags)
        cards.append(card)
    return cards, repeats


def _write_files(folder: Path, name: str, title: str, cards: list[dict[str, object]]) -> None:
    _dump(folder / "deck.yaml", {"deck": {"name": name, "title": title}})
    for number, chunk in enumerate(_chunks(cards), start=1):
        _dump(folder / f"cards-{number:03d}.yaml", {"cards": chunk})


def _chunks(cards: list[dict[str, object]]) -> Iterator[list[dict[str, object]]]:
    """At most `CARDS_PER_FILE` cards and about `BYTES_PER_FILE` of text a file, well under the
    loader's limit on one file."""
    chunk: list[dict[str, object]] = []
    size = 0
    for card in cards:
        card_size = sum(len(str(value).encode()) for value in card.values())
        if chunk and (len(chunk) == CARDS_PER_FILE or size + card_size > BYTES_PER_FILE):
            yield chunk
            chunk, size = [], 0
        chunk.append(card)
        size += card_size
    if chunk:
        yield chunk


class _DeckDumper(yaml.SafeDumper):
    """PyYAML writes YAML 1.1, where `1e3` or `0o12` are text; deck files are read as YAML 1.2,
    where they are numbers. Text that could read as a number is therefore always quoted; text
    of several lines is written as a block, as a person would."""


def _represent_text(dumper: yaml.SafeDumper, text: str) -> yaml.ScalarNode:
    style = '"' if text[:1] in _NUMBER_STARTS else ("|" if "\n" in text else None)
    return dumper.represent_scalar("tag:yaml.org,2002:str", text, style=style)


_NUMBER_STARTS = frozenset("0123456789+-.")
_DeckDumper.add_representer(str, _represent_text)


def _dump(path: Path, data: object) -> None:
    text = yaml.dump(data, Dumper=_DeckDumper, allow_unicode=True, sort_keys=False, width=100)
    path.write_text(text, encoding="utf-8")
