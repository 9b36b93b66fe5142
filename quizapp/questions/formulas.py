"""Worked-solution text for each activation: the formula, then the formula with the numbers in.

Only the wording lives here. Every value printed comes from the engine (σ(z) inside σ′(z), Φ(z)
inside GELU, for instance), rounded as an intermediate (`Precision.intermediate`); each step also
returns what a student gets by redoing its arithmetic with those printed digits.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping

import numpy as np

from quizapp import engine
from quizapp.questions import formatting
from quizapp.questions.precision import Precision
from quizapp.questions.worked import Shown, Worked, equals
from quizapp.wording import plural

Params = Mapping[str, object]
Expression = tuple[str, float | None]
"""A step's text up to its result, and the result from its printed digits (None: no rounding)."""
Step = Callable[[float, Params, Precision], Expression]
Render = Callable[[float], str]
"""How a step prints its result: `Precision.text`, or an intermediate's digits."""

SELU_SCALE = Shown("1.050701")
SELU_ALPHA = Shown("1.673263")
GELU_CUBIC = 0.044715
GELU_SQRT_2_OVER_PI = Shown("0.7978846")
_PEAK_DENSITY = 1 / math.sqrt(2 * math.pi)
_CANCELLATION_SHARE = 0.1
"""1 − tanh² is worked from tanh as printed unless that can miss the exact slope by more than this
share of the answer's half unit, enough for a product of several slopes to round wrong. To a
number of decimals it never can (tanh carries 3 more); to significant figures it can once tanh
is within 0.005 of ±1, where its leading digits cancel: then the step factors it instead."""


def _n(x: float) -> str:
    return formatting.number(x)


def _w(x: float) -> str:
    """A number safe to put after an operator: (-2)."""
    return f"({_n(x)})" if x < 0 else _n(x)


def real_param(params: Params, key: str, default: float | None = None) -> float:
    """A real activation param (α, β, …); the generator checked it, so anything else is a bug."""
    value = params.get(key, default)
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise TypeError(f"activation param {key!r} must be a real number, got {value!r}")
    return float(value)


def _a(params: Params, key: str = "alpha") -> str:
    return _n(real_param(params, key))


def _engine(name: str, x: float, params: Params | None = None) -> float:
    return float(np.asarray(engine.get(name)(x, **(params or {}))))


def gaussian(x: float) -> tuple[float, float]:
    """Φ(x) and φ(x), read off the engine's exact GELU: GELU = x·Φ, GELU′ = Φ + x·φ."""
    if x == 0:
        return 0.5, _PEAK_DENSITY
    cdf = _engine("gelu", x) / x
    slope = float(np.asarray(engine.get("gelu").derivative(x)))
    return cdf, (slope - cdf) / x


def one_minus_tanh(x: float) -> float:
    """1 − tanh(x) without cancellation: 2σ(−2x), since tanh(x) = 2σ(2x) − 1."""
    return 2 * _engine("sigmoid", -2 * x)


def _sigmoid(x: float, params: Params, p: Precision) -> Expression:
    return f"1 / (1 + exp({_n(-x)}))", None


def _tanh(x: float, params: Params, p: Precision) -> Expression:
    return f"(exp({_n(x)}) − exp({_n(-x)})) / (exp({_n(x)}) + exp({_n(-x)}))", None


def _relu(x: float, params: Params, p: Precision) -> Expression:
    return f"max(0, {_n(x)})", None


def _positive(x: float) -> Expression:
    return f"{_n(x)} (z > 0, unchanged)", None


def _leaky(x: float, params: Params, p: Precision) -> Expression:
    return _positive(x) if x > 0 else (f"{_a(params)} · {_w(x)}", None)


def _exp_minus_one(alpha: str, argument: str, x: float, p: Precision) -> Expression:
    shifted = p.intermediate(_engine("elu", x))
    return f"{alpha} · (exp({argument}) − 1) = {alpha} · {shifted}", float(alpha) * shifted.value


