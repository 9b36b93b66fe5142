"""Every item of the seed cheatsheet is carried by the bundled deck, word for word.

Where the deck corrects the cheatsheet, the seed's wording stays, quoted as the cheatsheet's
(`cheatsheet` on the item, or a correction beside a table point), and the card asks the
correction instead.

The seed text (a verbatim copy lives in data/) was extracted from a web page: superscripts and
subscripts were flattened (e⁻ˣ became "e-x") and some quotes were mangled. `flatten` applies the
same damage to the deck's text, so each comparison is exact up to that extraction loss.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from quizapp import engine
from quizapp.content import (
    BulletItem,
    BulletList,
    Code,
    Deck,
    Heading,
    LinkList,
    Paragraph,
    QuestionList,
    Table,
    load_library,
)
from quizapp.content.sections import CORRECTION_MARK

SEED = Path(__file__).parent / "data" / "activation-functions-cheatsheet.txt"
MARKER = re.compile(r"Section titled “(\d)\. ([^”]+)”")
FLATTENED = str.maketrans(
    {
        "⁻": "-",
        "ˣ": "x",
        "ⁱ": "i",
        "ʲ": "j",
        "ᵢ": "i",
        "ⱼ": "j",
        "₁": "1",
        "₂": "2",
        "ₙ": "n",
        "“": '"',
        "”": '"',
        "’": "'",
    }
)


def flatten(text: str) -> str:
    return " ".join(text.translate(FLATTENED).split()).rstrip(":")


def seed_sections() -> dict[int, str]:
    text = SEED.read_text(encoding="utf-8")
    markers = list(MARKER.finditer(text))
    bodies = {}
    for index, marker in enumerate(markers):
        end = markers[index + 1].start() if index + 1 < len(markers) else len(text)
        body = text[marker.end() : end]
        if index + 1 < len(markers):
            following = markers[index + 1]
            body = body.rsplit(f"{following.group(1)}. {following.group(2)}", 1)[0]
        bodies[int(marker.group(1))] = body
    return bodies


def bullets(body: str) -> list[tuple[str, str]]:
    """`- Label: text` lines as (label, text)."""
    items = []
    for line in body.splitlines():
        if line.startswith("- ") and ": " in line:
            label, text = line[2:].split(": ", 1)
            items.append((label, text))
    return items


@pytest.fixture(scope="module")
def sections() -> dict[int, str]:
    found = seed_sections()
    assert sorted(found) == [1, 2, 3, 4, 5, 6, 7]
    return found


@pytest.fixture(scope="module")
def deck() -> Deck:
    library = load_library(None)
    assert library.problems == []
    return library.deck("activation-functions")


def blocks_of(deck: Deck, section_id: str) -> list[object]:
    return list(deck.section(section_id).blocks)


def bullet_items(deck: Deck, section_id: str) -> dict[str, tuple[str, str, str | None]]:
    """label -> (text, formula, card id) over the section's bullet lists, flattened."""
    return {
        label: (flatten(item.text), flatten(item.formula), item.card_id)
        for label, item in raw_bullet_items(deck, section_id).items()
    }


def raw_bullet_items(deck: Deck, section_id: str) -> dict[str, BulletItem]:
    return {
        flatten(item.label): item
        for block in blocks_of(deck, section_id)
        if isinstance(block, BulletList)
        for item in block.items
    }


def carried(item: BulletItem, seed_text: str) -> bool:
    """The seed's text is the item's own text, or quoted as the cheatsheet's wording."""
    return flatten(seed_text) in (flatten(item.text), flatten(item.cheatsheet))


def assert_definition_card(deck: Deck, section_id: str, label: str, text: str) -> None:
    """The seed item is a definition card, or is quoted and its card asks the correction."""
    if (flatten(label), flatten(text)) in card_pairs(deck, section_id):
        return
    item = raw_bullet_items(deck, section_id)[flatten(label)]
    assert flatten(item.cheatsheet) == flatten(text), label
    card = next(c for c in deck.cards if c.id == item.card_id)
    assert (card.kind, card.front, card.back) == ("definition", item.label, item.text)


def card_pairs(deck: Deck, section_id: str) -> set[tuple[str, str]]:
    return {(flatten(c.front), flatten(c.back)) for c in deck.cards if c.section == section_id}


def test_section_titles_follow_the_cheatsheet(sections: dict[int, str], deck: Deck) -> None:
    text = SEED.read_text(encoding="utf-8")
    titles = [m.group(2) for m in MARKER.finditer(text)]
    assert [s.title for s in deck.sections[: len(titles)]] == titles
    assert deck.title == "Activation Functions: Deep Learning Cheatsheet"
    assert "Category: Deep Learning Concepts" in deck.description


