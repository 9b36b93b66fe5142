"""Derivatives of activations at a point or over a vector, and backprop through an activation."""

from __future__ import annotations

from collections.abc import Callable

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
    exact_gelu,
    gelu_form_mistakes,
    gelu_note,
    inputs_for,
    param_note,
    scalar_input,
    selu_scale_on_negatives_only,
    slope,
    strict_variant,
    symbol,
    variant_mistakes,
)
from quizapp.questions.mistakes import Mistake
from quizapp.questions.precision import Precision
from quizapp.questions.spec import DECIMALS, LENGTH, Draft, Setup, Template
from quizapp.questions.worked import Shown, equals

_SLOPE_ONLY = ("leaky_relu", "prelu")
"""Variants whose derivative is a constant on each side: asked at either sign."""


def _unless_all_zero(mistake: Mistake) -> list[Mistake]:
    """The mistake, unless it comes out as all zeros here (z = 1 in z·(1 − z)): an answer of 0
    has too many other causes to be named as this one."""
    return [mistake] if any(mistake.values) else []


def _product_rule_halves(
    name: str, z: np.ndarray, params: Params, factor: np.ndarray, used: Callable[[str, str], str]
) -> list[Mistake]:
    """z·g(z) differentiated as g(z) alone: σ(z) for SiLU′, Φ(z) for (exact) GELU′."""
    if name == "silu":
        return [
            Mistake.of(
                "silu-derivative-as-sigmoid",
                used("σ(z)", "SiLU′(z) = σ(z) + z·σ′(z) = σ(z)·(1 + z·(1 − σ(z)))"),
                factor * call("sigmoid", z, {}),
                optional=True,
            )
        ]
    if exact_gelu(name, params):
        cdf = np.array([formulas.gaussian(float(x))[0] for x in np.ravel(z)])
        return [
            Mistake.of(
                "gelu-derivative-as-cdf",
                used("Φ(z)", "GELU′(z) = Φ(z) + z·φ(z) (product rule on z·Φ(z))"),
                factor * cdf,
                optional=True,
            )
        ]
    return []


def derivative_mistakes(
    name: str, z: np.ndarray, params: Params, factor: np.ndarray, *, required: bool
) -> list[Mistake]:
    """Wrong derivatives of `name` at `z`, each multiplied by `factor` (dL/da, or 1).

    Through backprop the wrong value is dL/da ⊙ (wrong factor), so the text names the factor
    used ("you multiplied by σ(z)") instead of calling the product "σ(z) itself".
    """
    value = call(name, z, params)
    chained = not np.all(factor == 1)

    def used(wrong: str, right: str) -> str:
        if chained:
            return f"you multiplied dL/da by {wrong} instead of {right}"
        return f"that is {wrong}; the derivative is {right}"

    mistakes: list[Mistake] = []
    if name == "sigmoid":
        mistakes += [
            Mistake.of(
                "sigmoid-instead-of-derivative",
                used("σ(z)", "σ′(z) = σ(z)·(1 − σ(z))"),
                factor * value,
            ),
            Mistake.of(
                "missing-factor",
                used("1 − σ(z)", "σ′(z) = σ(z)·(1 − σ(z))"),
                factor * (1 - value),
                optional=True,
            ),
        ]
        mistakes += _unless_all_zero(
            Mistake.of(
                "derivative-formula-on-input",
                used("z·(1 − z)", "σ(z)·(1 − σ(z)): the formula takes σ(z), not z"),
                factor * z * (1 - z),
                optional=True,
            )
        )
    elif name == "tanh":
        mistakes += [
            Mistake.of("one-minus-tanh", used("1 − tanh(z)", "1 − tanh²(z)"), factor * (1 - value)),
            Mistake.of(
                "function-instead-of-derivative",
                used("tanh(z)", "tanh′(z) = 1 − tanh²(z)"),
                factor * value,
                optional=True,
            ),
        ]
        mistakes += _unless_all_zero(
            Mistake.of(
                "derivative-formula-on-input",
                used("1 − z²", "1 − tanh²(z): the formula squares tanh(z), not z"),
                factor * (1 - z**2),
                optional=True,
            )
        )
    else:
        f = symbol(name)
        mistakes.append(
            Mistake.of(
                "function-instead-of-derivative",
                used(f"{f}(z)", f"{f}′(z)")
                if chained
                else f"that is {f}(z) itself, not its derivative",
                factor * value,
                optional=True,
            )
        )
    if name == "log_sigmoid":
        mistakes.append(
            Mistake.of(
                "sign-error",
                used("σ(z)", "(log σ)′(z) = 1 − σ(z) = σ(−z)"),
                factor * call("sigmoid", z, {}),
                optional=True,
            )
        )
    if name == "hard_sigmoid":
        inside = np.abs(z) < 2.5
        mistakes.append(
            Mistake.of(
                "keras2-hard-sigmoid",
                used("0.2 (Keras 2's 0.2·z + 0.5)", "1/6 for −3 < z < 3 (ReLU6(z + 3) / 6)"),
                factor * np.where(inside, 0.2, 0.0),
                optional=True,
            )
        )
    mistakes += _product_rule_halves(name, z, params, factor, used)
    mistakes += selu_scale_on_negatives_only(
        name, z, factor * slope(name, z, params), factor, what="derivative"
    )
    forms = gelu_form_mistakes(name, params, z, factor, derivative=True)
    return (
        mistakes
        + forms
        + variant_mistakes(
            name,
            params,
            lambda other, other_params: factor * slope(other, z, other_params),
            what="derivative",
            required=required,
        )
    )


