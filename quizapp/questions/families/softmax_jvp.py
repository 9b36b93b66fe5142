"""The softmax Jacobian-vector product: Jv = (diag(p) − ppᵀ)·v = p ⊙ (v − p·v).

Backprop through softmax never builds the n×n Jacobian; this is the one line it computes. The
given p has two decimals and sums to 1, v one decimal, so every step is exact arithmetic.
"""

from __future__ import annotations

import numpy as np

from quizapp.questions import draws, formatting
from quizapp.questions.mistakes import Mistake
from quizapp.questions.precision import Precision
from quizapp.questions.spec import DECIMALS, Draft, Redraw, Setup, Template
from quizapp.questions.worked import Shown

_PERCENT = 100
_SMALLEST = 5
"""The least probability drawn, in percent: a tiny p_i hides every mistake in that element."""


def probabilities(rng: np.random.Generator, count: int) -> np.ndarray:
    """`count` distinct probabilities with two decimals summing to exactly 1."""
    cuts = np.sort(rng.choice(np.arange(1, _PERCENT), size=count - 1, replace=False))
    parts = np.diff(np.concatenate(([0], cuts, [_PERCENT])))
    if parts.min() < _SMALLEST or len(set(parts.tolist())) < count:
        raise Redraw
    return parts / _PERCENT


def _exact(values: np.ndarray) -> np.ndarray:
    """Sums and products of 2- and 1-decimal numbers, without float noise (0.30000000000000004)."""
    return np.round(values, 10)


def _build(rng: np.random.Generator, setup: Setup) -> Draft:
    precision = Precision(int(setup.get("decimals", 3)))
    count = int(rng.integers(3, 5))
    p = probabilities(rng, count)
    v = draws.grid(rng, count, -2, 2, step=0.5)
    weighted = float(_exact(np.array(p @ v)))
    centred = _exact(v - weighted)
    expected = _exact(p * centred)
    prompt = (
        "A softmax layer output p; backprop needs its Jacobian J = diag(p) − ppᵀ times a "
        "vector v (the incoming gradient).\n"
        f"p = {formatting.vector(p)}\n"
        f"v = {formatting.vector(v)}\n"
        f"Compute Jv ({count} values) {precision.describe()}, separated by commas."
    )
    products = " + ".join(
        f"{formatting.number(pi)}·{Shown(formatting.number(vi))}"
        for pi, vi in zip(p, v, strict=True)
    )
    solution = [
        "J = diag(p) − ppᵀ, so Jv = p ⊙ v − p(pᵀv) = p ⊙ (v − p·v): no n×n matrix needed",
        f"p·v = {products} = {formatting.number(weighted)}",
        f"v − p·v = {formatting.vector(centred)}",
        f"Jv = p ⊙ (v − p·v) = {formatting.join(precision.text(x) for x in expected)}",
    ]
    mistakes = [
        Mistake.of(
            "softmax-diagonal-only",
            "that is diag(J)·v = p ⊙ (1 − p) ⊙ v; the off-diagonal −p_i·p_j terms are missing",
            p * (1 - p) * v,
        ),
        Mistake.of(
            "jvp-forgot-outer-term",
            "that is p ⊙ v; subtract p(pᵀv), the −ppᵀ part of the Jacobian",
            p * v,
        ),
        Mistake.of(
            "jvp-forgot-p-factor",
            "that is v − p·v; multiply it element by element by p",
            centred,
        ),
        Mistake.of(
            "jvp-unweighted-sum",
            "that subtracts the plain sum Σv; subtract the p-weighted p·v = Σ p_i·v_i",
            p * (v - v.sum()),
            optional=True,
        ),
        Mistake.of(
            "sign-error", "the sign is flipped: Jv = p ⊙ (v − p·v)", -expected, optional=True
        ),
    ]
    return Draft(
        prompt=prompt,
        inputs={"p": p, "v": v},
        expected=expected,
        precision=precision,
        answer_shape="vector",
        solution=solution,
        worked=p * centred,
        mistakes=mistakes,
    )


TEMPLATES = (
    Template(
        "softmax-jvp",
        "Softmax Jacobian-vector product: Jv = p ⊙ (v − p·v) from p and v",
        ("softmax",),
        (DECIMALS,),
        _build,
    ),
)
