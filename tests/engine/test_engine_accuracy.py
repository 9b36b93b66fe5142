"""Agreement with a 60-digit reference (the decimal module) to 1e-12 relative, across magnitudes.

The references use the plain textbook formulas: at 60 digits they need none of the engine's
tricks, which is what makes them an independent check.
"""

import decimal
import math
from collections.abc import Callable
from decimal import Decimal

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from quizapp import engine

CONTEXT = decimal.Context(prec=60, Emax=10**6, Emin=-(10**6))
ONE = Decimal(1)
PI = Decimal("3.14159265358979323846264338327950288419716939937510582097494")
SQRT_2PI = (2 * PI).sqrt(CONTEXT)
SELU_ALPHA = Decimal("1.6732632423543772848170429916717")
SELU_SCALE = Decimal("1.0507009873554804934193349852946")


def expm1(x: Decimal) -> Decimal:
    if abs(x) > Decimal("1e-3"):
        return x.exp(CONTEXT) - 1
    term, total, k = x, x, 1
    while abs(term) > abs(total) * Decimal("1e-60"):
        k += 1
        term = term * x / k
        total += term
    return total


def log1p(y: Decimal) -> Decimal:
    if abs(y) > Decimal("1e-3"):
        return (1 + y).ln(CONTEXT)
    term, total, k = y, y, 1
    while abs(term) > abs(total) * Decimal("1e-60"):
        k += 1
        term = -term * y * (k - 1) / k
        total += term
    return total


def sigmoid(x: Decimal) -> Decimal:
    return ONE / (1 + (-x).exp(CONTEXT))


def tanh(x: Decimal) -> Decimal:
    e = expm1(2 * x)
    return e / (e + 2)


def softplus(x: Decimal) -> Decimal:
    return log1p(x.exp(CONTEXT))


def normal_density(x: Decimal) -> Decimal:
    return (-x * x / 2).exp(CONTEXT) / SQRT_2PI


def normal_cdf(x: Decimal) -> Decimal:
    """Taylor series of erf where it converges quickly, the asymptotic series far in the tail."""
    if x > 10:
        return 1 - normal_cdf(-x)
    if x < -10:
        u, total, term, k = -x, ONE, ONE, 0
        while True:
            k += 1
            next_term = -term * (2 * k - 1) / (u * u)
            if abs(next_term) >= abs(term) or abs(next_term) < Decimal("1e-40"):
                break
            term = next_term
            total += term
        return normal_density(u) / u * total
    with decimal.localcontext(decimal.Context(prec=120)):
        z = x / Decimal(2).sqrt()
        term, total, n = z, z, 0
        while abs(term) > Decimal("1e-110"):
            n += 1
            term = -term * z * z / n
            total += term / (2 * n + 1)
        erf = 2 / PI.sqrt() * total
        return +((1 + erf) / 2)


def elu(x: Decimal, alpha: Decimal) -> Decimal:
    return x if x > 0 else alpha * expm1(x)


REFERENCES: dict[str, tuple[Callable[[Decimal], Decimal], Callable[[Decimal], Decimal] | None]] = {
    "sigmoid": (sigmoid, lambda x: sigmoid(x) * sigmoid(-x)),
    "tanh": (tanh, lambda x: 1 - tanh(x) ** 2 if abs(x) < 1 else 4 / (x.exp() + (-x).exp()) ** 2),
    "log_sigmoid": (lambda x: -softplus(-x), lambda x: sigmoid(-x)),
    "softplus": (
        lambda x: x if x > 20 else softplus(x),
        lambda x: ONE if x > 20 else sigmoid(x),
    ),
    "silu": (lambda x: x * sigmoid(x), lambda x: sigmoid(x) * (1 + x * sigmoid(-x))),
    "mish": (
        lambda x: x * tanh(softplus(x)),
        lambda x: tanh(softplus(x)) + x * sigmoid(x) * (1 - tanh(softplus(x)) ** 2),
    ),
    "gelu": (lambda x: x * normal_cdf(x), lambda x: normal_cdf(x) + x * normal_density(x)),
    "elu": (lambda x: elu(x, ONE), lambda x: ONE if x > 0 else x.exp(CONTEXT)),
    "selu": (
        lambda x: SELU_SCALE * elu(x, SELU_ALPHA),
        lambda x: SELU_SCALE * (ONE if x > 0 else SELU_ALPHA * x.exp(CONTEXT)),
    ),
    "celu": (lambda x: elu(x, ONE), None),
    "softsign": (lambda x: x / (1 + abs(x)), lambda x: 1 / (1 + abs(x)) ** 2),
}

