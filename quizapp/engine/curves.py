"""Sampled curves of an activation and its derivative, for plots."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from quizapp.engine import get


@dataclass(frozen=True)
class Curve:
    """`x`, `y = f(x)` and `dy = f'(x)`; `label` says what a vector-valued function is cut to."""

    x: np.ndarray
    y: np.ndarray
    dy: np.ndarray
    label: str


def sample_curve(name: str, low: float, high: float, points: int = 201) -> Curve:
    """Softmax-like functions act on vectors: they are drawn as their first output for the logits
    (x, 0), which is how a two-class softmax reduces to a sigmoid."""
    if not (np.isfinite(low) and np.isfinite(high)) or low >= high:
        raise ValueError(f"the range must be two finite numbers, low < high; got {low}, {high}")
    if points < 2:
        raise ValueError(f"points must be at least 2, got {points}")
    activation = get(name)
    x = np.linspace(low, high, points)
    if activation.elementwise:
        return Curve(x, activation(x), activation.derivative(x), activation.display_name)
    logits = np.stack([x, np.zeros_like(x)], axis=-1)
    y = activation(logits)[..., 0]
    dy = activation.derivative(logits)[..., 0, 0]
    return Curve(x, y, dy, f"{activation.display_name} of (x, 0), first output")
