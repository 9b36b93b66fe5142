"""Pieces several families share: engine calls as float arrays, inputs per activation, wording."""

from __future__ import annotations

from collections.abc import Callable, Mapping

import numpy as np
from numpy.typing import ArrayLike

from quizapp import engine
from quizapp.questions import draws, formatting, formulas
from quizapp.questions.mistakes import Mistake
from quizapp.questions.precision import Precision
from quizapp.questions.spec import Redraw

Params = Mapping[str, object]

ELEMENTWISE = tuple(name for name in engine.names() if engine.get(name).elementwise)
ALL = tuple(engine.names())

NEGATIVE_SIDE = ("leaky_relu", "prelu", "elu", "celu", "selu")
"""ReLU variants that differ from ReLU exactly on the negative side: the side worth asking about."""

_VARIANT_NOTES = {
    "leaky_relu": "Leaky ReLU keeps α·z for z < 0",
    "prelu": "PReLU keeps α·z for z < 0",
    "elu": "ELU keeps α·(e^z − 1) for z < 0",
    "celu": "CELU keeps α·(e^(z/α) − 1) for z < 0",
    "selu": "SELU scales by λ ≈ 1.0507 and keeps λ·α·(e^z − 1) for z < 0",
    "relu6": "ReLU6 caps its output at 6",
    "gelu": "GELU is smooth and slightly negative for z < 0",
    "silu": "SiLU is smooth and slightly negative for z < 0",
    "mish": "Mish is smooth and slightly negative for z < 0",
    "softplus": "Softplus is smooth and positive everywhere",
}
_VARIANT_SLOPE_NOTES = {
    "leaky_relu": "Leaky ReLU′ is α for z < 0",
    "prelu": "PReLU′ is α for z < 0",
    "elu": "ELU′ is α·e^z for z < 0",
    "celu": "CELU′ is e^(z/α) for z < 0",
    "selu": "SELU′ is λ ≈ 1.0507 for z > 0 and λ·α·e^z for z < 0",
    "relu6": "ReLU6′ is 0 above 6",
    "gelu": "GELU′ = Φ(z) + z·φ(z) is smooth and not 0 for z < 0",
    "silu": "SiLU′ = σ(z)·(1 + z·(1 − σ(z))) is smooth and not 0 for z < 0",
    "mish": "Mish′ is smooth and not 0 for z < 0",
    "softplus": "Softplus′ = σ(z) is smooth and positive everywhere",
}
"""The same notes for a derivative: what the variant's slope is where ReLU's is not."""
_SYMBOLS = {"alpha": "α", "beta": "β"}
_DEFAULT_ALPHA_NOTES = {
    "leaky_relu": "PyTorch's default negative slope",
    "prelu": "PyTorch's initial value; PReLU learns α during training",
}
SIGMOID_GELU_SCALE = 1.702
"""GELU(z) ≈ z·σ(1.702·z): the sigmoid approximation of Hendrycks & Gimpel (2016)."""


def call(name: str, x: ArrayLike, params: Params) -> np.ndarray:
    return np.asarray(engine.get(name)(x, **params), dtype=float)


def slope(name: str, x: ArrayLike, params: Params) -> np.ndarray:
    return np.asarray(engine.get(name).derivative(x, **params), dtype=float)


def display(name: str) -> str:
    return engine.get(name).display_name


def symbol(name: str) -> str:
    """The name to write as a function, f(z): "SiLU" rather than "SiLU (Swish)"."""
    return display(name).split(" (")[0]


def with_article(text: str) -> str:
    """ "an ELU", "a ReLU", "an SELU": the article follows the sound of the initial letter."""
    vowel_sound = text[:1].lower() in "aeiou" or (text[:1] in "FHLMNRSX" and text[1:2].isupper())
    return f"{'an' if vowel_sound else 'a'} {text}"


def _shown(value: object) -> str:
    return formatting.number(value) if isinstance(value, float) else str(value)


def param_note(name: str, params: Params) -> str:
    """Text like ` (α = 0.2)`: alpha always (it is part of the question), others if not default."""
    defaults = engine.get(name).defaults
    shown = [
        f"{_SYMBOLS.get(key, key)} = {_shown(value)}"
        for key, value in params.items()
        if key == "alpha" or value != defaults.get(key)
    ]
    return f" ({', '.join(shown)})" if shown else ""


def inputs_for(rng: np.random.Generator, name: str, count: int, params: Params) -> np.ndarray:
    """Distinct inputs of both signs, off every kink, reaching the region that sets `name` apart."""
    if name == "relu6":
        values = draws.grid(rng, count, -3, 9)
        if not (values > 6).any():
            raise Redraw
    elif name in ("hard_sigmoid", "hard_swish"):
        values = draws.grid(rng, count, -5, 5)
    else:
        values = draws.grid(rng, count, -4, 5)
    if not draws.mixed_signs(values):
        raise Redraw
    return draws.avoid_kinks(name, values, params)


def scalar_input(
    rng: np.random.Generator, name: str, params: Params, *, either_sign: bool = False
) -> float:
    """One input; negative for the variants whose negative side is the point of the question
    (unless `either_sign`: a Leaky ReLU slope drawn only at z < 0 is always the α printed).

    Never −1: there f(z) = z·g(z) is −g(z), so forgetting the factor z looks like a sign slip.
    """
    if name in NEGATIVE_SIDE and not either_sign:
        low, high = -4.0, -0.1
    elif name == "relu6":
        low, high = -3.0, 8.0
    else:
        low, high = -4.0, 4.0
    value = draws.grid(rng, 1, low, high)
    if value[0] in (0, -1):
        raise Redraw
    return float(draws.avoid_kinks(name, value, params)[0])


