"""Humane random inputs: few decimals, distinct values, nothing sitting on a kink."""

from __future__ import annotations

import functools
from collections.abc import Mapping

import numpy as np

from quizapp import engine
from quizapp.questions.spec import Redraw

# The slopes either side of a kink differ by at least this much for every engine function
# (the smallest is Hard Sigmoid's 1/6 step); smooth functions change far less over 2e-7.
_KINK_JUMP = 1e-3
_KINK_PROBE = 1e-7

ALPHA_CHOICES: dict[str, tuple[float, ...]] = {
    "leaky_relu": (0.01, 0.1, 0.2),
    "prelu": (0.25, 0.1, 0.2),
    "elu": (1.0, 0.5),
    "celu": (1.0, 0.5, 2.0),
}
"""Alphas a question may use when the card does not fix one: the default and common alternatives."""

_QUESTION_PARAMS = ("alpha", "beta", "threshold", "approximate", "min", "max")


@functools.cache
def question_params(name: str) -> tuple[str, ...]:
    """The engine parameters a card may set for this activation (not `axis`: inputs are 1-D)."""
    return tuple(key for key in engine.get(name).defaults if key in _QUESTION_PARAMS)


def activation_params(
    rng: np.random.Generator, name: str, given: Mapping[str, object]
) -> dict[str, object]:
    """The card's parameters, plus a drawn alpha where the family varies it."""
    params = dict(given)
    if name in ALPHA_CHOICES and "alpha" not in params:
        params["alpha"] = float(rng.choice(ALPHA_CHOICES[name]))
    return params


def grid(
    rng: np.random.Generator,
    count: int,
    low: float,
    high: float,
    *,
    step: float | None = None,
) -> np.ndarray:
    """`count` distinct values in [low, high] on a grid of 1, 0.5 or 0.1 (drawn unless given)."""
    if step is None:
        step = float(rng.choice((1.0, 0.5, 0.1)))
    points = np.arange(round(low / step), round(high / step) + 1)
    if points.size < count:
        raise Redraw
    chosen = rng.choice(points, size=count, replace=False)
    return np.round(chosen * step, 1)


def mixed_signs(values: np.ndarray) -> bool:
    return bool((values < 0).any() and (values > 0).any())


def on_kink(name: str, values: np.ndarray, params: Mapping[str, object]) -> bool:
    """True if any value sits where the function's slope jumps (the derivative is a convention)."""
    act = engine.get(name)
    if not act.elementwise:
        return False
    left = np.asarray(act.derivative(values - _KINK_PROBE, **params))
    right = np.asarray(act.derivative(values + _KINK_PROBE, **params))
    return bool((np.abs(left - right) > _KINK_JUMP).any())


def avoid_kinks(name: str, values: np.ndarray, params: Mapping[str, object]) -> np.ndarray:
    if on_kink(name, values, params):
        raise Redraw
    return values
