"""GELU, exact (x·Φ(x)) and with PyTorch's tanh approximation."""

from __future__ import annotations

import math

import numpy as np

from quizapp.engine.logistic import sigmoid, sigmoid_derivative

_SQRT_2_OVER_PI = math.sqrt(2.0 / math.pi)
_CUBIC = 0.044715
_erfc = np.frompyfunc(math.erfc, 1, 1)


def _normal_cdf(x: np.ndarray) -> np.ndarray:
    return (0.5 * _erfc(-x / math.sqrt(2.0))).astype(x.dtype)


def _normal_pdf(x: np.ndarray) -> np.ndarray:
    return np.exp(-0.5 * np.square(np.clip(x, -40.0, 40.0))) / math.sqrt(2.0 * math.pi)


def _tanh_argument(x: np.ndarray) -> np.ndarray:
    """2·√(2/π)(x + 0.044715x³), since 1 + tanh(y/2) = 2σ(y); clipped where σ has saturated."""
    bounded = np.clip(x, -1e5, 1e5)
    return 2.0 * _SQRT_2_OVER_PI * (bounded + _CUBIC * bounded**3)


def gelu(x: np.ndarray, approximate: str) -> np.ndarray:
    if approximate == "tanh":
        return x * sigmoid(_tanh_argument(x))
    return x * _normal_cdf(x)


def gelu_derivative(x: np.ndarray, approximate: str) -> np.ndarray:
    bounded = np.clip(x, -1e5, 1e5)
    if approximate == "tanh":
        argument = _tanh_argument(x)
        argument_slope = 2.0 * _SQRT_2_OVER_PI * (1.0 + 3.0 * _CUBIC * np.square(bounded))
        return sigmoid(argument) + bounded * sigmoid_derivative(argument) * argument_slope
    return _normal_cdf(x) + bounded * _normal_pdf(bounded)