def _step(name: str, x: float, params: Params, precision: Precision) -> tuple[str, float]:
    worked = formulas.derivative_step(name, x, params, precision, precision.text)
    return f"{formatting.number(x)} -> {worked.text}", worked.value


def _build_point(rng: np.random.Generator, setup: Setup) -> Draft:
    name = str(setup.activation)
    params = draws.activation_params(rng, name, setup.activation_params)
    precision = Precision(int(setup.get("decimals", 3)))
    x = scalar_input(rng, name, params, either_sign=name in _SLOPE_ONLY)
    value = float(slope(name, x, params))
    prompt = (
        f"Compute the derivative of {display(name)}{param_note(name, params)} "
        f"at z = {formatting.number(x)}, {precision.describe()}."
        f"{gelu_note(name, params, np.array([x]), precision, derivative=True)}"
    )
    step, worked = _step(name, x, params, precision)
    solution = [formulas.derivative_header(name, params), step]
    mistakes = derivative_mistakes(
        name, np.array([x]), params, np.ones(1), required=name in NEGATIVE_SIDE and x < 0
    )
    return Draft(
        prompt=prompt,
        inputs={"x": x},
        expected=value,
        precision=precision,
        answer_shape="scalar",
        solution=solution,
        worked=worked,
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
        f"Compute the derivative of {display(name)}{param_note(name, params)} at each input."
        f"{gelu_note(name, params, z, precision, derivative=True)}\n"
        f"z = {formatting.vector(z)}\n"
        f"Give the {z.size} slopes {precision.describe()}, separated by commas."
    )
    steps = [_step(name, float(x), params, precision) for x in z]
    solution = [
        formulas.derivative_header(name, params),
        *(text for text, _ in steps),
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
        worked=np.array([worked for _, worked in steps]),
        activation_params=params,
        mistakes=mistakes,
    )


