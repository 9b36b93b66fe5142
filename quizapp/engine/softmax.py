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
        dimensions = f"{x.ndim} dimension{'' if x.ndim == 1 else 's'}"
        raise ValueError(f"axis {axis} is out of range for an input with {dimensions}")
    return axis % x.ndim


def _shift(last: np.ndarray) -> np.ndarray:
    """Scores minus their maximum along the last axis, so that every exp is at most 1."""
    # Scores further apart than the float range give -inf (overflow, silenced: see the registry):
    # exp(-inf) = 0 is the right weight, and -inf is the log-probability rounded (e.g.
    # log_softmax([-1e308, 1e308])[0] = -2e308).
    return last - last.max(axis=-1, keepdims=True)


def _shifted(last: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray | np.intp, np.ndarray]:
    """Scores minus their maximum, their exps, one maximal position per row (an index for a
    vector, else a mask), and the other exps' sum.

    The row's maximum of `shifted` is exactly 0, unless the row holds a NaN or +inf: then the
    whole row must be NaN, as PyTorch's log-sum-exp makes it, so that maximum is added to the sum.
    """
    if last.ndim == 1:
        # A vector (what a question computes): the same numbers from a few scalar steps, where
        # a mask of the maximum costs several numpy calls. argmax finds the first NaN, or the
        # first maximum.
        top = last.argmax()
        shifted = last - last[top]
        exps = np.exp(shifted)
        peak = exps[top]
        exps[top] = 0.0
        rest = exps.sum() + shifted[top]
        exps[top] = peak
        return shifted, exps, top, rest
    shifted = _shift(last)
    exps = np.exp(shifted)
    at_top = np.arange(shifted.shape[-1]) == shifted.argmax(axis=-1)[..., None]
    rest = np.where(at_top, 0.0, exps).sum(axis=-1, keepdims=True)
    rest += shifted.max(axis=-1, keepdims=True)
    return shifted, exps, at_top, rest


def _along_last(x: np.ndarray, axis: int) -> tuple[np.ndarray, int]:
    """x with `axis` moved last (no move when it is last already, the usual case), and the axis."""
    ax = _normalized_axis(x, axis)
    return (x if ax == x.ndim - 1 else np.moveaxis(x, ax, -1)), ax


def _forward(x: np.ndarray, axis: int, log: bool) -> np.ndarray:
    last, ax = _along_last(x, axis)
    if last.shape[-1] == 0:
        return x.copy()
    if log:
        shifted, _, _, rest = _shifted(last)
        result = shifted - np.log1p(rest)
    else:
        exps = np.exp(_shift(last))
        result = exps / exps.sum(axis=-1, keepdims=True)
    return result if ax == x.ndim - 1 else np.moveaxis(result, -1, ax)


def _jacobian(x: np.ndarray, axis: int, log: bool) -> np.ndarray:
    last, ax = _along_last(x, axis)
    n = last.shape[-1]
    if n == 0:
        return np.empty((*x.shape, 0), dtype=x.dtype)
    _, exps, at_top, rest = _shifted(last)
    total = 1.0 + rest
    p = exps / total
    # 1 - p, computed as rest/total at the maximum, where p may round to 1.
    complement = 1.0 - p
    if last.ndim == 1:
        complement[at_top] = rest / total
    else:
        np.copyto(complement, rest / total, where=at_top)
    if log:
        # d log y_i / d x_j = δ_ij - y_j
        jacobian = np.zeros((n, 1), dtype=x.dtype) - p[..., None, :]
        _set_diagonal(jacobian, complement)
    else:
        # d y_i / d x_j = y_i (δ_ij - y_j)
        jacobian = -p[..., :, None] * p[..., None, :]
        _set_diagonal(jacobian, p * complement)
    return jacobian if ax == x.ndim - 1 else np.moveaxis(jacobian, -2, ax)


def _set_diagonal(jacobian: np.ndarray, values: np.ndarray) -> None:
    """Write `values` on the diagonal of the last two axes of a freshly built (contiguous)
    array, through a strided view: several times faster than fancy indexing."""
    n = values.shape[-1]
    jacobian.reshape(*jacobian.shape[:-2], n * n)[..., :: n + 1] = values


def softmax(x: np.ndarray, axis: int) -> np.ndarray:
    return _forward(x, axis, log=False)


def softmax_jacobian(x: np.ndarray, axis: int) -> np.ndarray:
    return _jacobian(x, axis, log=False)


def log_softmax(x: np.ndarray, axis: int) -> np.ndarray:
    return _forward(x, axis, log=True)


def log_softmax_jacobian(x: np.ndarray, axis: int) -> np.ndarray:
    return _jacobian(x, axis, log=True)
