"""What the rest of the app sees of the content: immutable cards, sections, functions and decks.

These are built from validated deck files (see `build.py`), never from raw YAML, so every field
here already holds clean text.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from types import MappingProxyType
from typing import Literal

from quizapp.content.problems import Problem, display_path

CardKind = Literal["definition", "formula", "interview", "choice", "numeric"]
CARD_KINDS: tuple[CardKind, ...] = ("definition", "formula", "interview", "choice", "numeric")
REVERSE_SUFFIX = ":reverse"
_EMPTY: Mapping[str, object] = MappingProxyType({})


def formula_text(formula: str, note: str | None) -> str:
    """A formula as the cheatsheet prints it, with its note in parentheses."""
    return f"{formula} ({note})" if note else formula


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

    def __hash__(self) -> int:
        return hash((self.deck, self.id))

    def content_hash(self) -> str:
        """Hash of what the learner sees (not tags or difficulty), identical on every machine."""
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
        encoded = json.dumps(visible, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
        return hashlib.sha256(encoded.encode("utf-8")).hexdigest()


@dataclass(frozen=True, slots=True)
class Heading:
    text: str
    kind: Literal["heading"] = "heading"


@dataclass(frozen=True, slots=True)
class Paragraph:
    text: str
    kind: Literal["paragraph"] = "paragraph"


@dataclass(frozen=True, slots=True)
class BulletItem:
    """`label: text`, with an optional equation below; `card_id` when the item is also a card."""

    label: str
    text: str
    formula: str = ""
    card_id: str | None = None


@dataclass(frozen=True, slots=True)
class BulletList:
    items: tuple[BulletItem, ...]
    kind: Literal["bullets"] = "bullets"


@dataclass(frozen=True, slots=True)
class Table:
    """Rows of plain-text cells; a cell holding several points separates them with newlines."""

    columns: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    kind: Literal["table"] = "table"


@dataclass(frozen=True, slots=True)
class Code:
    text: str
    language: str = "text"
    kind: Literal["code"] = "code"


@dataclass(frozen=True, slots=True)
class Link:
    label: str
    text: str = ""
    url: str = ""


@dataclass(frozen=True, slots=True)
class LinkList:
    items: tuple[Link, ...]
    kind: Literal["links"] = "links"


@dataclass(frozen=True, slots=True)
class QuestionAnswer:
    question: str
    answer: str
    key_points: tuple[str, ...]
    card_id: str


@dataclass(frozen=True, slots=True)
class QuestionList:
    items: tuple[QuestionAnswer, ...]
    kind: Literal["questions"] = "questions"


Block = Heading | Paragraph | BulletList | Table | Code | LinkList | QuestionList


@dataclass(frozen=True, slots=True)
class Section:
    """A part of the cheatsheet as ordered plain-text blocks, renderable without knowing YAML."""

    id: str
    title: str
    blocks: tuple[Block, ...]


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


@dataclass(frozen=True, slots=True)
class Deck:
    """A loaded deck. `sources` maps each card id to where it is written."""

    name: str
    path: Path
    title: str
    description: str
    cards: tuple[Card, ...]
    sections: tuple[Section, ...]
    functions: tuple[ActivationFunction, ...]
    sources: Mapping[str, CardSource] = field(
        default_factory=lambda: _EMPTY, repr=False, compare=False
    )

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
    """Every deck that loaded, in load order, plus the problems of those that did not."""

    decks: list[Deck]
    problems: list[Problem]
    cards: list[Card] = field(init=False)
    _by_id: dict[str, Card] = field(init=False, repr=False)

    def __post_init__(self) -> None:
        cards = [card for deck in self.decks for card in deck.cards]
        object.__setattr__(self, "cards", cards)
        object.__setattr__(self, "_by_id", {card.id: card for card in cards})

    def card(self, card_id: str) -> Card:
        """The card with this id; KeyError if no loaded deck has it."""
        return self._by_id[card_id]

    def deck(self, name: str) -> Deck:
        for deck in self.decks:
            if deck.name == name:
                return deck
        raise KeyError(name)
