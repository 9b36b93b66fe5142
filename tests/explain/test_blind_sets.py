"""Shape of the labelled sets written blind (tests/explain/heldout_judgements*.yaml).

Each was written by someone who never saw the matcher, and its precision and recall were first
computed once, at the end of a round: an entry that does not line up with its card would bend both
figures without a sound. These tests read only the sets and the bundled deck; the matcher is never
run here. One checker serves every set; each set keeps the bar it was written to.
"""

from __future__ import annotations

import copy
from collections import Counter
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
import yaml

from quizapp.content import bundled_content_dir, load_deck

HERE = Path(__file__).parent
KEYS = frozenset({"card", "kind", "answer", "covered"})
KINDS = frozenset({"strong", "partial", "wrong", "negated", "typos", "terse"})
MISLEADING_KINDS = frozenset({"wrong", "negated"})
"""Answers whose words suggest points they do not make: the ones that test precision."""


@dataclass(frozen=True)
class Bar:
    """What a set was written to hold: the later sets asked for more answers and more balance."""

    judgements: int
    answers_per_card: int
    balanced: bool
    """At least a third of answers misleading, and 35-65% of labels 1."""


BARS: dict[str, Bar] = {
    "heldout_judgements.yaml": Bar(250, 3, balanced=False),
    "heldout_judgements_2.yaml": Bar(250, 3, balanced=False),
    "heldout_judgements_3.yaml": Bar(450, 3, balanced=False),
    "heldout_judgements_4.yaml": Bar(550, 5, balanced=True),
    "heldout_judgements_5.yaml": Bar(550, 5, balanced=True),
    "heldout_judgements_6.yaml": Bar(620, 6, balanced=True),
    "heldout_judgements_7.yaml": Bar(620, 6, balanced=True),
    "heldout_judgements_8.yaml": Bar(750, 8, balanced=True),
    "heldout_judgements_9.yaml": Bar(750, 8, balanced=True),
    "heldout_judgements_10.yaml": Bar(750, 8, balanced=True),
    "heldout_judgements_11.yaml": Bar(750, 8, balanced=True),
    "heldout_judgements_12.yaml": Bar(750, 8, balanced=True),
    "heldout_judgements_13.yaml": Bar(750, 8, balanced=True),
    "heldout_judgements_14.yaml": Bar(750, 8, balanced=True),
    "heldout_judgements_15.yaml": Bar(750, 8, balanced=True),
    "heldout_judgements_16.yaml": Bar(750, 8, balanced=True),
    "heldout_judgements_17.yaml": Bar(750, 8, balanced=True),
    "heldout_judgements_18.yaml": Bar(750, 8, balanced=True),
    "heldout_judgements_19.yaml": Bar(750, 8, balanced=True),
}

KEY_POINT_COUNTS: dict[str, int] = {
    card.id: len(card.key_points)
    for card in load_deck(bundled_content_dir()).cards
    if card.key_points
}


def read_set(name: str) -> list[Any]:
    entries = yaml.safe_load((HERE / name).read_text(encoding="utf-8"))
    assert isinstance(entries, list), f"{name} must be a YAML list of entries"
    return entries


def spoken_form(answer: str) -> str:
    """The answer with case and spacing ignored, so a re-wrapped copy still counts as a repeat."""
    return " ".join(answer.casefold().split())


def problems_of(entry: object, key_points: Mapping[str, int]) -> list[str]:
    """Why one entry cannot be scored, each phrased as what to change."""
    if not isinstance(entry, dict) or set(entry) != KEYS:
        return [f"needs exactly the keys {sorted(KEYS)}"]
    problems: list[str] = []
    card, covered = entry["card"], entry["covered"]
    if card not in key_points:
        problems.append(f"card {card!r} is no bundled interview card")
    if entry["kind"] not in KINDS:
        problems.append(f"kind {entry['kind']!r} is not one of {sorted(KINDS)}")
    if not isinstance(entry["answer"], str) or not entry["answer"].strip():
        problems.append("the answer is blank")
    if not isinstance(covered, list) or any(type(x) is not int or x not in (0, 1) for x in covered):
        problems.append("covered must be a list of integers 0 or 1")
    elif card in key_points and len(covered) != key_points[card]:
        problems.append(f"covered has {len(covered)} labels; {card} has {key_points[card]} points")
    return problems


