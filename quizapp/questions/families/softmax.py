"""Softmax and log-softmax of logits, and the softmax + cross-entropy gradient p − y.

The worked solutions always show the stable route when the logits are large: subtract the max.
Intermediate values come from the engine too: e^(z − m) = softmax(z) / max softmax(z),
Σ e^(z − m) = 1 / max softmax(z), and for small logits e^z = σ(z) / σ(−z).
"""

from __future__ import annotations

import numpy as np

from quizapp.questions import draws, formatting
from quizapp.questions.families.common import answer_text, call
from quizapp.questions.mistakes import Mistake, percentage
from quizapp.questions.precision import Precision
from quizapp.questions.spec import DECIMALS, LARGE_LOGITS, LENGTH, Draft, Redraw, Setup, Template

_LARGE_BASES = (-1000.0, 800.0, 1000.0, 2000.0, 5000.0)
# exp overflows float64 above this argument (the largest double is about e^709.78).
_EXP_LIMIT = 709.78
_FLOAT_LIMITS = (
    "in training precision the limit is far lower: float32 overflows past e^88.7, fp16 past e^11.1"
)


def logits(rng: np.random.Generator, count: int, large: bool) -> np.ndarray:
    """Distinct logits (ties would hide mistakes); large ones overflow or underflow a naive exp."""
    if large:
        offsets = draws.grid(rng, count, 0, 6, step=float(rng.choice((1.0, 0.5))))
        return float(rng.choice(_LARGE_BASES)) + offsets
    values = draws.grid(rng, count, -2, 4)
    # Logits summing to ~1 make "forgot to normalise" (e^z) and "divided by the sum of the
    # logits" (e^z / Σz) the same answer; near 0 the latter is huge.
    if values.sum() < 0.5 or abs(values.sum() - 1) < 0.5:
        raise Redraw
    return values


def _v(values: np.ndarray, decimals: int = 4) -> str:
    return formatting.vector(values, decimals)


def _overflow_note(z: np.ndarray) -> str:
    if z.max() > _EXP_LIMIT:
        naive = (
            f"Naively, e^{formatting.number(z.max())} overflows a float64 (the largest is about "
            "e^709.78), giving inf / inf = nan"
        )
    else:
        naive = (
            f"Naively, e^{formatting.number(z.max())} and every other e^(z_i) underflow to 0, "
            "giving 0 / 0 = nan"
        )
    return f"{naive}; {_FLOAT_LIMITS}."


def _shifted_exponentials(z: np.ndarray) -> tuple[float, np.ndarray, float]:
    """(m, e^(z − m), Σ e^(z − m)), read off the engine's softmax."""
    p = call("softmax", z, {})
    peak = float(p.max())
    return float(z.max()), p / peak, 1.0 / peak


def _exponentials(z: np.ndarray) -> np.ndarray:
    """e^z for humane logits, read off the engine: σ(z) / σ(−z) = e^z."""
    return call("sigmoid", z, {}) / call("sigmoid", -z, {})


def _intermediates(precision: Precision, values: np.ndarray) -> tuple[str, np.ndarray]:
    """A vector as a solution prints it, and the values of those printed digits."""
    shown = [precision.intermediate(float(value)) for value in values]
    return "[" + ", ".join(item.text for item in shown) + "]", np.array([x.value for x in shown])


def softmax_steps(z: np.ndarray, precision: Precision, large: bool) -> tuple[list[str], np.ndarray]:
    """The worked solution, and the probabilities its printed numbers give."""
    p = call("softmax", z, {})
    steps = ["softmax(z)_i = e^(z_i) / Σ_j e^(z_j)", f"z = {_v(z)}"]
    if large:
        m, shifted, total = _shifted_exponentials(z)
        shifted_text, shifted_values = _intermediates(precision, shifted)
        total_shown = precision.intermediate(total)
        steps += [
            _overflow_note(z),
            "softmax(z) = softmax(z − m) for any constant m, so subtract the max: "
            f"m = {formatting.number(m)}",
            f"z − m = {_v(z - m)}",
            f"e^(z − m) = {shifted_text}",
            f"Σ e^(z − m) = {total_shown}",
            f"softmax(z) = e^(z − m) / {total_shown} = {answer_text(precision, p)}",
        ]
        return steps, shifted_values / total_shown.value
    exponentials_text, exponentials = _intermediates(precision, _exponentials(z))
    total_shown = precision.intermediate(float(exponentials.sum()))
    steps += [
        f"e^z = {exponentials_text}",
        f"Σ e^z = {total_shown}",
        f"softmax(z) = e^z / {total_shown} = {answer_text(precision, p)}",
    ]
    return steps, exponentials / total_shown.value