def _softmax_backprop(
    name: str, z: np.ndarray, upstream: np.ndarray, precision: Precision
) -> tuple[np.ndarray, list[str], np.ndarray, list[Mistake]]:
    """Through softmax-like maps every output depends on every input: use the Jacobian."""
    jacobian = slope(name, z, {})
    result = upstream @ jacobian
    p = call("softmax", z, {})
    shown_p = [precision.intermediate(float(value)) for value in p]
    p_text = "[" + ", ".join(item.text for item in shown_p) + "]"
    p_values = np.array([item.value for item in shown_p])
    if name == "softmax":
        weighted = precision.intermediate(float(p_values @ upstream))
        rule = [
            "∂a_i/∂z_j = a_i·(δ_ij − a_j), so dL/dz_j = a_j·(dL/da_j − Σ_i a_i·dL/da_i)",
            f"a = softmax(z) = {p_text}",
            f"Σ_i a_i·dL/da_i = {weighted}",
        ]
        worked = p_values * (upstream - weighted.value)
    else:
        total = float(upstream.sum())
        rule = [
            "∂a_i/∂z_j = δ_ij − p_j with p = softmax(z), so dL/dz_j = dL/da_j − p_j·Σ_i dL/da_i",
            f"p = softmax(z) = {p_text}",
            f"Σ_i dL/da_i = {formatting.number(total)}",
        ]
        worked = upstream - p_values * total
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
    if name == "softmax":
        mistakes += [
            Mistake.of(
                "jvp-forgot-outer-term",
                "that is a ⊙ dL/da, the diagonal part diag(a) alone; also subtract a·(a·dL/da)",
                p * upstream,
                optional=True,
            ),
            Mistake.of(
                "jvp-unweighted-sum",
                "that subtracts the plain sum Σ_i dL/da_i; subtract the a-weighted Σ_i a_i·dL/da_i",
                p * (upstream - upstream.sum()),
                optional=True,
            ),
        ]
    if name == "log_softmax":
        mistakes.append(
            Mistake.of(
                "transposed-jacobian",
                "that is dL/da − (p·dL/da), the transposed Jacobian; ∂a_i/∂z_j = δ_ij − p_j, so "
                "dL/dz_j = dL/da_j − p_j·Σ_i dL/da_i",
                upstream - p @ upstream,
                optional=True,
            )
        )
    return result, steps, worked, mistakes


def _elementwise_backprop(
    name: str, z: np.ndarray, upstream: np.ndarray, params: Params, precision: Precision
) -> tuple[np.ndarray, list[str], np.ndarray]:
    """dL/dz = dL/da ⊙ f′(z), each f′ printed as an intermediate and multiplied as printed."""
    expected = upstream * slope(name, z, params)
    lines = []
    worked = []
    for x, g in zip(z, upstream, strict=True):
        step = formulas.derivative_step(
            name, float(x), params, precision, precision.intermediate_text
        )
        product = g * step.result.value
        worked.append(product)
        rounded = equals(product, precision.text(product))
        lines.append(
            f"{formatting.number(x)} -> f′ = {step.text}; "
            f"dL/dz = {Shown(formatting.number(g))} · {step.result} {rounded}"
        )
    solution = [
        "Chain rule, element by element: dL/dz = dL/da ⊙ f′(z)",
        formulas.derivative_header(name, params),
        *lines,
        f"dL/dz = {answer_text(precision, expected)}",
    ]
    return expected, solution, np.array(worked)


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
        "Backpropagation delivers dL/da; compute dL/dz."
        f"{gelu_note(name, params, z, precision, derivative=True)}\n"
        f"z = {formatting.vector(z)}\n"
        f"dL/da = {formatting.vector(upstream)}\n"
        f"Give the {z.size} values of dL/dz {precision.describe()}, separated by commas."
    )
    if name in ("softmax", "log_softmax"):
        expected, steps, worked, mistakes = _softmax_backprop(name, z, upstream, precision)
        solution = ["Chain rule: dL/dz_j = Σ_i dL/da_i · ∂a_i/∂z_j", *steps]
    else:
        expected, solution, worked = _elementwise_backprop(name, z, upstream, params, precision)
        mistakes = [
            Mistake.of(
                "forgot-activation-derivative",
                "that is dL/da unchanged; multiply it by f′(z) element by element",
                upstream,
            ),
            Mistake.of(
                "forgot-upstream-gradient",
                "that is f′(z) alone; multiply it by dL/da element by element",
                slope(name, z, params),
                optional=True,
            ),
            *derivative_mistakes(name, z, params, upstream, required=strict_variant(name)),
        ]
        if name == "relu":
            mistakes.append(
                Mistake.of(
                    "relu-mask-by-gradient",
                    "that keeps dL/da where dL/da > 0; ReLU′ depends on z: keep dL/da where z > 0",
                    np.where(upstream > 0, upstream, 0.0),
                    optional=True,
                )
            )
    mistakes.append(Mistake.of("sign-error", "the sign is flipped", -expected, optional=True))
    return Draft(
        prompt=prompt,
        inputs={"z": z, "dL/da": upstream},
        expected=expected,
        precision=precision,
        answer_shape="vector",
        solution=solution,
        worked=worked,
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
