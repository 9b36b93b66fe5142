"""The bundled exercises: every model solution passes, known-wrong answers fail the right case."""

from __future__ import annotations

from dataclasses import replace

import pytest

from quizapp.coding.cases import cases_for
from quizapp.coding.check import CheckReport, check
from quizapp.coding.report import summary
from quizapp.coding.sandbox import Sandbox
from quizapp.content import Card, load_library

BUNDLED = [card.id for card in load_library(None).exercises]


def _failed(report: CheckReport) -> dict[str, str]:
    return {case.name: case.reason for case in report.cases if not case.passed}


def test_at_least_twelve_exercises_are_bundled() -> None:
    assert len(BUNDLED) >= 12


@pytest.mark.parametrize("exercise_id", BUNDLED)
def test_model_solution_passes_every_case(
    exercise_id: str, exercises: dict[str, Card], sandbox: Sandbox
) -> None:
    card = exercises[exercise_id]
    assert card.exercise is not None
    report = check(card, card.exercise.solution, sandbox)
    assert report.problem is None
    assert _failed(report) == {}
    assert report.solved and report.score == 1.0


@pytest.mark.parametrize("exercise_id", BUNDLED)
def test_starter_code_solves_nothing(
    exercise_id: str, exercises: dict[str, Card], sandbox: Sandbox
) -> None:
    card = exercises[exercise_id]
    assert card.exercise is not None
    report = check(card, card.exercise.starter, sandbox)
    assert report.passed == 0
    assert all(case.reason.startswith("returned NoneType") for case in report.cases)


WRONG = [
    pytest.param(
        "code-softmax",
        "import numpy as np\ndef softmax(x):\n    e = np.exp(x)\n"
        "    return e / e.sum(axis=-1, keepdims=True)\n",
        "large logits [1000, 1001]",
        "RuntimeWarning: overflow encountered in exp (line 3)",
        id="naive softmax overflows",
    ),
    pytest.param(
        "code-sigmoid",
        "import numpy as np\ndef sigmoid(x):\n    return 1 / (1 + np.exp(-x))\n",
        "large inputs ±1000 (no overflow)",
        "RuntimeWarning: overflow encountered in exp (line 3)",
        id="naive sigmoid overflows",
    ),
    pytest.param(
        "code-softmax",
        "import numpy as np\ndef softmax(x):\n    e = np.exp(x - x.max(axis=0, keepdims=True))\n"
        "    return e / e.sum(axis=0, keepdims=True)\n",
        "batch 4×5, along the last axis",
        "first differs at [0, 0]",
        id="wrong axis in batched softmax",
    ),
    pytest.param(
        "code-relu",
        "import numpy as np\ndef relu(x):\n    return np.maximum(x.astype(np.float64), 0)\n",
        "float32 stays float32",
        "is float64, expected float32 (keep the input's dtype)",
        id="float32 silently upcast",
    ),
    pytest.param(
        "code-relu",
        "import numpy as np\ndef relu(x):\n    x[x < 0] = 0\n    return x\n",
        "random vector of 8",
        "changed its input (argument 1) in place",
        id="input mutated in place",
    ),
    pytest.param(
        "code-relu-backward",
        "def relu_backward(x, grad):\n    return grad * (x >= 0)\n",
        "exact zeros (the kink)",
        "first differs at [1]: expected 0.0, got",
        id="relu backward with >= at 0",
    ),
    pytest.param(
        "code-softmax-cross-entropy",
        "import numpy as np\ndef softmax_cross_entropy(logits, labels):\n"
        "    s = logits - logits.max(axis=1, keepdims=True)\n"
        "    log_p = s - np.log(np.exp(s).sum(axis=1, keepdims=True))\n"
        "    rows = np.arange(len(labels))\n"
        "    grad = np.exp(log_p)\n    grad[rows, labels] -= 1\n"
        "    return -log_p[rows, labels].sum(), grad\n",
        "batch of 4, 3 classes (mean over the batch)",
        "output 1 first differs at the value",
        id="loss without the batch mean",
    ),
    pytest.param(
        "code-softmax-jvp",
        "import numpy as np\ndef softmax_jvp(x, v):\n"
        "    e = np.exp(x - x.max(axis=-1, keepdims=True))\n"
        "    return e / e.sum(axis=-1, keepdims=True) * v\n",
        "random vector of 6",
        "first differs at [0]",
        id="jvp forgetting the p·v term",
    ),
    pytest.param(
        "code-logsumexp",
        "import numpy as np\ndef logsumexp(x):\n    m = x.max(axis=-1, keepdims=True)\n"
        "    return m + np.log(np.exp(x - m).sum(axis=-1, keepdims=True))\n",
        "batch 4×5, along the last axis",
        "has shape (4, 1), expected (4,)",
        id="logsumexp keeping the reduced axis",
    ),
    pytest.param(
        "code-elu",
        "import numpy as np\ndef elu(x, alpha):\n"
        "    return np.where(x > 0, x, alpha * (np.exp(x) - 1))\n",
        "large inputs ±1000 (no overflow)",
        "RuntimeWarning: overflow encountered in exp (line 3)",
        id="elu through np.where overflows",
    ),
    pytest.param(
        "code-gradient-check",
        "import numpy as np\ndef numerical_gradient(f, x, h=1e-5):\n    g = np.zeros_like(x)\n"
        "    for i in np.ndindex(x.shape):\n        y = x.copy()\n        y[i] += h\n"
        "        g[i] = (f(y) - f(x)) / h\n    return g\n",
        "f = Σ w·tanh(x), vector of 6",
        "first differs at",
        id="forward difference is not accurate enough",
    ),
]


