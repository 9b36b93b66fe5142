"""Piecewise-linear activations. Kinks follow PyTorch's autograd; a NaN input has a NaN slope.

Slopes are built from 0/1 masks (m + (1 - m)·a selects 1 or a exactly) rather than np.where,
which is several times slower on an unpredictable mask.
"""

from __future__ import annotations

import numpy as np

from quizapp.engine.arrays import clip, times


def _mask(condition: np.ndarray, like: np.ndarray) -> np.ndarray:
    return condition.astype(like.dtype)


def _nan_where_nan(x: np.ndarray, slope: np.ndarray) -> np.ndarray:
    """A comparison with NaN is False and picks a branch's slope; NaN is the honest answer."""
    nan = np.isnan(x)
    if nan.any():
        slope[nan] = np.nan
    return slope


def _slope(x: np.ndarray, alpha: float) -> np.ndarray:
    """1 where x > 0, else alpha (NaN included, as PyTorch's x > 0 ? x : alpha·x does)."""
    positive = _mask(x > 0, x)
    slope = 1.0 - positive
    slope *= alpha
    slope += positive
    return slope


def relu(x: np.ndarray) -> np.ndarray:
    return np.maximum(x, 0.0)


def relu_derivative(x: np.ndarray) -> np.ndarray:
    return _nan_where_nan(x, _mask(x > 0, x))


def leaky_relu(x: np.ndarray, alpha: float) -> np.ndarray:
    if alpha == 0:
        # PyTorch's x·0 on the left: -0.0, and NaN at -inf.
        return x * (x > 0)
    # x > 0 ? x : αx is max(x, αx) for α <= 1 and min(x, αx) for α > 1. A slope above 1 can
    # carry x past the float range: ±inf is then the rounded answer.
    scaled = times(alpha, x)
    pick = np.maximum if alpha <= 1 else np.minimum
    return pick(x, scaled, out=scaled)


def leaky_relu_derivative(x: np.ndarray, alpha: float) -> np.ndarray:
    return _nan_where_nan(x, _slope(x, alpha))


def prelu_param_gradient(x: np.ndarray, alpha: float) -> np.ndarray:
    """d/dα of (x if x > 0 else αx): the input itself on the non-positive side."""
    return np.minimum(x, 0.0)


def hard_tanh(x: np.ndarray, min: float, max: float) -> np.ndarray:
    return clip(x, min, max)


def hard_tanh_derivative(x: np.ndarray, min: float, max: float) -> np.ndarray:
    inside = x > min
    inside &= x < max
    return _nan_where_nan(x, _mask(inside, x))


def relu6(x: np.ndarray) -> np.ndarray:
    return clip(x, 0.0, 6.0)


def relu6_derivative(x: np.ndarray) -> np.ndarray:
    return hard_tanh_derivative(x, 0.0, 6.0)


def hard_sigmoid(x: np.ndarray) -> np.ndarray:
    result = x + 3.0
    clip(result, 0.0, 6.0, out=result)
    result /= 6.0
    return result


def hard_sigmoid_derivative(x: np.ndarray) -> np.ndarray:
    slope = hard_tanh_derivative(x, -3.0, 3.0)
    slope /= 6.0
    return slope


def hard_swish(x: np.ndarray) -> np.ndarray:
    # x·(relu6(x+3)/6), not (x·relu6(x+3))/6: that product overflows near the float maximum.
    result = hard_sigmoid(x)
    result *= x
    return result


def hard_swish_derivative(x: np.ndarray) -> np.ndarray:
    # x/3 + 1/2 strictly between -3 and 3 (clipped first, so ±inf never meets the 0 mask),
    # 0 at and below -3, 1 at and above 3; NaN stays NaN through the clip.
    inside = clip(x, -3.0, 3.0)
    inside /= 3.0
    inside += 0.5
    between = x > -3.0
    between &= x < 3.0
    inside *= between
    inside += x >= 3.0
    return inside


def softsign(x: np.ndarray) -> np.ndarray:
    denominator = np.abs(x)
    denominator += 1.0
    return np.divide(x, denominator, out=denominator)


def softsign_derivative(x: np.ndarray) -> np.ndarray:
    # Square the reciprocal, not the denominator: (1 + |x|)² overflows from |x| ~ 1e154.
    result = np.abs(x)
    result += 1.0
    np.reciprocal(result, out=result)
    result *= result
    return result
