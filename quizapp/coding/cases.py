"""The hidden test cases of an exercise, generated from the engine and named after what they probe.

Each reference kind (see `content.schema.CodeReference`) has its own argument layout; the cases
share the probes interviewers use: random vectors and batches, extremes that overflow a naive
formula, −inf and all-equal logits, float32 kept float32, shapes. Inputs come from a generator
seeded per exercise, so the same exercise always gets the same cases.
"""

from __future__ import annotations

import zlib
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

import numpy as np

from quizapp import engine
from quizapp.questions.draws import on_kink

if TYPE_CHECKING:
    from quizapp.content.model import Card, CodeExercise

F32 = np.float32
INF = np.inf

LARGE_INPUTS = "large inputs ±1000 (no overflow)"
LARGE_LOGITS = "large logits [1000, 1001]"
VERY_NEGATIVE_LOGITS = "very negative logits [-1000, -1001]"
CONFIDENT_AND_WRONG = "confident and wrong [0, 1000] (no log(0))"
SOFTMAX_UNDERFLOWS = "softmax underflows [1000, 0] (no log(0))"
STABILITY_CASES = frozenset(
    {LARGE_INPUTS, LARGE_LOGITS, VERY_NEGATIVE_LOGITS, CONFIDENT_AND_WRONG, SOFTMAX_UNDERFLOWS}
)
"""The cases a naive formula fails by overflowing or taking log(0). Stability is the point of the
exercises whose formula can overflow (their tasks ask for it), so failing one for instability
halves the score (see `check`: a value wrong on every input is a wrong value, not instability);
a formula that cannot overflow (ReLU) passes them anyway."""


@dataclass(frozen=True)
class GivenFunction:
    """A scalar function the child builds by name (arrays cannot carry code): Σ w·g(x)."""

    name: str
    weights: np.ndarray


Argument = np.ndarray | GivenFunction


@dataclass(frozen=True)
class Case:
    """One hidden test: the function's arguments and the outputs the engine expects; `batch` is
    N where the outputs are means over a batch of N (a result N× too large forgot the mean)."""

    name: str
    args: tuple[Argument, ...]
    expected: tuple[np.ndarray, ...]
    kwargs: Mapping[str, object] = field(default_factory=dict)
    batch: int | None = None


class ExerciseError(ValueError):
    """An exercise the engine cannot grade (e.g. a parameter the activation does not take)."""


def _rng(card_id: str) -> np.random.Generator:
    return np.random.default_rng(zlib.crc32(card_id.encode("utf-8")))


def _vector(rng: np.random.Generator, shape: tuple[int, ...], scale: float = 3.0) -> np.ndarray:
    return rng.normal(0.0, scale, shape)


def _activation(exercise: CodeExercise) -> tuple[engine.Activation, Mapping[str, object]]:
    reference = exercise.reference
    try:
        activation = engine.get(reference.activation or "")
        params = activation.resolve_params(dict(reference.params))
    except (KeyError, TypeError, ValueError) as error:
        raise ExerciseError(str(error)) from None
    return activation, params


def _zeros_name(activation: engine.Activation, params: Mapping[str, object]) -> str:
    """ "the kink" only where the slope jumps at 0 (the ReLU family), not for smooth functions."""
    kinked = on_kink(activation.name, np.zeros(1), params)
    return "exact zeros (the kink)" if kinked else "exact zeros (±0)"


def _elementwise_inputs(rng: np.random.Generator, zeros: str) -> list[tuple[str, np.ndarray]]:
    return [
        ("random vector of 8", _vector(rng, (8,))),
        ("batch 4×5", _vector(rng, (4, 5))),
        ("shape (2, 3, 4) kept", _vector(rng, (2, 3, 4))),
        (LARGE_INPUTS, np.array([-1000.0, -50.0, -1.0, 1.0, 50.0, 1000.0])),
        (zeros, np.array([-2.0, -0.0, 0.0, 0.0, 2.0])),
        ("float32 stays float32", _vector(rng, (3, 4)).astype(F32)),
    ]