def problems_of_set(entries: list[Any], key_points: Mapping[str, int], bar: Bar) -> list[str]:
    """Every entry's problems, then repeats, thinly judged cards, too few judgements, imbalance."""
    problems: list[str] = []
    answers_per_card: Counter[str] = Counter()
    seen: dict[str, int] = {}
    labels: list[int] = []
    misleading = 0
    for number, entry in enumerate(entries, start=1):
        own = problems_of(entry, key_points)
        problems.extend(f"entry {number}: {problem}" for problem in own)
        if own:
            continue
        answers_per_card[entry["card"]] += 1
        labels.extend(entry["covered"])
        misleading += entry["kind"] in MISLEADING_KINDS
        spoken = spoken_form(entry["answer"])
        if spoken in seen:
            problems.append(f"entry {number}: repeats the answer of entry {seen[spoken]}")
        seen.setdefault(spoken, number)
    problems.extend(
        f"{card}: {answers_per_card[card]} answers, at least {bar.answers_per_card} wanted"
        for card in sorted(key_points)
        if answers_per_card[card] < bar.answers_per_card
    )
    if len(labels) < bar.judgements:
        problems.append(f"{len(labels)} judgements, at least {bar.judgements} wanted")
    if bar.balanced and labels and not 0.35 <= sum(labels) / len(labels) <= 0.65:
        problems.append(f"{sum(labels)} of {len(labels)} labels are 1, not 35-65%")
    if bar.balanced and misleading < len(entries) / 3:
        problems.append(f"{misleading} of {len(entries)} answers wrong or negated, under a third")
    return problems


def test_the_deck_has_the_interview_cards_the_sets_are_written_for() -> None:
    assert len(KEY_POINT_COUNTS) >= 22


def test_every_blind_set_in_the_folder_is_checked() -> None:
    assert {path.name for path in HERE.glob("heldout_judgements*.yaml")} == set(BARS)


@pytest.mark.parametrize("name", sorted(BARS))
def test_every_entry_lines_up_with_its_card_and_every_card_is_judged(name: str) -> None:
    assert problems_of_set(read_set(name), KEY_POINT_COUNTS, BARS[name]) == []


def _unknown_card(entries: list[Any]) -> None:
    entries[3]["card"] = "iq-not-in-the-deck"


def _card_without_key_points(entries: list[Any]) -> None:
    plain = next(card for card in load_deck(bundled_content_dir()).cards if not card.key_points)
    entries[3]["card"] = plain.id


def _one_label_short(entries: list[Any]) -> None:
    del entries[3]["covered"][0]


def _one_label_over(entries: list[Any]) -> None:
    entries[3]["covered"].insert(0, 1)


def _label_out_of_range(entries: list[Any]) -> None:
    entries[3]["covered"][0] = -1


def _label_as_text(entries: list[Any]) -> None:
    entries[3]["covered"][0] = "1"


def _label_as_bool(entries: list[Any]) -> None:
    entries[3]["covered"][0] = True


def _made_up_kind(entries: list[Any]) -> None:
    entries[3]["kind"] = "excellent"


def _blank_answer(entries: list[Any]) -> None:
    entries[3]["answer"] = "   "


def _missing_key(entries: list[Any]) -> None:
    del entries[3]["kind"]


def _repeated_answer(entries: list[Any]) -> None:
    repeat = copy.deepcopy(entries[3])
    repeat["answer"] = "  " + repeat["answer"].upper().replace(" ", "\n ")
    entries.append(repeat)


def _card_left_with_four_answers(entries: list[Any]) -> None:
    card = entries[0]["card"]
    kept = [entry for entry in entries if entry["card"] == card][:4]
    entries[:] = [entry for entry in entries if entry["card"] != card] + kept


def _set_cut_to_sixty_answers(entries: list[Any]) -> None:
    del entries[60:]


def _every_label_one(entries: list[Any]) -> None:
    for entry in entries:
        entry["covered"] = [1] * len(entry["covered"])


def _no_misleading_answer(entries: list[Any]) -> None:
    for entry in entries:
        entry["kind"] = "strong"


BREAKAGES: dict[str, tuple[Callable[[list[Any]], None], str]] = {
    "unknown card": (_unknown_card, "is no bundled interview card"),
    "card without key points": (_card_without_key_points, "is no bundled interview card"),
    "one label short": (_one_label_short, "labels;"),
    "one label over": (_one_label_over, "labels;"),
    "label -1": (_label_out_of_range, "integers 0 or 1"),
    "label as text": (_label_as_text, "integers 0 or 1"),
    "label as bool": (_label_as_bool, "integers 0 or 1"),
    "made-up kind": (_made_up_kind, "is not one of"),
    "blank answer": (_blank_answer, "the answer is blank"),
    "missing key": (_missing_key, "needs exactly the keys"),
    "repeated answer": (_repeated_answer, "repeats the answer of entry 4"),
    "card with four answers": (_card_left_with_four_answers, "4 answers, at least 5 wanted"),
    "too few judgements": (_set_cut_to_sixty_answers, "judgements, at least 550 wanted"),
    "every label 1": (_every_label_one, "labels are 1, not 35-65%"),
    "no misleading answer": (_no_misleading_answer, "wrong or negated, under a third"),
}


@pytest.mark.parametrize("breakage", sorted(BREAKAGES))
def test_each_check_reports_its_breakage(breakage: str) -> None:
    breaking, expected = BREAKAGES[breakage]
    name = "heldout_judgements_5.yaml"
    entries = copy.deepcopy(read_set(name))
    assert problems_of_set(entries, KEY_POINT_COUNTS, BARS[name]) == []
    breaking(entries)
    problems = problems_of_set(entries, KEY_POINT_COUNTS, BARS[name])
    assert any(expected in problem for problem in problems), problems
