"""One neuron's forward pass: z = w·x + b, then a = f(z)."""

from __future__ import annotations

import numpy as np

from quizapp.questions import draws, formatting, formulas
from quizapp.questions.families.common import (
    ELEMENTWISE,
    NEGATIVE_SIDE,
    call,
    display,
    gelu_form_mistakes,
    gelu_note,
    param_note,
    symbol,
    variant_mistakes,
    with_article,
)
from quizapp.questions.mistakes import Mistake
from quizapp.questions.precision import Precision
from quizapp.questions.spec import DECIMALS, LENGTH, Draft, Redraw, Setup, Template

# Products of one-decimal numbers have two decimals; rounding to 10 removes float noise
# such as 0.30000000000000004.
_EXACT_DECIMALS = 10


def _weighted_sum(w: np.ndarray, x: np.ndarray) -> float:
    return round(float(w @ x), _EXACT_DECIMALS)


def _build(rng: np.random.Generator, setup: Setup) -> Draft:
    name = str(setup.activation)
    params = draws.activation_params(rng, name, setup.activation_params)
    precision = Precision(int(setup.get("decimals", 3)))
    count = setup.count(rng, 2, 4)
    w = draws.grid(rng, count, -1.5, 1.5, step=float(rng.choice((0.5, 0.1))))
    x = draws.grid(rng, count, -3, 3, step=float(rng.choice((1.0, 0.5))))
    b = float(draws.grid(rng, 1, -1, 1, step=float(rng.choice((0.5, 0.1))))[0])
    weighted = _weighted_sum(w, x)
    z = round(weighted + b, _EXACT_DECIMALS)
    subtracted = round(weighted - b, _EXACT_DECIMALS)
    wants_negative = name in NEGATIVE_SIDE and rng.random() < 0.7
    # A zero weight or input hides its product; a z (right or with a bias mistake) of 0 would
    # make "0, 0" that answer; at z = −1 forgetting the factor z of z·g(z) (SiLU, GELU, Leaky
    # ReLU's slope) looks like a sign slip.
    degenerate = not (w.all() and x.all()) or z in (0, -1) or 0 in (weighted, subtracted)
    if b == 0 or degenerate or abs(z) > 6 or (wants_negative and z >= 0):
        raise Redraw
    draws.avoid_kinks(name, np.array([z]), params)
    a = float(call(name, z, params))
    expected = np.array([z, a])
    f = symbol(name)
    form = gelu_note(name, params, None, precision, derivative=False)
    prompt = (
        f"A neuron has weights w = {formatting.vector(w)}, inputs x = {formatting.vector(x)} "
        f"and bias b = {formatting.number(b)}, with {with_article(display(name))} activation"
        f"{param_note(name, params)}.{form}\n"
        f'Compute z = w·x + b and a = {f}(z). Answer "z, a", each {precision.describe()}.'
    )
    products = " + ".join(
        f"({formatting.number(wi)})({formatting.number(xi)})" for wi, xi in zip(w, x, strict=True)
    )
    step = formulas.forward_step(name, z, params, precision, precision.text)
    solution = [
        f"z = w·x + b = {products} + ({formatting.number(b)})",
        f"  = {formatting.number(weighted)} + ({formatting.number(b)}) = {formatting.number(z)}",
        formulas.forward_header(name, params),
        f"a = {f}({formatting.number(z)}) = {step.text}",
        f"Answer (z, a): {precision.text(z)}, {precision.text(a)}",
    ]
    mistakes = [
        Mistake.of(
            "forgot-bias",
            f"that is w·x = {formatting.number(weighted)} without the bias; z = w·x + b",
            [weighted, float(call(name, weighted, params))],
            shows_in=(0,),
        ),
        Mistake.of(
            "subtracted-bias",
            "you subtracted the bias; z = w·x + b",
            [subtracted, float(call(name, subtracted, params))],
            shows_in=(0,),
        ),
        *(
            Mistake.of(form.id, form.description, [z, *form.values], optional=True)
            for form in gelu_form_mistakes(name, params, z, 1.0, derivative=False)
        ),
    ]
    variants = variant_mistakes(
        name,
        params,
        lambda other, other_params: [z, float(call(other, z, other_params))],
        what="output",
        required=False,
    )
    # For z > 0 plain ReLU gives z too: one message names both causes of "a = z".
    as_relu = [m for m in variants if m.id == "relu-instead-of-variant" and m.values[1] == z]
    forgot = f"a = z is missing the activation; a = {f}(z)"
    if as_relu:
        forgot = (
            f"a = z: either the activation was left out or plain ReLU was used (ReLU(z) = z for "
            f"z > 0); a = {f}(z)"
        )
    mistakes += [
        Mistake.of("forgot-activation", forgot, [z, z], optional=True),
        Mistake.of("swapped-answer-order", 'that is "a, z"; answer "z, a"', [a, z], optional=True),
        *(m for m in variants if m not in as_relu),
    ]
    return Draft(
        prompt=prompt,
        inputs={"w": w, "x": x, "b": b},
        expected=expected,
        precision=precision,
        answer_shape="vector",
        solution=solution,
        worked=np.array([z, step.value]),
        activation_params=params,
        labels=("z", "a"),
        mistakes=mistakes,
    )


TEMPLATES = (
    Template(
        "neuron-forward",
        "One neuron's forward pass: z = w·x + b and a = f(z)",
        ELEMENTWISE,
        (DECIMALS, LENGTH),
        _build,
    ),
)