def _logit_inputs(rng: np.random.Generator) -> list[tuple[str, np.ndarray]]:
    return [
        ("random vector of 6", _vector(rng, (6,))),
        ("batch 4×5, along the last axis", _vector(rng, (4, 5))),
        ("shape (2, 3, 4), along the last axis", _vector(rng, (2, 3, 4))),
        (LARGE_LOGITS, np.array([[1000.0, 1001.0], [-1000.0, -1001.0]])),
        ("−inf logits", np.array([[-INF, 0.0, 1.0], [2.0, -INF, -INF]])),
        ("all-equal logits", np.array([5.0, 5.0, 5.0, 5.0])),
        ("float32 stays float32", _vector(rng, (3, 4)).astype(F32)),
    ]


def _saturating_inputs(rng: np.random.Generator) -> list[tuple[str, np.ndarray]]:
    """Moderate x: the output-only formulas lose relative precision where f saturates."""
    return [
        ("random vector of 8", rng.uniform(-3.0, 3.0, 8)),
        ("batch 4×5", rng.uniform(-3.0, 3.0, (4, 5))),
        ("shape (2, 3, 4) kept", rng.uniform(-3.0, 3.0, (2, 3, 4))),
        ("saturated outputs (x = ±20)", np.array([-20.0, -10.0, 0.0, 10.0, 20.0])),
        ("float32 stays float32", rng.uniform(-3.0, 3.0, (3, 4)).astype(F32)),
    ]


def _values(
    activation: engine.Activation, x: np.ndarray, params: Mapping[str, object]
) -> np.ndarray:
    return np.asarray(activation(x, **params))


def _slopes(
    activation: engine.Activation, x: np.ndarray, params: Mapping[str, object]
) -> np.ndarray:
    return np.asarray(activation.derivative(x, **params))


def _kwargs(exercise: CodeExercise, params: Mapping[str, object]) -> dict[str, object]:
    return {name: params[name] for name in exercise.reference.arguments}


def _forward(exercise: CodeExercise, rng: np.random.Generator) -> list[Case]:
    activation, params = _activation(exercise)
    if activation.elementwise:
        inputs = _elementwise_inputs(rng, _zeros_name(activation, params))
    else:
        inputs = _logit_inputs(rng)
    if activation.name == "log_softmax":
        # Its point: exact where softmax underflows to 0, which log(softmax(x)) turns into log(0).
        inputs.insert(4, (SOFTMAX_UNDERFLOWS, np.array([[1000.0, 0.0], [0.0, -1000.0]])))
    kwargs = _kwargs(exercise, params)
    return [Case(name, (x,), (_values(activation, x, params),), kwargs) for name, x in inputs]


def _backward(exercise: CodeExercise, rng: np.random.Generator) -> list[Case]:
    activation, params = _activation(exercise)
    kwargs = _kwargs(exercise, params)
    cases = []
    for name, x in _elementwise_inputs(rng, _zeros_name(activation, params)):
        grad = rng.normal(0.0, 1.0, x.shape).astype(x.dtype)
        expected = grad * _slopes(activation, x, params)
        cases.append(Case(name, (x, grad), (expected.astype(x.dtype),), kwargs))
    return cases


def _from_output(exercise: CodeExercise, rng: np.random.Generator, with_grad: bool) -> list[Case]:
    activation, params = _activation(exercise)
    cases = []
    for name, x in _saturating_inputs(rng):
        y = _values(activation, x, params)
        slope = _slopes(activation, x, params)
        if with_grad:
            grad = rng.normal(0.0, 1.0, x.shape).astype(x.dtype)
            cases.append(Case(name, (y, grad), ((grad * slope).astype(x.dtype),)))
        else:
            cases.append(Case(name, (y,), (slope,)))
    return cases


def _softmax_jvp(x: np.ndarray, v: np.ndarray) -> np.ndarray:
    jacobian = np.asarray(engine.get("softmax").derivative(x, axis=-1))
    return np.einsum("...ij,...j->...i", jacobian, v)


def _jvp(exercise: CodeExercise, rng: np.random.Generator) -> list[Case]:
    cases = []
    for name, x in _logit_inputs(rng):
        v = rng.normal(0.0, 1.0, x.shape).astype(x.dtype)
        cases.append(Case(name, (x, v), (_softmax_jvp(x, v).astype(x.dtype),)))
    return cases


