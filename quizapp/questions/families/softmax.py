"""Softmax and log-softmax of logits, and the softmax + cross-entropy gradient p − y.

The worked solutions always show the stable route when the logits are large: subtract the max.
Intermediate values come from the engine too: e^(z − m) = softmax(z) / max softmax(z),
Σ e^(z − m) = 1 / max softmax(z), and for small logits e^z = σ(z) / σ(−z).
"""

from __future__ import annotations

import numpy as np

from quizapp.questions import draws, formatting
from quizapp.questions.families.common import answer_text, call
from quizapp.questions.mistakes import Mistake
from quizapp.questions.precision import Precision
from quizapp.questions.spec import DECIMALS, LARGE_LOGITS, LENGTH, Draft, Redraw, Setup, Template

_LARGE_BASES = (-1000.0, 800.0, 1000.0, 2000.0, 5000.0)
# exp overflows float64 above this argument (the largest double is about e^709.78).
_EXP_LIMIT = 709.78


def logits(rng: np.random.Generator, count: int, large: bool) -> np.ndarray:
    """Distinct logits (ties would hide mistakes); large ones overflow or underflow a naive exp."""
    if large:
        offsets = draws.grid(rng, count, 0, 6, step=float(rng.choice((1.0, 0.5))))
        return float(rng.choice(_LARGE_BASES)) + offsets
    values = draws.grid(rng, count, -2, 4)
    if values.sum() < 0.5:
        raise Redraw
    return values


def _v(values: np.ndarray, decimals: int = 4) -> str:
    return formatting.vector(values, decimals)


def _overflow_note(z: np.ndarray) -> str:
    if z.max() > _EXP_LIMIT:
        return (
            f"Naively, e^{formatting.number(z.max())} overflows a float64 (the largest is about "
            "e^709.78), giving inf / inf = nan."
        )
    return (
        f"Naively, e^{formatting.number(z.max())} and every other e^(z_i) underflow to 0, "
        "giving 0 / 0 = nan."
    )


def _shifted_exponentials(z: np.ndarray) -> tuple[float, np.ndarray, float]:
    """(m, e^(z − m), Σ e^(z − m)), read off the engine's softmax."""
    p = call("softmax", z, {})
    peak = float(p.max())
    return float(z.max()), p / peak, 1.0 / peak


def _exponentials(z: np.ndarray) -> np.ndarray:
    """e^z for humane logits, read off the engine: σ(z) / σ(−z) = e^z."""
    return call("sigmoid", z, {}) / call("sigmoid", -z, {})


def softmax_steps(z: np.ndarray, precision: Precision, large: bool) -> list[str]:
    p = call("softmax", z, {})
    steps = ["softmax(z)_i = e^(z_i) / Σ_j e^(z_j)", f"z = {_v(z)}"]
    if large:
        m, shifted, total = _shifted_exponentials(z)
        steps += [
            _overflow_note(z),
            "softmax(z) = softmax(z − m) for any constant m, so subtract the max: "
            f"m = {formatting.number(m)}",
            f"z − m = {_v(z - m)}",
            f"e^(z − m) = {_v(shifted)}",
            f"Σ e^(z − m) = {formatting.number(total, 4)}",
            f"softmax(z) = e^(z − m) / {formatting.number(total, 4)} = {answer_text(precision, p)}",
        ]
        return steps
    exponentials = _exponentials(z)
    total = float(exponentials.sum())
    steps += [
        f"e^z = {_v(exponentials)}",
        f"Σ e^z = {formatting.number(total, 4)}",
        f"softmax(z) = e^z / {formatting.number(total, 4)} = {answer_text(precision, p)}",
    ]
    return steps


def softmax_mistakes(z: np.ndarray, large: bool) -> list[Mistake]:
    if abs(z.sum()) < 0.5:
        raise Redraw
    mistakes = [
        Mistake.of(
            "softmax-sum-of-logits",
            "you divided the logits by their sum; softmax divides e^(z_i) by Σ e^(z_j)",
            z / z.sum(),
        )
    ]
    if large:
        _, shifted, _ = _shifted_exponentials(z)
        mistakes.append(
            Mistake.of(
                "forgot-normalisation",
                "that is e^(z − m); divide it by its sum to get probabilities",
                shifted,
                optional=True,
            )
        )
        return mistakes
    exponentials = _exponentials(z)
    mistakes += [
        Mistake.of(
            "softmax-exp-over-sum-of-logits",
            "you divided e^(z_i) by the sum of the logits; divide by Σ e^(z_j)",
            exponentials / z.sum(),
            optional=True,
        ),
        Mistake.of(
            "forgot-normalisation",
            "that is e^z; divide it by Σ e^z to get probabilities",
            exponentials,
            optional=True,
        ),
    ]
    return mistakes


