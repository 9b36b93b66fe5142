"""Shape of the second held-out labelled set (tests/explain/heldout_judgements_2.yaml).

Checks only that the set is well formed and covers every bundled interview card, so
the precision/recall measured on it stays meaningful; it never runs the matcher.
"""

from __future__ import annotations

import copy
from collections import Counter
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any

import pytest
import yaml

from quizapp.content import bundled_content_dir, load_deck

SET_PATH = Path(__file__).with_name("heldout_judgements_2.yaml")
KINDS = frozenset({"strong", "partial", "wrong", "negated", "typos", "terse"})
FIELDS = frozenset({"card", "kind", "answer", "covered"})
MIN_ANSWERS_PER_CARD = 3
MIN_JUDGEMENTS = 250


BUNDLED_CARDS = load_deck(bundled_content_dir()).cards
# Every bundled interview card (one with key points) and its number of key points.
KEY_POINTS = {card.id: len(card.key_points) for card in BUNDLED_CARDS if card.key_points}


def _entries() -> list[Any]:
    loaded = yaml.safe_load(SET_PATH.read_text(encoding="utf-8"))
    assert isinstance(loaded, list), f"{SET_PATH.name}: expected a list of entries"
    return loaded


def _is_mark(mark: object) -> bool:
    """0 or 1 as an integer; YAML's true/false would be a bool, which is not a label."""
    return type(mark) is int and mark in (0, 1)


def problems(entries: list[Any], key_points: Mapping[str, int]) -> list[str]:
    """Every way the set breaks its shape rules, each naming the entry at fault."""
    found: list[str] = []
    answers_per_card: Counter[str] = Counter()
    judgements = 0
    for number, entry in enumerate(entries, start=1):
        where = f"entry {number}"
        if not isinstance(entry, dict) or set(entry) != FIELDS:
            found.append(f"{where}: needs exactly the fields {sorted(FIELDS)}")
            continue
        card, covered = entry["card"], entry["covered"]
        if card not in key_points:
            found.append(f"{where}: {card!r} is not a bundled card with key points")
        if entry["kind"] not in KINDS:
            found.append(f"{where}: kind {entry['kind']!r} is not one of {sorted(KINDS)}")
        if not isinstance(entry["answer"], str) or not entry["answer"].strip():
            found.append(f"{where}: answer must be non-empty text")
        if not isinstance(covered, list) or not all(_is_mark(mark) for mark in covered):
            found.append(f"{where}: covered must be a list of 0/1")
            continue
        if card in key_points and len(covered) != key_points[card]:
            expected = key_points[card]
            found.append(f"{where}: covered has {len(covered)} marks, {card} has {expected}")
        answers_per_card[card] += 1
        judgements += len(covered)
    for card in sorted(key_points):
        if answers_per_card[card] < MIN_ANSWERS_PER_CARD:
            count = answers_per_card[card]
            found.append(f"{card}: {count} answers, fewer than {MIN_ANSWERS_PER_CARD}")
    if judgements < MIN_JUDGEMENTS:
        found.append(f"{judgements} judgements, fewer than {MIN_JUDGEMENTS}")
    return found


def test_every_interview_card_has_key_points_to_judge() -> None:
    assert len(KEY_POINTS) >= 20
    assert all(count > 0 for count in KEY_POINTS.values())


def test_the_set_is_well_formed_and_covers_every_interview_card() -> None:
    assert problems(_entries(), KEY_POINTS) == []


def _unknown_card(entries: list[Any]) -> None:
    entries[0]["card"] = "no-such-card"


def _card_without_key_points(entries: list[Any]) -> None:
    entries[0]["card"] = next(card.id for card in BUNDLED_CARDS if not card.key_points)


def _covered_too_short(entries: list[Any]) -> None:
    entries[0]["covered"] = entries[0]["covered"][:-1]


def _covered_too_long(entries: list[Any]) -> None:
    entries[0]["covered"] = [*entries[0]["covered"], 1]


def _covered_not_binary(entries: list[Any]) -> None:
    entries[0]["covered"][0] = 2


def _covered_boolean(entries: list[Any]) -> None:
    entries[0]["covered"][0] = True


def _unknown_kind(entries: list[Any]) -> None:
    entries[0]["kind"] = "excellent"


def _empty_answer(entries: list[Any]) -> None:
    entries[0]["answer"] = "  "


def _missing_field(entries: list[Any]) -> None:
    del entries[0]["kind"]


def _card_with_two_answers(entries: list[Any]) -> None:
    card = entries[0]["card"]
    kept = [entry for entry in entries if entry["card"] != card]
    entries[:] = kept + [entry for entry in entries if entry["card"] == card][:2]


def _too_few_judgements(entries: list[Any]) -> None:
    del entries[50:]


BREAKAGES: dict[str, tuple[Callable[[list[Any]], None], str]] = {
    "unknown card": (_unknown_card, "is not a bundled card with key points"),
    "card without key points": (_card_without_key_points, "is not a bundled card with key points"),
    "covered too short": (_covered_too_short, "marks,"),
    "covered too long": (_covered_too_long, "marks,"),
    "covered not 0/1": (_covered_not_binary, "covered must be a list of 0/1"),
    "covered holds a boolean": (_covered_boolean, "covered must be a list of 0/1"),
    "unknown kind": (_unknown_kind, "is not one of"),
    "empty answer": (_empty_answer, "answer must be non-empty text"),
    "missing field": (_missing_field, "needs exactly the fields"),
    "card with two answers": (_card_with_two_answers, "answers, fewer than 3"),
    "too few judgements": (_too_few_judgements, "judgements, fewer than 250"),
}


@pytest.mark.parametrize("breakage", sorted(BREAKAGES))
def test_each_check_catches_a_broken_copy(breakage: str) -> None:
    breaking, expected = BREAKAGES[breakage]
    entries = copy.deepcopy(_entries())
    breaking(entries)
    found = problems(entries, KEY_POINTS)
    assert any(expected in problem for problem in found), found
