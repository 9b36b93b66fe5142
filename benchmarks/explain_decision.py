"""Fit the key-point matcher's learned decision, and estimate how well it generalises.

Run: python benchmarks/explain_decision.py [--write] [--quick]

The cue rules hear a point; a logistic regression over the features of that hearing
(quizapp/explain/decision.py) decides whether to believe it. It is fitted on every point the rules
hear in the labelled sets named below (never any other file), its threshold chosen as the highest
that keeps the training answers' recall at RECALL_FLOOR. Two estimates of how it does on answers it
was not fitted on:
- leave one set out: fitted (threshold included) on the other sets, measured on the one left out;
- leave cards out: the cards split into FOLDS groups; fitted on the answers to the others, measured
  on each group's answers (every set pooled).
Each is printed beside the rules alone (`--quick` skips both). `--write` stores the fit on every
set in decision.json.
"""

from __future__ import annotations

import argparse
import json
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from quizapp.content import bundled_content_dir, load_deck
from quizapp.explain.decision import FEATURES, WEIGHTS_FILE, features
from quizapp.explain.evaluation import read_labelled
from quizapp.explain.matcher import hear_key_points, key_points

SETS = Path(__file__).resolve().parent.parent / "tests" / "explain"
SET_FILES = {
    "labelled": SETS / "labelled_answers.yaml",
    "dev": SETS / "dev_answers.yaml",
    "dev 2": SETS / "heldout_judgements.yaml",
    "dev 3": SETS / "heldout_judgements_2.yaml",
    "dev 4": SETS / "heldout_judgements_3.yaml",
    "dev 5": SETS / "heldout_judgements_4.yaml",
    "dev 6": SETS / "heldout_judgements_5.yaml",
    "dev 7": SETS / "heldout_judgements_6.yaml",
    "dev 8": SETS / "heldout_judgements_7.yaml",
    "dev 9": SETS / "heldout_judgements_8.yaml",
    "dev 10": SETS / "heldout_judgements_9.yaml",
    "dev 11": SETS / "heldout_judgements_10.yaml",
    "dev 12": SETS / "heldout_judgements_11.yaml",
    "dev 13": SETS / "heldout_judgements_12.yaml",
    "dev 14": SETS / "heldout_judgements_13.yaml",
    "dev 15": SETS / "heldout_judgements_14.yaml",
    "dev 16": SETS / "heldout_judgements_15.yaml",
    "dev 17": SETS / "heldout_judgements_16.yaml",
    "dev 18": SETS / "heldout_judgements_17.yaml",
}
"""The sets the decision may learn from; a held-out set is never named here."""
RECALL_FLOOR = 0.93
L2 = 1.0
FOLDS = 5


@dataclass(frozen=True, slots=True)
class Judgement:
    """One (answer, key point) label, with the rules' verdict and, for a point the rules heard by
    its cues, the features of that hearing."""

    set_name: str
    card: str
    label: bool
    heard: bool
    values: tuple[float, ...] | None


def judgements() -> list[Judgement]:
    cards = {card.id: card for card in load_deck(bundled_content_dir()).cards}
    found: list[Judgement] = []
    for name, path in SET_FILES.items():
        for entry in read_labelled(path):
            card = cards[entry.card]
            points = key_points(card.key_points, card.cues)
            tokens, results, hearings = hear_key_points(entry.answer, points)
            texts = [point.text for point in points]
            for index, (result, label) in enumerate(zip(results, entry.covered, strict=True)):
                values = (
                    features(tokens, texts, hearings, index) if hearings[index].claims else None
                )
                found.append(Judgement(name, entry.card, label, result.covered, values))
    return found


@dataclass(frozen=True, slots=True)
class Fit:
    mean: np.ndarray
    scale: np.ndarray
    weights: np.ndarray
    bias: float
    threshold: float

    def probability(self, values: np.ndarray) -> np.ndarray:
        scores = ((values - self.mean) / self.scale) @ self.weights + self.bias
        return 1 / (1 + np.exp(-scores))


def fit(training: list[Judgement]) -> Fit:
    """Logistic regression by Newton's method with an L2 penalty, then the threshold."""
    rows = [j for j in training if j.values is not None]
    values = np.array([j.values for j in rows], dtype=float)
    labels = np.array([j.label for j in rows], dtype=float)
    mean, scale = values.mean(axis=0), values.std(axis=0) + 1e-9
    design = np.hstack([(values - mean) / scale, np.ones((len(rows), 1))])
    beta = np.zeros(design.shape[1])
    penalty = np.diag([L2] * (design.shape[1] - 1) + [0.0])
    for _ in range(50):
        p = 1 / (1 + np.exp(-(design @ beta)))
        gradient = design.T @ (p - labels) + penalty @ beta
        hessian = design.T @ (design * (p * (1 - p))[:, None]) + penalty
        step = np.linalg.solve(hessian, gradient)
        beta -= step
        if np.abs(step).max() < 1e-9:
            break
    model = Fit(mean, scale, beta[:-1], float(beta[-1]), 0.0)
    return Fit(mean, scale, beta[:-1], float(beta[-1]), _threshold(model, training))


