"""What to say to an answer of `inf` or `nan`: the cure for the overflow that printed it, which
depends on the question's function (subtracting the max is softmax's, not sigmoid's)."""

from __future__ import annotations

_ADVICE = {
    "softmax": (
        "if a naive exp overflowed, subtract the max first (e^(z − max z) never overflows) "
        "and type the values"
    ),
    "sigmoid": (
        "σ(z) lies between 0 and 1 for every z: where a naive e^(−z) overflows, "
        "σ(z) = e^z / (1 + e^z) does not; type the values"
    ),
    "tanh": "tanh(z) lies between −1 and 1 for every z (±1 for a large |z|); type the values",
    "softplus": "softplus(z) = max(z, 0) + log(1 + e^(−|z|)) never overflows; type the values",
    "log_sigmoid": ("log σ(z) = min(z, 0) − log(1 + e^(−|z|)) never overflows; type the values"),
}
_ADVICE["log_softmax"] = _ADVICE["softmax"]
_ADVICE["silu"] = _ADVICE["sigmoid"]
GENERAL = "every value asked here is finite: type the values"


def overflow_advice(activation: str | None) -> str:
    """The advice for an infinite or nan answer to a question on `activation` (engine name)."""
    return _ADVICE.get(activation or "", GENERAL)
