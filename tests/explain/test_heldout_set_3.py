"""Shape of the third held-out labelled set (tests/explain/heldout_judgements_3.yaml), a dev set
since issue 17's fourth round ("dev 4 (was held-out 3)").

The set is where the key-point matcher's precision and recall were measured on answers nobody
tuned on, so an entry that does not line up with its card would skew both figures without a
sound. Only the set's shape, coverage and balance are checked; the matcher is never run here.
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

SET_FILE = Path(__file__).with_name("heldout_judgements_3.yaml")
ENTRY_KEYS = frozenset({"card", "kind", "answer", "covered"})
ANSWER_KINDS = frozenset({"strong", "partial", "wrong", "negated", "typos", "terse"})
PRECISION_KINDS = frozenset({"wrong", "negated"})
"""Answers that use the right words for a false or denied claim: what tests precision."""
LEAST_JUDGEMENTS = 450
LEAST_ANSWERS_PER_CARD = 3

INTERVIEW_CARDS = [card for card in load_deck(bundled_content_dir()).cards if card.key_points]
POINTS_PER_CARD = {card.id: len(card.key_points) for card in INTERVIEW_CARDS}


def load_set() -> list[Any]:
    entries = yaml.safe_load(SET_FILE.read_text(encoding="utf-8"))
    assert isinstance(entries, list), f"{SET_FILE.name} must hold a list of entries"
    return entries


def is_label(value: object) -> bool:
    """An integer 0 or 1; YAML's `true` loads as a bool and `"1"` as text, neither a label."""
    return type(value) is int and value in (0, 1)


def entry_faults(entry: object, points_per_card: Mapping[str, int]) -> list[str]:
    """What is wrong with one entry, in words that say how to fix it."""
    if not isinstance(entry, dict) or set(entry) != ENTRY_KEYS:
        return [f"must have exactly the keys {sorted(ENTRY_KEYS)}"]
    faults: list[str] = []
    card, labels = entry["card"], entry["covered"]
    if card not in points_per_card:
        faults.append(f"card {card!r} is not a bundled interview card")
    if entry["kind"] not in ANSWER_KINDS:
        faults.append(f"kind {entry['kind']!r} is none of {sorted(ANSWER_KINDS)}")
    if not isinstance(entry["answer"], str) or not entry["answer"].strip():
        faults.append("answer is empty")
    if not isinstance(labels, list) or not all(is_label(label) for label in labels):
        faults.append("covered must list integer 0/1 labels")
    elif card in points_per_card and len(labels) != points_per_card[card]:
        faults.append(f"{len(labels)} labels for the {points_per_card[card]} key points of {card}")
    return faults


def set_faults(entries: list[Any], points_per_card: Mapping[str, int]) -> list[str]:
    """Every fault of the set: each entry's own, then too few answers or judgements."""
    faults: list[str] = []
    answers: Counter[str] = Counter()
    judgements = 0
    for number, entry in enumerate(entries, start=1):
        own = entry_faults(entry, points_per_card)
        faults.extend(f"entry {number}: {fault}" for fault in own)
        if not own:
            answers[entry["card"]] += 1
            judgements += len(entry["covered"])
    faults.extend(
        f"{card} has {answers[card]} answers, needs {LEAST_ANSWERS_PER_CARD}"
        for card in sorted(points_per_card)
        if answers[card] < LEAST_ANSWERS_PER_CARD
    )
    if judgements < LEAST_JUDGEMENTS:
        faults.append(f"only {judgements} judgements, needs {LEAST_JUDGEMENTS}")
    return faults


def test_the_bundled_deck_has_interview_cards_with_key_points() -> None:
    assert len(POINTS_PER_CARD) >= 20


def test_the_set_is_well_formed_and_judges_every_interview_card() -> None:
    assert set_faults(load_set(), POINTS_PER_CARD) == []


def test_the_set_is_balanced_enough_to_measure_precision_and_recall() -> None:
    entries = load_set()
    labels = [label for entry in entries for label in entry["covered"]]
    tricky = [entry for entry in entries if entry["kind"] in PRECISION_KINDS]
    assert 0.4 <= sum(labels) / len(labels) <= 0.6
    assert len(tricky) >= len(entries) / 4


def _rename_card(entries: list[Any]) -> None:
    entries[0]["card"] = "no-such-card"


def _point_to_a_card_without_key_points(entries: list[Any]) -> None:
    cards = load_deck(bundled_content_dir()).cards
    entries[0]["card"] = next(card.id for card in cards if not card.key_points)


def _drop_a_label(entries: list[Any]) -> None:
    entries[0]["covered"].pop()


def _add_a_label(entries: list[Any]) -> None:
    entries[0]["covered"].append(0)


def _label_with_two(entries: list[Any]) -> None:
    entries[0]["covered"][-1] = 2


def _label_with_a_bool(entries: list[Any]) -> None:
    entries[0]["covered"][-1] = False


def _invent_a_kind(entries: list[Any]) -> None:
    entries[0]["kind"] = "brilliant"


def _blank_the_answer(entries: list[Any]) -> None:
    entries[0]["answer"] = "\n"


def _add_a_key(entries: list[Any]) -> None:
    entries[0]["note"] = "extra"


def _leave_a_card_two_answers(entries: list[Any]) -> None:
    card = entries[-1]["card"]
    others = [entry for entry in entries if entry["card"] != card]
    entries[:] = others + [entry for entry in entries if entry["card"] == card][:2]


def _keep_a_hundred_answers(entries: list[Any]) -> None:
    del entries[100:]


BREAKAGES: dict[str, tuple[Callable[[list[Any]], None], str]] = {
    "unknown card": (_rename_card, "is not a bundled interview card"),
    "card without key points": (_point_to_a_card_without_key_points, "not a bundled interview"),
    "a label too few": (_drop_a_label, "labels for the"),
    "a label too many": (_add_a_label, "labels for the"),
    "label 2": (_label_with_two, "integer 0/1 labels"),
    "boolean label": (_label_with_a_bool, "integer 0/1 labels"),
    "unknown kind": (_invent_a_kind, "is none of"),
    "blank answer": (_blank_the_answer, "answer is empty"),
    "extra key": (_add_a_key, "exactly the keys"),
    "card with two answers": (_leave_a_card_two_answers, "has 2 answers, needs 3"),
    "too few judgements": (_keep_a_hundred_answers, "judgements, needs 450"),
}


@pytest.mark.parametrize("breakage", sorted(BREAKAGES))
def test_each_check_catches_its_breakage(breakage: str) -> None:
    breaking, expected = BREAKAGES[breakage]
    entries = copy.deepcopy(load_set())
    breaking(entries)
    faults = set_faults(entries, POINTS_PER_CARD)
    assert any(expected in fault for fault in faults), faults
