"""Worked-solution text for each activation: the formula, then the formula with the numbers in.

Only the wording lives here. Every value printed after "=" is passed in by the caller or read from
the engine (σ(z) inside σ′(z), for instance); nothing is recomputed from these formulas.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping

import numpy as np

from quizapp import engine
from quizapp.questions import formatting

Params = Mapping[str, object]
Step = Callable[[float, Params, str], str]

SELU_SCALE_TEXT = "1.0507"
SELU_ALPHA_TEXT = "1.6733"


def _n(x: float) -> str:
    return formatting.number(x)


def _w(x: float) -> str:
    """A number safe to put after an operator: (-2)."""
    return f"({_n(x)})" if x < 0 else _n(x)


def _i(value: object) -> str:
    """An intermediate value, to 4 significant figures, bracketed if negative."""
    number = float(np.asarray(value))
    text = formatting.significant(number, 4)
    return f"({text})" if number < 0 else text


def _a(params: Params, key: str = "alpha") -> str:
    return _n(float(params[key]))


def _engine(name: str, x: float, params: Params | None = None) -> float:
    return float(np.asarray(engine.get(name)(x, **(params or {}))))


def _positive(x: float, value: str) -> str | None:
    return f"{_n(x)} (z > 0, unchanged)" if x > 0 else None


def _sigmoid(x: float, params: Params, value: str) -> str:
    return f"1 / (1 + exp({_n(-x)})) = {value}"


def _tanh(x: float, params: Params, value: str) -> str:
    return f"(exp({_n(x)}) - exp({_n(-x)})) / (exp({_n(x)}) + exp({_n(-x)})) = {value}"


def _relu(x: float, params: Params, value: str) -> str:
    return f"max(0, {_n(x)}) = {value}"


def _leaky(x: float, params: Params, value: str) -> str:
    return _positive(x, value) or f"{_a(params)} · {_w(x)} = {value}"


def _elu(x: float, params: Params, value: str) -> str:
    return _positive(x, value) or f"{_a(params)} · (exp({_n(x)}) - 1) = {value}"


def _celu(x: float, params: Params, value: str) -> str:
    return _positive(x, value) or f"{_a(params)} · (exp({_n(x)} / {_a(params)}) - 1) = {value}"


def _selu(x: float, params: Params, value: str) -> str:
    if x > 0:
        return f"{SELU_SCALE_TEXT} · {_n(x)} = {value}"
    return f"{SELU_SCALE_TEXT} · {SELU_ALPHA_TEXT} · (exp({_n(x)}) - 1) = {value}"


def _gelu(x: float, params: Params, value: str) -> str:
    if params.get("approximate", "none") == "tanh":
        return f"0.5 · {_w(x)} · (1 + tanh(0.7979 · ({_n(x)} + 0.044715 · {_w(x)}³))) = {value}"
    if x == 0:
        return f"0 · Φ(0) = {value}"
    return f"{_w(x)} · Φ({_n(x)}) = {_w(x)} · {_i(_engine('gelu', x) / x)} = {value}"


def _silu(x: float, params: Params, value: str) -> str:
    return f"{_w(x)} · σ({_n(x)}) = {_w(x)} · {_i(_engine('sigmoid', x))} = {value}"


def _mish(x: float, params: Params, value: str) -> str:
    inner = _i(_engine("softplus", x))
    return f"{_w(x)} · tanh(ln(1 + exp({_n(x)}))) = {_w(x)} · tanh({inner}) = {value}"


def _softplus(x: float, params: Params, value: str) -> str:
    beta, threshold = float(params.get("beta", 1.0)), float(params.get("threshold", 20.0))
    if beta * x > threshold:
        return f"{_n(x)} (β·z > {_n(threshold)}: linear) = {value}"
    if beta == 1.0:
        return f"ln(1 + exp({_n(x)})) = {value}"
    return f"(1/{_n(beta)}) · ln(1 + exp({_n(beta)} · {_w(x)})) = {value}"


def _relu6(x: float, params: Params, value: str) -> str:
    return f"min(max(0, {_n(x)}), 6) = {value}"


def _hard_sigmoid(x: float, params: Params, value: str) -> str:
    return f"min(max(0, {_n(x)} + 3), 6) / 6 = {value}"


def _hard_swish(x: float, params: Params, value: str) -> str:
    return f"{_w(x)} · min(max(0, {_n(x)} + 3), 6) / 6 = {value}"


def _hard_tanh(x: float, params: Params, value: str) -> str:
    return f"min(max({_n(x)}, {_a(params, 'min')}), {_a(params, 'max')}) = {value}"


def _softsign(x: float, params: Params, value: str) -> str:
    return f"{_n(x)} / (1 + {_n(abs(x))}) = {value}"


def _log_sigmoid(x: float, params: Params, value: str) -> str:
    return f"-ln(1 + exp({_n(-x)})) = {value}"


_FORWARD: dict[str, tuple[str, Step]] = {
    "sigmoid": ("σ(z) = 1 / (1 + e^(-z))", _sigmoid),
    "tanh": ("tanh(z) = (e^z − e^(-z)) / (e^z + e^(-z))", _tanh),
    "relu": ("ReLU(z) = max(0, z)", _relu),
    "leaky_relu": ("Leaky ReLU(z) = z if z > 0, else α·z (α = {alpha})", _leaky),
    "prelu": ("PReLU(z) = z if z > 0, else α·z (α = {alpha})", _leaky),
    "elu": ("ELU(z) = z if z > 0, else α·(e^z − 1) (α = {alpha})", _elu),
    "celu": ("CELU(z) = z if z > 0, else α·(e^(z/α) − 1) (α = {alpha})", _celu),
    "selu": (
        f"SELU(z) = λ·z if z > 0, else λ·α·(e^z − 1), λ ≈ {SELU_SCALE_TEXT}, α ≈ {SELU_ALPHA_TEXT}",
        _selu,
    ),
    "gelu": ("GELU(z) = z·Φ(z), Φ the standard normal CDF", _gelu),
    "silu": ("SiLU(z) = z·σ(z) = z / (1 + e^(-z))", _silu),
    "mish": ("Mish(z) = z·tanh(softplus(z)) = z·tanh(ln(1 + e^z))", _mish),
    "softplus": ("Softplus(z) = (1/β)·ln(1 + e^(β·z)), linear once β·z > {threshold}", _softplus),
    "relu6": ("ReLU6(z) = min(max(0, z), 6)", _relu6),
    "hard_sigmoid": ("Hard Sigmoid(z) = ReLU6(z + 3) / 6", _hard_sigmoid),
    "hard_swish": ("Hard Swish(z) = z · ReLU6(z + 3) / 6", _hard_swish),
    "hard_tanh": ("Hard Tanh(z) = min(max(z, {min}), {max})", _hard_tanh),
    "softsign": ("Softsign(z) = z / (1 + |z|)", _softsign),
    "log_sigmoid": ("log σ(z) = -ln(1 + e^(-z))", _log_sigmoid),
}

_GELU_TANH = "GELU(z) ≈ ½·z·(1 + tanh(√(2/π)·(z + 0.044715·z³))) (tanh approximation)"


def _d_sigmoid(x: float, params: Params, value: str) -> str:
    s = _engine("sigmoid", x)
    return f"σ({_n(x)})·(1 − σ({_n(x)})) = {_i(s)} · {_i(1 - s)} = {value}"


def _d_tanh(x: float, params: Params, value: str) -> str:
    return f"1 − tanh²({_n(x)}) = 1 − {_i(_engine('tanh', x))}² = {value}"


def _d_relu(x: float, params: Params, value: str) -> str:
    return f"{'1 (z > 0)' if x > 0 else '0 (z < 0)'} = {value}"


def _d_leaky(x: float, params: Params, value: str) -> str:
    return f"1 (z > 0) = {value}" if x > 0 else f"α (z < 0) = {value}"


def _d_elu(x: float, params: Params, value: str) -> str:
    if x > 0:
        return f"1 (z > 0) = {value}"
    return f"{_a(params)} · exp({_n(x)}) = {value}"


def _d_celu(x: float, params: Params, value: str) -> str:
    return f"1 (z > 0) = {value}" if x > 0 else f"exp({_n(x)} / {_a(params)}) = {value}"


def _d_selu(x: float, params: Params, value: str) -> str:
    if x > 0:
        return f"λ (z > 0) = {value}"
    return f"{SELU_SCALE_TEXT} · {SELU_ALPHA_TEXT} · exp({_n(x)}) = {value}"


def _d_gelu(x: float, params: Params, value: str) -> str:
    if params.get("approximate", "none") == "tanh":
        return f"slope of the tanh approximation at z = {_n(x)}: {value}"
    return f"Φ({_n(x)}) + {_w(x)} · φ({_n(x)}) = {value}"


def _d_silu(x: float, params: Params, value: str) -> str:
    s = _engine("sigmoid", x)
    return (
        f"σ({_n(x)})·(1 + {_w(x)}·(1 − σ({_n(x)}))) = {_i(s)} · (1 + {_w(x)} · {_i(1 - s)}) "
        f"= {value}"
    )


def _d_mish(x: float, params: Params, value: str) -> str:
    t = _engine("tanh", _engine("softplus", x))
    s = _engine("sigmoid", x)
    return (
        f"tanh(sp) + z·σ(z)·(1 − tanh²(sp)) with sp = softplus({_n(x)}): "
        f"{_i(t)} + {_w(x)} · {_i(s)} · (1 − {_i(t)}²) = {value}"
    )


def _d_softplus(x: float, params: Params, value: str) -> str:
    beta, threshold = float(params.get("beta", 1.0)), float(params.get("threshold", 20.0))
    if beta * x > threshold:
        return f"1 (β·z > {_n(threshold)}: linear) = {value}"
    argument = _n(x) if beta == 1.0 else f"{_n(beta)} · {_w(x)}"
    return f"σ({argument}) = {value}"


def _d_relu6(x: float, params: Params, value: str) -> str:
    if x < 0:
        return f"0 (z < 0) = {value}"
    return f"1 (0 < z < 6) = {value}" if x < 6 else f"0 (z > 6) = {value}"


def _d_hard_sigmoid(x: float, params: Params, value: str) -> str:
    inside = -3 < x < 3
    return f"{'1/6 (-3 < z < 3)' if inside else '0 (|z| > 3)'} = {value}"


def _d_hard_swish(x: float, params: Params, value: str) -> str:
    if x < -3:
        return f"0 (z < -3) = {value}"
    if x > 3:
        return f"1 (z > 3) = {value}"
    return f"(2 · {_w(x)} + 3) / 6 = {value}"


def _d_hard_tanh(x: float, params: Params, value: str) -> str:
    low, high = float(params.get("min", -1.0)), float(params.get("max", 1.0))
    inside = low < x < high
    return f"{'1 (inside)' if inside else '0 (clipped)'} = {value}"


def _d_softsign(x: float, params: Params, value: str) -> str:
    return f"1 / (1 + {_n(abs(x))})² = {value}"


def _d_log_sigmoid(x: float, params: Params, value: str) -> str:
    return f"1 − σ({_n(x)}) = 1 − {_i(_engine('sigmoid', x))} = {value}"


_DERIVATIVE: dict[str, tuple[str, Step]] = {
    "sigmoid": ("σ′(z) = σ(z)·(1 − σ(z))", _d_sigmoid),
    "tanh": ("tanh′(z) = 1 − tanh²(z)", _d_tanh),
    "relu": ("ReLU′(z) = 1 if z > 0, else 0", _d_relu),
    "leaky_relu": ("Leaky ReLU′(z) = 1 if z > 0, else α (α = {alpha})", _d_leaky),
    "prelu": ("PReLU′(z) = 1 if z > 0, else α (α = {alpha})", _d_leaky),
    "elu": ("ELU′(z) = 1 if z > 0, else α·e^z (α = {alpha})", _d_elu),
    "celu": ("CELU′(z) = 1 if z > 0, else e^(z/α) (α = {alpha})", _d_celu),
    "selu": (
        f"SELU′(z) = λ if z > 0, else λ·α·e^z, λ ≈ {SELU_SCALE_TEXT}, α ≈ {SELU_ALPHA_TEXT}",
        _d_selu,
    ),
    "gelu": ("GELU′(z) = Φ(z) + z·φ(z), φ the standard normal density", _d_gelu),
    "silu": ("SiLU′(z) = σ(z)·(1 + z·(1 − σ(z)))", _d_silu),
    "mish": ("Mish′(z) = tanh(sp(z)) + z·σ(z)·(1 − tanh²(sp(z))), sp = softplus", _d_mish),
    "softplus": ("Softplus′(z) = σ(β·z), 1 once β·z > {threshold}", _d_softplus),
    "relu6": ("ReLU6′(z) = 1 if 0 < z < 6, else 0", _d_relu6),
    "hard_sigmoid": ("Hard Sigmoid′(z) = 1/6 if -3 < z < 3, else 0", _d_hard_sigmoid),
    "hard_swish": ("Hard Swish′(z) = 0 if z < -3, 1 if z > 3, else (2z + 3) / 6", _d_hard_swish),
    "hard_tanh": ("Hard Tanh′(z) = 1 if {min} < z < {max}, else 0", _d_hard_tanh),
    "softsign": ("Softsign′(z) = 1 / (1 + |z|)²", _d_softsign),
    "log_sigmoid": ("(log σ)′(z) = 1 − σ(z) = σ(-z)", _d_log_sigmoid),
}

_GELU_TANH_DERIVATIVE = "GELU′(z): the derivative of the tanh approximation ½·z·(1 + tanh(u))"


def _complete(name: str, params: Params) -> Params:
    return {**engine.get(name).defaults, **params}


def _header(table: Mapping[str, tuple[str, Step]], name: str, params: Params) -> str:
    values = _complete(name, params)
    shown = {key: _n(value) if isinstance(value, float) else value for key, value in values.items()}
    return table[name][0].format(**shown)


def forward_header(name: str, params: Params) -> str:
    """The activation's formula, parameters filled in."""
    if name == "gelu" and params.get("approximate") == "tanh":
        return _GELU_TANH
    return _header(_FORWARD, name, params)


def forward_step(name: str, x: float, params: Params, value: str) -> str:
    """`max(0, -2) = 0`: the formula applied to one input, ending in the engine's value."""
    return _FORWARD[name][1](x, _complete(name, params), value)


def derivative_header(name: str, params: Params) -> str:
    if name == "gelu" and params.get("approximate") == "tanh":
        return _GELU_TANH_DERIVATIVE
    return _header(_DERIVATIVE, name, params)


def derivative_step(name: str, x: float, params: Params, value: str) -> str:
    return _DERIVATIVE[name][1](x, _complete(name, params), value)
