"""The cache's codec: any card round-trips exactly; a value of another shape is refused."""

from __future__ import annotations

import dataclasses
import json
from types import MappingProxyType
from typing import Any, get_args, get_type_hints

import pytest
from hypothesis import given
from hypothesis import strategies as st

from quizapp.content import CARD_KINDS, Card
from quizapp.content.assembly import DeckParts
from quizapp.content.codec import ShapeError, decode, encode, field_types, shape
from quizapp.content.model import CodeExercise, CodeReference

texts = st.text(st.characters(blacklist_categories=("Cc", "Cs")), max_size=12)
scalars = st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | texts
parameters = st.dictionaries(texts, scalars | st.lists(scalars, max_size=3).map(tuple)).map(
    MappingProxyType
)
exercises = st.builds(
    CodeExercise,
    task=texts,
    function=texts,
    signature=texts,
    starter=texts,
    reference=st.builds(
        CodeReference,
        kind=texts,
        activation=st.none() | texts,
        params=parameters,
        arguments=st.lists(texts).map(tuple),
    ),
    solution=texts,
    hints=st.lists(texts, max_size=2).map(tuple),
    budget_seconds=st.integers(),
)
cards = st.builds(
    Card,
    id=texts,
    kind=st.sampled_from(CARD_KINDS),
    deck=texts,
    front=texts,
    back=texts,
    key_points=st.lists(texts, max_size=3).map(tuple),
    cues=st.lists(st.lists(texts, max_size=2).map(tuple), max_size=2).map(tuple),
    options=st.lists(texts, max_size=3).map(tuple),
    answer_index=st.none() | st.integers(),
    activation=st.none() | texts,
    template=st.none() | texts,
    params=parameters,
    tags=st.lists(texts, max_size=2).map(tuple),
    difficulty=st.integers(1, 5),
    section=texts,
    source=st.none() | texts,
    exercise=st.none() | exercises,
)


@given(cards)
def test_a_card_round_trips_through_json(card: Card) -> None:
    assert decode(Card, json.loads(json.dumps(encode(Card, card)))) == card


@pytest.mark.parametrize(
    "spoiled",
    [
        "not a list",
        [],
        ["x", "definition", "d", "f", "b"],
        ["x", "no-such-kind", *[None] * 15],
        [
            "x\x1b",
            "definition",
            "d",
            "f",
            "b",
            [],
            [],
            [],
            None,
            None,
            None,
            {},
            [],
            3,
            "",
            None,
            None,
        ],
    ],
)
def test_a_card_of_another_shape_is_refused(spoiled: object) -> None:
    with pytest.raises(ShapeError):
        decode(Card, spoiled)


def test_the_shape_names_every_field_so_a_changed_class_changes_the_key() -> None:
    described = shape(DeckParts)
    for name in ("PlacedCard", "Card(", "key_points", "CodeReference(", "Section(", "Table("):
        assert name in described


def _dataclasses_under(kind: Any, found: list[type]) -> list[type]:
    if dataclasses.is_dataclass(kind) and kind not in found:
        found.append(kind)
        for hint in get_type_hints(kind).values():
            _dataclasses_under(hint, found)
    for argument in get_args(kind):
        _dataclasses_under(argument, found)
    return found


def test_field_types_are_what_get_type_hints_gives_for_every_cached_class() -> None:
    classes = _dataclasses_under(DeckParts, [])
    assert Card in classes and CodeReference in classes and len(classes) > 10
    for kind in classes:
        hints = get_type_hints(kind)
        built_from = [field.name for field in dataclasses.fields(kind) if field.init]
        assert field_types(kind) == {name: hints[name] for name in built_from}


@dataclasses.dataclass(frozen=True)
class _Base:
    name: str
    derived: int = dataclasses.field(default=0, init=False)


@dataclasses.dataclass(frozen=True)
class _Inherited(_Base):
    count: tuple[_Base, ...] = ()


def test_field_types_follow_inherited_fields_and_skip_derived_ones() -> None:
    assert field_types(_Inherited) == {"name": str, "count": tuple[_Base, ...]}


@pytest.mark.parametrize(
    "changed",
    [
        [("id", str), ("title", str), ("extra", int)],
        [("id", str), ("title", int)],
        [("title", str), ("id", str)],
        [("id", str), ("heading", str)],
    ],
)
def test_a_class_of_another_shape_has_another_shape(changed: list[tuple[str, type]]) -> None:
    """A field added, retyped, moved or renamed: an entry written for the old class is refused
    by its key (`cache.py` keys each entry on this text)."""
    before = dataclasses.make_dataclass("Shaped", [("id", str), ("title", str)], frozen=True)
    after = dataclasses.make_dataclass("Shaped", changed, frozen=True)
    assert shape(tuple[after, ...]) != shape(tuple[before, ...])


@given(st.lists(cards, max_size=6).map(tuple))
def test_many_cards_round_trip_as_columns(many: tuple[Card, ...]) -> None:
    decoded = decode(tuple[Card, ...], json.loads(json.dumps(encode(tuple[Card, ...], many))))
    assert decoded == many
    assert [card.content_hash() for card in decoded] == [card.content_hash() for card in many]


def _two_cards() -> list:
    many = (Card("a", "definition", "d", "f", "b"), Card("b", "formula", "d", "g", "c"))
    return json.loads(json.dumps(encode(tuple[Card, ...], many)))


def _spoil_column_length(columns: list) -> None:
    columns[3].pop()


def _spoil_tuple_lengths(columns: list) -> None:
    columns[5][0] = [1, 0]


def _spoil_negative_length(columns: list) -> None:
    columns[5] = [[-1, 1], []]


def _spoil_flags(columns: list) -> None:
    columns[16][0] = [True, False]


def _spoil_a_kind(columns: list) -> None:
    columns[1][1] = "no-such-kind"


def _spoil_a_text(columns: list) -> None:
    columns[4][1] = "b\x9b2J"


def _spoil_a_number(columns: list) -> None:
    columns[13][0] = True


@pytest.mark.parametrize(
    "spoil",
    [
        _spoil_column_length,
        _spoil_tuple_lengths,
        _spoil_negative_length,
        _spoil_flags,
        _spoil_a_kind,
        _spoil_a_text,
        _spoil_a_number,
    ],
)
def test_columns_of_another_shape_are_refused(spoil) -> None:
    columns = _two_cards()
    assert len(decode(tuple[Card, ...], columns)) == 2
    spoil(columns)
    with pytest.raises(ShapeError):
        decode(tuple[Card, ...], columns)
