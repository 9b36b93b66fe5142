"""Shape of the fifth independent labelled set (tests/explain/heldout_judgements_5.yaml, "dev 6":
held out until the end of issue 17's fifth round, a dev set since the sixth).

The matcher's precision and recall are measured on this set, so an entry that does not line up
with its card would bend both figures without a sound. These tests read only the set and the
bundled deck; the matcher is never run here.
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

SET_FILE = Path(__file__).with_name("heldout_judgements_5.yaml")
ENTRY_KEYS = ("answer", "card", "covered", "kind")
KINDS = ("negated", "partial", "strong", "terse", "typos", "wrong")
PRECISION_KINDS = ("negated", "wrong")
"""Kinds whose answers use the right words without making the points."""
LEAST_JUDGEMENTS = 550
LEAST_ANSWERS_PER_CARD = 5

POINTS_PER_CARD: dict[str, int] = {
    card.id: len(card.key_points)
    for card in load_deck(bundled_content_dir()).cards
    if card.key_points
}


def load_set() -> list[Any]:
    loaded = yaml.safe_load(SET_FILE.read_text(encoding="utf-8"))
    assert isinstance(loaded, list), f"{SET_FILE.name} must hold a YAML list"
    return loaded


def said(answer: str) -> str:
    """What a repeat shares with its original once case and line wrapping are ignored."""
    return " ".join(answer.casefold().split())


def entry_faults(entry: object, points: Mapping[str, int]) -> list[str]:
    if not isinstance(entry, dict) or tuple(sorted(entry)) != ENTRY_KEYS:
        return [f"must have exactly the keys {', '.join(ENTRY_KEYS)}"]
    faults: list[str] = []
    if entry["card"] not in points:
        faults.append(f"{entry['card']!r} is not an interview card of the bundled deck")
    if entry["kind"] not in KINDS:
        faults.append(f"kind {entry['kind']!r} is none of {', '.join(KINDS)}")
    if not isinstance(entry["answer"], str) or not entry["answer"].strip():
        faults.append("answer is empty")
    labels = entry["covered"]
    if not isinstance(labels, list) or not all(type(label) is int for label in labels):
        faults.append("covered must list integer labels")
    elif any(label not in (0, 1) for label in labels):
        faults.append("covered labels must be 0 or 1")
    elif entry["card"] in points and len(labels) != points[entry["card"]]:
        faults.append(f"{len(labels)} labels for {points[entry['card']]} key points")
    return faults


def set_faults(entries: list[Any], points: Mapping[str, int]) -> list[str]:
    """Faults of single entries, then repeated answers, thin cards and a short set."""
    faults: list[str] = []
    first_seen: dict[str, int] = {}
    per_card: Counter[str] = Counter()
    judgements = 0
    for number, entry in enumerate(entries, start=1):
        own = entry_faults(entry, points)
        faults += [f"entry {number}: {fault}" for fault in own]
        if own:
            continue
        per_card[entry["card"]] += 1
        judgements += len(entry["covered"])
        original = first_seen.setdefault(said(entry["answer"]), number)
        if original != number:
            faults.append(f"entry {number}: same answer as entry {original}")
    faults += [
        f"{card} has {per_card[card]} answers; it needs {LEAST_ANSWERS_PER_CARD}"
        for card in sorted(points)
        if per_card[card] < LEAST_ANSWERS_PER_CARD
    ]
    if judgements < LEAST_JUDGEMENTS:
        faults.append(f"only {judgements} judgements; the set needs {LEAST_JUDGEMENTS}")
    return faults


def test_the_set_lines_up_with_the_deck_and_judges_every_card() -> None:
    assert len(POINTS_PER_CARD) >= 22
    assert set_faults(load_set(), POINTS_PER_CARD) == []


def test_the_set_tests_precision_as_well_as_recall() -> None:
    entries = load_set()
    labels = [label for entry in entries for label in entry["covered"]]
    misleading = [entry for entry in entries if entry["kind"] in PRECISION_KINDS]
    assert 0.35 <= sum(labels) / len(labels) <= 0.65
    assert len(misleading) >= 0.35 * len(entries)
    assert set(Counter(entry["kind"] for entry in entries)) == set(KINDS)


def _set(field: str, value: object) -> Callable[[list[Any]], None]:
    def breaking(entries: list[Any]) -> None:
        entries[5][field] = value

    return breaking


def _relabel(change: Callable[[list[Any]], object]) -> Callable[[list[Any]], None]:
    def breaking(entries: list[Any]) -> None:
        change(entries[5]["covered"])

    return breaking


def _plain_card_id() -> str:
    return next(card.id for card in load_deck(bundled_content_dir()).cards if not card.key_points)


def _drop_kind(entries: list[Any]) -> None:
    del entries[5]["kind"]


def _repeat_rewrapped(entries: list[Any]) -> None:
    repeat = copy.deepcopy(entries[5])
    repeat["answer"] = repeat["answer"].title().replace(" ", "\n  ")
    entries.insert(0, repeat)


def _thin_out_first_card(entries: list[Any]) -> None:
    card = entries[0]["card"]
    kept = [entry for entry in entries if entry["card"] == card][:4]
    entries[:] = kept + [entry for entry in entries if entry["card"] != card]


def _cut_short(entries: list[Any]) -> None:
    del entries[100:]


BREAKAGES: dict[str, tuple[Callable[[list[Any]], None], str]] = {
    "unknown card": (_set("card", "iq-no-such-card"), "is not an interview card"),
    "card without key points": (_set("card", _plain_card_id()), "is not an interview card"),
    "unknown kind": (_set("kind", "brilliant"), "is none of"),
    "empty answer": (_set("answer", " \n "), "answer is empty"),
    "missing key": (_drop_kind, "exactly the keys"),
    "label as text": (_relabel(lambda labels: labels.__setitem__(0, "0")), "integer labels"),
    "label as bool": (_relabel(lambda labels: labels.__setitem__(0, False)), "integer labels"),
    "label 2": (_relabel(lambda labels: labels.__setitem__(0, 2)), "must be 0 or 1"),
    "label missing": (_relabel(lambda labels: labels.pop()), "labels for"),
    "label extra": (_relabel(lambda labels: labels.append(0)), "labels for"),
    "repeat re-wrapped": (_repeat_rewrapped, "same answer as entry"),
    "card with four answers": (_thin_out_first_card, "4 answers; it needs 5"),
    "too few judgements": (_cut_short, "judgements; the set needs 550"),
}


@pytest.mark.parametrize("breakage", sorted(BREAKAGES))
def test_each_check_catches_its_breakage(breakage: str) -> None:
    breaking, expected = BREAKAGES[breakage]
    entries = copy.deepcopy(load_set())
    breaking(entries)
    faults = set_faults(entries, POINTS_PER_CARD)
    assert any(expected in fault for fault in faults), faults
