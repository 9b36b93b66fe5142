"""Random junk never crashes the loader: every outcome is a deck or a list of located problems."""

from __future__ import annotations

import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from quizapp.content import read_deck
from quizapp.content.schema import BLOCK_TYPES, CARD_TYPES, DeckFile

FIELD_NAMES = sorted(
    {
        *DeckFile.model_fields,
        *BLOCK_TYPES,
        *CARD_TYPES,
        "kind",
        "id",
        "term",
        "meaning",
        "question",
        "answer",
        "options",
        "key_points",
        "template",
        "params",
        "activation",
        "blocks",
        "title",
        "name",
        "formula",
        "rows",
        "columns",
    }
)
SCALARS = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(-(10**6), 10**6),
    st.floats(allow_nan=True),
    st.text(max_size=20),
    st.sampled_from(FIELD_NAMES),
    st.sampled_from(sorted(CARD_TYPES)),
)
DOCUMENTS = st.recursive(
    SCALARS,
    lambda children: st.one_of(
        st.lists(children, max_size=4),
        st.dictionaries(st.sampled_from(FIELD_NAMES) | st.text(max_size=8), children, max_size=5),
    ),
    max_leaves=25,
)
VALID = """\
section:
  id: s
  title: Section
  blocks:
    - paragraph: Some text.
    - definitions:
        - id: d1
          term: Term
          meaning: Meaning.
cards:
  - kind: choice
    id: c1
    question: Which?
    options: [A, B]
    answer: A
"""

SETTINGS = settings(max_examples=60, suppress_health_check=[HealthCheck.function_scoped_fixture])


@pytest.fixture(scope="module")
def folder() -> Iterator[Path]:
    with tempfile.TemporaryDirectory() as name:
        yield Path(name)


def check(folder: Path, content: bytes) -> None:
    path = folder / "deck.yaml"
    path.write_bytes(content)
    deck, problems = read_deck(folder)
    assert (deck is None) == bool(problems)
    line_count = content.count(b"\n") + 2
    for problem in problems:
        assert problem.file == path
        assert 1 <= problem.line <= line_count
        assert problem.field and problem.message
        assert str(problem).startswith(f"{path}:{problem.line}: ")


@SETTINGS
@given(st.binary(max_size=300))
def test_random_bytes(folder: Path, content: bytes) -> None:
    check(folder, content)


@SETTINGS
@given(DOCUMENTS)
def test_random_yaml_documents(folder: Path, document: object) -> None:
    check(folder, yaml.safe_dump(document, allow_unicode=True).encode("utf-8"))


@SETTINGS
@given(
    st.lists(
        st.tuples(
            st.integers(0, len(VALID)),
            st.integers(0, 3),
            st.text(alphabet=" :-[]{}&*!|>#'\"\n\tab1", max_size=4),
        ),
        max_size=4,
    )
)
def test_mutated_valid_file(folder: Path, edits: list[tuple[int, int, str]]) -> None:
    text = VALID
    for position, deleted, inserted in edits:
        text = text[:position] + inserted + text[position + deleted :]
    check(folder, text.encode("utf-8"))
