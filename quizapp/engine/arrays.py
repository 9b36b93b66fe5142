"""Input conversion and the dtype contract shared by every activation."""

from __future__ import annotations

import numpy as np
from numpy.typing import ArrayLike

from quizapp.engine.fp_events import OVER, Events, run


def as_input(x: ArrayLike) -> tuple[np.ndarray, np.dtype]:
    """Return the array to compute on and the dtype to answer in.

    float32 and float64 are kept (frameworks compute in the input's precision); float16 is computed
    in float32 and rounded back; integers, lists and other real input become float64. Strings,
    booleans, complex numbers and ragged lists are rejected rather than guessed at.
    """
    if type(x) is np.ndarray and (x.dtype is FLOAT64 or x.dtype is _FLOAT32):
        return x, x.dtype  # the common case, decided without comparing dtypes
    try:
        array = np.asarray(x)
    except ValueError as error:
        raise ValueError(f"x must be a number or a rectangular array of numbers: {error}") from None
    kind = array.dtype.kind
    if kind == "f":
        if array.dtype == np.float16:
            return array.astype(np.float32), array.dtype
        if array.dtype in (np.float32, np.float64):
            return array, array.dtype
        return array.astype(np.float64), np.dtype(np.float64)
    if kind in "iu":
        return array.astype(np.float64), np.dtype(np.float64)
    raise TypeError(f"x must contain real numbers, got an array of dtype {array.dtype}")


def widened(array: np.ndarray, args: tuple[object, ...]) -> np.ndarray:
    """float32 input (or float16, computed in float32) with a real parameter that float32 cannot
    hold, or whose reciprocal it cannot hold (kernels divide by some), as a normal number: computed
    in float64 instead, as float16 is in float32, and rounded back by `as_output`. In float32 the
    parameter would overflow or underflow on its way into the kernel's first operation."""
    if array.dtype is _FLOAT32:
        for arg in args:
            if type(arg) is float and arg != 0.0 and not _FLOAT32_LOW <= abs(arg) <= _FLOAT32_HIGH:
                return array.astype(FLOAT64)
    return array


def as_output(result: np.ndarray, dtype: np.dtype) -> np.ndarray | np.floating:
    """Cast to the answer dtype; a 0-d result becomes a numpy scalar, as numpy's ufuncs do.
    Rounding to a narrower float may underflow or overflow: 0 or ±inf is the rounded answer."""
    if result.dtype is not dtype:
        result = run(np.ndarray.astype, (dtype,), ROUNDING, result)
    return result[()] if result.ndim == 0 else result


def times(factor: float, x: np.ndarray, out: np.ndarray | None = None) -> np.ndarray:
    """factor·x. A factor above 1 in magnitude may carry x past the float range: ±inf is then
    the rounded answer, and the overflow is not reported."""
    if -1.0 <= factor <= 1.0:
        return np.multiply(x, factor, out=out)
    return run(_product, (factor, out), OVER, x)


def _product(x: np.ndarray, factor: float, out: np.ndarray | None) -> np.ndarray:
    return np.multiply(x, factor, out=out)


def clip(x: np.ndarray, low: float, high: float, out: np.ndarray | None = None) -> np.ndarray:
    """np.clip's result (NaN stays NaN) from two ufunc calls, without np.clip's Python-level
    dispatch, which costs several numpy calls on a few values."""
    result = np.maximum(x, low, out=out)
    return np.minimum(result, high, out=result)


FLOAT64 = np.dtype(np.float64)
_FLOAT32 = np.dtype(np.float32)
# A float32 parameter p with p and 1/p normal float32 numbers: 2^-126 <= |p| <= 2^126.
_FLOAT32_LOW = float(np.finfo(np.float32).smallest_normal)
_FLOAT32_HIGH = 1.0 / _FLOAT32_LOW
ROUNDING: Events = frozenset({"under", "over"})
