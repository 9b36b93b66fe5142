"""The activation engine: every number quizapp shows is computed here (numpy only).

Usage: `act = engine.get("leaky_relu")`, then `act(x, alpha=0.2)`, `act.derivative(x, alpha=0.2)`,
`act.defaults`, `act.display_name`, `act.output_range`, `act.elementwise`; `engine.names()` lists
every name. Defaults and kink conventions follow PyTorch. The gated units (GLU, GeGLU, SwiGLU)
take two inputs and halve the axis they split, so they live apart: `engine.gated_names()`,
`engine.get_gated(name)` (see `engine.gated`).
"""

from __future__ import annotations

from quizapp.engine.activation import Activation, ParametricActivation
from quizapp.engine.gated import GATED, GatedUnit
from quizapp.engine.registry import REGISTRY

__all__ = [
    "Activation",
    "GatedUnit",
    "ParametricActivation",
    "UnknownActivationError",
    "gated_names",
    "get",
    "get_gated",
    "names",
]


class UnknownActivationError(KeyError, ValueError):
    """Raised by `get` for a name the engine does not know; the message lists the valid ones."""

    def __str__(self) -> str:
        # KeyError would show the message in quotes.
        return str(self.args[0])


def names() -> list[str]:
    """Registered activation names, sorted."""
    return sorted(REGISTRY)


def get(name: str) -> Activation:
    """The activation registered as `name`; a typo gets the list of valid names."""
    try:
        return REGISTRY[name]
    except (KeyError, TypeError):
        valid = ", ".join(names())
        raise UnknownActivationError(f"unknown activation {name!r}; valid names: {valid}") from None


def gated_names() -> list[str]:
    """Names of the gated units, which take two inputs (the halves of one axis), sorted."""
    return sorted(GATED)


def get_gated(name: str) -> GatedUnit:
    """The gated unit registered as `name`; a typo gets the list of valid names."""
    try:
        return GATED[name]
    except (KeyError, TypeError):
        valid = ", ".join(gated_names())
        raise UnknownActivationError(f"unknown gated unit {name!r}; valid names: {valid}") from None
