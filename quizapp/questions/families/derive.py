"""Derive, then evaluate: σ′ from a given σ(z) and tanh′ from a given tanh(z), as interviews ask.

Backprop keeps the forward output a = f(z); σ′ = a·(1 − a) and tanh′ = 1 − a² need no exp. The
given output comes from the engine, rounded; the answer is computed from that given value.
"""

from __future__ import annotations

import numpy as np

from quizapp.questions import draws, formatting
from quizapp.questions.families.common import call, slope
from quizapp.questions.mistakes import Mistake
from quizapp.questions.precision import Precision
from quizapp.questions.spec import DECIMALS, Draft, Redraw, Setup, Template
from quizapp.questions.worked import Shown, equals

GIVEN_DECIMALS = 4


def _sigmoid(a: float) -> tuple[float, list[str], list[Mistake]]:
    shown = Shown(formatting.number(a, GIVEN_DECIMALS))
    rest = Shown(formatting.number(1 - a, GIVEN_DECIMALS))
    steps = [
        "σ(z) = 1 / (1 + e^(−z)), so σ′(z) = e^(−z) / (1 + e^(−z))² = σ(z) · e^(−z) / (1 + e^(−z))",
        "and e^(−z) / (1 + e^(−z)) = 1 − 1 / (1 + e^(−z)) = 1 − σ(z): σ′(z) = σ(z)·(1 − σ(z))",
        f"σ′(z) = {shown} · (1 − {shown}) = {shown} · {rest}",
    ]
    mistakes = [
        Mistake.of(
            "sigmoid-instead-of-derivative",
            "that is σ(z) itself; the derivative is σ(z)·(1 − σ(z))",
            a,
        ),
        Mistake.of(
            "missing-factor",
            "that is 1 − σ(z) alone; multiply it by σ(z)",
            1 - a,
        ),
        Mistake.of(
            "swapped-derivative-formula",
            "that is 1 − σ(z)², tanh's rule; for the sigmoid it is σ(z)·(1 − σ(z))",
            1 - a**2,
        ),
        Mistake.of(
            "sign-error",
            "that is σ(z)·(1 + σ(z)); the derivative is σ(z)·(1 − σ(z))",
            a * (1 + a),
            optional=True,
        ),
        Mistake.of(
            "output-used-as-input",
            f"that is σ′({formatting.number(a, GIVEN_DECIMALS)}): the given value is σ(z), not z; "
            "σ′(z) = σ(z)·(1 − σ(z)) needs only that output",
            slope("sigmoid", a, {}),
            optional=True,
        ),
    ]
    return a * (1 - a), steps, mistakes


def _tanh(a: float) -> tuple[float, list[str], list[Mistake]]:
    shown = Shown(formatting.number(a, GIVEN_DECIMALS))
    steps = [
        "tanh(z) = sinh(z) / cosh(z), so tanh′(z) = (cosh² − sinh²) / cosh² = 1 − tanh²(z)",
        f"tanh′(z) = 1 − {shown}²",
    ]
    mistakes = [
        Mistake.of(
            "function-instead-of-derivative",
            "that is tanh(z) itself; the derivative is 1 − tanh²(z)",
            a,
        ),
        Mistake.of("one-minus-tanh", "that is 1 − tanh(z); the derivative is 1 − tanh²(z)", 1 - a),
        Mistake.of(
            "swapped-derivative-formula",
            "that is tanh(z)·(1 − tanh(z)), the sigmoid's rule; for tanh it is 1 − tanh²(z)",
            a * (1 - a),
        ),
        Mistake.of(
            "sign-error",
            "that is 1 + tanh²(z); the derivative is 1 − tanh²(z)",
            1 + a**2,
            optional=True,
        ),
        Mistake.of(
            "output-used-as-input",
            f"that is tanh′({formatting.number(a, GIVEN_DECIMALS)}): the given value is tanh(z), "
            "not z; tanh′(z) = 1 − tanh²(z) needs only that output",
            slope("tanh", a, {}),
            optional=True,
        ),
    ]
    return 1 - a**2, steps, mistakes


_RULES = {"sigmoid": ("sigmoid", "σ", _sigmoid), "tanh": ("tanh", "tanh", _tanh)}


def _build(rng: np.random.Generator, setup: Setup) -> Draft:
    name = str(setup.activation)
    precision = Precision(int(setup.get("decimals", 4)))
    z = float(draws.grid(rng, 1, -3, 3, step=0.1)[0])
    a = round(float(call(name, z, {})), GIVEN_DECIMALS)
    if a in (0.0, 1.0, -1.0):
        raise Redraw
    unit, symbol, rule = _RULES[name]
    expected, steps, mistakes = rule(a)
    prompt = (
        f"In the forward pass a {unit} unit output a = {symbol}(z) = "
        f"{formatting.number(a, GIVEN_DECIMALS)} (z is not kept).\n"
        f"Derive {symbol}′(z) in terms of {symbol}(z), then evaluate it from that output "
        f"{precision.describe()}."
    )
    return Draft(
        prompt=prompt,
        inputs={"a": a},
        expected=expected,
        precision=precision,
        answer_shape="scalar",
        solution=[*steps[:-1], f"{steps[-1]} {equals(expected, precision.text(expected))}"],
        worked=expected,
        mistakes=mistakes,
    )


TEMPLATES = (
    Template(
        "derive-then-evaluate",
        "Derive σ′ from σ(z) (or tanh′ from tanh(z)), then evaluate it from a given output",
        ("sigmoid", "tanh"),
        (DECIMALS,),
        _build,
    ),
)
