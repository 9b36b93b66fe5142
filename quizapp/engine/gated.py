"""Gated linear units — GLU, GeGLU, SwiGLU: a value half times a gate of the other half.

They take two inputs. Like `torch.nn.functional.glu(x, dim=-1)`, the input's last axis (or
`axis`) is split in half: the first half is the value a, the second the gate input b, and the
result is a ⊗ g(b), half as long along that axis. In a Transformer the halves are two linear
projections of the same vector, xW and xV (Shazeer 2020). Because the output is smaller than
the input, these are not in the registry of shape-preserving activations (`engine.names()`);
`engine.gated_names()` lists them and `engine.get_gated(name)` returns one.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from numpy.typing import ArrayLike

from quizapp.engine.activation import Activation
from quizapp.engine.arrays import as_input, as_output
from quizapp.engine.registry import REGISTRY


@dataclass(frozen=True)
class GatedUnit:
    """value ⊗ gate(gate input), with the halves taken from one array."""

    name: str
    display_name: str
    gate: Activation

    def __call__(self, x: ArrayLike, /, axis: int = -1) -> np.ndarray | np.floating:
        array, dtype = as_input(x)
        value, gate_input = _halves(array, axis)
        with np.errstate(under="ignore"):
            return as_output(value * self.gate(gate_input), dtype)

    def gradient(self, x: ArrayLike, /, axis: int = -1) -> np.ndarray | np.floating:
        """∂out_i/∂x, shaped like x: g(b_i) over the value half, a_i·g′(b_i) over the gate half.

        Output i depends only on a_i and b_i, so these are all the non-zero partial derivatives
        (the Jacobian is two diagonal blocks side by side).
        """
        array, dtype = as_input(x)
        value, gate_input = _halves(array, axis)
        with np.errstate(under="ignore"):
            parts = (self.gate(gate_input), value * self.gate.derivative(gate_input))
        return as_output(np.concatenate(parts, axis=axis), dtype)


def _halves(array: np.ndarray, axis: int) -> tuple[np.ndarray, np.ndarray]:
    if array.ndim == 0:
        raise ValueError("a gated unit needs an array with an axis to split, got a single number")
    if not -array.ndim <= axis < array.ndim:
        raise ValueError(f"axis {axis} is out of range for an array with {array.ndim} axes")
    length = array.shape[axis]
    if length % 2:
        raise ValueError(
            f"a gated unit splits axis {axis} in half, so its length must be even, got {length}"
        )
    value, gate_input = np.split(array, 2, axis=axis)
    return value, gate_input


GATED: dict[str, GatedUnit] = {
    unit.name: unit
    for unit in (
        GatedUnit("glu", "GLU", REGISTRY["sigmoid"]),
        GatedUnit("geglu", "GeGLU", REGISTRY["gelu"]),
        GatedUnit("swiglu", "SwiGLU", REGISTRY["silu"]),
    )
}
