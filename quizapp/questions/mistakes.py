"""The mistakes the grader can recognise and name.

A template models a mistake by computing the wrong answer it produces for this very question (by
composing engine calls where possible); an answer that lands on those wrong values is then named.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

MISTAKES: dict[str, str] = {
    "sigmoid-instead-of-derivative": "σ(x) given instead of its derivative σ(x)(1 − σ(x))",
    "function-instead-of-derivative": "the function's value given instead of its derivative",
    "one-minus-tanh": "1 − tanh(x) used instead of 1 − tanh²(x)",
    "derivative-formula-on-input": "the derivative formula applied to x instead of to f(x)",
    "forgot-bias": "the bias b was left out of z = w·x + b",
    "forgot-activation": "the activation was not applied to z",
    "softmax-sum-of-logits": "the logits divided by their sum instead of exponentials by theirs",
    "softmax-exp-over-sum-of-logits": "e^(z_i) divided by the sum of the logits, not of e^(z_j)",
    "forgot-normalisation": "the exponentials were not divided by their sum",
    "softmax-instead-of-log-softmax": "probabilities given instead of log-probabilities",
    "forgot-log-sum-exp": "the log-sum-exp term was left out of log-softmax",
    "relu-instead-of-variant": "plain ReLU used where a ReLU variant was asked",
    "wrong-alpha": "the wrong α",
    "sign-error": "a sign error",
    "forgot-activation-derivative": "dL/da passed through without multiplying by f′(z)",
    "softmax-diagonal-only": "only the diagonal of the softmax Jacobian was used",
    "logits-instead-of-probabilities": "the logits used where softmax probabilities belong",
    "forgot-subtract-y": "the one-hot target y was not subtracted",
    "sum-instead-of-product": "the derivatives were added instead of multiplied",
    "assumed-max-derivative": "every layer assumed to have the largest possible derivative",
    "alive-instead-of-dead": "the fraction of live units given instead of dead ones",
    "count-instead-of-fraction": "the number of dead units given instead of their fraction",
    "missed-upper-saturation": "units saturated above the cap not counted as dead",
    "rounding": "close, but not to the requested precision",
}
"""Machine id -> short human label, for stats and menus."""


@dataclass(frozen=True)
class Mistake:
    """One modelled wrong answer for one question.

    `optional` mistakes only apply when they differ from the right answer for this draw (forgetting
    the activation is no mistake for ReLU at z > 0); a required one that cannot be told apart makes
    the generator draw again.
    """

    id: str
    description: str
    values: tuple[float, ...]
    optional: bool = False

    def __post_init__(self) -> None:
        if self.id not in MISTAKES:
            raise ValueError(f"unknown mistake id {self.id!r}; known: {', '.join(MISTAKES)}")

    @classmethod
    def of(cls, id: str, description: str, values: object, *, optional: bool = False) -> Mistake:
        flat = tuple(float(value) for value in np.ravel(np.asarray(values, dtype=float)))
        return cls(id, description, flat, optional)

    @property
    def finite(self) -> bool:
        return all(np.isfinite(self.values))
