"""Piecewise-linear activations. Kinks follow PyTorch's autograd; a NaN input has a NaN slope.

Slopes are 0/1 steps combined by exact selections (max(h, a) is 1 or a for a in [0, 1];
h + (1 - h)·a likewise for any a) rather than np.where, which is several times slower on an
unpredictable mask. On a few values a step is np.heaviside (NaN at NaN in one numpy call); on
many, a comparison cast to floats with NaN written back (heaviside is a scalar loop, several
times slower per value).
"""

from __future__ import annotations

import numpy as np

from quizapp.engine.arrays import clip, times

# Up to this many values a kernel's cost is its number of numpy calls.
_FEW = 64


def _step(x: np.ndarray) -> np.ndarray:
    """1 where x > 0, 0 where x <= 0 (-0.0 included), NaN at NaN."""
    if x.size <= _FEW:
        return np.heaviside(x, 0.0)
    return _with_nan(x, (x > 0).astype(x.dtype))


def _with_nan(x: np.ndarray, slope: np.ndarray) -> np.ndarray:
    """A comparison with NaN is False and picks a branch's slope; NaN is the honest answer."""
    nan = np.isnan(x)
    if nan.any():
        slope[nan] = np.nan
    return slope


# x - low cannot overflow while |low| is below half an ulp of the largest float: 2^970 in
# float64, 2^103 in float32.
_NO_OVERFLOW = {np.dtype(np.float64): 1e290, np.dtype(np.float32): 1e30}


def _between(x: np.ndarray, low: float, high: float) -> np.ndarray:
    """1 strictly between low and high, 0 elsewhere, NaN at NaN: on a few values the step of
    x - low (exact, and 0 only at x = low) times x < high."""
    if x.size > _FEW or not abs(low) < _NO_OVERFLOW[x.dtype]:
        inside = x > low
        inside &= x < high
        return _with_nan(x, inside.astype(x.dtype))
    slope = _step(x - low if low else x)
    slope *= x < high
    return slope


def relu(x: np.ndarray) -> np.ndarray:
    return np.maximum(x, 0.0)


def relu_derivative(x: np.ndarray) -> np.ndarray:
    return _step(x)


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
    """1 where x > 0, else alpha (NaN included, as PyTorch's x > 0 ? x : alpha·x does)."""
    if 0.0 <= alpha <= 1.0:
        slope = _step(x)
        return np.maximum(slope, alpha, out=slope)
    # h + (1 - h)·alpha: one term is exactly 0.
    step = _step(x)
    slope = 1.0 - step
    slope *= alpha
    slope += step
    return slope


def prelu_param_gradient(x: np.ndarray, alpha: float) -> np.ndarray:
    """d/dα of (x if x > 0 else αx): the input itself on the non-positive side."""
    return np.minimum(x, 0.0)


def hard_tanh(x: np.ndarray, min: float, max: float) -> np.ndarray:
    return clip(x, min, max)


def hard_tanh_derivative(x: np.ndarray, min: float, max: float) -> np.ndarray:
    return _between(x, min, max)


def relu6(x: np.ndarray) -> np.ndarray:
    return clip(x, 0.0, 6.0)


def relu6_derivative(x: np.ndarray) -> np.ndarray:
    return _between(x, 0.0, 6.0)


def hard_sigmoid(x: np.ndarray) -> np.ndarray:
    result = x + 3.0
    clip(result, 0.0, 6.0, out=result)
    result /= 6.0
    return result


def hard_sigmoid_derivative(x: np.ndarray) -> np.ndarray:
    slope = _between(x, -3.0, 3.0)
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
