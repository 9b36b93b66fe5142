"""Derivatives of activations at a point or over a vector, and backprop through an activation."""

from __future__ import annotations

import numpy as np

from quizapp.questions import draws, formatting, formulas
from quizapp.questions.families.common import (
    ALL,
    ELEMENTWISE,
    NEGATIVE_SIDE,
    Params,
    answer_text,
    call,
    display,
    inputs_for,
    param_note,
    scalar_input,
    slope,
    strict_variant,
    symbol,
    variant_mistakes,
)
from quizapp.questions.mistakes import Mistake
from quizapp.questions.precision import Precision
from quizapp.questions.spec import DECIMALS, LENGTH, Draft, Setup, Template


def derivative_mistakes(
    name: str, z: np.ndarray, params: Params, factor: np.ndarray, *, required: bool
) -> list[Mistake]:
    """Wrong derivatives of `name` at `z`, each multiplied by `factor` (dL/da, or 1)."""
    value = call(name, z, params)
    mistakes: list[Mistake] = []
    if name == "sigmoid":
        mistakes += [
            Mistake.of(
                "sigmoid-instead-of-derivative",
                "that is σ(z) itself; the derivative is σ(z)·(1 − σ(z))",
                factor * value,
            ),
            Mistake.of(
                "derivative-formula-on-input",
                "that is z·(1 − z); the formula uses σ(z): σ(z)·(1 − σ(z))",
                factor * z * (1 - z),
                optional=True,
            ),
        ]
    elif name == "tanh":
        mistakes += [
            Mistake.of(
                "one-minus-tanh",
                "that is 1 − tanh(z); the derivative is 1 − tanh²(z)",
                factor * (1 - value),
            ),
            Mistake.of(
                "function-instead-of-derivative",
                "that is tanh(z) itself; the derivative is 1 − tanh²(z)",
                factor * value,
                optional=True,
            ),
            Mistake.of(
                "derivative-formula-on-input",
                "that is 1 − z²; the formula squares tanh(z): 1 − tanh²(z)",
                factor * (1 - z**2),
                optional=True,
            ),
        ]
    else:
        mistakes.append(
            Mistake.of(
                "function-instead-of-derivative",
                f"that is {symbol(name)}(z) itself, not its derivative",
                factor * value,
                optional=True,
            )
        )
    return mistakes + variant_mistakes(
        name,
        params,
        lambda other, other_params: factor * slope(other, z, other_params),
        what="derivative",
        required=required,
    )


def _step(name: str, x: float, params: Params, value: float, precision: Precision) -> str:
    return (
        f"{formatting.number(x)} -> "
        f"{formulas.derivative_step(name, x, params, precision.text(value))}"
    )


def _build_point(rng: np.random.Generator, setup: Setup) -> Draft:
    name = str(setup.activation)
    params = draws.activation_params(rng, name, setup.activation_params)
    precision = Precision(int(setup.get("decimals", 3)))
    x = scalar_input(rng, name, params)
    value = float(slope(name, x, params))
    prompt = (
        f"Compute the derivative of {display(name)}{param_note(name, params)} "
        f"at z = {formatting.number(x)}, {precision.describe()}."
    )
    solution = [formulas.derivative_header(name, params), _step(name, x, params, value, precision)]
    mistakes = derivative_mistakes(
        name, np.array([x]), params, np.ones(1), required=name in NEGATIVE_SIDE
    )
    return Draft(
        prompt=prompt,
        inputs={"x": x},
        expected=value,
        precision=precision,
        answer_shape="scalar",
        solution=solution,
        activation_params=params,
        mistakes=mistakes,
    )


def _build_vector(rng: np.random.Generator, setup: Setup) -> Draft:
    name = str(setup.activation)
    params = draws.activation_params(rng, name, setup.activation_params)
    precision = Precision(int(setup.get("decimals", 3)))
    z = inputs_for(rng, name, setup.count(rng, 3, 6), params)
    values = slope(name, z, params)
    prompt = (
        f"Compute the derivative of {display(name)}{param_note(name, params)} at each input.\n"
        f"z = {formatting.vector(z)}\n"
        f"Give the {z.size} slopes {precision.describe()}, separated by commas."
    )
    solution = [
        formulas.derivative_header(name, params),
        *(
            _step(name, float(x), params, float(v), precision)
            for x, v in zip(z, values, strict=True)
        ),
        f"Derivatives: {answer_text(precision, values)}",
    ]
    mistakes = derivative_mistakes(name, z, params, np.ones(z.size), required=strict_variant(name))
    return Draft(
        prompt=prompt,
        inputs={"z": z},
        expected=values,
        precision=precision,
        answer_shape="vector",
        solution=solution,
        activation_params=params,
        mistakes=mistakes,
    )


