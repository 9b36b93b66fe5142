"""The ELU family: expm1 on the negative side (exact for tiny |x|), never exp of a large x.

Written as max(x, 0) + α·expm1(min(x, 0)): one of the two terms is exactly 0, so this selects
the branch exactly, without np.where's cost on an unpredictable mask.
"""

from __future__ import annotations

import numpy as np

from quizapp.engine.arrays import times

# Klambauer et al. (2017), the constants PyTorch and Keras hard-code for SELU.
SELU_ALPHA = 1.6732632423543772848170429916717
SELU_SCALE = 1.0507009873554804934193349852946


_MASKED_WRITE_MAX = 4096
"""Up to this many values a masked write (np.putmask) costs less than the two arithmetic passes
it replaces (on a few values, two numpy calls instead of four); on a block of 2^15 with a random
mask, more."""


def _negative_side(x: np.ndarray, inner_scale: float) -> np.ndarray:
    """min(x, 0)·inner_scale, where a tiny CELU alpha may push it to -inf (exp's limit is exact)."""
    negative = np.minimum(x, 0.0)
    if inner_scale != 1.0:
        times(inner_scale, negative, out=negative)
    return negative


def _elu(x: np.ndarray, alpha: float, inner_scale: float) -> np.ndarray:
    result = np.expm1(_negative_side(x, inner_scale))
    result *= alpha
    result += np.maximum(x, 0.0)
    return result


def _elu_derivative(x: np.ndarray, factor: float, inner_scale: float) -> np.ndarray:
    """factor·exp(min(x, 0)·inner_scale) at and below 0, 1 above: PyTorch takes the exponential
    branch at 0, so elu'(0) = alpha."""
    result = np.exp(_negative_side(x, inner_scale))
    if factor == 1.0:
        return result  # exp(min(x, 0)) is 1 above 0
    result *= factor
    if x.size <= _MASKED_WRITE_MAX:
        np.putmask(result, x > 0, 1.0)
        return result
    result *= x <= 0
    result += x > 0
    return result


def elu(x: np.ndarray, alpha: float) -> np.ndarray:
    return _elu(x, alpha, 1.0)


def elu_derivative(x: np.ndarray, alpha: float) -> np.ndarray:
    return _elu_derivative(x, alpha, 1.0)


def selu(x: np.ndarray) -> np.ndarray:
    # scale > 1: x within 5% of the float maximum rounds to inf, the nearest float.
    result = _elu(x, SELU_ALPHA, 1.0)
    return times(SELU_SCALE, result, out=result)


def selu_derivative(x: np.ndarray) -> np.ndarray:
    result = _elu_derivative(x, SELU_ALPHA, 1.0)
    result *= SELU_SCALE
    return result


def celu(x: np.ndarray, alpha: float) -> np.ndarray:
    return _elu(x, alpha, 1.0 / alpha)


def celu_derivative(x: np.ndarray, alpha: float) -> np.ndarray:
    # d/dx α·expm1(x/α) = exp(x/α): the alphas cancel exactly, not through α·(1/α).
    return _elu_derivative(x, 1.0, 1.0 / alpha)
