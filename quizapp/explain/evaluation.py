"""How well the matcher agrees with an interviewer: precision and recall of "covered" over a
hand-labelled set of (answer, key point, covered?) judgements."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from quizapp.explain.matcher import HasKeyPoints, PointResult, judge_answer

Judge = Callable[[HasKeyPoints, str], Sequence[PointResult]]


@dataclass(frozen=True, slots=True)
class LabelledAnswer:
    """One typed answer to a card, with the interviewer's verdict for each key point in order."""

    card: str
    kind: str
    answer: str
    covered: tuple[bool, ...]


@dataclass(frozen=True, slots=True)
class Disagreement:
    card: str
    kind: str
    point: str
    expected: bool
    evidence: str


@dataclass
class Scores:
    true_positive: int = 0
    false_positive: int = 0
    false_negative: int = 0
    true_negative: int = 0
    disagreements: list[Disagreement] = field(default_factory=list)

    @property
    def judgements(self) -> int:
        return self.true_positive + self.false_positive + self.false_negative + self.true_negative

    @property
    def precision(self) -> float:
        said_covered = self.true_positive + self.false_positive
        return self.true_positive / said_covered if said_covered else 1.0

    @property
    def recall(self) -> float:
        covered = self.true_positive + self.false_negative
        return self.true_positive / covered if covered else 1.0


def read_labelled(path: Path) -> list[LabelledAnswer]:
    """The labelled answers of a YAML file (a list of {card, kind, answer, covered: [1, 0, …]})."""
    entries = yaml.safe_load(path.read_text(encoding="utf-8"))
    return [
        LabelledAnswer(
            str(entry["card"]),
            str(entry["kind"]),
            str(entry["answer"]),
            tuple(bool(flag) for flag in entry["covered"]),
        )
        for entry in entries
    ]


def evaluate(
    labelled: Iterable[LabelledAnswer],
    cards: Mapping[str, HasKeyPoints],
    judge: Judge = judge_answer,
) -> Scores:
    """Compare the judge with every labelled verdict; ValueError if a label no longer fits its
    card (the card's key points changed, so the labels must be redone)."""
    scores = Scores()
    for entry in labelled:
        card = cards[entry.card]
        if len(entry.covered) != len(card.key_points):
            raise ValueError(
                f"{entry.card}: {len(entry.covered)} labels for {len(card.key_points)} key points"
            )
        for result, expected in zip(judge(card, entry.answer), entry.covered, strict=True):
            if result.covered and expected:
                scores.true_positive += 1
            elif result.covered:
                scores.false_positive += 1
            elif expected:
                scores.false_negative += 1
            else:
                scores.true_negative += 1
            if result.covered != expected:
                scores.disagreements.append(
                    Disagreement(entry.card, entry.kind, result.text, expected, result.evidence)
                )
    return scores
