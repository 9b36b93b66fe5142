"""Sampled curves of an activation and its derivative, over a plot range the user can change."""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np

from quizapp.engine import get

PLOT_LIMIT = 1e6
"""No plot reaches past ±PLOT_LIMIT: every curve is a straight line or flat long before, and near
the float limit the range width overflows and plotting libraries fail."""
MIN_HALF_WIDTH = 1e-3
"""Zooming in stops at this half-width."""


@dataclass(frozen=True)
class Curve:
    """`x`, `y = f(x)` and `dy = f'(x)`; `label` says what a vector-valued function is cut to."""

    x: np.ndarray
    y: np.ndarray
    dy: np.ndarray
    label: str


def check_range(low: float, high: float) -> None:
    """Raises ValueError, in words a user can act on, for a range that cannot be plotted."""
    if not (math.isfinite(low) and math.isfinite(high)) or low >= high:
        raise ValueError(f"the range must be two finite numbers, low < high; got {low:g}, {high:g}")
    if low < -PLOT_LIMIT or high > PLOT_LIMIT:
        raise ValueError(f"the range must lie within ±{PLOT_LIMIT:g}; got {low:g}, {high:g}")


def parse_range(text: str) -> tuple[float, float]:
    """`"-5 5"` or `"-5, 5"` -> (-5.0, 5.0); ValueError says what is wrong with the text."""
    parts = text.replace(",", " ").split()
    try:
        low, high = (float(part) for part in parts)
    except ValueError:
        raise ValueError(f"type two numbers, low then high, e.g. -5 5; got {text!r}") from None
    check_range(low, high)
    return low, high


def zoom_range(low: float, high: float, factor: float) -> tuple[float, float]:
    """The range scaled by `factor` about its middle (factor < 1 zooms in), kept plottable:
    zooming in stops at MIN_HALF_WIDTH, zooming out at ±PLOT_LIMIT."""
    check_range(low, high)
    if not (math.isfinite(factor) and factor > 0):
        raise ValueError(f"the zoom factor must be a positive number, got {factor:g}")
    middle = low / 2 + high / 2
    half = max(min((high - low) / 2 * factor, PLOT_LIMIT), MIN_HALF_WIDTH)
    return max(middle - half, -PLOT_LIMIT), min(middle + half, PLOT_LIMIT)


def sample_curve(name: str, low: float, high: float, points: int = 201) -> Curve:
    """Softmax-like functions act on vectors: they are drawn as their first output for the logits
    (x, 0), which is how a two-class softmax reduces to a sigmoid."""
    check_range(low, high)
    if points < 2:
        raise ValueError(f"points must be at least 2, got {points}")
    activation = get(name)
    x = np.linspace(low, high, points)
    if activation.elementwise:
        y, dy = np.asarray(activation(x)), np.asarray(activation.derivative(x))
        return Curve(x, y, dy, activation.display_name)
    logits = np.stack([x, np.zeros_like(x)], axis=-1)
    y = np.asarray(activation(logits))[..., 0]
    dy = np.asarray(activation.derivative(logits))[..., 0, 0]
    return Curve(x, y, dy, f"{activation.display_name} of (x, 0), first output")
