"""The sigmoid family, written around e = exp(-|x|) so that nothing can overflow."""

from __future__ import annotations

import numpy as np


def _decay(x: np.ndarray) -> np.ndarray:
    """exp(-|x|), in (0, 1]: every stable logistic formula below is a ratio of it."""
    return np.exp(-np.abs(x))


def sigmoid(x: np.ndarray) -> np.ndarray:
    e = _decay(x)
    return np.where(x >= 0, 1.0, e) / (1.0 + e)


def sigmoid_derivative(x: np.ndarray) -> np.ndarray:
    # σ(x)·σ(-x), not σ(1 - σ): the latter is exactly 0 once σ rounds to 1 (x > 37).
    e = _decay(x)
    return e / np.square(1.0 + e)


def tanh(x: np.ndarray) -> np.ndarray:
    return np.tanh(x)


def tanh_derivative(x: np.ndarray) -> np.ndarray:
    # sech²(x) = 4e/(1+e)² with e = exp(-2|x|); 1 - tanh² would cancel to 0 for |x| > 19.
    e = np.square(_decay(x))
    return 4.0 * e / np.square(1.0 + e)


def log_sigmoid(x: np.ndarray) -> np.ndarray:
    return np.minimum(x, 0.0) - np.log1p(_decay(x))


def log_sigmoid_derivative(x: np.ndarray) -> np.ndarray:
    e = _decay(x)
    return np.where(x >= 0, e, 1.0) / (1.0 + e)


def _scaled(x: np.ndarray, beta: float) -> np.ndarray:
    # beta·x may overflow to ±inf for huge x; ±inf then takes the linear branch, as intended.
    with np.errstate(over="ignore"):
        return beta * x


def softplus(x: np.ndarray, beta: float, threshold: float) -> np.ndarray:
    """PyTorch's definition: the identity once beta·x exceeds `threshold`, else log(1+e^(βx))/β."""
    z = _scaled(x, beta)
    smooth = (np.maximum(z, 0.0) + np.log1p(_decay(z))) / beta
    return np.where(z > threshold, x, smooth)


def softplus_derivative(x: np.ndarray, beta: float, threshold: float) -> np.ndarray:
    z = _scaled(x, beta)
    return np.where(z > threshold, 1.0, sigmoid(z))


def silu(x: np.ndarray) -> np.ndarray:
    return x * sigmoid(x)


def _bounded(x: np.ndarray) -> np.ndarray:
    """x clipped where the factors it multiplies have underflowed to 0, keeping ±inf·0 out."""
    return np.clip(x, -800.0, 800.0)


def silu_derivative(x: np.ndarray) -> np.ndarray:
    e = _decay(x)
    return np.where(x >= 0, 1.0, e) / (1.0 + e) + _bounded(x) * e / np.square(1.0 + e)


def _mish_parts(x: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """tanh(softplus(x)) and its complement 1 - tanh(softplus(x)), both without cancellation.

    With E = e^x, tanh(log(1+E)) = (E² + 2E) / (E² + 2E + 2). For x >= 0 divide through by E²
    (e = e^-x): (1 + 2e) / (1 + 2e + 2e²); for x < 0 use e = E directly.
    """
    e = _decay(x)
    positive = x >= 0
    numerator = np.where(positive, 1.0 + 2.0 * e, e * (e + 2.0))
    rest = np.where(positive, 2.0 * e * e, 2.0)
    denominator = numerator + rest
    return numerator / denominator, rest / denominator


def mish(x: np.ndarray) -> np.ndarray:
    return x * _mish_parts(x)[0]


def mish_derivative(x: np.ndarray) -> np.ndarray:
    g, complement = _mish_parts(x)
    return g + _bounded(x) * complement * (1.0 + g) * sigmoid(x)