def _elu(x: float, params: Params, p: Precision) -> Expression:
    return _positive(x) if x > 0 else _exp_minus_one(_a(params), _n(x), x, p)


def _celu(x: float, params: Params, p: Precision) -> Expression:
    if x > 0:
        return _positive(x)
    alpha = real_param(params, "alpha")
    return _exp_minus_one(_a(params), f"{_n(x)} / {_a(params)}", x / alpha, p)


def _selu(x: float, params: Params, p: Precision) -> Expression:
    if x > 0:
        return f"{SELU_SCALE} · {_n(x)}", SELU_SCALE.value * x
    shifted = p.intermediate(_engine("elu", x))
    scale = f"{SELU_SCALE} · {SELU_ALPHA}"
    return (
        f"{scale} · (exp({_n(x)}) − 1) = {scale} · {shifted}",
        SELU_SCALE.value * SELU_ALPHA.value * shifted.value,
    )


def _tanh_form(x: float, p: Precision) -> tuple[str, Shown, Shown]:
    """u = √(2/π)·(z + 0.044715·z³), with tanh(u), as the tanh approximation prints them."""
    u = p.intermediate(GELU_SQRT_2_OVER_PI.value * (x + GELU_CUBIC * x**3))
    t = p.intermediate(_engine("tanh", u.value))
    text = f"u = {GELU_SQRT_2_OVER_PI} · ({_n(x)} + {GELU_CUBIC} · {_w(x)}³) = {u}, tanh(u) = {t}"
    return text, u, t


def _gelu(x: float, params: Params, p: Precision) -> Expression:
    if params.get("approximate", "none") == "tanh":
        text, _, t = _tanh_form(x, p)
        return f"{text}; 0.5 · {_w(x)} · (1 + {t})", 0.5 * x * (1 + t.value)
    cdf = p.intermediate(gaussian(x)[0])
    return f"{_w(x)} · Φ({_n(x)}) = {_w(x)} · {cdf}", x * cdf.value


def _silu(x: float, params: Params, p: Precision) -> Expression:
    s = p.intermediate(_engine("sigmoid", x))
    return f"{_w(x)} · σ({_n(x)}) = {_w(x)} · {s}", x * s.value


def _mish(x: float, params: Params, p: Precision) -> Expression:
    inner = p.intermediate(_engine("softplus", x))
    t = p.intermediate(_engine("tanh", inner.value))
    return (
        f"{_w(x)} · tanh(ln(1 + exp({_n(x)}))) = {_w(x)} · tanh({inner}) = {_w(x)} · {t}",
        x * t.value,
    )


def _linear_past(beta: float, threshold: float) -> str:
    """Why softplus is taken as linear here: `β·z > 20`, or `z > 20` for the default β = 1."""
    scaled = "z" if beta == 1.0 else "β·z"
    return f"({scaled} > {_n(threshold)}: linear)"


def _softplus(x: float, params: Params, p: Precision) -> Expression:
    beta, threshold = real_param(params, "beta", 1.0), real_param(params, "threshold", 20.0)
    if beta * x > threshold:
        return f"{_n(x)} {_linear_past(beta, threshold)}", None
    if beta == 1.0:
        return f"ln(1 + exp({_n(x)}))", None
    return f"(1/{_n(beta)}) · ln(1 + exp({_n(beta)} · {_w(x)}))", None


def _relu6(x: float, params: Params, p: Precision) -> Expression:
    return f"min(max(0, {_n(x)}), 6)", None


def _hard_sigmoid(x: float, params: Params, p: Precision) -> Expression:
    return f"min(max(0, {_n(x)} + 3), 6) / 6", None


def _hard_swish(x: float, params: Params, p: Precision) -> Expression:
    return f"{_w(x)} · min(max(0, {_n(x)} + 3), 6) / 6", None


def _hard_tanh(x: float, params: Params, p: Precision) -> Expression:
    return f"min(max({_n(x)}, {_a(params, 'min')}), {_a(params, 'max')})", None


def _softsign(x: float, params: Params, p: Precision) -> Expression:
    return f"{_n(x)} / (1 + {_n(abs(x))})", None


