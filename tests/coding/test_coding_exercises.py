"""The bundled exercises: every model solution passes, known-wrong answers fail the right case."""

from __future__ import annotations

import pytest

from quizapp.coding.check import CheckReport, check
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
