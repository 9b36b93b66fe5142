"""How long each question may take: an interviewer allows more for "explain why" than for
"ReLU of this vector", and a session cap shares its minutes out in the same proportions."""

from __future__ import annotations

from collections.abc import Sequence

from quizapp.study.mock.options import MIN_SECONDS

CONCEPTUAL_SECONDS = 180
CODING_SECONDS = 480
"""A code exercise whose deck gives no budget of its own: 8 minutes, as in a live interview."""
NUMERIC_SECONDS = 90
"""For a numeric family not listed below (e.g. one a newer deck names)."""

FAMILY_SECONDS: dict[str, int] = {
    "activation-scalar": 45,
    "identify-activation": 60,
    "derivative-point": 60,
    "activation-vector": 75,
    "derivative-vector": 75,
    "inactive-unit-fraction": 90,
    "softmax-logits": 120,
    "log-softmax-logits": 120,
    "neuron-forward": 120,
    "backprop-activation": 120,
    "softmax-cross-entropy-grad": 120,
    "vanishing-gradient": 120,
}


def default_seconds(template: str | None) -> int:
    """A conceptual question has no template; a numeric one is timed by its family."""
    if template is None:
        return CONCEPTUAL_SECONDS
    return FAMILY_SECONDS.get(template, NUMERIC_SECONDS)


def coding_seconds(budget: int | None) -> int:
    """A code exercise is timed by its deck's `budget_seconds` (default 8 minutes)."""
    return CODING_SECONDS if budget is None else budget


def fit_seconds(weights: Sequence[int], total: int) -> list[int]:
    """Share `total` seconds out in proportion to `weights`: each gets at least `MIN_SECONDS`,
    the shares are whole seconds and add up to exactly `total` (largest remainders round up)."""
    if not weights:
        return []
    if total < MIN_SECONDS * len(weights):
        raise ValueError(f"{total} s cannot give {len(weights)} questions {MIN_SECONDS} s each")
    spare = total - MIN_SECONDS * len(weights)
    weight_sum = sum(weights)
    exact = [spare * weight / weight_sum for weight in weights]
    shares = [int(value) for value in exact]
    by_remainder = sorted(
        range(len(weights)), key=lambda index: (shares[index] - exact[index], index)
    )
    for index in by_remainder[: spare - sum(shares)]:
        shares[index] += 1
    return [MIN_SECONDS + share for share in shares]
