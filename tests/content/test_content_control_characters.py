"""Control characters in a deck (a YAML `\\e` or `\\x9b` escape, a bidi override `\\u202e`, in a
value or a key) are refused with file and line; a file name holding one is shown escaped, never
raw."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from quizapp.content import read_deck
from quizapp.content.problems import Problem
from quizapp.safe_text import CONTROL_CODES, first_control, inert

REFUSED = sorted(CONTROL_CODES)
CARD = """\
cards:
  - kind: definition
    id: a
    {key}: {value}
    meaning: m
"""


def yaml_escape(code: int) -> str:
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


@pytest.mark.parametrize("code", REFUSED, ids=yaml_escape)
def test_a_control_character_in_a_value_is_refused_with_its_line(write_deck, code: int) -> None:
    folder = write_deck("d", {"a.yaml": CARD.format(key="term", value=f'"x{yaml_escape(code)}y"')})
    deck, problems = read_deck(folder)
    assert deck is None
    [problem] = problems
    assert (problem.line, problem.field) == (4, "cards[0].term")
    assert f"\\u{code:04x} " in problem.message
    assert ("bidi " if code > 0xFF else "control character ") in problem.message
    assert first_control(str(problem)) is None


@pytest.mark.parametrize("code", [0x1B, 0x9B, 0x7F, 0x07, 0x202E])
def test_a_control_character_in_a_key_is_refused(write_deck, code: int) -> None:
    folder = write_deck("d", {"a.yaml": CARD.format(key=f'"te{yaml_escape(code)}rm"', value="t")})
    deck, problems = read_deck(folder)
    assert deck is None
    assert [(p.line, p.field) for p in problems] == [(4, "cards[0]")]
    assert "in this key" in problems[0].message


def test_tab_newline_and_unicode_stay_allowed(write_deck) -> None:
    value = '"tab\\there\\nnew line, zero\\u200bwidth, \\u200fmark, ü"'
    folder = write_deck("d", {"a.yaml": CARD.format(key="term", value=value)})
    deck, problems = read_deck(folder)
    assert problems == []
    assert deck is not None and "\u200fmark" in deck.cards[0].front


def test_a_file_name_with_an_escape_is_shown_inert(write_deck) -> None:
    folder = write_deck("d", {"\x1b]0;PWNED\x07.yaml": "cards: [1"})
    [problem] = read_deck(folder)[1]
    shown = str(problem)
    assert "\x1b" not in shown and "\x07" not in shown
    assert "\\u001b]0;PWNED\\u0007.yaml" in shown


@given(st.text())
def test_inert_text_has_no_control_character_left(text: str) -> None:
    shown = inert(text)
    assert first_control(shown) is None
    assert {c for c in shown if c in "\t\n"} == {c for c in text if c in "\t\n"}


def test_problem_text_is_inert() -> None:
    problem = Problem(Path("deck\x9b.yaml"), 3, "cards[0]", "bad \x1b[2J value")
    assert str(problem) == "deck\\u009b.yaml:3: cards[0]: bad \\u001b[2J value"


@pytest.mark.parametrize("folder_name", ["my deck", "deck\x1b]0;PWNED\x07"])
def test_a_folder_name_that_is_no_deck_name_is_a_problem_not_a_crash(
    write_deck, folder_name: str
) -> None:
    folder = write_deck(folder_name, {"a.yaml": CARD.format(key="term", value="t")})
    deck, problems = read_deck(folder)
    assert deck is None
    assert [(p.line, p.field) for p in problems] == [(0, "deck")]
    assert "deck: {name: my-deck}" in str(problems[0])
    assert first_control(str(problems[0])) is None


@given(st.text())
def test_inert_json_is_still_the_same_json(text: str) -> None:
    """Commands print JSON with ensure_ascii=False through the inert output: still valid."""
    encoded = json.dumps({"answer": text}, ensure_ascii=False)
    assert json.loads(inert(encoded)) == {"answer": text}


LIST_ITEMS = """\
cards:
  - kind: definition
    id: a
    term: t
    meaning: m
    tags: ["t\\e"]
  - kind: interview
    id: b
    question: q
    answer: a
    key_points:
      - "p\\e"
  - kind: choice
    id: c
    question: q
    options: ["o\\e", "p"]
    answer: 1
"""


def test_a_list_item_is_called_a_value_not_a_key(write_deck) -> None:
    """A list item is a value: it was called a key (the list's frame never expects a value)."""
    folder = write_deck("d", {"a.yaml": LIST_ITEMS})
    refused = [p for p in read_deck(folder)[1] if "\\u001b" in p.message]
    assert {p.field: p.message for p in refused} == {
        field: "control character \\u001b in this value is not allowed; remove it"
        for field in ("cards[0].tags[0]", "cards[1].key_points[0]", "cards[2].options[0]")
    }


@pytest.mark.parametrize(
    ("code", "named"),
    [
        (0x202E, "bidi override \\u202e (right-to-left override)"),
        (0x202B, "bidi embedding \\u202b (right-to-left embedding)"),
        (0x2067, "bidi isolate \\u2067 (right-to-left isolate)"),
        (0x9B, "control character \\u009b"),
    ],
)
def test_a_bidi_character_is_named_as_such(write_deck, code: int, named: str) -> None:
    for key, value, what in (
        ("term", f'"x{yaml_escape(code)}"', "value"),
        (f'"te{yaml_escape(code)}rm"', "t", "key"),
    ):
        folder = write_deck("d", {"a.yaml": CARD.format(key=key, value=value)})
        [problem] = read_deck(folder)[1]
        assert problem.message == f"{named} in this {what} is not allowed; remove it"
