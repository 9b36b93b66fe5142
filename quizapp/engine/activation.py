"""The activation object: validated parameters, the dtype contract and metadata in one place."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any, NamedTuple

import numpy as np
from numpy.typing import ArrayLike

from quizapp.engine.arrays import FLOAT64, as_input, as_output, widened
from quizapp.engine.fp_events import NONE, UNDER_INVALID, Events, Kernel, bound, run
from quizapp.engine.params import Param, ParamValue, resolve


class _Step(NamedTuple):
    """A kernel, the floating-point events it may raise, and the kernel bound to the default
    parameters with those events silenced: what the common case calls."""

    kernel: Kernel
    events: Events
    direct: Callable[[np.ndarray], np.ndarray]


class Activation:
    """One activation function: forward values, derivative, and what content and plots display.

    The common case, a float64 vector of at most _BLOCK values with the default parameters,
    goes straight to the kernel: on a few values every numpy call or Python layer counts, and
    the general path (`_apply`) gives the same result for it through input conversion, parameter
    validation and output casting (tests/engine/test_engine_fast_path.py).
    """

    def __init__(
        self,
        name: str,
        display_name: str,
        forward: Kernel,
        derivative: Kernel,
        *,
        output_range: tuple[float, float],
        params: tuple[Param, ...] = (),
        elementwise: bool = True,
        check_params: Callable[[Mapping[str, Any]], None] | None = None,
        events: tuple[Events, Events] = (UNDER_INVALID, UNDER_INVALID),
        standard_forward: Callable[[np.ndarray], np.ndarray] | None = None,
    ) -> None:
        """`events`: the floating-point events the forward and the derivative kernel may raise
        on some input, which they are run with silenced (see `fp_events`); every other event is
        left to the caller's error state. `standard_forward`: the forward kernel specialised to
        the default parameters, where binding them costs a good part of a call on a few values
        (softplus); it must give what `forward` gives with them."""
        self.name = name
        self.display_name = display_name
        self.output_range = output_range
        self.elementwise = elementwise
        self._params = params
        self._check_params = check_params
        # Kernels take their parameters positionally, in the order of `params` (a test checks
        # their signatures): faster than keywords on a few values.
        self._default_args = tuple(self.defaults.values())
        self._seen_params: dict[tuple[tuple[Any, ...], ...], tuple[ParamValue, ...]] = {}
        self._forward = self._step(forward, events[0], standard_forward)
        self._derivative = self._step(derivative, events[1])

    def _step(
        self,
        kernel: Kernel,
        events: Events,
        standard: Callable[[np.ndarray], np.ndarray] | None = None,
    ) -> _Step:
        if standard is not None:
            return _Step(kernel, events, bound(standard, (), events))
        return _Step(kernel, events, bound(kernel, self._default_args, events))

    @property
    def defaults(self) -> dict[str, ParamValue]:
        """A fresh dict each time, so a caller editing it cannot change the engine."""
        return {spec.name: spec.default for spec in self._params}

    def __call__(self, x: ArrayLike, /, **params: Any) -> np.ndarray | np.floating:
        # The common case is tested inline here and in `derivative`: a shared helper would add a
        # Python call to every question's evaluation (issue 15 counts the engine's fixed cost).
        if (
            not params
            and type(x) is _NDARRAY
            and x.dtype is FLOAT64
            and x.ndim == 1
            and x.size <= _BLOCK
        ):
            return self._forward.direct(x)
        return self._apply(self._forward, x, params)

    def derivative(self, x: ArrayLike, /, **params: Any) -> np.ndarray | np.floating:
        """d(output)/d(input): elementwise, or the Jacobian along the axis for softmax-like maps."""
        if (
            not params
            and type(x) is _NDARRAY
            and x.dtype is FLOAT64
            and x.ndim == 1
            and x.size <= _BLOCK
        ):
            return self._derivative.direct(x)
        return self._apply(self._derivative, x, params)

    def resolve_params(self, params: Mapping[str, Any]) -> dict[str, ParamValue]:
        """The defaults overridden by `params`; TypeError/ValueError name a bad parameter."""
        resolved = resolve(self.name, self._params, params)
        if self._check_params is not None:
            self._check_params(resolved)
        return resolved

    def _kernel_args(self, params: Mapping[str, Any]) -> tuple[ParamValue, ...]:
        """`resolve_params` as the kernels take them, remembered: questions pass the same few
        parameters again and again. Keyed by the values' types too, so that True (rejected) is
        never taken for 1."""
        try:
            key = (tuple(params.items()), tuple(map(type, params.values())))
            return self._seen_params[key]
        except KeyError:
            args = tuple(self.resolve_params(params).values())
            if len(self._seen_params) >= _SEEN_PARAMS:
                self._seen_params.clear()
            self._seen_params[key] = args
            return args
        except TypeError:  # an unhashable value, which validation rejects with its name
            return tuple(self.resolve_params(params).values())

    def _apply(
        self, step: _Step, x: ArrayLike, params: Mapping[str, Any]
    ) -> np.ndarray | np.floating:
        """The general path: any input the dtype contract accepts, any valid parameters."""
        args = self._kernel_args(params) if params else self._default_args
        array, dtype = as_input(x)
        if params:
            array = widened(array, args)
        if self.elementwise and (array.ndim != 1 or array.size > _BLOCK):
            result = _in_blocks(step, array, args).reshape(array.shape)
        else:
            result = run(step.kernel, args, step.events, array)
        return as_output(result, dtype)

    def __repr__(self) -> str:
        return f"<Activation {self.name} {self.defaults}>"


# Parameter sets remembered per activation (a plot range or a question's draw uses a few).
_SEEN_PARAMS = 64

# np.ndarray without the attribute lookup, on every call's common-case check.
_NDARRAY = np.ndarray

# 2^15 values: a kernel's few temporaries stay in cache and are recycled by the allocator,
# instead of megabyte arrays that are mapped, page-faulted and returned to the system per call.
_BLOCK = 1 << 15


def _in_blocks(step: _Step, array: np.ndarray, args: tuple[Any, ...]) -> np.ndarray:
    """An elementwise kernel applied block by block to the flattened array (same result)."""
    flat = array.reshape(-1)
    if flat.size <= _BLOCK:
        return run(step.kernel, args, step.events, flat)
    first = run(step.kernel, args, step.events, flat[:_BLOCK])
    result = np.empty(flat.shape, dtype=first.dtype)
    result[:_BLOCK] = first
    for start in range(_BLOCK, flat.size, _BLOCK):
        result[start : start + _BLOCK] = run(
            step.kernel, args, step.events, flat[start : start + _BLOCK]
        )
    return result


class ParametricActivation(Activation):
    """An activation with a learnable parameter, whose gradient a training step needs too."""

    def __init__(self, *args: Any, param_gradient: Kernel, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._param_gradient = self._step(param_gradient, NONE)

    def param_gradient(self, x: ArrayLike, /, **params: Any) -> np.ndarray | np.floating:
        """d(output)/d(parameter), elementwise (same shape as x)."""
        if (
            not params
            and type(x) is _NDARRAY
            and x.dtype is FLOAT64
            and x.ndim == 1
            and x.size <= _BLOCK
        ):
            return self._param_gradient.direct(x)
        return self._apply(self._param_gradient, x, params)