def _log_sigmoid(x: float, params: Params, p: Precision) -> Expression:
    return f"−ln(1 + exp({_n(-x)}))", None


_SELU_CONSTANTS = f"λ ≈ {SELU_SCALE}, α ≈ {SELU_ALPHA}"

_FORWARD: dict[str, tuple[str, Step]] = {
    "sigmoid": ("σ(z) = 1 / (1 + e^(−z))", _sigmoid),
    "tanh": ("tanh(z) = (e^z − e^(−z)) / (e^z + e^(−z))", _tanh),
    "relu": ("ReLU(z) = max(0, z)", _relu),
    "leaky_relu": ("Leaky ReLU(z) = z if z > 0, else α·z (α = {alpha})", _leaky),
    "prelu": ("PReLU(z) = z if z > 0, else α·z (α = {alpha})", _leaky),
    "elu": ("ELU(z) = z if z > 0, else α·(e^z − 1) (α = {alpha})", _elu),
    "celu": ("CELU(z) = z if z > 0, else α·(e^(z/α) − 1) (α = {alpha})", _celu),
    "selu": (f"SELU(z) = λ·z if z > 0, else λ·α·(e^z − 1), {_SELU_CONSTANTS}", _selu),
    "gelu": ("GELU(z) = z·Φ(z) (exact form, Φ(z) = ½·(1 + erf(z/√2)) the normal CDF)", _gelu),
    "silu": ("SiLU(z) = z·σ(z) = z / (1 + e^(−z))", _silu),
    "mish": ("Mish(z) = z·tanh(softplus(z)) = z·tanh(ln(1 + e^z))", _mish),
    "softplus": (
        "Softplus(z) = (1/β)·ln(1 + e^(β·z)), linear once β·z > {threshold} (β = {beta})",
        _softplus,
    ),
    "relu6": ("ReLU6(z) = min(max(0, z), 6)", _relu6),
    "hard_sigmoid": ("Hard Sigmoid(z) = ReLU6(z + 3) / 6", _hard_sigmoid),
    "hard_swish": ("Hard Swish(z) = z · ReLU6(z + 3) / 6", _hard_swish),
    "hard_tanh": ("Hard Tanh(z) = min(max(z, {min}), {max})", _hard_tanh),
    "softsign": ("Softsign(z) = z / (1 + |z|)", _softsign),
    "log_sigmoid": ("log σ(z) = −ln(1 + e^(−z))", _log_sigmoid),
}

_GELU_TANH = (
    "GELU(z) ≈ ½·z·(1 + tanh(u)), u = √(2/π)·(z + 0.044715·z³) (tanh approximation; "
    "at most 4.8e-4 from the exact z·Φ(z))"
)


def _d_sigmoid(x: float, params: Params, p: Precision) -> Expression:
    s = _engine("sigmoid", x)
    shown, rest = p.intermediate(s), p.intermediate(1 - s)
    return (
        f"σ({_n(x)})·(1 − σ({_n(x)})) = {shown} · {rest}",
        shown.value * rest.value,
    )


def tanh_slope_step(x: float, p: Precision) -> Expression:
    """1 − tanh²(z) from tanh(z) as printed; factored only where the digits that cancel are
    digits the answer needs (see `_CANCELLATION_SHARE`), saying how many are left."""
    t = _engine("tanh", x)
    shown = p.intermediate(t)
    slope = float(np.asarray(engine.get("tanh").derivative(x)))
    # Squaring tanh as printed moves 1 − tanh² by up to 2·|tanh|·(half a unit of its last digit).
    bound = abs(t) * p.intermediate_unit(t)
    if bound <= _CANCELLATION_SHARE * float(p.tolerance(np.array([slope]))[0]):
        return f"1 − tanh²({_n(x)}) = 1 − {shown}²", 1 - shown.value**2
    kept = math.floor(math.log10(slope / bound)) + 1
    asked = p.decimals + 1
    margin = "fewer than" if kept < asked else "no more than" if kept == asked else "barely over"
    low = p.intermediate(one_minus_tanh(abs(x)))
    high = p.intermediate(2 - one_minus_tanh(abs(x)))
    return (
        f"1 − tanh²({_n(x)}), but tanh({_n(x)}) = {shown.text} is so near "
        f"{'1' if t > 0 else '−1'} that 1 − {shown}² is good to only "
        f"{plural(kept, 'significant figure')} (the leading digits cancel), {margin} the "
        f"{p.asked()} asked; with 1 − |tanh| = 2σ(−2|z|) = {low}: "
        f"(1 − |tanh|)(1 + |tanh|) = {low} · {high}",
        low.value * high.value,
    )


