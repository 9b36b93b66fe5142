"""What the rest of the app sees of the content: immutable cards, sections, functions and decks.

These are built from validated deck files (see `build.py`), never from raw YAML, so every field
here already holds clean text.
"""

from __future__ import annotations

import hashlib
import json
from collections import deque
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from functools import cached_property
from itertools import chain
from pathlib import Path
from types import MappingProxyType
from typing import Literal, cast

from quizapp.content.kinds import KINDS
from quizapp.content.problems import Problem, display_path

CardKind = Literal["definition", "formula", "interview", "choice", "numeric", "code"]
CARD_KINDS = cast("tuple[CardKind, ...]", tuple(k for k, row in KINDS.items() if row.in_review))
REVERSE_SUFFIX = ":reverse"
_EMPTY: Mapping[str, object] = MappingProxyType({})


def formula_text(formula: str, note: str | None) -> str:
    """A formula as the cheatsheet prints it, with its note in parentheses."""
    return f"{formula} ({note})" if note else formula


@dataclass(frozen=True, slots=True)
class CodeReference:
    """What grades a code card: a reference kind (see `schema.CodeReference`) over the engine."""

    kind: str
    activation: str | None = None
    params: Mapping[str, object] = field(default_factory=lambda: _EMPTY)
    arguments: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class CodeExercise:
    """The parts of a code card beyond its title: the task, the function and how it is graded."""

    task: str
    function: str
    signature: str
    starter: str
    reference: CodeReference
    solution: str
    hints: tuple[str, ...] = ()
    budget_seconds: int = 480


