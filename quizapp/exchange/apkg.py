"""The loaded decks as an Anki package (.apkg), built with genanki.

Each deck becomes an Anki deck and each of its sections a subdeck (`Deck::Section`). Note GUIDs
come from the card ids, so importing a newer export updates the notes instead of adding copies.
Numeric cards cannot generate questions inside Anki: each becomes a few fixed instances, drawn
from seeds derived from the card id, so they too keep their GUIDs from one export to the next.
"""

from __future__ import annotations

import hashlib
import itertools
import sqlite3
import tempfile
import zipfile
from collections import Counter
from collections.abc import Callable, Iterator
from contextlib import closing
from dataclasses import dataclass, field
from pathlib import Path

import genanki

from quizapp.content import Card, Deck, Library
from quizapp.content.model import REVERSE_SUFFIX
from quizapp.exchange.anki_html import bullet_list, deck_name, tag
from quizapp.exchange.anki_html import field as html_field
from quizapp.questions import Question, generate
from quizapp.study.answering import shown_options
from quizapp.wording import agreeing, plural

DEFAULT_NUMERIC_INSTANCES = 5
NUMERIC_INSTANCE_TAG = "numeric-instance"
GUID_NAMESPACE = "quizapp"
_ANSWER_RULE = "{{FrontSide}}\n\n<hr id=answer>\n\n"
_CSS = ".card { font-family: sans-serif; font-size: 20px; text-align: left; }\n"

INTERVIEW_MODEL = genanki.Model(
    1739204511,
    "quizapp Interview question",
    fields=[{"name": "Question"}, {"name": "Answer"}, {"name": "Key points"}],
    templates=[
        {
            "name": "Card 1",
            "qfmt": "{{Question}}",
            "afmt": _ANSWER_RULE + "{{Answer}}{{#Key points}}<br><br>Key points:"
            "{{Key points}}{{/Key points}}",
        }
    ],
    css=_CSS,
)
CHOICE_MODEL = genanki.Model(
    1739204512,
    "quizapp Multiple choice",
    fields=[{"name": "Question"}, {"name": "Options"}, {"name": "Answer"}],
    templates=[
        {
            "name": "Card 1",
            "qfmt": "{{Question}}{{Options}}",
            "afmt": _ANSWER_RULE + "{{Answer}}",
        }
    ],
    css=_CSS,
)
NUMERIC_MODEL = genanki.Model(
    1739204513,
    "quizapp Numeric question",
    fields=[{"name": "Question"}, {"name": "Answer"}, {"name": "Solution"}, {"name": "Title"}],
    templates=[
        {
            "name": "Card 1",
            "qfmt": "{{#Title}}<b>{{Title}}</b><br><br>{{/Title}}{{Question}}",
            "afmt": _ANSWER_RULE + "{{Answer}}<br><br>{{Solution}}",
        }
    ],
    css=_CSS,
)

QuestionMaker = Callable[[Card, int], Question]


@dataclass
class AnkiExport:
    """The package plus what it holds, for the summary the command prints."""

    package: genanki.Package
    notes: int = 0
    cards: int = 0
    skipped: Counter[str] = field(default_factory=Counter)
    failed: list[str] = field(default_factory=list)

    @property
    def decks(self) -> int:
        return len(self.package.decks)

    def warnings(self) -> list[str]:
        """What the package lacks: cards of kinds Anki cannot hold, instances that failed."""
        left_out = [
            f"{plural(count, kind + ' card')} {agreeing(count, 'has', 'have')} no Anki form;"
            " left out"
            for kind, count in sorted(self.skipped.items())
        ]
        return [*left_out, *(f"numeric card {failure}" for failure in self.failed)]


def _fixed_seed(name: str) -> int:
    digest = hashlib.sha256(name.encode()).digest()
    return int.from_bytes(digest[:4], "big")


def instance_seed(card_id: str, index: int) -> int:
    """The seed of a numeric card's `index`-th instance: fixed, and different for every card."""
    return _fixed_seed(f"{card_id}#{index}")


def option_seed(card_id: str) -> int:
    """The seed of a choice card's option order in the package: fixed, and different per card."""
    return _fixed_seed(f"{card_id}#options")


def note_guid(*parts: object) -> str:
    """Anki's note GUID, a hash of the card id (and instance number): stable across exports."""
    return genanki.guid_for(GUID_NAMESPACE, *parts)


def deck_id(name: str) -> int:
    """A stable Anki deck id for a full deck name, in the range genanki recommends."""
    digest = hashlib.sha256(name.encode()).digest()
    return (1 << 30) + int.from_bytes(digest[:4], "big") % (1 << 30)


def generate_instance(card: Card, seed: int) -> Question:
    return generate(str(card.template), seed, activation=card.activation, params=card.params)