def _threshold(model: Fit, training: list[Judgement]) -> float:
    """The highest threshold (in steps of 0.01) that keeps recall over the training answers at
    RECALL_FLOOR or more."""
    best = 0.0
    for step in range(1, 100):
        threshold = step / 100
        kept = Fit(model.mean, model.scale, model.weights, model.bias, threshold)
        if _scores(kept, training)[1] >= RECALL_FLOOR:
            best = threshold
    return best


def _covered(model: Fit | None, judgements: list[Judgement]) -> list[bool]:
    if model is None:
        return [j.heard for j in judgements]
    with_values = [j.values for j in judgements if j.values is not None]
    probabilities = iter(model.probability(np.array(with_values, dtype=float)))
    return [
        j.heard if j.values is None else bool(next(probabilities) >= model.threshold)
        for j in judgements
    ]


def _scores(model: Fit | None, judgements: list[Judgement]) -> tuple[float, float]:
    said = _covered(model, judgements)
    tp = sum(1 for s, j in zip(said, judgements, strict=True) if s and j.label)
    fp = sum(1 for s, j in zip(said, judgements, strict=True) if s and not j.label)
    fn = sum(1 for s, j in zip(said, judgements, strict=True) if not s and j.label)
    return (tp / (tp + fp) if tp + fp else 1.0, tp / (tp + fn) if tp + fn else 1.0)


def _line(name: str, rules: tuple[float, float], decided: tuple[float, float]) -> str:
    return (
        f"  {name:<10} rules alone {rules[0]:.3f} / {rules[1]:.3f}"
        f"   with the decision {decided[0]:.3f} / {decided[1]:.3f}"
    )


def leave_one_set_out(every: list[Judgement]) -> None:
    print("leave one set out (precision / recall on the set left out):")
    for name in SET_FILES:
        held = [j for j in every if j.set_name == name]
        model = fit([j for j in every if j.set_name != name])
        print(_line(name, _scores(None, held), _scores(model, held)))


def leave_cards_out(every: list[Judgement]) -> None:
    print(f"leave cards out ({FOLDS} groups of cards; every set's answers, pooled per set):")
    cards = sorted({j.card for j in every})
    group = {card: index % FOLDS for index, card in enumerate(cards)}
    said: dict[int, bool] = {}
    for fold in range(FOLDS):
        held = [i for i, j in enumerate(every) if group[j.card] == fold]
        model = fit([j for j in every if group[j.card] != fold])
        for i, covered in zip(held, _covered(model, [every[i] for i in held]), strict=True):
            said[i] = covered
    for name in SET_FILES:
        indices = [i for i, j in enumerate(every) if j.set_name == name]
        members = [every[i] for i in indices]
        fixed = [
            Judgement(j.set_name, j.card, j.label, said[i], None)
            for i, j in zip(indices, members, strict=True)
        ]
        print(_line(name, _scores(None, members), _scores(None, fixed)))


def write(model: Fit) -> None:
    stored = {
        "features": list(FEATURES),
        "mean": [round(float(v), 6) for v in model.mean],
        "scale": [round(float(v), 6) for v in model.scale],
        "weights": [round(float(v), 6) for v in model.weights],
        "bias": round(model.bias, 6),
        "threshold": model.threshold,
        "fitted_on": [path.name for path in SET_FILES.values()],
        "recall_floor": RECALL_FLOOR,
    }
    WEIGHTS_FILE.write_text(json.dumps(stored, indent=1) + "\n", encoding="utf-8")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--write", action="store_true", help="store the fit in decision.json")
    parser.add_argument("--quick", action="store_true", help="only the fit, no cross-validation")
    args = parser.parse_args()
    every = judgements()
    if not args.quick:
        leave_one_set_out(every)
        leave_cards_out(every)
    model = fit(every)
    print(f"fitted on every set: threshold {model.threshold:.2f}; weights (standardised):")
    for name, weight in zip(FEATURES, model.weights, strict=True):
        print(f"  {name:<26} {weight:+.2f}")
    if args.write:
        write(model)
        print(f"written to {WEIGHTS_FILE}")


if __name__ == "__main__":
    main()
