"""Piecewise-linear activations. Kinks follow PyTorch's autograd; a NaN input has a NaN slope."""

from __future__ import annotations

import numpy as np


def _nan_where_nan(x: np.ndarray, slope: np.ndarray) -> np.ndarray:
    """A comparison with NaN is False and would pick a branch's slope; NaN is the honest answer."""
    nan = np.isnan(x)
    if nan.any():
        slope = np.where(nan, np.nan, slope)
    return slope


def relu(x: np.ndarray) -> np.ndarray:
    return np.maximum(x, 0.0)


def relu_derivative(x: np.ndarray) -> np.ndarray:
    return _nan_where_nan(x, np.where(x > 0, 1.0, 0.0))


def leaky_relu(x: np.ndarray, alpha: float) -> np.ndarray:
    # A slope above 1 can carry x past the float range: ±inf is then the rounded answer.
    with np.errstate(over="ignore"):
        return x * np.where(x > 0, 1.0, alpha)


def leaky_relu_derivative(x: np.ndarray, alpha: float) -> np.ndarray:
    return _nan_where_nan(x, np.where(x > 0, 1.0, alpha))


def prelu_param_gradient(x: np.ndarray, alpha: float) -> np.ndarray:
    """d/dα of (x if x > 0 else αx): the input itself on the non-positive side."""
    return np.minimum(x, 0.0)


def hard_tanh(x: np.ndarray, min: float, max: float) -> np.ndarray:
    return np.clip(x, min, max)


def hard_tanh_derivative(x: np.ndarray, min: float, max: float) -> np.ndarray:
    return _nan_where_nan(x, np.where((x > min) & (x < max), 1.0, 0.0))


def relu6(x: np.ndarray) -> np.ndarray:
    return np.clip(x, 0.0, 6.0)


def relu6_derivative(x: np.ndarray) -> np.ndarray:
    return hard_tanh_derivative(x, 0.0, 6.0)


def hard_sigmoid(x: np.ndarray) -> np.ndarray:
    return np.clip(x + 3.0, 0.0, 6.0) / 6.0


def hard_sigmoid_derivative(x: np.ndarray) -> np.ndarray:
    return _nan_where_nan(x, np.where((x > -3.0) & (x < 3.0), 1.0 / 6.0, 0.0))


def hard_swish(x: np.ndarray) -> np.ndarray:
    # x·(relu6(x+3)/6), not (x·relu6(x+3))/6: that product overflows near the float maximum.
    return x * hard_sigmoid(x)


def hard_swish_derivative(x: np.ndarray) -> np.ndarray:
    inside = np.where(x <= -3.0, 0.0, x / 3.0 + 0.5)
    return _nan_where_nan(x, np.where(x >= 3.0, 1.0, inside))


def softsign(x: np.ndarray) -> np.ndarray:
    return x / (1.0 + np.abs(x))


def softsign_derivative(x: np.ndarray) -> np.ndarray:
    # Square the reciprocal, not the denominator: (1 + |x|)² overflows from |x| ~ 1e154.
    return np.square(1.0 / (1.0 + np.abs(x)))
