"""Comparing what the user's function returned with what the engine expects, in the app only."""

from __future__ import annotations

import numpy as np

RTOL = {np.dtype(np.float64): 1e-6, np.dtype(np.float32): 1e-4}
ATOL = {np.dtype(np.float64): 1e-9, np.dtype(np.float32): 1e-6}


def show_array(array: np.ndarray) -> str:
    """An array as one compact line (long arrays are abbreviated by numpy)."""
    text = np.array2string(
        np.asarray(array), precision=6, threshold=24, edgeitems=3, max_line_width=10_000
    )
    suffix = f" ({array.dtype})" if array.dtype != np.float64 else ""
    return " ".join(text.split()) + suffix


def mismatch(expected: np.ndarray, got: np.ndarray, position: str = "") -> str | None:
    """Why `got` is not `expected` (shape, dtype, or the first element out of tolerance), or
    None when it matches. Arrays must keep the input's dtype; a scalar may be any real type."""
    where = f"{position} " if position else ""
    if got.shape != expected.shape:
        return f"{where}has shape {got.shape}, expected {expected.shape}"
    if expected.ndim and got.dtype != expected.dtype:
        return f"{where}is {got.dtype}, expected {expected.dtype} (keep the input's dtype)"
    dtype = expected.dtype if expected.dtype in RTOL else np.dtype(np.float64)
    close = np.isclose(got, expected, rtol=RTOL[dtype], atol=ATOL[dtype], equal_nan=True)
    if close.all():
        return None
    index = tuple(int(i) for i in np.argwhere(~np.asarray(close))[0])
    shown = f"[{', '.join(map(str, index))}]" if index else ""
    return (
        f"{where}first differs at {shown or 'the value'}: expected "
        f"{np.asarray(expected)[index].item()!r}, got {np.asarray(got)[index].item()!r}"
    )


def constant_factor(expected: np.ndarray, got: np.ndarray) -> float | None:
    """The one factor (≠ 1) every returned value is of the expected one, when there is one: a
    value wrong by the same ratio everywhere (a missing mean, a doubled term) is named as such.
    None when the shapes differ, a value is not finite, or the ratios differ."""
    if got.shape != expected.shape or not got.size or got.dtype.kind not in "biuf":
        return None
    dtype = expected.dtype if expected.dtype in RTOL else np.dtype(np.float64)
    expected = expected.astype(np.float64)
    got = got.astype(np.float64)
    if not (np.isfinite(expected).all() and np.isfinite(got).all()):
        return None
    telling = np.abs(expected) > ATOL[dtype]
    if not telling.any():
        return None
    factor = float(np.median(got[telling] / expected[telling]))
    rtol = RTOL[dtype]
    if np.isclose(factor, 1.0, rtol=rtol) or factor == 0:
        return None
    scaled = expected * factor
    if not np.allclose(got, scaled, rtol=rtol, atol=ATOL[dtype]):
        return None
    return factor
