"""Apply an activation to a vector (the cheatsheet's "Input (z) -> Output (a)") or to a scalar."""

from __future__ import annotations

import numpy as np
from numpy.typing import ArrayLike

from quizapp.questions import draws, formatting, formulas
from quizapp.questions.families.common import (
    ALL,
    ELEMENTWISE,
    NEGATIVE_SIDE,
    Params,
    answer_text,
    call,
    display,
    gelu_form_mistakes,
    gelu_note,
    inputs_for,
    param_note,
    scalar_input,
    selu_scale_on_negatives_only,
    strict_variant,
    symbol,
    variant_mistakes,
)
from quizapp.questions.families.softmax import (
    NATURAL_LOG,
    log_softmax_mistakes,
    log_softmax_steps,
    softmax_mistakes,
    softmax_steps,
)
from quizapp.questions.mistakes import Mistake
from quizapp.questions.precision import Precision
from quizapp.questions.spec import DECIMALS, LENGTH, Draft, Setup, Template


def _mirror_mistakes(name: str, z: ArrayLike, params: Params) -> list[Mistake]:
    """The classic sign slip of the odd-looking formulas: e^z where e^(-z) belongs."""
    if name == "sigmoid":
        return [
            Mistake.of(
                "sign-error",
                "that is σ(−z) = 1 / (1 + e^z); the exponent is −z",
                call("sigmoid", -np.asarray(z), params),
            )
        ]
    if name == "tanh":
        return [Mistake.of("sign-error", "the sign is flipped: tanh is odd", -call("tanh", z, {}))]
    return []


def _look_alike_mistakes(name: str, z: ArrayLike) -> list[Mistake]:
    """The function it is confused with: σ for tanh and for log σ, Keras 2's hard sigmoid."""
    sigmoid = call("sigmoid", z, {})
    if name == "tanh":
        text = "that is σ(z); tanh(z) = 2σ(2z) − 1 ranges over (−1, 1)"
    elif name == "log_sigmoid":
        text = "that is σ(z); log-sigmoid is its natural log, log σ(z) ≤ 0"
    elif name == "hard_sigmoid":
        return [
            Mistake.of(
                "keras2-hard-sigmoid",
                "that is Keras 2's hard sigmoid clip(0.2·z + 0.5, 0, 1); this one (PyTorch, "
                "Keras 3) is ReLU6(z + 3) / 6",
                np.clip(0.2 * np.asarray(z, dtype=float) + 0.5, 0.0, 1.0),
                optional=True,
            )
        ]
    else:
        return []
    return [Mistake.of("confused-activation", text, sigmoid, optional=True)]


IDENTITY_ON_ONE_SIDE = frozenset(
    {"relu", "leaky_relu", "prelu", "elu", "celu", "selu", "relu6", "hard_tanh"}
)
"""Piecewise functions that pass some inputs through unchanged: z itself is the answer of
someone who forgot to apply them."""


def _forgotten_parts(name: str, z: ArrayLike, params: Params) -> list[Mistake]:
    """The activation left out (z as given), and ELU's exponential without its − 1."""
    given = np.asarray(z, dtype=float)
    mistakes = []
    if name in IDENTITY_ON_ONE_SIDE:
        mistakes.append(
            Mistake.of(
                "forgot-activation",
                f"that is z itself; apply {symbol(name)} to each value",
                given,
                optional=True,
            )
        )
    if name == "elu":
        alpha = np.asarray(params.get("alpha", 1.0), dtype=float)
        mistakes.append(
            Mistake.of(
                "elu-forgot-minus-one",
                "that is α·e^z on the negative side; ELU there is α·(e^z − 1), which tends to −α",
                np.where(given > 0, given, alpha * np.exp(np.minimum(given, 0.0))),
                optional=True,
            )
        )
    return mistakes