@pytest.mark.parametrize(("exercise_id", "code", "case_name", "reason"), WRONG)
def test_known_wrong_solution_fails_the_named_case(
    exercise_id: str,
    code: str,
    case_name: str,
    reason: str,
    exercises: dict[str, Card],
    sandbox: Sandbox,
) -> None:
    report = check(exercises[exercise_id], code, sandbox)
    failed = _failed(report)
    assert case_name in failed, failed
    assert failed[case_name].startswith(reason)
    assert not report.solved


@pytest.mark.parametrize(
    ("exercise_id", "zeros"),
    [
        ("code-sigmoid", "exact zeros (±0)"),
        ("code-elu", "exact zeros (±0)"),
        ("code-gelu-tanh", "exact zeros (±0)"),
        ("code-relu", "exact zeros (the kink)"),
        ("code-relu-backward", "exact zeros (the kink)"),
        ("code-leaky-relu", "exact zeros (the kink)"),
    ],
)
def test_only_a_function_with_a_kink_at_zero_calls_its_zeros_case_the_kink(
    exercise_id: str, zeros: str, exercises: dict[str, Card]
) -> None:
    names = [case.name for case in cases_for(exercises[exercise_id])]
    assert zeros in names
    assert sum(name.startswith("exact zeros") for name in names) == 1


def test_elu_has_a_kink_at_zero_unless_alpha_is_one(exercises: dict[str, Card]) -> None:
    card = exercises["code-elu"]
    assert card.exercise is not None
    reference = replace(card.exercise.reference, params={"alpha": 0.5})
    exercise = replace(card.exercise, reference=reference)
    names = [case.name for case in cases_for(replace(card, exercise=exercise))]
    assert "exact zeros (the kink)" in names


@pytest.mark.parametrize(
    ("exercise_id", "code", "passed", "total", "case_name"),
    [
        pytest.param(
            "code-softmax",
            "import numpy as np\ndef softmax(x):\n"
            "    return np.exp(x) / np.exp(x).sum(axis=-1, keepdims=True)\n",
            6,
            7,
            "large logits [1000, 1001]",
            id="naive softmax",
        ),
        pytest.param(
            "code-sigmoid",
            "import numpy as np\ndef sigmoid(x):\n    return 1 / (1 + np.exp(-x))\n",
            5,
            6,
            "large inputs ±1000 (no overflow)",
            id="naive sigmoid",
        ),
        pytest.param(
            "code-log-softmax",
            "import numpy as np\ndef log_softmax(x):\n"
            "    e = np.exp(x - x.max(axis=-1, keepdims=True))\n"
            "    return np.log(e / e.sum(axis=-1, keepdims=True))\n",
            6,
            8,
            "softmax underflows [1000, 0] (no log(0))",
            id="log of a stable softmax",
        ),
    ],
)
def test_an_unstable_solution_scores_half_its_share_and_says_why(
    exercise_id: str,
    code: str,
    passed: int,
    total: int,
    case_name: str,
    exercises: dict[str, Card],
    sandbox: Sandbox,
) -> None:
    """Stability is the point of these exercises: the naive formula is not "86% right"."""
    report = check(exercises[exercise_id], code, sandbox)
    assert (report.passed, len(report.cases)) == (passed, total)
    assert report.unstable
    assert report.score == pytest.approx(passed / total / 2)
    assert report.score < 0.5
    reason = _failed(report)[case_name]
    assert reason.startswith("RuntimeWarning: ")
    assert reason.endswith("— not stable, the point of this exercise: the score is halved")


