"""Hostile files are data: no code runs, no bomb expands, limits are clear, text stays literal."""

from __future__ import annotations

from pathlib import Path

import pytest

from quizapp.content import load_deck, read_deck
from quizapp.content.kinds import KINDS
from quizapp.content.yamlsource import MAX_DEPTH, MAX_FILE_BYTES, parse_text, plain_scalar


def problems_of(folder: Path) -> list[tuple[int, str, str]]:
    deck, problems = read_deck(folder)
    assert deck is None
    return [(p.line, p.field, p.message) for p in problems]


@pytest.mark.parametrize(
    "tagged",
    [
        "!!python/object/apply:os.system ['touch {marker}']",
        "!!python/name:os.system",
        "!custom 12",
        "!!str 12",
        "! plain",
    ],
)
def test_any_explicit_tag_is_refused_and_nothing_runs(
    write_deck, tmp_path: Path, tagged: str
) -> None:
    marker = tmp_path / "pwned"
    folder = write_deck(
        "d",
        {
            "a.yaml": f"cards:\n  - kind: definition\n    id: a\n"
            f"    term: {tagged.format(marker=marker)}\n"
            f"    meaning: m\n"
        },
    )
    [(line, field, message)] = problems_of(folder)
    assert (line, field) == (4, "cards[0].term")
    assert message.startswith("YAML tags (") and "not allowed" in message
    assert not marker.exists()


def test_anchors_and_aliases_are_refused(write_deck) -> None:
    folder = write_deck("d", {"a.yaml": "cards:\n  - &one\n    kind: definition\n"})
    assert problems_of(folder) == [
        (2, "cards[0]", "anchors (&name) are not allowed; content is plain data")
    ]


def test_alias_bomb_is_refused_before_any_expansion(write_deck) -> None:
    lines = ["a: &a [x, x, x, x, x, x, x, x, x, x]"]
    for level in range(1, 30):
        previous = chr(ord("a") + level - 1) if level < 26 else f"l{level - 1}"
        name = chr(ord("a") + level) if level < 26 else f"l{level}"
        lines.append(f"{name}: &{name} [{', '.join(['*' + previous] * 10)}]")
    folder = write_deck("d", {"bomb.yaml": "\n".join(lines) + "\n"})
    [(line, _field, message)] = problems_of(folder)
    assert line == 1
    assert "not allowed" in message


def test_size_limit_has_a_clear_message(write_deck) -> None:
    folder = write_deck("d")
    (folder / "huge.yaml").write_text("# " + "x" * MAX_FILE_BYTES + "\n")
    assert problems_of(folder) == [
        (1, "file", "file is larger than 1024 KiB; split the deck into several files")
    ]


def test_deep_nesting_is_refused(write_deck) -> None:
    folder = write_deck("d", {"a.yaml": "cards: " + "[" * (MAX_DEPTH + 5) + "]" * (MAX_DEPTH + 5)})
    [(line, field, message)] = problems_of(folder)
    assert (line, field) == (1, "(file)")
    assert message == f"nested deeper than {MAX_DEPTH} levels"


def test_duplicate_keys_are_reported_not_overwritten(write_deck) -> None:
    folder = write_deck(
        "d",
        {
            "a.yaml": """
        cards:
          - kind: definition
            id: a
            term: first
            term: second
            meaning: m
    """
        },
    )
    assert problems_of(folder) == [(5, "cards[0].term", "duplicate key 'term' (first at line 4)")]


def test_non_text_keys_and_second_documents(write_deck) -> None:
    folder = write_deck("d", {"keys.yaml": "cards:\n  - 1: x\n", "docs.yaml": "deck: {}\n---\n"})
    assert problems_of(folder) == [
        (2, "(file)", "only one YAML document per file (remove the '---')"),
        (2, "cards[0]", "a key must be text, got 1; quote it"),
        (2, "cards[0].kind", "a card needs a kind, one of: " + ", ".join(KINDS)),
    ], "the rest of the file is checked without the refused key"


def test_a_raw_control_character_does_not_hide_the_files_other_problems(write_deck) -> None:
    """The YAML reader stops at the first raw control character: each is reported with its
    line and column, and the file is read on without it."""
    text = (
        'cards:\n  - kind: definition\n    id: d1\n    term: "A\x01b\x7f"\n    meaning: m\n'
        "  - kind: definition\n    id: d2\n    term: t\n"
    )
    folder = write_deck("d", {"ctrl.yaml": text})
    assert problems_of(folder) == [
        (4, "file", "control character \\u0001 (column 13) is not allowed; remove it"),
        (4, "file", "control character \\u007f (column 15) is not allowed; remove it"),
        (6, "cards[1].meaning", "required field is missing"),
    ]


def test_invalid_utf8_names_the_line(write_deck) -> None:
    folder = write_deck("d")
    (folder / "a.yaml").write_bytes(b"deck:\n  title: caf\xe9\n")
    assert problems_of(folder) == [(2, "file", "not valid UTF-8 (column 13)")]


def test_markup_characters_stay_literal(write_deck) -> None:
    folder = write_deck(
        "d",
        {
            "a.yaml": """
        cards:
          - kind: choice
            id: markup
            question: "[bold]Which[/] is [red]it[/red]? \\\\x1b[31m"
            options: ["[/]", "[b]x", "${HOME}", "{0}"]
            answer: "[/]"
    """
        },
    )
    card = load_deck(folder).cards[0]
    assert card.front == "[bold]Which[/] is [red]it[/red]? \\x1b[31m"
    assert card.options == ("[/]", "[b]x", "${HOME}", "{0}")
    assert card.back == "[/]"


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("yes", "yes"),
        ("No", "No"),
        ("on", "on"),
        ("2024-01-01", "2024-01-01"),
        ("1:30", "1:30"),
        ("true", True),
        ("FALSE", False),
        ("~", None),
        ("", None),
        ("12", 12),
        ("-3", -3),
        ("0x1f", 31),
        ("0o17", 15),
        ("1.5", 1.5),
        ("1e3", 1000.0),
        ("1_000", "1_000"),
        ("9" * 5000, "9" * 5000),
    ],
)
def test_plain_scalars_follow_yaml_1_2_core(text: str, value: object) -> None:
    assert plain_scalar(text) == value
    assert type(plain_scalar(text)) is type(value)


def test_quoted_scalars_are_always_text() -> None:
    source, problems = parse_text(Path("q.yaml"), "a: '12'\nb: \"true\"\nc: |\n  3\n")
    assert problems == []
    assert source is not None
    assert source.data == {"a": "12", "b": "true", "c": "3\n"}
    assert source.lines == {(): 1, ("a",): 1, ("b",): 2, ("c",): 3}
