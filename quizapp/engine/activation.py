"""The activation object: validated parameters, the dtype contract and metadata in one place."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any, Literal, NamedTuple

import numpy as np
from numpy.typing import ArrayLike

from quizapp.engine.arrays import as_input, as_output
from quizapp.engine.params import Param, ParamValue, resolve

Kernel = Callable[..., np.ndarray]
Role = Literal["forward", "derivative"]


class _Step(NamedTuple):
    kernel: Kernel
    run: Callable[[Kernel, np.ndarray, Mapping[str, Any], bool], np.ndarray]


class Activation:
    """One activation function: forward values, derivative, and what content and plots display."""

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
        silent: tuple[Role, ...] = (),
    ) -> None:
        """`silent`: the kernels that raise no floating-point event for any input, finite or
        not (tests/engine/test_engine_numerics.py checks it); they run without the error state
        that quiets underflow, which costs about as much as one numpy call on a few values."""
        self.name = name
        self.display_name = display_name
        self.output_range = output_range
        self.elementwise = elementwise
        self.silent = silent
        self._forward = _Step(forward, _run if "forward" in silent else _run_quietly)
        self._derivative = _Step(derivative, _run if "derivative" in silent else _run_quietly)
        self._params = params
        self._check_params = check_params
        self._defaults = self.defaults

    @property
    def defaults(self) -> dict[str, ParamValue]:
        """A fresh dict each time, so a caller editing it cannot change the engine."""
        return {spec.name: spec.default for spec in self._params}

    def __call__(self, x: ArrayLike, /, **params: Any) -> np.ndarray | np.floating:
        return self._apply(self._forward, x, params)

    def derivative(self, x: ArrayLike, /, **params: Any) -> np.ndarray | np.floating:
        """d(output)/d(input): elementwise, or the Jacobian along the axis for softmax-like maps."""
        return self._apply(self._derivative, x, params)

    def resolve_params(self, params: Mapping[str, Any]) -> dict[str, ParamValue]:
        """The defaults overridden by `params`; TypeError/ValueError name a bad parameter."""
        resolved = resolve(self.name, self._params, params)
        if self._check_params is not None:
            self._check_params(resolved)
        return resolved

    def _apply(
        self, step: _Step, x: ArrayLike, params: Mapping[str, Any]
    ) -> np.ndarray | np.floating:
        resolved = self.resolve_params(params) if params else self._defaults
        array, dtype = as_input(x)
        return as_output(step.run(step.kernel, array, resolved, self.elementwise), dtype)

    def __repr__(self) -> str:
        return f"<Activation {self.name} {self.defaults}>"


def _run(
    kernel: Kernel, array: np.ndarray, params: Mapping[str, Any], elementwise: bool
) -> np.ndarray:
    if not elementwise:
        return kernel(array, **params)
    if array.ndim == 1 and array.size <= _BLOCK:
        return kernel(array, **params)
    return _in_blocks(kernel, array, params).reshape(array.shape)


# Underflow to 0 is the intended result at the extremes (sigmoid(-1000) == 0). Invalid operations
# only arise from ±inf/NaN inputs, where NaN is PyTorch's answer too (inf·0 in silu(-inf)) or in a
# branch np.where discards; the tests check no NaN comes from finite input. Overflow and division
# by zero stay the caller's setting: the kernels avoid them, or allow them locally where ±inf or 0
# is the exact limit. As a decorator the error state is set per call (thread-safe) at half the
# cost of a `with` block.
_run_quietly = np.errstate(under="ignore", invalid="ignore")(_run)

# 2^15 values: a kernel's few temporaries stay in cache and are recycled by the allocator,
# instead of megabyte arrays that are mapped, page-faulted and returned to the system per call.
_BLOCK = 1 << 15


def _in_blocks(kernel: Kernel, array: np.ndarray, params: Mapping[str, Any]) -> np.ndarray:
    """An elementwise kernel applied block by block to the flattened array (same result)."""
    flat = array.reshape(-1)
    if flat.size <= _BLOCK:
        return kernel(flat, **params)
    first = kernel(flat[:_BLOCK], **params)
    result = np.empty(flat.shape, dtype=first.dtype)
    result[:_BLOCK] = first
    for start in range(_BLOCK, flat.size, _BLOCK):
        result[start : start + _BLOCK] = kernel(flat[start : start + _BLOCK], **params)
    return result


class ParametricActivation(Activation):
    """An activation with a learnable parameter, whose gradient a training step needs too."""

    def __init__(self, *args: Any, param_gradient: Kernel, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._param_gradient = _Step(param_gradient, _run_quietly)

    def param_gradient(self, x: ArrayLike, /, **params: Any) -> np.ndarray | np.floating:
        """d(output)/d(parameter), elementwise (same shape as x)."""
        return self._apply(self._param_gradient, x, params)