def test_a_stable_solution_failing_another_case_keeps_its_share(
    exercises: dict[str, Card], sandbox: Sandbox
) -> None:
    code = (
        "import numpy as np\ndef softmax(x):\n    e = np.exp(x - x.max(axis=-1, keepdims=True))\n"
        "    return (e / e.sum(axis=-1, keepdims=True)).astype(np.float64)\n"
    )
    report = check(exercises["code-softmax"], code, sandbox)
    assert list(_failed(report)) == ["float32 stays float32"]
    assert not report.unstable
    assert report.score == pytest.approx(6 / 7)


STABLE_CROSS_ENTROPY_WITHOUT_MEAN = (
    "import numpy as np\n"
    "def softmax_cross_entropy(logits, labels):\n"
    "    shifted = logits - logits.max(axis=-1, keepdims=True)\n"
    "    log_p = shifted - np.log(np.exp(shifted).sum(axis=-1, keepdims=True))\n"
    "    rows = np.arange(logits.shape[0])\n"
    "    grad = np.exp(log_p)\n"
    "    grad[rows, labels] -= 1\n"
    "    return -np.mean(log_p[rows, labels]), grad\n"
)


def test_a_stable_solution_wrong_everywhere_is_a_wrong_value_not_instability(
    exercises: dict[str, Card], sandbox: Sandbox
) -> None:
    """p − onehot without /N is exactly N× the gradient on every input, large logits too: the
    code is stable, so the large-logits case names the factor, not instability, and the score
    is the plain share."""
    report = check(
        exercises["code-softmax-cross-entropy"], STABLE_CROSS_ENTROPY_WITHOUT_MEAN, sandbox
    )
    failed = _failed(report)
    assert "batch of 1" not in failed
    assert not report.unstable
    assert report.score == pytest.approx(report.passed / len(report.cases))
    assert not any("not stable" in reason for reason in failed.values())
    assert "not stable" not in summary(report)
    large = failed["large logits [1000, 1001]"]
    assert large.endswith(
        "off by a factor of 2 = N, the batch size: missing the mean over the batch?"
    )
    assert "off by a factor of 4 = N" in failed["batch of 4, 3 classes (mean over the batch)"]


def test_a_constant_factor_that_is_not_the_batch_is_named_as_a_factor(
    exercises: dict[str, Card], sandbox: Sandbox
) -> None:
    code = (
        "import numpy as np\ndef softmax(x):\n    e = np.exp(x - x.max(axis=-1, keepdims=True))\n"
        "    return 3 * e / e.sum(axis=-1, keepdims=True)\n"
    )
    report = check(exercises["code-softmax"], code, sandbox)
    assert not report.unstable
    assert _failed(report)["large logits [1000, 1001]"].endswith("off by a factor of 3")


def test_right_on_moderate_inputs_and_wrong_only_on_large_ones_is_not_stable(
    exercises: dict[str, Card], sandbox: Sandbox
) -> None:
    """No overflow warning and finite values, yet wrong only where the inputs are large: that is
    what instability looks like from outside, so the score is halved."""
    code = (
        "import numpy as np\ndef sigmoid(x):\n"
        "    s = np.exp(-np.logaddexp(0, -x))\n"
        "    return np.where(np.abs(x) > 100, np.zeros_like(x), s)\n"
    )
    report = check(exercises["code-sigmoid"], code, sandbox)
    assert list(_failed(report)) == ["large inputs ±1000 (no overflow)"]
    assert report.unstable
    assert report.score == pytest.approx(5 / 6 / 2)
    assert _failed(report)["large inputs ±1000 (no overflow)"].endswith(
        "— not stable, the point of this exercise: the score is halved"
    )