def build_package(
    library: Library,
    numeric_instances: int = DEFAULT_NUMERIC_INSTANCES,
    make_question: QuestionMaker = generate_instance,
) -> AnkiExport:
    """Every card of every loaded deck as Anki notes, in subdecks per section."""
    export = AnkiExport(genanki.Package([]))
    anki_decks: dict[str, genanki.Deck] = {}
    for deck in library.decks:
        reversed_ids = {card.id for card in deck.cards if card.id.endswith(REVERSE_SUFFIX)}
        context = _Context(reversed_ids, numeric_instances, make_question, export)
        for card in deck.cards:
            maker = _NOTE_MAKERS.get(card.kind)
            if maker is None:
                export.skipped[card.kind] += 1
                continue
            if card.id in reversed_ids:
                continue
            name = _subdeck_name(deck, card)
            if name not in anki_decks:
                anki_decks[name] = genanki.Deck(deck_id(name), name)
            for note in maker(card, context):
                anki_decks[name].add_note(note)
                export.notes += 1
                export.cards += len(note.model.templates)
    export.package.decks = [deck for deck in anki_decks.values() if deck.notes]
    return export


def write_apkg(package: genanki.Package, path: Path, timestamp: float) -> None:
    """Write the package as Anki does: a zip holding the SQLite collection and a media map.

    The collection is built in a private temporary folder that is always removed afterwards.
    """
    with tempfile.TemporaryDirectory(prefix="quizapp-apkg-") as folder:
        collection = Path(folder) / "collection.anki2"
        with closing(sqlite3.connect(collection)) as connection:
            ids = itertools.count(int(timestamp * 1000))
            package.write_to_db(connection.cursor(), timestamp, ids)
            connection.commit()
        with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
            archive.write(collection, "collection.anki2")
            archive.writestr("media", "{}")


@dataclass(frozen=True)
class _Context:
    reversed_ids: set[str]
    numeric_instances: int
    make_question: QuestionMaker
    export: AnkiExport


def _subdeck_name(deck: Deck, card: Card) -> str:
    title = deck.title or deck.name
    try:
        section = deck.section(card.section).title if card.section else ""
    except KeyError:
        section = ""
    return deck_name(title, section)


def _tags(card: Card) -> list[str]:
    return [name for name in map(tag, card.tags) if name]


def _note(card: Card, model: genanki.Model, fields: list[str]) -> genanki.Note:
    return genanki.Note(model=model, fields=fields, tags=_tags(card), guid=note_guid(card.id))


def _definition(card: Card, context: _Context) -> Iterator[genanki.Note]:
    both_ways = f"{card.id}{REVERSE_SUFFIX}" in context.reversed_ids
    model = genanki.BASIC_AND_REVERSED_CARD_MODEL if both_ways else genanki.BASIC_MODEL
    yield _note(card, model, [html_field(card.front), html_field(card.back)])


def _formula(card: Card, context: _Context) -> Iterator[genanki.Note]:
    yield _note(card, genanki.BASIC_MODEL, [html_field(card.front), html_field(card.back)])


def _interview(card: Card, context: _Context) -> Iterator[genanki.Note]:
    fields = [html_field(card.front), html_field(card.back), bullet_list(card.key_points)]
    yield _note(card, INTERVIEW_MODEL, fields)


def _choice(card: Card, context: _Context) -> Iterator[genanki.Note]:
    """The options shuffled as a review shows them (decks tend to list the answer first), in
    an order fixed by the card id, so a newer export updates the note without moving them."""
    options = shown_options(card.options, option_seed(card.id))
    answer = card.back
    if card.answer_index is not None:
        answer = f"{options.index(card.options[card.answer_index]) + 1}. {answer}"
    fields = [html_field(card.front), bullet_list(options, ordered=True), html_field(answer)]
    yield _note(card, CHOICE_MODEL, fields)


def _numeric(card: Card, context: _Context) -> Iterator[genanki.Note]:
    for index in range(context.numeric_instances):
        try:
            question = context.make_question(card, instance_seed(card.id, index))
        except (ValueError, RuntimeError) as error:
            context.export.failed.append(f"{card.id} (instance {index + 1}): {error}")
            continue
        fields = [
            html_field(question.prompt),
            html_field(question.expected_text),
            html_field("\n".join(question.solution)),
            html_field(card.front),
        ]
        yield genanki.Note(
            model=NUMERIC_MODEL,
            fields=fields,
            tags=[*_tags(card), NUMERIC_INSTANCE_TAG],
            guid=note_guid(card.id, index),
        )


_NOTE_MAKERS: dict[str, Callable[[Card, _Context], Iterator[genanki.Note]]] = {
    "definition": _definition,
    "formula": _formula,
    "interview": _interview,
    "choice": _choice,
    "numeric": _numeric,
}
