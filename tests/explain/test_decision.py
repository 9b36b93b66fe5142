"""The learned decision: a point the cue rules hear is kept only when its hearing is believable,
and the weights shipped with the package fit the features the matcher computes."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from quizapp.explain import KeyPoint, match_key_points
from quizapp.explain.decision import FEATURES, WEIGHTS_FILE, read_decision
from quizapp.explain.matcher import hear_key_points

POINTS = (
    KeyPoint("Gradients shrink layer by layer.", ("gradients shrink", "chain rule")),
    KeyPoint("Early layers barely update.", ("early layers", "barely update")),
    KeyPoint("Sigmoid saturates; its derivative is at most 0.25.", ("saturate", "0.25")),
    KeyPoint("ReLU helps: gradient 1 for positive inputs.", ("relu helps", "gradient 1")),
)
RAMBLE = (
    "Well, this is one of the classic problems people run into in deep learning, Hochreiter"
    " looked at it in the nineties and so did Bengio, and the community tried a lot of different"
    " things over the years, like better optimisers, careful initialisation schemes and, from"
    " what I recall of my course, the chain rule comes into it somehow, though honestly I would"
    " need to look it up again to explain it properly."
)
STRONG = (
    "The chain rule multiplies one factor per layer, so gradients shrink as they go back. The"
    " early layers barely update. Sigmoid saturates and its derivative is at most 0.25. ReLU"
    " helps because its gradient is 1 for positive inputs."
)


def covered(answer: str) -> list[bool]:
    return [result.covered for result in match_key_points(answer, POINTS)]


def test_a_cue_dropped_in_a_long_ramble_is_heard_but_not_believed() -> None:
    _, by_rules, _ = hear_key_points(RAMBLE, POINTS)
    assert [result.covered for result in by_rules] == [True, False, False, False]
    assert covered(RAMBLE) == [False, False, False, False]


def test_an_answer_that_makes_the_points_keeps_every_one_of_them() -> None:
    assert covered(STRONG) == [True, True, True, True]
    assert covered("Gradients shrink through the chain rule.") == [True, False, False, False]


def test_the_shipped_decision_fits_the_matcher_features() -> None:
    decision = read_decision(WEIGHTS_FILE)
    assert len(decision.weights) == len(decision.mean) == len(decision.scale) == len(FEATURES)
    assert 0 < decision.threshold < 1


def test_the_shipped_decision_never_learned_from_a_held_out_set() -> None:
    fitted_on = json.loads(WEIGHTS_FILE.read_text(encoding="utf-8"))["fitted_on"]
    assert fitted_on == [
        "labelled_answers.yaml",
        "dev_answers.yaml",
        "heldout_judgements.yaml",
        "heldout_judgements_2.yaml",
        "heldout_judgements_3.yaml",
        "heldout_judgements_4.yaml",
        "heldout_judgements_5.yaml",
    ]


def test_a_decision_fitted_for_other_features_is_refused(tmp_path: Path) -> None:
    stored = json.loads(WEIGHTS_FILE.read_text(encoding="utf-8"))
    stored["features"] = stored["features"][:-1]
    stale = tmp_path / "decision.json"
    stale.write_text(json.dumps(stored), encoding="utf-8")
    with pytest.raises(ValueError, match="refit"):
        read_decision(stale)
