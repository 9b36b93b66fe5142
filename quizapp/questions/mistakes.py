"""The mistakes the grader can recognise and name.

A template models a mistake by computing the wrong answer it produces for this very question (by
composing engine calls where possible); an answer that lands on those wrong values is then named.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from numpy.typing import ArrayLike

MISTAKES: dict[str, str] = {
    "sigmoid-instead-of-derivative": "σ(x) given instead of its derivative σ(x)(1 − σ(x))",
    "function-instead-of-derivative": "the function's value given instead of its derivative",
    "one-minus-tanh": "1 − tanh(x) used instead of 1 − tanh²(x)",
    "derivative-formula-on-input": "the derivative formula applied to x instead of to f(x)",
    "forgot-bias": "the bias b was left out of z = w·x + b",
    "subtracted-bias": "the bias b was subtracted: z = w·x − b",
    "forgot-activation": "the activation was not applied to z",
    "softmax-sum-of-logits": "the logits divided by their sum instead of exponentials by theirs",
    "softmax-exp-over-sum-of-logits": "e^(z_i) divided by the sum of the logits, not of e^(z_j)",
    "forgot-normalisation": "the exponentials were not divided by their sum",
    "naive-softmax-overflow": "all zeros: the naive exp under- or overflowed; subtract the max",
    "softmax-instead-of-log-softmax": "probabilities given instead of log-probabilities",
    "forgot-log-sum-exp": "the log-sum-exp term was left out of log-softmax",
    "log10-instead-of-ln": "base-10 logarithms used where the natural log belongs",
    "relu-instead-of-variant": "plain ReLU used where a ReLU variant was asked",
    "wrong-alpha": "the wrong α",
    "sign-error": "a sign error",
    "forgot-activation-derivative": "dL/da passed through without multiplying by f′(z)",
    "forgot-upstream-gradient": "f′(z) given without multiplying it by dL/da",
    "softmax-diagonal-only": "only the diagonal of the softmax Jacobian was used",
    "logits-instead-of-probabilities": "the logits used where softmax probabilities belong",
    "forgot-subtract-y": "the one-hot target y was not subtracted",
    "sum-instead-of-product": "the derivatives were added instead of multiplied",
    "assumed-max-derivative": "every layer assumed to have the largest possible derivative",
    "alive-instead-of-dead": "the share of units passing gradient given instead of the inactive",
    "count-instead-of-fraction": "the number of inactive units given instead of their fraction",
    "missed-upper-saturation": "units saturated above the cap not counted as zero-gradient",
    "gelu-tanh-form": "the tanh approximation of GELU given where the exact form was asked",
    "gelu-sigmoid-form": "the sigmoid approximation z·σ(1.702z) given for the exact GELU",
    "gelu-exact-form": "the exact GELU given where the tanh approximation was asked",
    "missing-factor": "one factor of the derivative left out: 1 − σ(z) without σ(z)",
    "swapped-derivative-formula": "the sigmoid's derivative rule used for tanh, or tanh's for σ",
    "jvp-forgot-outer-term": "the −ppᵀ part of the softmax Jacobian left out: p ⊙ v",
    "jvp-forgot-p-factor": "v − p·v not multiplied by p",
    "jvp-unweighted-sum": "the plain sum Σv subtracted instead of the p-weighted p·v",
    "output-used-as-input": "the derivative evaluated at the given output, as if it were z",
    "silu-derivative-as-sigmoid": "SiLU′ given as σ(z), without the z·σ′(z) term",
    "gelu-derivative-as-cdf": "GELU′ given as Φ(z), without the z·φ(z) term",
    "selu-without-lambda": "SELU computed without its scale λ ≈ 1.0507",
    "percent-instead-of-fraction": "a percentage given where a fraction (0 to 1) belongs",
    "transposed-jacobian": "the transposed log-softmax Jacobian: g − (p·g) instead of g − p·Σg",
    "confused-activation": "another activation's formula used in its place",
    "keras2-hard-sigmoid": "Keras 2's hard sigmoid 0.2·z + 0.5 used for ReLU6(z + 3) / 6",
    "swapped-answer-order": "the values typed in the wrong order",
    "wrong-target-class": "the one-hot y put at another class than the true one",
    "only-target-entry": "only the true class's entry of p − y given, the others left at 0",
    "elu-forgot-minus-one": "ELU's negative side without its − 1: α·e^z instead of α·(e^z − 1)",
    "relu-mask-by-gradient": "ReLU's gradient masked where dL/da > 0 instead of where z > 0",
    "rounding": "close: too few digits, truncated, or one unit off in the last digit",
}
"""Machine id -> short human label, for stats and menus."""


PERCENT = 100.0


@dataclass(frozen=True)
class Mistake:
    """One modelled wrong answer for one question.

    `optional` mistakes only apply when they differ from the right answer for this draw (forgetting
    the activation is no mistake for ReLU at z > 0); a required one that cannot be told apart makes
    the generator draw again. `shows_in` lists the elements that betray the mistake: it is named
    only if the answer carries it there (a correct z rules out a bias mistake in "z, a").
    `unit` is how many of the mistake's units make one of the answer's (100 for a percentage):
    its values are checked to the requested precision in the answer's units (93.4 for 0.934).
    """

    id: str
    description: str
    values: tuple[float, ...]
    optional: bool = False
    shows_in: tuple[int, ...] = ()
    unit: float = 1.0

    def __post_init__(self) -> None:
        if self.id not in MISTAKES:
            raise ValueError(f"unknown mistake id {self.id!r}; known: {', '.join(MISTAKES)}")

    @classmethod
    def of(
        cls,
        id: str,
        description: str,
        values: object,
        *,
        optional: bool = False,
        shows_in: tuple[int, ...] = (),
        unit: float = 1.0,
    ) -> Mistake:
        flat = tuple(float(value) for value in np.ravel(np.asarray(values, dtype=float)))
        return cls(id, description, flat, optional, shows_in, unit)

    @property
    def finite(self) -> bool:
        return all(np.isfinite(self.values))


def percentage(fractions: ArrayLike, noun: str) -> Mistake:
    """The `fractions` typed as percentages (93.4 for 0.934): the same numbers in other units."""
    return Mistake.of(
        "percent-instead-of-fraction",
        f"that is a percentage; give the {noun} as a fraction from 0 to 1 (60% is 0.6)",
        np.multiply(PERCENT, fractions),
        optional=True,
        unit=PERCENT,
    )