def _d_tanh(x: float, params: Params, p: Precision) -> Expression:
    return tanh_slope_step(x, p)


def _d_relu(x: float, params: Params, p: Precision) -> Expression:
    return ("1 (z > 0)" if x > 0 else "0 (z < 0)"), None


def _d_leaky(x: float, params: Params, p: Precision) -> Expression:
    return ("1 (z > 0)" if x > 0 else "α (z < 0)"), None


def _exp_shown(x: float, p: Precision) -> Shown:
    """e^x for x ≤ 0, from the engine: ELU(x) + 1."""
    return p.intermediate(_engine("elu", x) + 1)


def _d_elu(x: float, params: Params, p: Precision) -> Expression:
    if x > 0:
        return "1 (z > 0)", None
    e = _exp_shown(x, p)
    alpha = real_param(params, "alpha")
    return f"{_a(params)} · exp({_n(x)}) = {_a(params)} · {e}", alpha * e.value


def _d_celu(x: float, params: Params, p: Precision) -> Expression:
    if x > 0:
        return "1 (z > 0)", None
    e = _exp_shown(x / real_param(params, "alpha"), p)
    return f"exp({_n(x)} / {_a(params)}) = {e}", e.value


def _d_selu(x: float, params: Params, p: Precision) -> Expression:
    if x > 0:
        return f"λ (z > 0) = {SELU_SCALE}", SELU_SCALE.value
    e = _exp_shown(x, p)
    return (
        f"{SELU_SCALE} · {SELU_ALPHA} · exp({_n(x)}) = {SELU_SCALE} · {SELU_ALPHA} · {e}",
        SELU_SCALE.value * SELU_ALPHA.value * e.value,
    )


def _d_gelu(x: float, params: Params, p: Precision) -> Expression:
    if params.get("approximate", "none") == "tanh":
        text, _, t = _tanh_form(x, p)
        u = GELU_SQRT_2_OVER_PI.value * (x + GELU_CUBIC * x**3)
        sech = p.intermediate(one_minus_tanh(abs(u)) * (2 - one_minus_tanh(abs(u))))
        inner = p.intermediate(GELU_SQRT_2_OVER_PI.value * (1 + 3 * GELU_CUBIC * x**2))
        return (
            f"{text}, 1 − tanh²(u) = {sech}, du/dz = {GELU_SQRT_2_OVER_PI} · (1 + 0.134145 · "
            f"{_w(x)}²) = {inner}; 0.5 · (1 + {t}) + 0.5 · {_w(x)} · {sech} · {inner}",
            0.5 * (1 + t.value) + 0.5 * x * sech.value * inner.value,
        )
    cdf, density = gaussian(x)
    big, small = p.intermediate(cdf), p.intermediate(density)
    return (
        f"Φ({_n(x)}) + {_w(x)} · φ({_n(x)}) = {big} + {_w(x)} · {small}",
        big.value + x * small.value,
    )


def _d_silu(x: float, params: Params, p: Precision) -> Expression:
    s = _engine("sigmoid", x)
    shown, rest = p.intermediate(s), p.intermediate(1 - s)
    return (
        f"σ({_n(x)})·(1 + {_w(x)}·(1 − σ({_n(x)}))) = {shown} · (1 + {_w(x)} · {rest})",
        shown.value * (1 + x * rest.value),
    )


