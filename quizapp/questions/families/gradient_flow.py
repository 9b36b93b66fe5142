"""Gradient flow: vanishing products of σ′ across layers, and inactive units in a ReLU layer."""

from __future__ import annotations

import numpy as np

from quizapp.questions import draws, formatting, formulas
from quizapp.questions.families.common import call, display, slope
from quizapp.questions.mistakes import Mistake, percentage
from quizapp.questions.precision import Precision
from quizapp.questions.spec import (
    DECIMALS,
    LAYER_WIDTH,
    LAYERS,
    SIGNIFICANT,
    Draft,
    Redraw,
    Setup,
    Template,
)
from quizapp.questions.worked import equals

_SYMBOL = {"sigmoid": "σ′", "tanh": "tanh′"}
INACTIVE_FRACTION = "inactive-unit-fraction"
RENAMED = {"dead-relu-fraction": INACTIVE_FRACTION}
"""Old template ids still found in review logs and user decks, and the template they became."""


def _build_vanishing(rng: np.random.Generator, setup: Setup) -> Draft:
    name = str(setup.activation)
    layers = int(setup.get("layers", int(rng.integers(3, 7))))
    precision = Precision(int(setup.get("significant", 3)) - 1, scientific=True)
    z = draws.grid(rng, layers, -3, 3, step=float(rng.choice((0.5, 0.1))))
    slopes = slope(name, z, {})
    factor = float(np.prod(slopes))
    best = float(slope(name, 0.0, {}))
    d = _SYMBOL[name]
    prompt = (
        f"Backpropagating through {layers} {display(name)} layers, the gradient is multiplied at "
        f"each layer by {d}(z_l) (ignore the weights). The pre-activations are "
        f"z = {formatting.vector(z)}.\n"
        f"Give the overall factor ∏ {d}(z_l) {precision.describe()}."
    )
    steps = [
        formulas.derivative_step(name, float(x), {}, precision, precision.intermediate_text)
        for x in z
    ]
    factors = [step.result for step in steps]
    product = float(np.prod([factor.value for factor in factors]))
    solution = [
        f"Each layer scales the backward signal by {d}(z_l), so the factor is the product "
        f"∏ {d}(z_l).",
        formulas.derivative_header(name, {}),
        *(f"{formatting.number(x)} -> {step.text}" for x, step in zip(z, steps, strict=True)),
        f"∏ {d}(z_l) = {' × '.join(str(factor) for factor in factors)} "
        f"{equals(product, precision.text(product))}",
        _lesson(name, layers, precision),
    ]
    values = call(name, z, {})
    mistakes = [
        Mistake.of(
            "sum-instead-of-product",
            f"that is the sum Σ {d}(z_l); the chain rule multiplies the layers' factors",
            float(slopes.sum()),
        ),
        Mistake.of(
            "assumed-max-derivative",
            f"that is {formatting.number(best)}^{layers}, the best case; use each layer's own z",
            best**layers,
            optional=True,
        ),
    ]
    if name == "sigmoid":
        mistakes.append(
            Mistake.of(
                "sigmoid-instead-of-derivative",
                "that multiplies σ(z_l); the factors are σ′(z_l) = σ(z_l)·(1 − σ(z_l))",
                float(np.prod(values)),
            )
        )
    else:
        mistakes.append(
            Mistake.of(
                "one-minus-tanh",
                "that multiplies 1 − tanh(z_l); the factors are 1 − tanh²(z_l)",
                float(np.prod(1 - values)),
            )
        )
        # tanh(0) = 0 makes that product 0, which any answer of 0 would then "explain".
        if values.all():
            mistakes.append(
                Mistake.of(
                    "function-instead-of-derivative",
                    "that multiplies tanh(z_l); the factors are 1 − tanh²(z_l)",
                    float(np.prod(values)),
                    optional=True,
                )
            )
    return Draft(
        prompt=prompt,
        inputs={"z": z},
        expected=factor,
        precision=precision,
        answer_shape="scalar",
        solution=solution,
        worked=product,
        mistakes=mistakes,
    )