def test_overview_paragraph_and_four_reasons(sections: dict[int, str], deck: Deck) -> None:
    lines = sections[1].splitlines()
    what = lines[lines.index("What is it?") + 1]
    paragraphs = [
        flatten(text)
        for b in blocks_of(deck, "overview")
        if isinstance(b, Paragraph)
        for text in (b.text, b.cheatsheet)
    ]
    assert flatten(what) in paragraphs
    reasons = bullets(sections[1])
    assert len(reasons) == 4
    items = bullet_items(deck, "overview")
    for label, text in reasons:
        assert items[flatten(label)][0] == flatten(text)
        assert (flatten(label), flatten(text)) in card_pairs(deck, "overview")


def test_every_key_concept_is_a_definition_card(sections: dict[int, str], deck: Deck) -> None:
    concepts = bullets(sections[2].split("Common Activation Functions")[0])
    assert len(concepts) == 6
    for label, text in concepts:
        assert_definition_card(deck, "key-concepts", label, text)


def test_every_formula_is_carried_and_linked_to_the_engine(
    sections: dict[int, str], deck: Deck
) -> None:
    formulas = bullets(sections[2].split("Common Activation Functions & Formulas:")[1])
    assert len(formulas) == 7
    listed = raw_bullet_items(deck, "key-concepts")
    by_name = {flatten(f.full_name): f for f in deck.functions}
    for name, formula in formulas:
        function = by_name[flatten(name)]
        item = listed[flatten(name)]
        assert carried(item, formula), name
        assert item.text == function.formula_text
        assert function.activation in engine.names()
        assert engine.get(function.activation).display_name == function.display_name
        assert not function.beyond_cheatsheet
        formula_card = next(c for c in deck.cards if c.id == function.card_ids[0])
        assert formula_card.kind == "formula"
        assert formula_card.activation == function.activation
        assert formula_card.back == function.formula_text


def test_the_engines_other_functions_are_marked_beyond_the_cheatsheet(deck: Deck) -> None:
    described = {f.activation: f for f in deck.functions}
    assert sorted(described) == sorted(engine.names() + engine.gated_names())
    beyond = {name for name, f in described.items() if f.beyond_cheatsheet}
    assert beyond == set(described) - {
        "sigmoid",
        "tanh",
        "relu",
        "leaky_relu",
        "prelu",
        "elu",
        "softmax",
    }
    for name in beyond:
        function = described[name]
        unit = engine.get_gated(name) if name in engine.gated_names() else engine.get(name)
        assert unit.display_name == function.display_name
        assert function.formula and function.strengths and function.weaknesses
        first_card = next(c for c in deck.cards if c.id == function.card_ids[0])
        assert "beyond-the-cheatsheet" in first_card.tags


def test_how_it_works_process_and_worked_example(sections: dict[int, str], deck: Deck) -> None:
    body = sections[3]
    items = bullet_items(deck, "how-it-works")
    process = [line[2:] for line in body.splitlines() if line.startswith("- ")]
    for label, text in bullets(body):
        assert items[flatten(label)][0] == flatten(text)
    formulas = [line for line in process if ": " not in line]
    assert [flatten(f) for f in formulas] == [items[label][1] for label in items if items[label][1]]
    headings = [flatten(b.text) for b in blocks_of(deck, "how-it-works") if isinstance(b, Heading)]
    for heading in (
        "General Process:",
        "Example: ReLU Activation",
        "Diagram (ASCII Art - ReLU):",
        "Python Example (ReLU with NumPy):",
    ):
        assert heading in body
        assert flatten(heading) in headings
    paragraphs = [b.text for b in blocks_of(deck, "how-it-works") if isinstance(b, Paragraph)]
    inputs_line = re.search(r"Input \(z\): ((?:-?\d+, )*-?\d+)", body)
    outputs_line = re.search(r"Output \(a\): ((?:-?\d+, )*-?\d+)", body)
    assert inputs_line and outputs_line
    assert inputs_line.group(0) in paragraphs
    assert outputs_line.group(0) in paragraphs
    code = "\n".join(b.text for b in blocks_of(deck, "how-it-works") if isinstance(b, Code))
    for value in (int(v) for v in inputs_line.group(1).split(", ")):
        step = f"{value} -> max(0, {value}) = {max(0, value)}"
        assert step.replace(" ", "") in body.replace(" ", "")
        assert step in code
    diagram = re.search(r"Input \(z\) --> \[ ReLU Function: max\(0, z\) \] --> Output \(a\)", body)
    assert diagram and diagram.group(0) in code


