"""Each validation problem is reported at its exact file, line and field; the deck is refused."""

from __future__ import annotations

from pathlib import Path

import pytest

from quizapp.content import DeckError, Problem, load_deck, read_deck

VALID_CARDS = """
    deck:
      name: mine
      title: My interview questions
    cards:
      - kind: definition
        id: mine-def
        term: Saturation
        meaning: The region where an activation's gradient is nearly zero.
        reverse: true
      - kind: formula
        id: mine-formula
        name: Swish
        formula: x·σ(x)
        activation: silu
      - kind: interview
        id: mine-interview
        question: Why normalise inputs?
        answer: It keeps activations out of saturation.
        key_points: [saturation, conditioning]
      - kind: choice
        id: mine-choice
        question: Which is bounded?
        options: [ReLU, Tanh]
        answer: Tanh
      - kind: numeric
        id: mine-numeric
        title: ReLU of a vector
        template: activation-vector
        activation: relu
        params: {length: 4, values: [1, 2.5], large: true, mode: exact}
"""


def found(folder: Path, **kwargs: object) -> list[tuple[str, int, str, str]]:
    deck, problems = read_deck(folder, **kwargs)  # type: ignore[arg-type]
    assert deck is None, "a deck with problems must not load"
    assert problems
    return [(p.file.name, p.line, p.field, p.message) for p in problems]


def only(folder: Path, **kwargs: object) -> tuple[str, int, str, str]:
    problems = found(folder, **kwargs)
    assert len(problems) == 1, problems
    return problems[0]


def test_a_valid_deck_of_every_kind_loads(write_deck) -> None:
    deck = load_deck(
        write_deck("mine", {"cards.yaml": VALID_CARDS}), known_templates={"activation-vector"}
    )
    assert deck.name == "mine"
    assert deck.title == "My interview questions"
    assert deck.counts() == {
        "definition": 2,
        "formula": 1,
        "interview": 1,
        "choice": 1,
        "numeric": 1,
        "code": 0,
    }
    numeric = next(card for card in deck.cards if card.kind == "numeric")
    assert dict(numeric.params) == {"length": 4, "values": (1, 2.5), "large": True, "mode": "exact"}
    assert str(deck.sources["mine-choice"]).endswith("cards.yaml:21")
    assert deck.sources["mine-choice"].field == "cards[3]"


def test_problem_format_is_file_line_field_message(tmp_path: Path) -> None:
    problem = Problem(tmp_path / "a.yaml", 7, "cards[2].answer", "is wrong")
    assert str(problem) == f"{tmp_path / 'a.yaml'}:7: cards[2].answer: is wrong"
    assert (
        str(Problem(tmp_path, 0, "deck", "no .yaml files")) == f"{tmp_path}: deck: no .yaml files"
    )