def _d_mish(x: float, params: Params, p: Precision) -> Expression:
    sp = _engine("softplus", x)
    t = p.intermediate(_engine("tanh", sp))
    s = p.intermediate(_engine("sigmoid", x))
    sech = p.intermediate(one_minus_tanh(sp) * (2 - one_minus_tanh(sp)))
    return (
        f"tanh(sp) + z·σ(z)·(1 − tanh²(sp)) with sp = softplus({_n(x)}): "
        f"{t} + {_w(x)} · {s} · {sech}",
        t.value + x * s.value * sech.value,
    )


def _d_softplus(x: float, params: Params, p: Precision) -> Expression:
    beta, threshold = real_param(params, "beta", 1.0), real_param(params, "threshold", 20.0)
    if beta * x > threshold:
        return f"1 {_linear_past(beta, threshold)}", None
    argument = _n(x) if beta == 1.0 else f"{_n(beta)} · {_w(x)}"
    return f"σ({argument})", None


def _d_relu6(x: float, params: Params, p: Precision) -> Expression:
    if x < 0:
        return "0 (z < 0)", None
    return ("1 (0 < z < 6)" if x < 6 else "0 (z > 6)"), None


def _d_hard_sigmoid(x: float, params: Params, p: Precision) -> Expression:
    return ("1/6 (-3 < z < 3)" if -3 < x < 3 else "0 (|z| > 3)"), None


def _d_hard_swish(x: float, params: Params, p: Precision) -> Expression:
    if x < -3:
        return "0 (z < -3)", None
    if x > 3:
        return "1 (z > 3)", None
    return f"(2 · {_w(x)} + 3) / 6", None


def _d_hard_tanh(x: float, params: Params, p: Precision) -> Expression:
    low, high = real_param(params, "min", -1.0), real_param(params, "max", 1.0)
    return ("1 (inside)" if low < x < high else "0 (clipped)"), None


def _d_softsign(x: float, params: Params, p: Precision) -> Expression:
    return f"1 / (1 + {_n(abs(x))})²", None


def _d_log_sigmoid(x: float, params: Params, p: Precision) -> Expression:
    rest = p.intermediate(1 - _engine("sigmoid", x))
    return f"1 − σ({_n(x)}) = {rest}", rest.value


_DERIVATIVE: dict[str, tuple[str, Step]] = {
    "sigmoid": ("σ′(z) = σ(z)·(1 − σ(z))", _d_sigmoid),
    "tanh": ("tanh′(z) = 1 − tanh²(z)", _d_tanh),
    "relu": ("ReLU′(z) = 1 if z > 0, else 0", _d_relu),
    "leaky_relu": ("Leaky ReLU′(z) = 1 if z > 0, else α (α = {alpha})", _d_leaky),
    "prelu": ("PReLU′(z) = 1 if z > 0, else α (α = {alpha})", _d_leaky),
    "elu": ("ELU′(z) = 1 if z > 0, else α·e^z (α = {alpha})", _d_elu),
    "celu": ("CELU′(z) = 1 if z > 0, else e^(z/α) (α = {alpha})", _d_celu),
    "selu": (f"SELU′(z) = λ if z > 0, else λ·α·e^z, {_SELU_CONSTANTS}", _d_selu),
    "gelu": (
        "GELU′(z) = Φ(z) + z·φ(z) (exact form; φ(z) = e^(−z²/2)/√(2π) the normal density)",
        _d_gelu,
    ),
    "silu": ("SiLU′(z) = σ(z)·(1 + z·(1 − σ(z)))", _d_silu),
    "mish": ("Mish′(z) = tanh(sp(z)) + z·σ(z)·(1 − tanh²(sp(z))), sp = softplus", _d_mish),
    "softplus": ("Softplus′(z) = σ(β·z), 1 once β·z > {threshold} (β = {beta})", _d_softplus),
    "relu6": ("ReLU6′(z) = 1 if 0 < z < 6, else 0", _d_relu6),
    "hard_sigmoid": ("Hard Sigmoid′(z) = 1/6 if -3 < z < 3, else 0", _d_hard_sigmoid),
    # PyTorch's slopes at the kinks, as the engine's: 0 at -3, 1 at 3.
    "hard_swish": ("Hard Swish′(z) = 0 if z ≤ -3, 1 if z ≥ 3, else (2z + 3) / 6", _d_hard_swish),
    "hard_tanh": ("Hard Tanh′(z) = 1 if {min} < z < {max}, else 0", _d_hard_tanh),
    "softsign": ("Softsign′(z) = 1 / (1 + |z|)²", _d_softsign),
    "log_sigmoid": ("(log σ)′(z) = 1 − σ(z) = σ(−z)", _d_log_sigmoid),
}