def test_python_example_is_the_cheatsheets_code(sections: dict[int, str], deck: Deck) -> None:
    seed_code = sections[3].split("Python Example (ReLU with NumPy):", 1)[1]
    python = [
        b for b in blocks_of(deck, "how-it-works") if isinstance(b, Code) and b.language == "python"
    ]
    assert len(python) == 1
    assert "".join(python[0].text.split()) == "".join(seed_code.split())


def test_every_application_is_a_definition_card(sections: dict[int, str], deck: Deck) -> None:
    applications = bullets(sections[4])
    assert len(applications) == 6
    for label, text in applications:
        assert_definition_card(deck, "applications", label, text)


def test_strengths_table_row_by_row(sections: dict[int, str], deck: Deck) -> None:
    rows = [
        [cell.strip() for cell in line.strip("|").split(" | ")]
        for line in sections[5].splitlines()
        if line.startswith("| ") and not line.startswith("| Activation Function")
    ]
    assert len(rows) == 7
    tables = [b for b in blocks_of(deck, "strengths-weaknesses") if isinstance(b, Table)]
    assert len(tables) == 1
    rendered = {
        row[0]: [flatten(without_corrections(cell)) for cell in row] for row in tables[0].rows
    }
    functions = {f.display_name: f for f in deck.functions}
    for name, strengths, weaknesses, uses in rows:
        function = functions[name]
        assert flatten(" ".join(function.strengths)) == flatten(strengths), name
        assert flatten(" ".join(function.weaknesses)) == flatten(weaknesses), name
        assert flatten(" ".join(function.use_cases)) == flatten(uses), name
        assert rendered[name] == [
            flatten(name),
            flatten(strengths),
            flatten(weaknesses),
            flatten(uses),
        ]


def without_corrections(cell: str) -> str:
    return "\n".join(line for line in cell.splitlines() if not line.startswith(CORRECTION_MARK))


def test_table_facts_become_choice_cards(deck: Deck) -> None:
    table_cards = [
        c for c in deck.cards if c.section == "strengths-weaknesses" and c.kind == "choice"
    ]
    assert len(table_cards) >= 10
    names = {f.display_name for f in deck.functions if not f.beyond_cheatsheet}
    dying = next(c for c in table_cards if "Dying ReLU" in c.front)
    assert dying.options[dying.answer_index] == "ReLU"
    assert set(dying.options) <= names


def test_every_interview_question_with_model_answer_and_key_points(
    sections: dict[int, str], deck: Deck
) -> None:
    """The cheatsheet's answer opens the model answer, which goes on to make every key point, or is
    quoted beside a model answer that corrects it."""
    lines = sections[6].splitlines()
    questions = [line[len("- Q: ") :] for line in lines if line.startswith("- Q: ")]
    answers = [line[len("- A: ") :] for line in lines if line.startswith("- A: ")]
    assert len(questions) == len(answers) == 7
    listed = [b for b in blocks_of(deck, "interview-questions") if isinstance(b, QuestionList)]
    rendered = {flatten(i.question): i for block in listed for i in block.items}
    for question, answer in zip(questions, answers, strict=True):
        item = rendered[flatten(question)]
        seed = flatten(answer)
        assert flatten(item.answer).startswith(seed) or seed == flatten(item.cheatsheet)
        card = next(c for c in deck.cards if c.id == item.card_id)
        assert card.kind == "interview"
        assert (flatten(card.front), card.back) == (flatten(question), item.answer)
        assert len(card.key_points) >= 3


def test_further_reading_concepts_and_resources(sections: dict[int, str], deck: Deck) -> None:
    body = sections[7]
    related, resources = body.split("- Resources:")
    concepts = bullets(related.replace("- Related Concepts:", ""))
    assert len(concepts) == 5
    items = bullet_items(deck, "further-reading")
    for label, text in concepts:
        assert items[flatten(label)][0] == flatten(text)
    links = {
        flatten(link.label): link
        for block in blocks_of(deck, "further-reading")
        if isinstance(block, LinkList)
        for link in block.items
    }
    seed_links = bullets(resources)
    assert len(seed_links) == 4
    for label, text in seed_links:
        link = links[flatten(label)]
        if text.startswith("http"):
            assert link.url == text
        else:
            assert flatten(link.text) == flatten(text)
