"""softmax and log_softmax along an axis, with their Jacobians.

Shifting by the maximum keeps exp from overflowing (softmax([1000, 1001]) is exact), and the sum
of the non-maximal terms is kept apart so log-probabilities near 0 and the Jacobian's diagonal
keep full relative precision.
"""

from __future__ import annotations

import numpy as np


def _normalized_axis(x: np.ndarray, axis: int) -> int:
    if x.ndim == 0:
        raise ValueError("softmax needs an input with at least one dimension (a vector of scores)")
    if not -x.ndim <= axis < x.ndim:
        raise ValueError(f"axis {axis} is out of range for an input with {x.ndim} dimension(s)")
    return axis % x.ndim


def _shift(last: np.ndarray) -> np.ndarray:
    """Scores minus their maximum along the last axis, so that every exp is at most 1."""
    # Scores further apart than the float range give -inf: exp(-inf) = 0 is the right weight, and
    # -inf is the log-probability rounded (e.g. log_softmax([-1e308, 1e308])[0] = -2e308).
    with np.errstate(over="ignore"):
        return last - np.max(last, axis=-1, keepdims=True)


def _shifted(last: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """Scores minus their maximum, their exps, one maximal position, and the other exps' sum."""
    shifted = _shift(last)
    exps = np.exp(shifted)
    top = np.argmax(shifted, axis=-1)[..., None]
    others = exps.copy()
    np.put_along_axis(others, top, 0.0, axis=-1)
    # shifted[top] is exactly 0, unless the row holds a NaN (argmax finds NaNs first): then the
    # whole row must be NaN, as PyTorch's log-sum-exp makes it.
    rest = np.sum(others, axis=-1, keepdims=True) + np.take_along_axis(shifted, top, axis=-1)
    return shifted, exps, top, rest


def _forward(x: np.ndarray, axis: int, log: bool) -> np.ndarray:
    ax = _normalized_axis(x, axis)
    last = np.moveaxis(x, ax, -1)
    if last.shape[-1] == 0:
        return x.copy()
    if log:
        shifted, _, _, rest = _shifted(last)
        result = shifted - np.log1p(rest)
    else:
        exps = np.exp(_shift(last))
        result = exps / np.sum(exps, axis=-1, keepdims=True)
    return np.moveaxis(result, -1, ax)


def _jacobian(x: np.ndarray, axis: int, log: bool) -> np.ndarray:
    ax = _normalized_axis(x, axis)
    last = np.moveaxis(x, ax, -1)
    n = last.shape[-1]
    if n == 0:
        return np.empty((*x.shape, 0), dtype=x.dtype)
    _, exps, top, rest = _shifted(last)
    total = 1.0 + rest
    p = exps / total
    # 1 - p, computed as rest/total at the maximum, where p may round to 1.
    complement = 1.0 - p
    np.put_along_axis(complement, top, rest / total, axis=-1)
    diagonal = np.arange(n)
    if log:
        # d log y_i / d x_j = δ_ij - y_j
        jacobian = np.eye(n, dtype=x.dtype) - p[..., None, :]
        jacobian[..., diagonal, diagonal] = complement
    else:
        # d y_i / d x_j = y_i (δ_ij - y_j)
        jacobian = -p[..., :, None] * p[..., None, :]
        jacobian[..., diagonal, diagonal] = p * complement
    return np.moveaxis(jacobian, -2, ax)


def softmax(x: np.ndarray, axis: int) -> np.ndarray:
    return _forward(x, axis, log=False)


def softmax_jacobian(x: np.ndarray, axis: int) -> np.ndarray:
    return _jacobian(x, axis, log=False)


def log_softmax(x: np.ndarray, axis: int) -> np.ndarray:
    return _forward(x, axis, log=True)


def log_softmax_jacobian(x: np.ndarray, axis: int) -> np.ndarray:
    return _jacobian(x, axis, log=True)
