"""Each content block knows its own text: `texts()` for search, `plain()` for reading.

One method per block replaces the type ladders that search, sections and the section view each
kept; a block whose text search could not reach would be invisible in Browse.
"""

from __future__ import annotations

import typing
from pathlib import Path

import pytest

from quizapp.content import (
    ActivationFunction,
    Block,
    BulletItem,
    BulletList,
    Code,
    Correction,
    Deck,
    Heading,
    Library,
    Link,
    LinkList,
    Paragraph,
    QuestionAnswer,
    QuestionList,
    Section,
    Table,
    read_deck,
)
from quizapp.content.search import search

# One block of every kind, each field holding a word found nowhere else.
BLOCKS: list[tuple[Block, tuple[str, ...]]] = [
    (Heading("headingword"), ("headingword",)),
    (
        Paragraph("paraword", cheatsheet="paraquote", source="parasource"),
        ("paraword", "paraquote", "parasource"),
    ),
    (
        BulletList(
            (BulletItem("labelword", "textword", "formulaword", None, "bulletquote", "bulletsrc"),)
        ),
        ("labelword", "textword", "formulaword", "bulletquote", "bulletsrc"),
    ),
    (Table(("A", "B"), (("cellone", "celltwo"),)), ("cellone", "celltwo")),
    (Code("codeword"), ("codeword",)),
    (
        LinkList((Link("linklabel", "linktext", "https://linkurl.example"),)),
        ("linklabel", "linktext", "linkurl"),
    ),
    (
        QuestionList(
            (QuestionAnswer("askword", "answerword", ("pointword",), "q1", "qaquote", "qasource"),)
        ),
        ("askword", "answerword", "pointword", "qaquote", "qasource"),
    ),
]


def test_every_block_type_is_covered_here() -> None:
    assert {type(block) for block, _ in BLOCKS} == set(typing.get_args(Block))


@pytest.mark.parametrize(("block", "words"), BLOCKS, ids=lambda v: type(v).__name__)
def test_search_finds_every_text_of_every_block(block: Block, words: tuple[str, ...]) -> None:
    library = Library([Deck("d", Path("d"), "D", "", (), (Section("s", "S", (block,)),), ())], [])
    for word in words:
        assert [hit.section_id for hit in search(library, word)] == ["s"], word
        assert any(word in text for text in block.texts())
    plain = block.plain()
    for word in words:
        assert word in plain or word.upper() in plain


def test_a_quoted_cheatsheet_wording_is_marked_as_its_simplification() -> None:
    paragraph = Paragraph("The fact.", cheatsheet="The loose claim.", source="A paper")
    assert paragraph.plain() == (
        "The fact.\n\nThe cheatsheet's simplification: “The loose claim.”\nSource: A paper"
    )


def test_search_finds_a_functions_corrections_and_source() -> None:
    entry = ActivationFunction(
        "relu",
        "ReLU",
        "ReLU",
        "max(0, x)",
        "",
        (),
        ("claim",),
        (),
        False,
        (),
        source="entrysource",
        corrections=(Correction("claim", "fixword", "fixsource"),),
    )
    library = Library([Deck("d", Path("d"), "D", "", (), (), (entry,))], [])
    for word in ("entrysource", "fixword", "fixsource"):
        assert [hit.activation for hit in search(library, word)] == ["relu"]


def test_a_correction_must_name_one_of_the_functions_points(write_deck) -> None:
    folder = write_deck(
        "mine",
        {
            "a.yaml": """
            functions:
              - activation: relu
                id: f-relu
                name: ReLU
                formula: max(0, x)
                weaknesses: [Not zero-centered.]
                corrections:
                  - claim: Not zero centred.
                    correction: It is not.
                    source: A paper
            """
        },
    )
    deck, problems = read_deck(folder)
    assert deck is None
    assert [(p.line, p.field) for p in problems] == [(8, "functions[0].corrections[0].claim")]
    assert "none of this function's strengths, weaknesses or use cases" in problems[0].message