@dataclass(frozen=True, slots=True)
class Card:
    """One study card; `id` is authored and stable, so editing the text keeps the history."""

    id: str
    kind: CardKind
    deck: str
    front: str
    back: str
    key_points: tuple[str, ...] = ()
    cues: tuple[tuple[str, ...], ...] = ()
    """Per key point, the cues that show an answer covered it (not shown, so not hashed)."""
    options: tuple[str, ...] = ()
    answer_index: int | None = None
    activation: str | None = None
    template: str | None = None
    params: Mapping[str, object] = field(default_factory=lambda: _EMPTY)
    tags: tuple[str, ...] = ()
    difficulty: int = 3
    section: str = ""
    source: str | None = None
    exercise: CodeExercise | None = None
    _content_hash: str | None = field(default=None, init=False, compare=False, repr=False)
    """`content_hash()` once computed: kept for as long as the card is loaded."""

    def __hash__(self) -> int:
        return hash((self.deck, self.id))

    def content_hash(self) -> str:
        """Hash of what the learner is asked (not tags, difficulty or source), the same on every
        machine. Computed once per loaded card: the changed-cards check on home asks for every
        studied card's each time home is shown."""
        if self._content_hash is None:
            object.__setattr__(self, "_content_hash", self._compute_hash())
        assert self._content_hash is not None
        return self._content_hash

    def _compute_hash(self) -> str:
        visible = {
            "kind": self.kind,
            "front": self.front,
            "back": self.back,
            "key_points": list(self.key_points),
            "options": list(self.options),
            "activation": self.activation,
            "template": self.template,
            "params": dict(self.params),
        }
        if self.exercise is not None:
            exercise = self.exercise
            visible["exercise"] = [exercise.task, exercise.signature, exercise.starter]
        encoded = json.dumps(visible, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
        return hashlib.sha256(encoded.encode("utf-8")).hexdigest()


def keep_content_hashes(cards: Sequence[Card], digests: Sequence[str]) -> None:
    """Give each card the hash computed when its deck was last read (the deck cache keeps them,
    so a start does not hash every card again)."""
    deque(map(_CONTENT_HASH_SLOT.__set__, cards, digests), 0)


_CONTENT_HASH_SLOT = Card.__dict__["_content_hash"]

CHEATSHEET_LABEL = "The cheatsheet's simplification"
CORRECTION_MARK = "↳ The cheatsheet simplifies; in fact:"
"""Heads a correction under the cheatsheet's text; here, not in `sections`, so that showing a
section (Browse) does not import the deck file schema (pydantic)."""
CHEATSHEET_ANSWER_LABEL = "The cheatsheet's answer"


def _quoted(cheatsheet: str, source: str, indent: str, label: str = CHEATSHEET_LABEL) -> str:
    """The cheatsheet's own wording, marked as such, and the source of the deck's text."""
    lines = [f"{indent}{label}: “{cheatsheet}”"] if cheatsheet else []
    if source:
        lines.append(f"{indent}Source: {source}")
    return "".join(f"\n{line}" for line in lines)


@dataclass(frozen=True, slots=True)
class Heading:
    text: str
    kind: Literal["heading"] = "heading"

    def texts(self) -> Iterator[str]:
        """The plain text pieces of the block, for searching."""
        yield self.text

    def plain(self) -> str:
        """The block as plain text for reading, shown literally."""
        return self.text.upper()


@dataclass(frozen=True, slots=True)
class Paragraph:
    """A paragraph; `cheatsheet` quotes the cheatsheet's wording when `text` corrects it."""

    text: str
    cheatsheet: str = ""
    source: str = ""
    kind: Literal["paragraph"] = "paragraph"

    def texts(self) -> Iterator[str]:
        yield from _present(self.text, self.cheatsheet, self.source)

    def plain(self) -> str:
        quoted = _quoted(self.cheatsheet, self.source, "")
        return f"{self.text}\n{quoted}" if quoted else self.text


@dataclass(frozen=True, slots=True)
class BulletItem:
    """`label: text`, with an optional equation below; `card_id` when the item is also a card.

    `cheatsheet` quotes the cheatsheet's wording when `text` corrects it."""

    label: str
    text: str
    formula: str = ""
    card_id: str | None = None
    cheatsheet: str = ""
    source: str = ""


@dataclass(frozen=True, slots=True)
class BulletList:
    items: tuple[BulletItem, ...]
    kind: Literal["bullets"] = "bullets"

    def texts(self) -> Iterator[str]:
        for item in self.items:
            yield f"{item.label}: {item.text} {item.formula}".strip()
            yield from _present(item.cheatsheet, item.source)

    def plain(self) -> str:
        lines = []
        for item in self.items:
            head = f"• {item.label}: {item.text}" if item.label else f"• {item.text}"
            formula = f"\n    {item.formula}" if item.formula else ""
            lines.append(head + formula + _quoted(item.cheatsheet, item.source, "    "))
        return "\n".join(lines)


@dataclass(frozen=True, slots=True)
class Table:
    """Rows of plain-text cells; a cell holding several points separates them with newlines."""

    columns: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    kind: Literal["table"] = "table"

    def texts(self) -> Iterator[str]:
        for row in self.rows:
            yield " | ".join(row)

    def plain(self) -> str:
        rows = []
        for row in self.rows:
            title, *cells = row
            parts = [title]
            for column, cell in zip(self.columns[1:], cells, strict=False):
                points = "\n      ".join(cell.splitlines())
                parts.append(f"  {column}:\n      {points}")
            rows.append("\n".join(parts))
        return "\n\n".join(rows)


@dataclass(frozen=True, slots=True)
class Code:
    text: str
    language: str = "text"
    kind: Literal["code"] = "code"

    def texts(self) -> Iterator[str]:
        yield self.text

    def plain(self) -> str:
        return "\n".join(f"    {line}" for line in self.text.splitlines())


@dataclass(frozen=True, slots=True)
class Link:
    label: str
    text: str = ""
    url: str = ""


@dataclass(frozen=True, slots=True)
class LinkList:
    items: tuple[Link, ...]
    kind: Literal["links"] = "links"

    def texts(self) -> Iterator[str]:
        for link in self.items:
            yield f"{link.label} {link.text} {link.url}".strip()

    def plain(self) -> str:
        return "\n".join(
            f"• {link.label}"
            + (f": {link.text}" if link.text else "")
            + (f"\n    {link.url}" if link.url else "")
            for link in self.items
        )


@dataclass(frozen=True, slots=True)
class QuestionAnswer:
    """A question with its model answer; `cheatsheet` quotes the cheatsheet's shorter answer."""

    question: str
    answer: str
    key_points: tuple[str, ...]
    card_id: str
    cheatsheet: str = ""
    source: str = ""


@dataclass(frozen=True, slots=True)
class QuestionList:
    items: tuple[QuestionAnswer, ...]
    kind: Literal["questions"] = "questions"

    def texts(self) -> Iterator[str]:
        for entry in self.items:
            yield entry.question
            yield entry.answer
            yield from entry.key_points
            yield from _present(entry.cheatsheet, entry.source)

    def plain(self) -> str:
        return "\n\n".join(
            f"Q: {entry.question}\nA: {entry.answer}"
            + "".join(f"\n   ✓ {point}" for point in entry.key_points)
            + _quoted(entry.cheatsheet, entry.source, "   ", CHEATSHEET_ANSWER_LABEL)
            for entry in self.items
        )


def _present(*texts: str) -> Iterator[str]:
    return (text for text in texts if text)


Block = Heading | Paragraph | BulletList | Table | Code | LinkList | QuestionList


@dataclass(frozen=True, slots=True)
class Section:
    """A part of the cheatsheet as ordered plain-text blocks, renderable without knowing YAML."""

    id: str
    title: str
    blocks: tuple[Block, ...]


@dataclass(frozen=True, slots=True)
class Correction:
    """A claim of the cheatsheet kept as written, what is actually true, and where to check."""

    claim: str
    text: str
    source: str


@dataclass(frozen=True, slots=True)
class ActivationFunction:
    """An activation function as the deck describes it, linked to the engine by `activation`."""

    activation: str
    display_name: str
    full_name: str
    formula: str
    note: str
    strengths: tuple[str, ...]
    weaknesses: tuple[str, ...]
    use_cases: tuple[str, ...]
    beyond_cheatsheet: bool
    card_ids: tuple[str, ...]
    source: str = ""
    corrections: tuple[Correction, ...] = ()

    def correction(self, claim: str) -> Correction | None:
        """The correction of one of this entry's strengths, weaknesses or use cases, if any."""
        return next((item for item in self.corrections if item.claim == claim), None)

    def texts(self) -> Iterator[str]:
        """The plain text pieces of the entry, for searching."""
        yield from (self.display_name, self.full_name, self.formula_text)
        yield from (*self.strengths, *self.weaknesses, *self.use_cases)
        for item in self.corrections:
            yield item.text
            yield item.source
        yield from _present(self.source)

    @property
    def formula_text(self) -> str:
        """The formula as the cheatsheet prints it, with its note in parentheses."""
        return formula_text(self.formula, self.note)


@dataclass(frozen=True, slots=True)
class CardSource:
    """Where a card is written: file, 1-based line of its id, and its field path in the file."""

    path: Path
    line: int
    field: str

    def __str__(self) -> str:
        return f"{display_path(self.path)}:{self.line}"


_NO_SOURCES: Mapping[str, CardSource] = MappingProxyType({})


@dataclass(frozen=True, slots=True)
class LeftOut:
    """A card of a deck not loaded because a deck loaded before defines its id (at `kept`);
    `cards` is the card with its reverse side, should the id's study history belong to it."""

    card_id: str
    source: CardSource
    kept: CardSource
    cards: tuple[Card, ...]


@dataclass(frozen=True, slots=True)
class Deck:
    """A loaded deck. `sources` maps each card id to where it is written; `left_out` lists its
    cards whose id an earlier deck already defines."""

    name: str
    path: Path
    title: str
    description: str
    cards: tuple[Card, ...]
    sections: tuple[Section, ...]
    functions: tuple[ActivationFunction, ...]
    exercises: tuple[Card, ...] = ()
    """The code cards (also among `cards`), for the practice screen and `quizapp code`."""
    sources: Mapping[str, CardSource] = field(
        default_factory=lambda: _NO_SOURCES, repr=False, compare=False
    )
    left_out: tuple[LeftOut, ...] = field(default=(), repr=False, compare=False)
    skipped: tuple[Problem, ...] = field(default=(), repr=False, compare=False)
    """Files of the deck's folder that were not read (a link out of the folder), one notice each."""

    def function(self, activation: str) -> ActivationFunction:
        """The entry for an engine name; KeyError if the deck does not describe it."""
        for entry in self.functions:
            if entry.activation == activation:
                return entry
        raise KeyError(activation)

    def section(self, section_id: str) -> Section:
        for section in self.sections:
            if section.id == section_id:
                return section
        raise KeyError(section_id)

    def counts(self) -> dict[CardKind, int]:
        """Cards per kind, every kind present (zero when absent), in the canonical kind order."""
        counts = dict.fromkeys(CARD_KINDS, 0)
        for card in self.cards:
            counts[card.kind] += 1
        return counts


@dataclass(frozen=True)
class Library:
    """Every deck that loaded, in load order, plus the problems of those that did not, and
    `notices`: cards left out of decks that loaded (an id another deck defines) and files of
    theirs that were not read (a link out of the deck folder)."""

    decks: list[Deck]
    problems: list[Problem]
    notices: list[Problem] = field(default_factory=list)
    cards: list[Card] = field(init=False)
    exercises: list[Card] = field(init=False)

    def __post_init__(self) -> None:
        object.__setattr__(
            self, "cards", list(chain.from_iterable(deck.cards for deck in self.decks))
        )
        object.__setattr__(
            self, "exercises", list(chain.from_iterable(deck.exercises for deck in self.decks))
        )

    def card(self, card_id: str) -> Card:
        """The card with this id; KeyError if no loaded deck has it."""
        return self._by_id[card_id]

    @cached_property
    def _by_id(self) -> dict[str, Card]:
        """Made when first asked for: a start that never looks a card up skips it."""
        return {card.id: card for card in self.cards}

    def deck(self, name: str) -> Deck:
        for deck in self.decks:
            if deck.name == name:
                return deck
        raise KeyError(name)
