"""Running a kernel with the floating-point events it may raise silenced, at the least cost.

Each kernel declares the events it may raise on some input: underflow where 0 is the intended
result (sigmoid(-1000)), invalid where ±inf meets 0 and NaN is PyTorch's answer too (silu(-inf)),
overflow or division by zero where ±inf or 0 is the exact limit. Those are silenced; every other
event stays the caller's setting (tests/engine/test_engine_numerics.py runs every function under
`np.errstate(all="raise")` on every class of input).

`np.errstate` costs more than the numpy call it guards on a few values, so when numpy exposes its
error state (a context variable, numpy >= 2) it is read directly: a kernel whose events the
caller's state already ignores (underflow, by numpy's default) runs as it is, and otherwise the
silencing state is set and reset on that variable, built once per caller state.
"""

from __future__ import annotations

from collections.abc import Callable
from contextvars import ContextVar
from functools import partial
from typing import Any, Literal, NamedTuple

import numpy as np

Events = frozenset[str]

NONE: Events = frozenset()
UNDER: Events = frozenset({"under"})
UNDER_INVALID: Events = frozenset({"under", "invalid"})
OVER: Events = frozenset({"over"})
ALL: Events = frozenset({"under", "invalid", "over", "divide"})

Kernel = Callable[..., np.ndarray]


def _numpy_state() -> tuple[ContextVar[Any], Callable[..., Any]] | None:
    try:
        from numpy._core.umath import _extobj_contextvar, _make_extobj
    except ImportError:  # numpy 1.x keeps its error state elsewhere: np.errstate it is
        return None
    return _extobj_contextvar, _make_extobj


_NUMPY_STATE = _numpy_state()


class _Known(NamedTuple):
    """What one caller state ignores, and the silencing states derived from it so far."""

    state: object
    ignored: Events
    silencing: dict[Events, object]


_known = _Known(object(), NONE, {})


def run(kernel: Kernel, args: tuple[Any, ...], events: Events, x: np.ndarray) -> np.ndarray:
    """kernel(x, *args) with `events` silenced and every other event left to the caller (x last,
    so that `bound` can fix the rest)."""
    if not events:
        return kernel(x, *args)
    if _NUMPY_STATE is None:
        with _errstate(events):
            return kernel(x, *args)
    variable, make = _NUMPY_STATE
    state = variable.get()
    known = _known
    if known.state is not state:
        known = _learn(state)
    if events <= known.ignored:
        return kernel(x, *args)
    silencing = known.silencing.get(events)
    if silencing is None:
        silencing = known.silencing[events] = make(**dict.fromkeys(events, "ignore"))
    token = variable.set(silencing)
    try:
        return kernel(x, *args)
    finally:
        variable.reset(token)


def bound(
    kernel: Kernel, args: tuple[Any, ...], events: Events
) -> Callable[[np.ndarray], np.ndarray]:
    """`run` with everything but x fixed; a kernel that raises no event is called directly."""
    if events:
        return partial(run, kernel, args, events)
    if not args:
        return kernel

    def call(x: np.ndarray) -> np.ndarray:
        return kernel(x, *args)

    return call


def _errstate(events: Events) -> np.errstate:
    def mode(event: str) -> Literal["ignore"] | None:
        return "ignore" if event in events else None

    return np.errstate(
        under=mode("under"), invalid=mode("invalid"), over=mode("over"), divide=mode("divide")
    )


def _learn(state: object) -> _Known:
    """Remembers the caller's state (holding it, so its identity cannot be reused)."""
    global _known
    ignored = frozenset(event for event, mode in np.geterr().items() if mode == "ignore")
    _known = _Known(state, ignored, {})
    return _known