def _logsumexp_of(x: np.ndarray) -> np.ndarray:
    """x_k - log_softmax(x)_k at the largest x_k, where both terms are exact."""
    log_p = np.asarray(engine.get("log_softmax")(x, axis=-1))
    top = np.argmax(x, axis=-1)[..., None]
    picked = np.take_along_axis(x, top, axis=-1) - np.take_along_axis(log_p, top, axis=-1)
    return picked[..., 0].astype(x.dtype)


def _logsumexp(exercise: CodeExercise, rng: np.random.Generator) -> list[Case]:
    cases = [Case(name, (x,), (_logsumexp_of(x),)) for name, x in _logit_inputs(rng)]
    tiny = np.array([-1000.0, -1001.0, -1002.0])
    cases.insert(4, Case(VERY_NEGATIVE_LOGITS, (tiny,), (_logsumexp_of(tiny),)))
    return cases


def _cross_entropy_case(name: str, logits: np.ndarray, labels: np.ndarray) -> Case:
    log_p = np.asarray(engine.get("log_softmax")(logits, axis=-1))
    p = np.asarray(engine.get("softmax")(logits, axis=-1))
    batch = logits.shape[0]
    rows = np.arange(batch)
    loss = -np.mean(log_p[rows, labels])
    grad = p.copy()
    grad[rows, labels] -= 1.0
    grad /= batch
    return Case(name, (logits, labels), (np.asarray(loss), grad), batch=batch)


def _cross_entropy(exercise: CodeExercise, rng: np.random.Generator) -> list[Case]:
    return [
        _cross_entropy_case(
            "batch of 4, 3 classes (mean over the batch)",
            _vector(rng, (4, 3)),
            rng.integers(0, 3, 4),
        ),
        _cross_entropy_case("batch of 1", _vector(rng, (1, 5)), np.array([2])),
        _cross_entropy_case(
            "batch of 8, 10 classes", _vector(rng, (8, 10)), rng.integers(0, 10, 8)
        ),
        _cross_entropy_case(
            LARGE_LOGITS,
            np.array([[1000.0, 1001.0], [1001.0, 1000.0]]),
            np.array([1, 1]),
        ),
        _cross_entropy_case(CONFIDENT_AND_WRONG, np.array([[0.0, 1000.0]]), np.array([0])),
        _cross_entropy_case("all-equal logits", np.zeros((3, 4)), np.array([0, 1, 3])),
    ]


def _gradient_check(exercise: CodeExercise, rng: np.random.Generator) -> list[Case]:
    functions: dict[str, Callable[[np.ndarray], np.ndarray]] = {
        "weighted-tanh": lambda x: np.asarray(engine.get("tanh").derivative(x)),
        "weighted-softplus": lambda x: np.asarray(engine.get("sigmoid")(x)),
    }
    layouts = [
        ("f = Σ w·tanh(x), vector of 6", "weighted-tanh", (6,)),
        ("f = Σ w·tanh(x), 3×4 input", "weighted-tanh", (3, 4)),
        ("f = Σ w·softplus(x), vector of 5", "weighted-softplus", (5,)),
    ]
    cases = []
    for name, function, shape in layouts:
        x = rng.uniform(-2.0, 2.0, shape)
        weights = rng.normal(0.0, 1.0, shape)
        expected = weights * functions[function](x)
        cases.append(Case(name, (GivenFunction(function, weights), x), (expected,)))
    return cases


_GENERATORS: dict[str, Callable[[CodeExercise, np.random.Generator], list[Case]]] = {
    "forward": _forward,
    "backward": _backward,
    "derivative-from-output": lambda exercise, rng: _from_output(exercise, rng, False),
    "backward-from-output": lambda exercise, rng: _from_output(exercise, rng, True),
    "jvp": _jvp,
    "logsumexp": _logsumexp,
    "cross-entropy": _cross_entropy,
    "gradient-check": _gradient_check,
}


def cases_for(card: Card) -> list[Case]:
    """The exercise's hidden cases; ExerciseError if the engine cannot grade it."""
    if card.exercise is None:
        raise ExerciseError(f"card {card.id!r} is not a code exercise")
    generate = _GENERATORS.get(card.exercise.reference.kind)
    if generate is None:
        raise ExerciseError(f"unknown reference kind {card.exercise.reference.kind!r}")
    return generate(card.exercise, _rng(card.id))