def softmax_mistakes(z: np.ndarray, large: bool) -> list[Mistake]:
    """Wrong softmaxes; logits summing to ~0 or ~1 are redrawn (see `logits`)."""
    if abs(z.sum()) < 0.5 or abs(z.sum() - 1) < 0.5:
        raise Redraw
    mistakes = [
        Mistake.of(
            "softmax-sum-of-logits",
            "you divided the logits by their sum; softmax divides e^(z_i) by Σ e^(z_j)",
            z / z.sum(),
        ),
        percentage(call("softmax", z, {}), "probabilities"),
    ]
    if large:
        _, shifted, _ = _shifted_exponentials(z)
        failure = "overflows (inf / inf = nan)" if z.max() > _EXP_LIMIT else "underflows (0 / 0)"
        mistakes += [
            Mistake.of(
                "forgot-normalisation",
                "that is e^(z − m); divide it by its sum to get probabilities",
                shifted,
                optional=True,
            ),
            Mistake.of(
                "naive-softmax-overflow",
                f"all zeros is no distribution: a naive e^(z_i) {failure} here; subtract the max "
                "first, softmax(z) = softmax(z − max z)",
                np.zeros(z.size),
            ),
        ]
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


def log_softmax_steps(
    z: np.ndarray, precision: Precision, large: bool
) -> tuple[list[str], np.ndarray]:
    """The worked solution, and the log-probabilities its printed numbers give."""
    result = call("log_softmax", z, {})
    m = float(z.max())
    log_total = precision.intermediate(-float(result[int(np.argmax(z))]))
    steps = [
        "log_softmax(z)_i = z_i − log Σ_j e^(z_j) = (z_i − m) − log Σ_j e^(z_j − m), m = max(z)",
        f"z = {_v(z)}",
    ]
    if large:
        steps.append(_overflow_note(z))
    _, shifted, total = _shifted_exponentials(z)
    shifted_text, _ = _intermediates(precision, shifted)
    steps += [
        f"m = {formatting.number(m)}, z − m = {_v(z - m)}",
        f"e^(z − m) = {shifted_text}, Σ = {precision.intermediate(total)}",
        f"log Σ e^(z − m) = {log_total}",
        f"log_softmax(z) = (z − m) − {log_total} = {answer_text(precision, result)}",
    ]
    return steps, (z - m) - log_total.value


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
        Mistake.of(
            "log10-instead-of-ln",
            "those are base-10 logarithms; log here is the natural log ln (base e)",
            result / np.log(10),
        ),
    ]


NATURAL_LOG = " (log is the natural log, ln.)"


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
        f"{NATURAL_LOG if log else ''}"
    )
    solution, worked = (log_softmax_steps if log else softmax_steps)(z, precision, large)
    return Draft(
        prompt=prompt,
        inputs={"z": z},
        expected=call(name, z, {}),
        precision=precision,
        answer_shape="vector",
        solution=solution,
        worked=worked,
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
        f"{_prompt_logits(z)} go through softmax into the cross-entropy loss L = −log p_k "
        f"(natural log), true class k = {target + 1} (one-hot y = {formatting.vector(y)}).\n"
        f"Give dL/dz ({z.size} values) {precision.describe()}, separated by commas."
    )
    steps, worked_p = softmax_steps(z, precision, large)
    solution = [
        "L = −Σ_i y_i·log p_i with p = softmax(z), and ∂p_i/∂z_j = p_i·(δ_ij − p_j), so",
        "∂L/∂z_j = −Σ_i (y_i / p_i)·p_i·(δ_ij − p_j) = −Σ_i y_i·(δ_ij − p_j)",
        "        = −y_j + p_j·Σ_i y_i = p_j − y_j   (Σ_i y_i = 1)",
        *steps[1:],
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
        Mistake.of(
            "only-target-entry",
            f"that is only entry k = {target + 1}; every class gets p_j − y_j, so the others are "
            "p_j (y_j = 0)",
            np.where(y == 1, expected, 0.0),
            optional=True,
        ),
        *(
            Mistake.of(
                "wrong-target-class",
                f"that subtracts y at class {other + 1}; the true class is k = {target + 1} "
                "(classes count from 1 here)",
                p - np.eye(z.size)[other],
                optional=True,
            )
            for other in range(z.size)
            if other != target
        ),
    ]
    return Draft(
        prompt=prompt,
        inputs={"z": z, "y": y},
        expected=expected,
        precision=precision,
        answer_shape="vector",
        solution=solution,
        worked=worked_p - y,
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
        "Gradient of softmax + cross-entropy with respect to the logits",
        ("softmax",),
        _PARAMS,
        _build_cross_entropy,
    ),
)