def log_softmax_steps(z: np.ndarray, precision: Precision, large: bool) -> list[str]:
    result = call("log_softmax", z, {})
    m = float(z.max())
    log_total = -float(result[int(np.argmax(z))])
    steps = [
        "log_softmax(z)_i = z_i − log Σ_j e^(z_j) = (z_i − m) − log Σ_j e^(z_j − m), m = max(z)",
        f"z = {_v(z)}",
    ]
    if large:
        steps.append(_overflow_note(z))
    _, shifted, total = _shifted_exponentials(z)
    steps += [
        f"m = {formatting.number(m)}, z − m = {_v(z - m)}",
        f"e^(z − m) = {_v(shifted)}, Σ = {formatting.number(total, 4)}",
        f"log Σ e^(z − m) = {formatting.number(log_total, 4)}",
        f"log_softmax(z) = (z − m) − {formatting.number(log_total, 4)} = "
        f"{answer_text(precision, result)}",
    ]
    return steps


def log_softmax_mistakes(z: np.ndarray) -> list[Mistake]:
    result = call("log_softmax", z, {})
    return [
        Mistake.of(
            "softmax-instead-of-log-softmax",
            "those are the probabilities softmax(z); log-softmax is their logarithm",
            call("softmax", z, {}),
        ),
        Mistake.of(
            "forgot-log-sum-exp",
            "that is z − max(z); also subtract log Σ e^(z − m)",
            z - z.max(),
        ),
        Mistake.of(
            "sign-error",
            "those are −log p (the cross-entropy of each class); log-probabilities are ≤ 0",
            -result,
        ),
    ]


def _prompt_logits(z: np.ndarray) -> str:
    return f"Logits z = {formatting.vector(z)}"


def _draw(rng: np.random.Generator, setup: Setup) -> tuple[np.ndarray, Precision, bool]:
    """The logits, the precision asked for, and whether the logits are large."""
    large = bool(setup.get("large_logits", False))
    precision = Precision(int(setup.get("decimals", 3)))
    return logits(rng, setup.count(rng, 3, 5), large), precision, large


def _build_distribution(rng: np.random.Generator, setup: Setup, *, log: bool) -> Draft:
    z, precision, large = _draw(rng, setup)
    name, noun = ("log_softmax", "log-probabilities") if log else ("softmax", "probabilities")
    prompt = (
        f"{_prompt_logits(z)}\n"
        f"Compute {name}(z): give the {z.size} {noun} {precision.describe()}, separated by commas."
    )
    return Draft(
        prompt=prompt,
        inputs={"z": z},
        expected=call(name, z, {}),
        precision=precision,
        answer_shape="vector",
        solution=(log_softmax_steps if log else softmax_steps)(z, precision, large),
        mistakes=log_softmax_mistakes(z) if log else softmax_mistakes(z, large),
    )


def _build_softmax(rng: np.random.Generator, setup: Setup) -> Draft:
    return _build_distribution(rng, setup, log=False)


def _build_log_softmax(rng: np.random.Generator, setup: Setup) -> Draft:
    return _build_distribution(rng, setup, log=True)


def _build_cross_entropy(rng: np.random.Generator, setup: Setup) -> Draft:
    z, precision, large = _draw(rng, setup)
    target = int(rng.integers(z.size))
    y = np.zeros(z.size)
    y[target] = 1.0
    p = call("softmax", z, {})
    expected = p - y
    prompt = (
        f"{_prompt_logits(z)} go through softmax into the cross-entropy loss L = −log p_k, "
        f"true class k = {target + 1} (one-hot y = {formatting.vector(y)}).\n"
        f"Give dL/dz ({z.size} values) {precision.describe()}, separated by commas."
    )
    solution = [
        "For softmax followed by cross-entropy the gradient simplifies to dL/dz = p − y, "
        "p = softmax(z).",
        *softmax_steps(z, precision, large)[1:],
        f"y = {formatting.vector(y)}",
        f"dL/dz = p − y = {answer_text(precision, expected)}",
    ]
    mistakes = [
        Mistake.of("sign-error", "that is y − p; the gradient is p − y", -expected),
        Mistake.of(
            "logits-instead-of-probabilities",
            "that is z − y; subtract y from the probabilities p = softmax(z), not from the logits",
            z - y,
        ),
        Mistake.of("forgot-subtract-y", "that is p = softmax(z); subtract the one-hot y", p),
    ]
    return Draft(
        prompt=prompt,
        inputs={"z": z, "y": y},
        expected=expected,
        precision=precision,
        answer_shape="vector",
        solution=solution,
        mistakes=mistakes,
    )


_PARAMS = (DECIMALS, LENGTH, LARGE_LOGITS)

TEMPLATES = (
    Template(
        "softmax-logits",
        "Softmax of a few logits, including ones large enough to overflow a naive exp",
        ("softmax",),
        _PARAMS,
        _build_softmax,
    ),
    Template(
        "log-softmax-logits",
        "Log-softmax of a few logits, the stable way (log-sum-exp)",
        ("log_softmax",),
        _PARAMS,
        _build_log_softmax,
    ),
    Template(
        "softmax-cross-entropy-grad",
        "Gradient of softmax + cross-entropy with respect to the logits: p − y",
        ("softmax",),
        _PARAMS,
        _build_cross_entropy,
    ),
)