def answer_text(precision: Precision, values: object) -> str:
    return formatting.join(precision.text(value) for value in np.ravel(np.asarray(values)))


def variant_mistakes(
    name: str,
    params: Params,
    compute: Callable[[str, Params], object],
    *,
    what: str,
    required: bool,
) -> list[Mistake]:
    """Plain ReLU instead of the variant, and the default α instead of this one, where relevant.

    A wrong α is always optional: at coarse precision α = 0.01 rounds to plain ReLU.
    """
    mistakes: list[Mistake] = []
    notes = _VARIANT_SLOPE_NOTES if what == "derivative" else _VARIANT_NOTES
    if name in notes:
        mistakes.append(
            Mistake.of(
                "relu-instead-of-variant",
                f"that is plain ReLU's {what}; {notes[name]}",
                compute("relu", {}),
                optional=not required,
            )
        )
    if name == "selu":
        mistakes.append(
            Mistake.of(
                "selu-without-lambda",
                f"that is SELU's {what} without its scale λ ≈ 1.0507: "
                "SELU(z) = λ·z for z > 0 and λ·α·(e^z − 1) for z < 0",
                compute("elu", {"alpha": formulas.SELU_ALPHA.value}),
                optional=True,
            )
        )
    default = engine.get(name).defaults.get("alpha")
    if default is None:
        return mistakes
    alpha = formulas.real_param(params, "alpha", float(default))
    if alpha != default:
        mistakes.append(
            Mistake.of(
                "wrong-alpha",
                f"that uses α = {formatting.number(float(default))} "
                f"({_DEFAULT_ALPHA_NOTES.get(name, 'the default')}); "
                f"this question uses α = {formatting.number(alpha)}",
                compute(name, {**params, "alpha": default}),
                optional=True,
            )
        )
    return mistakes


def selu_scale_on_negatives_only(
    name: str, z: ArrayLike, values: ArrayLike, unscaled: ArrayLike, *, what: str
) -> list[Mistake]:
    """SELU's λ applied below zero only: the `unscaled` values for z > 0, the right `values`
    elsewhere (the scale forgotten where SELU looks like plain ReLU)."""
    if name != "selu":
        return []
    return [
        Mistake.of(
            "selu-without-lambda",
            f"that leaves SELU's scale λ ≈ 1.0507 out of the {what} for z > 0; SELU(z) = λ·z there",
            np.where(np.asarray(z) > 0, unscaled, values),
            optional=True,
        )
    ]


def strict_variant(name: str) -> bool:
    """True when the inputs always reach the side where the variant differs from ReLU."""
    return name in NEGATIVE_SIDE or name == "relu6"


def exact_gelu(name: str, params: Params) -> bool:
    return name == "gelu" and params.get("approximate", "none") != "tanh"


def gelu_note(
    name: str, params: Params, z: np.ndarray | None, precision: Precision, *, derivative: bool
) -> str:
    """Which GELU is asked, and the Φ (and φ) values a hand computation needs; "" otherwise.

    The values carry the digits the worked solution prints (`precision.intermediate`), so the
    question and its solution compute with the same numbers. Without `z` (the question asks for
    z itself, so its Φ would give it away) only the form.
    """
    if name != "gelu":
        return ""
    if not exact_gelu(name, params):
        return (
            "\nUse the tanh approximation GELU(z) ≈ 0.5·z·(1 + tanh(√(2/π)·(z + 0.044715·z³))), "
            "√(2/π) ≈ 0.7978846."
        )
    form = "\nUse the exact form GELU(z) = z·Φ(z) (Φ the standard normal CDF, via erf)"
    if z is None:
        return form + "."
    points = [float(x) for x in np.ravel(z)]
    values = [formulas.gaussian(x) for x in points]
    cdf = ", ".join(
        f"Φ({formatting.number(x)}) = {precision.intermediate_text(c)}"
        for x, (c, _) in zip(points, values, strict=True)
    )
    lines = f"{form}: {cdf}"
    if derivative:
        density = ", ".join(
            f"φ({formatting.number(x)}) = {precision.intermediate_text(d)}"
            for x, (_, d) in zip(points, values, strict=True)
        )
        lines += f"; {density}"
    return lines + "."


def gelu_form_mistakes(
    name: str, params: Params, z: ArrayLike, factor: ArrayLike, *, derivative: bool
) -> list[Mistake]:
    """The other GELU forms: tanh or sigmoid approximation when the exact one is asked, and back."""
    if name != "gelu":
        return []
    f = slope if derivative else call
    if not exact_gelu(name, params):
        return [
            Mistake.of(
                "gelu-exact-form",
                "that is the exact GELU z·Φ(z); this question asks for the tanh approximation",
                np.multiply(factor, f("gelu", z, {})),
                optional=True,
            )
        ]
    scaled = np.multiply(SIGMOID_GELU_SCALE, z)
    sigmoid_form = (
        slope("silu", scaled, {}) if derivative else call("silu", scaled, {}) / SIGMOID_GELU_SCALE
    )
    return [
        Mistake.of(
            "gelu-tanh-form",
            "that is the tanh approximation of GELU; this question asks for the exact form "
            "z·Φ(z): use the Φ values given",
            np.multiply(factor, f("gelu", z, {"approximate": "tanh"})),
            optional=True,
        ),
        Mistake.of(
            "gelu-sigmoid-form",
            "that is the sigmoid approximation z·σ(1.702·z); this question asks for the exact "
            "form z·Φ(z): use the Φ values given",
            np.multiply(factor, sigmoid_form),
            optional=True,
        ),
    ]