_UNIT_SOFTPLUS = "Softplus(z) = ln(1 + e^z), linear once z > {threshold}"
_UNIT_SOFTPLUS_DERIVATIVE = "Softplus′(z) = σ(z), 1 once z > {threshold}"

_GELU_TANH_DERIVATIVE = (
    "GELU′(z) ≈ ½·(1 + tanh(u)) + ½·z·(1 − tanh²(u))·du/dz, u = √(2/π)·(z + 0.044715·z³), "
    "du/dz = √(2/π)·(1 + 3·0.044715·z²) (derivative of the tanh approximation)"
)


def _complete(name: str, params: Params) -> Params:
    return {**engine.get(name).defaults, **params}


def _header(table: Mapping[str, tuple[str, Step]], name: str, params: Params) -> str:
    values = _complete(name, params)
    shown = {key: _n(value) if isinstance(value, float) else value for key, value in values.items()}
    return table[name][0].format(**shown)


def _apply(
    table: Mapping[str, tuple[str, Step]],
    name: str,
    x: float,
    params: Params,
    exact: float,
    precision: Precision,
    render: Render,
) -> Worked:
    """The step ending on its result as `render` prints it, "≈" when rounded; a result computed
    from printed numbers is that arithmetic, not the engine's value."""
    expression, worked = table[name][1](x, _complete(name, params), precision)
    value = exact if worked is None else worked
    result = Shown(render(value))
    ending = equals(value, result.text)
    text = expression if expression.endswith(ending) else f"{expression} {ending}"
    return Worked(text, value, result)


def _unit_beta(name: str, params: Params) -> bool:
    """Softplus with PyTorch's default β = 1, which its prompt does not mention: its formulas
    are written without β (σ(z), not σ(β·z) with β never defined)."""
    return name == "softplus" and _complete(name, params)["beta"] == 1.0


def _threshold(name: str, params: Params) -> str:
    """Softplus's threshold, above which it is linear, as the formulas print it."""
    threshold = _complete(name, params)["threshold"]
    return _n(threshold) if isinstance(threshold, int | float) else str(threshold)


def forward_header(name: str, params: Params) -> str:
    """The activation's formula, parameters filled in."""
    if name == "gelu" and params.get("approximate") == "tanh":
        return _GELU_TANH
    if _unit_beta(name, params):
        return _UNIT_SOFTPLUS.format(threshold=_threshold(name, params))
    return _header(_FORWARD, name, params)


def forward_step(
    name: str, x: float, params: Params, precision: Precision, render: Render
) -> Worked:
    """`max(0, -2) = 0`: the formula applied to one input, ending in its result as `render`
    prints it (to the answer's precision, or as an intermediate)."""
    exact = _engine(name, x, params)
    return _apply(_FORWARD, name, x, params, exact, precision, render)


def derivative_header(name: str, params: Params) -> str:
    if name == "gelu" and params.get("approximate") == "tanh":
        return _GELU_TANH_DERIVATIVE
    if _unit_beta(name, params):
        return _UNIT_SOFTPLUS_DERIVATIVE.format(threshold=_threshold(name, params))
    return _header(_DERIVATIVE, name, params)


def derivative_step(
    name: str, x: float, params: Params, precision: Precision, render: Render
) -> Worked:
    exact = float(np.asarray(engine.get(name).derivative(x, **params)))
    return _apply(_DERIVATIVE, name, x, params, exact, precision, render)
