"""What a question family declares, and what its builder hands back to the generator."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field

import numpy as np

from quizapp.questions.mistakes import Mistake
from quizapp.questions.precision import Precision
from quizapp.questions.question import AnswerShape, InputValue


class Redraw(Exception):
    """A builder's draw is degenerate (a kink, a tie): the generator draws again."""


@dataclass(frozen=True)
class ParamSpec:
    """A template parameter a content card may set: an int in [low, high] or a bool."""

    name: str
    kind: type
    low: int = 0
    high: int = 0

    def check(self, value: object) -> int:
        """The value if it fits (a bool is an int too), else a ValueError naming the param."""
        if self.kind is bool:
            if not isinstance(value, bool):
                raise ValueError(f"param {self.name!r} must be true or false, got {value!r}")
            return value
        if isinstance(value, bool) or not isinstance(value, int):
            raise ValueError(f"param {self.name!r} must be an integer, got {value!r}")
        if not self.low <= value <= self.high:
            raise ValueError(f"param {self.name!r} must be in {self.low}..{self.high}, got {value}")
        return value


DECIMALS = ParamSpec("decimals", int, 1, 6)
LENGTH = ParamSpec("length", int, 2, 8)
# With 2 units the only possible inactive fraction, 1/2, equals the active one.
LAYER_WIDTH = ParamSpec("length", int, 3, 8)
LARGE_LOGITS = ParamSpec("large_logits", bool)
LAYERS = ParamSpec("layers", int, 2, 8)
SIGNIFICANT = ParamSpec("significant", int, 2, 5)


@dataclass(frozen=True)
class Setup:
    """The builder's instructions: the activation (None for mixing families) and checked params.

    `activation_params` holds only what the caller set; builders draw the rest (e.g. alpha).
    """

    activation: str | None
    activation_params: Mapping[str, object]
    params: Mapping[str, int]

    def get(self, name: str, default: int) -> int:
        return self.params.get(name, default)

    def count(self, rng: np.random.Generator, low: int, high: int) -> int:
        """`length` if the card set it, else a draw in [low, high]."""
        length = self.params.get("length")
        return int(length) if isinstance(length, int) else int(rng.integers(low, high + 1))


@dataclass
class Draft:
    """A builder's question before the self-check; the generator turns it into a `Question`.

    `worked` is the answer the solution's printed numbers give (see `quizapp.questions.worked`);
    every numeric family sets it, multiple choice has none.
    """

    prompt: str
    inputs: dict[str, InputValue]
    expected: float | np.ndarray | int
    precision: Precision
    answer_shape: AnswerShape
    solution: list[str]
    worked: float | np.ndarray | None = None
    activation_params: dict[str, object] = field(default_factory=dict)
    labels: tuple[str, ...] = ()
    mistakes: list[Mistake] = field(default_factory=list)
    options: tuple[str, ...] = ()
    option_aliases: tuple[frozenset[str], ...] = ()
    option_explanations: tuple[str, ...] = ()


Builder = Callable[[np.random.Generator, Setup], Draft]


@dataclass(frozen=True)
class Template:
    """One question family: its id, menu text, accepted activations and params, and builder."""

    id: str
    description: str
    activations: tuple[str, ...]
    params: tuple[ParamSpec, ...]
    build: Builder
    reports_activation: bool = True
