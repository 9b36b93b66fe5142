"""The cache's codec: any card round-trips exactly; a value of another shape is refused."""

from __future__ import annotations

import json
from types import MappingProxyType

import pytest
from hypothesis import given
from hypothesis import strategies as st

from quizapp.content import CARD_KINDS, Card
from quizapp.content.assembly import DeckParts
from quizapp.content.codec import ShapeError, decode, encode, shape
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
