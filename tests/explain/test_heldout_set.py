"""The held-out labelled set is well formed. It is what the key-point matcher is measured on, so a
judgement that does not line up with its card's key points would silently skew precision and
recall. These tests check the file's shape and coverage only, never the judgements themselves."""

from __future__ import annotations

import copy
from collections import Counter
from collections.abc import Callable, Mapping
from pathlib import Path

import pytest
import yaml

from quizapp.content.loader import load_library
from quizapp.content.model import Card

HELDOUT = Path(__file__).with_name("heldout_judgements.yaml")
KINDS = frozenset({"strong", "partial", "wrong", "negated", "typos", "terse"})
FIELDS = frozenset({"card", "kind", "answer", "covered"})
MIN_KINDS_PER_CARD = 3
"""Each interview card needs answers of at least this many kinds (so at least as many answers)."""
MIN_JUDGEMENTS = 250

Entries = list[dict[str, object]]


def _is_mark(value: object) -> bool:
    """0 or 1 as YAML integers: `true`, `1.0` or `"1"` are typos, not marks."""
    return type(value) is int and value in (0, 1)


def entry_problems(index: int, entry: object, cards: Mapping[str, Card]) -> list[str]:
    """What is wrong with one entry, each problem naming the entry by its position."""
    where = f"entry {index + 1}"
    if not isinstance(entry, dict) or set(entry) != FIELDS:
        return [f"{where}: expected exactly the fields {sorted(FIELDS)}"]
    problems: list[str] = []
    card = cards.get(str(entry["card"]))
    if card is None:
        problems.append(f"{where}: no bundled card {entry['card']!r}")
    elif not card.key_points:
        problems.append(f"{where}: card {card.id!r} has no key points")
    if entry["kind"] not in KINDS:
        problems.append(f"{where}: kind {entry['kind']!r} is not one of {sorted(KINDS)}")
    if not isinstance(entry["answer"], str) or not entry["answer"].strip():
        problems.append(f"{where}: the answer is empty")
    covered = entry["covered"]
    if not isinstance(covered, list) or any(not _is_mark(mark) for mark in covered):
        problems.append(f"{where}: covered must be a list of 0 and 1")
    elif card is not None and len(covered) != len(card.key_points):
        problems.append(
            f"{where}: {len(covered)} marks for the {len(card.key_points)} key points of {card.id}"
        )
    return problems


def set_problems(
    entries: object, cards: Mapping[str, Card], min_judgements: int = MIN_JUDGEMENTS
) -> list[str]:
    """Every problem of the whole set: its entries, then coverage of the interview cards."""
    if not isinstance(entries, list):
        return ["the file must hold a list of entries"]
    problems = [p for i, entry in enumerate(entries) for p in entry_problems(i, entry, cards)]
    if problems:
        return problems
    answers = Counter((e["card"], e["answer"]) for e in entries)
    problems += [f"{card}: the same answer twice" for (card, _), n in answers.items() if n > 1]
    kinds: dict[object, set[object]] = {}
    for entry in entries:
        kinds.setdefault(entry["card"], set()).add(entry["kind"])
    for card in cards.values():
        found = len(kinds.get(card.id, ()))
        if card.key_points and found < MIN_KINDS_PER_CARD:
            problems.append(
                f"{card.id}: answers of {found} kinds; needs answers of >= {MIN_KINDS_PER_CARD}"
            )
    judgements = sum(len(entry["covered"]) for entry in entries)
    if judgements < min_judgements:
        problems.append(f"{judgements} judgements, fewer than {min_judgements}")
    return problems


@pytest.fixture(scope="module")
def cards() -> dict[str, Card]:
    return {card.id: card for card in load_library(None).cards}


@pytest.fixture(scope="module")
def heldout() -> Entries:
    with HELDOUT.open(encoding="utf-8") as handle:
        entries: Entries = yaml.safe_load(handle)
    return entries


def test_the_heldout_set_is_well_formed_and_covers_every_interview_card(
    heldout: Entries, cards: dict[str, Card]
) -> None:
    assert set_problems(heldout, cards) == []


def _extra_mark(entries: Entries, cards: Mapping[str, Card]) -> None:
    entries[0]["covered"] = [*_marks(entries[0]), 0]


def _mark_two(entries: Entries, cards: Mapping[str, Card]) -> None:
    entries[0]["covered"] = [2 for _ in _marks(entries[0])]


def _unknown_card(entries: Entries, cards: Mapping[str, Card]) -> None:
    entries[0]["card"] = "no-such-card"


def _card_without_key_points(entries: Entries, cards: Mapping[str, Card]) -> None:
    entries[0]["card"] = next(card.id for card in cards.values() if not card.key_points)


def _unknown_kind(entries: Entries, cards: Mapping[str, Card]) -> None:
    entries[0]["kind"] = "excellent"


def _empty_answer(entries: Entries, cards: Mapping[str, Card]) -> None:
    entries[0]["answer"] = "  "


def _missing_field(entries: Entries, cards: Mapping[str, Card]) -> None:
    del entries[0]["kind"]


def _repeated_answer(entries: Entries, cards: Mapping[str, Card]) -> None:
    entries.append(copy.deepcopy(entries[0]))


def _card_left_out(entries: Entries, cards: Mapping[str, Card]) -> None:
    dropped = entries[0]["card"]
    entries[:] = [entry for entry in entries if entry["card"] != dropped]


def _marks(entry: dict[str, object]) -> list[object]:
    marks = entry["covered"]
    assert isinstance(marks, list)
    return marks


BREAKAGES: dict[str, tuple[Callable[[Entries, Mapping[str, Card]], None], str]] = {
    "a mark too many": (_extra_mark, "marks for the"),
    "a mark that is not 0/1": (_mark_two, "list of 0 and 1"),
    "an unknown card": (_unknown_card, "no bundled card"),
    "a card without key points": (_card_without_key_points, "has no key points"),
    "an unknown kind": (_unknown_kind, "is not one of"),
    "an empty answer": (_empty_answer, "answer is empty"),
    "a missing field": (_missing_field, "exactly the fields"),
    "a repeated answer": (_repeated_answer, "the same answer twice"),
    "an interview card left out": (_card_left_out, "needs answers of >= 3"),
}


@pytest.mark.parametrize("breakage", BREAKAGES, ids=list(BREAKAGES))
def test_the_shape_check_rejects_a_broken_set(
    breakage: str, heldout: Entries, cards: dict[str, Card]
) -> None:
    broken = copy.deepcopy(heldout)
    breaks, expected = BREAKAGES[breakage]
    breaks(broken, cards)
    problems = set_problems(broken, cards)
    assert any(expected in problem for problem in problems), problems


def test_the_shape_check_rejects_too_few_judgements(
    heldout: Entries, cards: dict[str, Card]
) -> None:
    judgements = sum(len(_marks(entry)) for entry in heldout)
    problems = set_problems(heldout, cards, min_judgements=judgements + 1)
    assert problems == [f"{judgements} judgements, fewer than {judgements + 1}"]