def _softmax_backprop(
    name: str, z: np.ndarray, upstream: np.ndarray, precision: Precision
) -> tuple[np.ndarray, list[str], list[Mistake]]:
    """Through softmax-like maps every output depends on every input: use the Jacobian."""
    jacobian = slope(name, z, {})
    result = upstream @ jacobian
    p = call("softmax", z, {})
    if name == "softmax":
        weighted = float(p @ upstream)
        rule = [
            "∂a_i/∂z_j = a_i·(δ_ij − a_j), so dL/dz_j = a_j·(dL/da_j − Σ_i a_i·dL/da_i)",
            f"a = softmax(z) = {formatting.vector(p, 4)}",
            f"Σ_i a_i·dL/da_i = {formatting.number(weighted, 4)}",
        ]
    else:
        rule = [
            "∂a_i/∂z_j = δ_ij − p_j with p = softmax(z), so dL/dz_j = dL/da_j − p_j·Σ_i dL/da_i",
            f"p = softmax(z) = {formatting.vector(p, 4)}",
            f"Σ_i dL/da_i = {formatting.number(float(upstream.sum()), 4)}",
        ]
    steps = [*rule, f"dL/dz = {answer_text(precision, result)}"]
    mistakes = [
        Mistake.of(
            "forgot-activation-derivative",
            "that is dL/da unchanged; it must go through the Jacobian of the activation",
            upstream,
        ),
        Mistake.of(
            "softmax-diagonal-only",
            "that uses only ∂a_j/∂z_j; every output depends on every logit (off-diagonal terms)",
            upstream * np.diagonal(jacobian),
        ),
    ]
    return result, steps, mistakes


def _build_backprop(rng: np.random.Generator, setup: Setup) -> Draft:
    name = str(setup.activation)
    params = draws.activation_params(rng, name, setup.activation_params)
    precision = Precision(int(setup.get("decimals", 3)))
    z = inputs_for(rng, name, setup.count(rng, 3, 5), params)
    upstream = draws.grid(rng, z.size, -2, 2, step=float(rng.choice((0.5, 0.1))))
    if (upstream == 0).any():
        upstream = np.where(upstream == 0, 1.0, upstream)
    prompt = (
        f"A layer computes a = {symbol(name)}(z){param_note(name, params)}. "
        "Backpropagation delivers dL/da; compute dL/dz.\n"
        f"z = {formatting.vector(z)}\n"
        f"dL/da = {formatting.vector(upstream)}\n"
        f"Give the {z.size} values of dL/dz {precision.describe()}, separated by commas."
    )
    if name in ("softmax", "log_softmax"):
        expected, steps, mistakes = _softmax_backprop(name, z, upstream, precision)
        solution = ["Chain rule: dL/dz_j = Σ_i dL/da_i · ∂a_i/∂z_j", *steps]
    else:
        slopes = slope(name, z, params)
        expected = upstream * slopes
        solution = [
            "Chain rule, element by element: dL/dz = dL/da ⊙ f′(z)",
            formulas.derivative_header(name, params),
            *(
                f"{formatting.number(x)} -> f′ = "
                f"{formulas.derivative_step(name, float(x), params, formatting.number(s, 4))}; "
                f"dL/dz = {formatting.number(g)} · {formatting.number(s, 4)} = {precision.text(v)}"
                for x, s, g, v in zip(z, slopes, upstream, expected, strict=True)
            ),
            f"dL/dz = {answer_text(precision, expected)}",
        ]
        mistakes = [
            Mistake.of(
                "forgot-activation-derivative",
                "that is dL/da unchanged; multiply it by f′(z) element by element",
                upstream,
            ),
            *derivative_mistakes(name, z, params, upstream, required=strict_variant(name)),
        ]
    mistakes.append(Mistake.of("sign-error", "the sign is flipped", -expected, optional=True))
    return Draft(
        prompt=prompt,
        inputs={"z": z, "dL/da": upstream},
        expected=expected,
        precision=precision,
        answer_shape="vector",
        solution=solution,
        activation_params=params,
        mistakes=mistakes,
    )


TEMPLATES = (
    Template(
        "derivative-point",
        "Derivative of an activation at one point",
        ELEMENTWISE,
        (DECIMALS,),
        _build_point,
    ),
    Template(
        "derivative-vector",
        "Derivative of an activation at each element of a vector",
        ELEMENTWISE,
        (DECIMALS, LENGTH),
        _build_vector,
    ),
    Template(
        "backprop-activation",
        "Backprop through an activation: dL/dz from z and dL/da",
        ALL,
        (DECIMALS, LENGTH),
        _build_backprop,
    ),
)