def test_problems_print_even_when_the_working_folder_is_gone(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    gone = tmp_path / "gone"
    gone.mkdir()
    monkeypatch.chdir(gone)
    gone.rmdir()
    problem = Problem(tmp_path / "a.yaml", 7, "cards[2].answer", "is wrong")
    assert str(problem) == f"{tmp_path / 'a.yaml'}:7: cards[2].answer: is wrong"


def test_yaml_syntax_error(write_deck) -> None:
    folder = write_deck(
        "d",
        {
            "a.yaml": """
        cards:
          - kind: definition
            id: a
            term: "unterminated
            meaning: x
    """
        },
    )
    name, line, field, message = only(folder)
    assert (name, field) == ("a.yaml", "yaml")
    assert line in (4, 5, 6)
    assert "quoted scalar" in message


def test_unknown_field_names_the_allowed_ones(write_deck) -> None:
    folder = write_deck(
        "d",
        {
            "a.yaml": """
        cards:
          - kind: choice
            id: c
            question: Q?
            options: [A, B]
            anwser: A
    """
        },
    )
    problems = found(folder)
    assert (
        "a.yaml",
        6,
        "cards[0].anwser",
        "unknown field (did you mean 'answer'?); expected one of: id, tags, difficulty, "
        "activation, source, section, kind, question, options, answer",
    ) in problems
    assert ("a.yaml", 2, "cards[0].answer", "required field is missing") in problems


def test_unknown_top_level_key(write_deck) -> None:
    folder = write_deck("d", {"a.yaml": "deck:\n  name: x\ncard: []\n"})
    assert only(folder)[:3] == ("a.yaml", 3, "card")
    assert "did you mean 'cards'?" in only(folder)[3]


def test_wrong_types(write_deck) -> None:
    folder = write_deck(
        "d",
        {
            "a.yaml": """
        cards:
          - kind: definition
            id: d
            term: 42
            meaning: [not, text]
            difficulty: "3"
            reverse: yes
            tags: single
    """
        },
    )
    assert found(folder) == [
        (
            "a.yaml",
            4,
            "cards[0].term",
            "expected text, got the number 42; put it in quotes to use it as text",
        ),
        ("a.yaml", 5, "cards[0].meaning", "expected text, got a list"),
        ("a.yaml", 6, "cards[0].difficulty", "expected a whole number, got text"),
        ("a.yaml", 7, "cards[0].reverse", "expected true or false, got text"),
        ("a.yaml", 8, "cards[0].tags", "expected a list, got text"),
    ]


def test_a_field_named_like_its_card_kind_does_not_hide_the_faulty_field(write_deck) -> None:
    # Pydantic puts the kind in the error's path (cards.0.formula.note); a formula card also has
    # a `formula` field, which must not be mistaken for that step.
    folder = write_deck(
        "d",
        {
            "a.yaml": """
        cards:
          - kind: formula
            id: f
            name: Swish
            formula: x·σ(x)
            note: 5
        section:
          id: s
          title: S
          blocks:
            - functions: [relu]
              heading: extra
    """
        },
    )
    assert found(folder) == [
        (
            "a.yaml",
            6,
            "cards[0].note",
            "expected text, got the number 5; put it in quotes to use it as text",
        ),
        ("a.yaml", 12, "section.blocks[0].heading", "unknown field; expected one of: functions"),
    ]


def test_difficulty_range_and_bad_id(write_deck) -> None:
    folder = write_deck(
        "d",
        {
            "a.yaml": """
        cards:
          - kind: definition
            id: has space
            term: t
            meaning: m
            difficulty: 6
    """
        },
    )
    problems = found(folder)
    assert problems[0][:3] == ("a.yaml", 3, "cards[0].id")
    assert "no spaces" in problems[0][3]
    assert problems[1] == ("a.yaml", 6, "cards[0].difficulty", "must be at most 5")


def test_an_id_or_url_ending_in_a_line_break_is_refused(write_deck) -> None:
    # A block scalar keeps its final newline; a regex's `$` would accept it before that newline.
    folder = write_deck(
        "d",
        {
            "a.yaml": """
        section:
          id: s
          title: S
          blocks:
            - links:
                - label: L
                  url: |
                    https://example.com
        cards:
          - kind: definition
            id: |
              abc
            term: t
            meaning: m
    """
        },
    )
    problems = found(folder)
    assert [problem[:3] for problem in problems] == [
        ("a.yaml", 7, "section.blocks[0].links[0].url"),
        ("a.yaml", 11, "cards[0].id"),
    ]
    assert "http://" in problems[0][3]
    assert "no spaces" in problems[1][3]


def test_empty_text_is_refused(write_deck) -> None:
    folder = write_deck(
        "d",
        {
            "a.yaml": """
        cards:
          - kind: interview
            id: i
            question: "   "
            answer: fine
            key_points: [one, ""]
    """
        },
    )
    assert found(folder) == [
        ("a.yaml", 4, "cards[0].question", "text must not be empty"),
        ("a.yaml", 6, "cards[0].key_points[1]", "text must not be empty"),
    ]


def test_missing_and_unknown_card_kind(write_deck) -> None:
    folder = write_deck(
        "d",
        {
            "a.yaml": """
        cards:
          - id: a
            term: t
          - kind: flashcard
            id: b
    """
        },
    )
    assert found(folder) == [
        (
            "a.yaml",
            2,
            "cards[0].kind",
            "a card needs a kind, one of: definition, formula, interview, choice, numeric, code",
        ),
        (
            "a.yaml",
            4,
            "cards[1].kind",
            "unknown card kind 'flashcard'; expected one of: definition, formula, interview, "
            "choice, numeric, code",
        ),
    ]


def test_duplicate_ids_name_both_places(write_deck) -> None:
    folder = write_deck(
        "d",
        {
            "a.yaml": """
            cards:
              - kind: definition
                id: same
                term: t
                meaning: m
        """,
            "b.yaml": """
            section:
              id: s
              title: S
              blocks:
                - definitions:
                    - id: same
                      term: t2
                      meaning: m2
        """,
        },
    )
    name, line, field, message = only(folder)
    assert (name, line, field) == ("b.yaml", 6, "section.blocks[0].definitions[0].id")
    assert message == f"duplicate id 'same' (first defined at {folder / 'a.yaml'}:3)"


def test_activation_the_engine_lacks(write_deck) -> None:
    folder = write_deck(
        "d",
        {
            "a.yaml": """
        functions:
          - activation: swish
            id: f
            name: Swish
            formula: x·σ(x)
        cards:
          - kind: numeric
            id: n
            title: t
            template: activation-scalar
            activation: Relu
    """
        },
    )
    problems = found(folder)
    assert [p[:3] for p in problems] == [
        ("a.yaml", 2, "functions[0].activation"),
        ("a.yaml", 11, "cards[0].activation"),
    ]
    assert problems[0][3].startswith("unknown activation 'swish'; the engine has: celu, elu,")
    assert "'Relu'" in problems[1][3]


def test_unknown_template_only_when_templates_are_known(write_deck) -> None:
    folder = write_deck(
        "d",
        {
            "a.yaml": """
        cards:
          - kind: numeric
            id: n
            title: t
            template: activation-vectr
    """
        },
    )
    assert read_deck(folder)[0] is not None
    problem = only(folder, known_templates={"activation-vector", "softmax-logits"})
    assert problem == (
        "a.yaml",
        5,
        "cards[0].template",
        "unknown template 'activation-vectr'; expected one of: activation-vector, softmax-logits",
    )


def test_numeric_params_are_simple_values(write_deck) -> None:
    folder = write_deck(
        "d",
        {
            "a.yaml": """
        cards:
          - kind: numeric
            id: n
            title: t
            template: activation-vector
            params:
              decimals: 3
              nested: {a: 1}
    """
        },
    )
    assert only(folder) == (
        "a.yaml",
        8,
        "cards[0].params.nested",
        "a parameter is a number, true/false, text, or a list of those",
    )


def test_choice_answer_must_be_an_option(write_deck) -> None:
    folder = write_deck(
        "d",
        {
            "a.yaml": """
        cards:
          - kind: choice
            id: c
            question: Which saturates?
            options:
              - Sigmoid
              - ReLU
              - ReLU
            answer: sigmoid
    """
        },
    )
    assert found(folder) == [
        ("a.yaml", 8, "cards[0].options[2]", "option 'ReLU' appears twice"),
        (
            "a.yaml",
            9,
            "cards[0].answer",
            "answer 'sigmoid' is not one of the options: 'Sigmoid', 'ReLU', 'ReLU'",
        ),
    ]


def test_choice_needs_two_options(write_deck) -> None:
    folder = write_deck(
        "d",
        {
            "a.yaml": """
        cards:
          - kind: choice
            id: c
            question: Q
            options: [Only]
            answer: Only
    """
        },
    )
    assert only(folder) == ("a.yaml", 5, "cards[0].options", "needs at least 2 items")


def test_block_kinds_and_references(write_deck) -> None:
    folder = write_deck(
        "d",
        {
            "a.yaml": """
        section:
          id: s
          title: S
          blocks:
            - heading: Fine
            - image: x.png
            - functions: [relu]
            - table:
                columns: [a, b]
                rows:
                  - [x, y]
                  - [z]
        cards:
          - kind: definition
            id: d
            term: t
            meaning: m
            section: elsewhere
    """
        },
    )
    problems = found(folder)
    assert problems[0][:3] == ("a.yaml", 6, "section.blocks[1]")
    assert problems[0][3].startswith("a block is a mapping with one of: heading, paragraph")
    assert len(problems) == 1, "reference checks wait until the file's schema errors are fixed"


def test_references_are_checked_in_a_well_formed_deck(write_deck) -> None:
    folder = write_deck(
        "d",
        {
            "a.yaml": """
        section:
          id: s
          title: S
          blocks:
            - functions: [relu]
            - table:
                columns: [a, b]
                rows:
                  - [x, y]
                  - [z]
        cards:
          - kind: definition
            id: d
            term: t
            meaning: m
            section: elsewhere
    """
        },
    )
    assert found(folder) == [
        (
            "a.yaml",
            5,
            "section.blocks[0].functions[0]",
            "no function 'relu' under `functions` in this deck",
        ),
        (
            "a.yaml",
            10,
            "section.blocks[1].table.rows[1]",
            "row has 1 cells but the table has 2 columns",
        ),
        ("a.yaml", 16, "cards[0].section", "no section with id 'elsewhere' in this deck"),
    ]


def test_deck_level_duplicates(write_deck) -> None:
    section = "section:\n  id: s\n  title: S\n"
    function = (
        "functions:\n  - activation: relu\n    id: f{n}\n    name: ReLU\n    formula: max(0, x)\n"
    )
    folder = write_deck(
        "d",
        {
            "a.yaml": "deck:\n  name: x\n" + section + function.format(n=1),
            "b.yaml": "deck:\n  title: y\n" + section + function.format(n=2),
        },
    )
    assert [p[:3] for p in found(folder)] == [
        ("b.yaml", 1, "deck"),
        ("b.yaml", 4, "section.id"),
        ("b.yaml", 7, "functions[0].activation"),
    ]


def test_file_must_be_a_mapping(write_deck) -> None:
    folder = write_deck("d", {"a.yaml": "- just\n- a list\n"})
    assert only(folder) == (
        "a.yaml",
        1,
        "(file)",
        "a deck file is a mapping with: deck, section, functions, cards",
    )


def test_problems_of_several_files_come_in_file_then_line_order(write_deck) -> None:
    folder = write_deck(
        "d",
        {
            "b.yaml": "cards:\n  - kind: choice\n    id: c\n    question: q\n    options: [a, b]\n"
            "    answer: z\n",
            "a.yaml": "cards:\n  - kind: definition\n    id: d\n    term: 5\n    meaning: m\n"
            "bogus: 1\n",
        },
    )
    assert [(p[0], p[1]) for p in found(folder)] == [("a.yaml", 4), ("a.yaml", 6), ("b.yaml", 6)]


def test_load_deck_raises_with_every_problem(write_deck) -> None:
    folder = write_deck("d", {"a.yaml": "cards:\n  - kind: x\n  - kind: y\n"})
    try:
        load_deck(folder)
    except DeckError as error:
        assert len(error.problems) == 2
        assert str(error).count("unknown card kind") == 2
    else:
        raise AssertionError("load_deck accepted a broken deck")


def test_folder_without_yaml_and_missing_path(tmp_path: Path) -> None:
    empty = tmp_path / "empty"
    empty.mkdir()
    (empty / "notes.txt").write_text("not a deck file")
    assert only(empty) == ("empty", 0, "deck", "no .yaml files in this folder")
    assert only(tmp_path / "nowhere") == ("nowhere", 0, "deck", "no such file or folder")