def _lesson(name: str, layers: int, precision: Precision) -> str:
    """Why the product shrinks: σ′ ≤ 0.25 always; tanh′ ≤ 1 only at 0, and it saturates."""
    sigmoid_bound = precision.text(0.25**layers)
    if name == "sigmoid":
        return (
            f"σ′ is at most 0.25 (at z = 0), so {layers} layers scale the gradient by at most "
            f"0.25^{layers} = {sigmoid_bound}: with sigmoid, gradients vanish with depth."
        )
    return (
        "tanh′ reaches 1 only at z = 0 and falls fast as |z| grows (tanh saturates: "
        f"tanh′(2) ≈ 0.07), so saturated units shrink the gradient layer after layer. "
        f"Sigmoid is worse, at most 0.25^{layers} = {sigmoid_bound} over {layers} layers."
    )


def _layer_inputs(rng: np.random.Generator, name: str, count: int) -> np.ndarray:
    if name == "relu6":
        z = draws.grid(rng, count, -3, 9)
        if not (z > 6).any():
            raise Redraw
    else:
        z = draws.grid(rng, count, -4, 4)
    return draws.avoid_kinks(name, z, {})


def _build_inactive(rng: np.random.Generator, setup: Setup) -> Draft:
    name = str(setup.activation)
    precision = Precision(int(setup.get("decimals", 3)))
    z = _layer_inputs(rng, name, setup.count(rng, 4, 6))
    inactive = slope(name, z, {}) == 0
    count = int(inactive.sum())
    if count in (0, z.size):
        raise Redraw
    fraction = count / z.size
    f = display(name)
    prompt = (
        f"A layer of {z.size} {f} units receives the pre-activations z = {formatting.vector(z)} "
        "for one input.\n"
        "What fraction of the units are inactive for this input, i.e. pass no gradient back "
        f"(derivative 0)? Give it {precision.describe()} or as a fraction like 2/5."
    )

    def state(x: float, zero: bool) -> str:
        if not zero:
            return "1"
        return "0 (saturated above 6)" if x > 6 else "0 (inactive)"

    solution = [
        formulas.derivative_header(name, {}),
        *(
            f"{formatting.number(x)} -> {f}′ = {state(float(x), bool(zero))}"
            for x, zero in zip(z, inactive, strict=True)
        ),
        f"zero gradient: {count} of {z.size} = {count}/{z.size} "
        f"{equals(fraction, precision.text(fraction))}",
        "Zero on one input is sparsity, not death: a unit is dead only if it is zero for every "
        "input (check it over the training data, not one small batch).",
    ]
    mistakes = [
        Mistake.of(
            "alive-instead-of-dead",
            f"that is the fraction of units passing gradient; zero-gradient units: {count} of "
            f"{z.size}",
            1 - fraction,
        ),
        Mistake.of(
            "count-instead-of-fraction",
            f"that is the number of zero-gradient units; divide by the {z.size} units",
            float(count),
        ),
        percentage(fraction, "share of inactive units"),
    ]
    if name == "relu6":
        negative = float(np.mean(slope("relu", z, {}) == 0))
        mistakes.append(
            Mistake.of(
                "missed-upper-saturation",
                "units above 6 are saturated: ReLU6′ = 0 there too",
                negative,
            )
        )
    return Draft(
        prompt=prompt,
        inputs={"z": z},
        expected=fraction,
        precision=precision,
        answer_shape="scalar",
        solution=solution,
        worked=fraction,
        mistakes=mistakes,
    )


TEMPLATES = (
    Template(
        "vanishing-gradient",
        "Vanishing gradients: the product of σ′ (or tanh′) over several layers",
        ("sigmoid", "tanh"),
        (LAYERS, SIGNIFICANT),
        _build_vanishing,
    ),
    Template(
        INACTIVE_FRACTION,
        "Inactive units: the fraction of a ReLU layer passing no gradient for one input",
        ("relu", "relu6"),
        (DECIMALS, LAYER_WIDTH),
        _build_inactive,
    ),
)