# The mish derivative's reference cancels (1 - tanh²) for large x; 60 digits cover x < 60.
DERIVATIVE_LIMIT = {"mish": 60.0, "tanh": 300.0}

GRID = sorted(
    {0.0}
    | {s * m for s in (-1.0, 1.0) for m in np.logspace(-300, -1, 24)}
    | {float(v) for v in np.linspace(-40.0, 40.0, 161)}
    | {s * m for s in (-1.0, 1.0) for m in (55.0, 100.0, 300.0, 700.0)}
)


def relative_errors(
    name: str, xs: list[float], derivative: bool, chunk: int = 0
) -> list[tuple[float, float]]:
    """(x, relative error) wherever the reference is a normal float64 (not in the subnormals).
    With `chunk`, the engine computes that many values at a time (several kernels compute a few
    values another way than many)."""
    forward, slope = REFERENCES[name]
    reference = slope if derivative else forward
    activation = engine.get(name)
    compute = activation.derivative if derivative else activation
    size = chunk or len(xs)
    got = np.concatenate([compute(np.array(xs[i : i + size])) for i in range(0, len(xs), size)])
    errors = []
    for x, value in zip(xs, got, strict=True):
        expected = float(reference(Decimal(x)))
        if expected == 0.0 or abs(expected) < 1e-290:
            assert abs(value) < 1e-290, (name, x, value)
            continue
        errors.append((x, abs(value - expected) / abs(expected)))
    return errors


# The whole grid at once, and five values at a time (what a question computes).
CHUNKS = [0, 5]


@pytest.mark.parametrize("chunk", CHUNKS)
@pytest.mark.parametrize("name", sorted(REFERENCES))
def test_forward_agrees_with_60_digit_reference(name, chunk):
    errors = relative_errors(name, GRID, derivative=False, chunk=chunk)
    worst = max(errors, key=lambda pair: pair[1])
    assert worst[1] < 1e-12, worst


@pytest.mark.parametrize("chunk", CHUNKS)
@pytest.mark.parametrize("name", sorted(n for n in REFERENCES if REFERENCES[n][1] is not None))
def test_derivative_agrees_with_60_digit_reference(name, chunk):
    limit = DERIVATIVE_LIMIT.get(name, math.inf)
    xs = [x for x in GRID if abs(x) <= limit]
    if name == "gelu":
        # gelu' has a root at x ≈ -0.7518, where no rounding of x keeps relative accuracy.
        xs = [x for x in xs if abs(x + 0.7518) > 0.05]
    worst = max(relative_errors(name, xs, derivative=True, chunk=chunk), key=lambda p: p[1])
    assert worst[1] < 1e-12, worst


def test_reference_cdf_agrees_with_the_standard_library():
    """Checks the test's own normal CDF against libm's erfc where both are easy to trust."""
    for x in (-30.0, -12.0, -9.0, -3.0, -0.5, 0.0, 0.7, 2.0):
        expected = math.erfc(-x / math.sqrt(2.0)) / 2.0
        assert float(normal_cdf(Decimal(x))) == pytest.approx(expected, rel=1e-13)


def test_gelu_exact_form_in_the_far_negative_tail():
    """Where 0.5·x·(1 + erf(x/√2)) returns exactly 0 (or garbage), Φ(x) keeps every digit."""
    xs = [-9.0, -15.0, -25.0, -36.0]
    errors = relative_errors("gelu", xs, derivative=False)
    assert len(errors) == len(xs)
    assert max(error for _, error in errors) < 1e-13
    assert engine.get("gelu")(-38.0) < 0


@settings(max_examples=40)
@given(st.floats(-700.0, 700.0))
def test_forward_property_over_the_whole_range(x):
    for name in sorted(REFERENCES):
        for _, error in relative_errors(name, [x], derivative=False):
            assert error < 1e-12, name


def test_elu_and_celu_near_zero_use_expm1():
    # elu(-1e-8) = expm1(-1e-8) = -9.9999999500000001667e-9; exp(x) - 1 would keep 8 digits.
    assert engine.get("elu")(-1e-8) == pytest.approx(-9.9999999500000001667e-9, rel=1e-15)
    assert engine.get("celu")(-1e-20, alpha=2.0) == pytest.approx(-1e-20, rel=1e-15)
