"""The names a deck may refer to, written out: engine activations, gated units, question families.

Checking a deck needs only these names, so loading content (the start of the app) imports neither
numpy nor the question engine. `tests/test_catalog.py` keeps each list equal to what the engine
and the question generator register.
"""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType

ACTIVATIONS: tuple[str, ...] = (
    "celu",
    "elu",
    "gelu",
    "hard_sigmoid",
    "hard_swish",
    "hard_tanh",
    "leaky_relu",
    "log_sigmoid",
    "log_softmax",
    "mish",
    "prelu",
    "relu",
    "relu6",
    "selu",
    "sigmoid",
    "silu",
    "softmax",
    "softplus",
    "softsign",
    "tanh",
)
GATED_UNITS: tuple[str, ...] = ("geglu", "glu", "swiglu")
TEMPLATES: tuple[str, ...] = (
    "activation-scalar",
    "activation-vector",
    "backprop-activation",
    "derivative-point",
    "derivative-vector",
    "derive-then-evaluate",
    "identify-activation",
    "inactive-unit-fraction",
    "log-softmax-logits",
    "neuron-forward",
    "softmax-cross-entropy-grad",
    "softmax-jvp",
    "softmax-logits",
    "vanishing-gradient",
)
RENAMED_TEMPLATES: Mapping[str, str] = MappingProxyType(
    {"dead-relu-fraction": "inactive-unit-fraction"}
)
"""Old family id -> current id: decks and logs written before a rename keep loading."""


class TemplateIds(list[str]):
    """The current family ids, sorted; an old, renamed id is still `in` it, though not listed.

    Decks and review logs written before a rename keep loading (`generate` resolves the old id),
    while menus and error messages offer only the current names.
    """

    def __contains__(self, item: object) -> bool:
        current = RENAMED_TEMPLATES.get(item, item) if isinstance(item, str) else item
        return super().__contains__(current)


def template_ids() -> TemplateIds:
    """Every question family id, sorted."""
    return TemplateIds(TEMPLATES)


def activation_names() -> frozenset[str]:
    """Every name a card's `activation` may take: the activations and the gated units."""
    return frozenset(ACTIVATIONS) | frozenset(GATED_UNITS)