def forward_mistakes(name: str, z: ArrayLike, params: Params, *, required: bool) -> list[Mistake]:
    forms = gelu_form_mistakes(name, params, z, 1.0, derivative=False)
    return (
        _mirror_mistakes(name, z, params)
        + _look_alike_mistakes(name, z)
        + _forgotten_parts(name, z, params)
        + forms
        + selu_scale_on_negatives_only(name, z, call(name, z, params), z, what="output")
        + variant_mistakes(
            name,
            params,
            lambda other, other_params: call(other, z, other_params),
            what="output",
            required=required,
        )
    )


def _elementwise_steps(
    name: str, z: np.ndarray, a: np.ndarray, params: Params, precision: Precision
) -> tuple[list[str], np.ndarray]:
    """The steps, and the outputs their printed numbers give."""
    steps = [formulas.forward_step(name, float(x), params, precision, precision.text) for x in z]
    text = [
        formulas.forward_header(name, params),
        f"Input (z): {formatting.join(map(formatting.number, z))}",
        f"{symbol(name)}(z), element by element:",
        *(f"{formatting.number(x)} -> {step.text}" for x, step in zip(z, steps, strict=True)),
        f"Output (a): {answer_text(precision, a)}",
    ]
    return text, np.array([step.value for step in steps])


def _build_vector(rng: np.random.Generator, setup: Setup) -> Draft:
    name = str(setup.activation)
    params = draws.activation_params(rng, name, setup.activation_params)
    precision = Precision(int(setup.get("decimals", 3)))
    z = inputs_for(rng, name, setup.count(rng, 3, 6), params)
    a = call(name, z, params)
    elementwise = name not in ("softmax", "log_softmax")
    target = "to each input" if elementwise else "to the vector z (it is not elementwise)"
    prompt = (
        f"Apply {display(name)}{param_note(name, params)} {target}."
        f"{gelu_note(name, params, z, precision, derivative=False)}\n"
        f"Input (z): {formatting.join(map(formatting.number, z))}\n"
        f"Output (a): ? — give the {z.size} values {precision.describe()}, separated by commas."
        f"{NATURAL_LOG if name == 'log_softmax' else ''}"
    )
    if name == "softmax":
        solution, worked = softmax_steps(z, precision, large=False)
        mistakes = softmax_mistakes(z, large=False)
    elif name == "log_softmax":
        solution, worked = log_softmax_steps(z, precision, large=False)
        mistakes = log_softmax_mistakes(z)
    else:
        solution, worked = _elementwise_steps(name, z, a, params, precision)
        mistakes = forward_mistakes(name, z, params, required=strict_variant(name))
    return Draft(
        prompt=prompt,
        inputs={"z": z},
        expected=a,
        precision=precision,
        answer_shape="vector",
        solution=solution,
        worked=worked,
        activation_params=params,
        mistakes=mistakes,
    )


def _build_scalar(rng: np.random.Generator, setup: Setup) -> Draft:
    name = str(setup.activation)
    params = draws.activation_params(rng, name, setup.activation_params)
    precision = Precision(int(setup.get("decimals", 3)))
    x = scalar_input(rng, name, params)
    value = float(call(name, x, params))
    note = gelu_note(name, params, np.array([x]), precision, derivative=False)
    prompt = (
        f"Compute {symbol(name)}({formatting.number(x)}){param_note(name, params)} "
        f"{precision.describe()}.{note}"
    )
    step = formulas.forward_step(name, x, params, precision, precision.text)
    solution = [
        formulas.forward_header(name, params),
        f"{symbol(name)}({formatting.number(x)}) = {step.text}",
    ]
    return Draft(
        prompt=prompt,
        inputs={"x": x},
        expected=value,
        precision=precision,
        answer_shape="scalar",
        solution=solution,
        worked=step.value,
        activation_params=params,
        mistakes=forward_mistakes(name, x, params, required=name in NEGATIVE_SIDE),
    )


TEMPLATES = (
    Template(
        "activation-vector",
        "Apply an activation to a vector: Input (z) -> Output (a)",
        ALL,
        (DECIMALS, LENGTH),
        _build_vector,
    ),
    Template(
        "activation-scalar",
        "Apply an activation to a single number",
        ELEMENTWISE,
        (DECIMALS,),
        _build_scalar,
    ),
)
