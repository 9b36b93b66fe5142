"""GELU, exact (x·Φ(x)) and with PyTorch's tanh approximation.

numpy has no erf, and the textbook 0.5·(1 + erf(x/√2)) loses every digit of Φ(x) for very negative
x. Instead the lower tail is written Φ(-u) = φ(u)·R(u), with u = |x| and R the Mills ratio, a
smooth, slowly varying function that piecewise polynomials approximate to ~1e-15 relative. The
polynomials are fitted once, at import, to a float64-exact reference of R. A few values (what a
question computes) go through `math.erfc` one by one instead: the table costs forty numpy calls.
"""

from __future__ import annotations

import math

import numpy as np
from numpy.polynomial import chebyshev, polynomial

from quizapp.engine.arrays import clip
from quizapp.engine.logistic import sigmoid, sigmoid_complement, sigmoid_derivative

# φ(40) = e^-800/√(2π) underflows to 0 in float64, so Φ(-u) is exactly 0 for u >= 40.
_U_MAX = 40.0
# Fitting in v = u/(u + 3) gives short intervals near 0, where R bends, and long ones in the tail.
_SCALE = 3.0
_V_MAX = _U_MAX / (_U_MAX + _SCALE)
_INTERVALS = 64
_DEGREE = 5
_INV_SQRT_2PI = 1.0 / math.sqrt(2.0 * math.pi)


def _mills_reference(u: np.ndarray) -> np.ndarray:
    """R(u) = Φ(-u)/φ(u) to about 1e-16: math.erfc below u = 2, Laplace's continued fraction
    R(u) = 1/(u + 1/(u + 2/(u + 3/(u + ...)))) above, where 200 terms have fully converged."""
    small = np.array(
        [
            math.erfc(v / math.sqrt(2.0)) / 2.0 * math.exp(v * v / 2.0) / _INV_SQRT_2PI
            for v in np.minimum(u, 2.0)
        ]
    )
    tail = np.maximum(u, 2.0)
    fraction = np.zeros_like(tail)
    for k in range(200, 0, -1):
        fraction = k / (tail + fraction)
    return np.where(u < 2.0, small, 1.0 / (tail + fraction))


def _mills_table() -> tuple[np.ndarray, ...]:
    """Coefficient j of every interval's power series in t ∈ [-1, 1] for (u + SCALE)·R(u),
    interpolating at Chebyshev points (well conditioned at this low degree). One contiguous
    array per power: np.take from a strided column is twice as slow."""
    nodes = chebyshev.chebpts1(_DEGREE + 1)
    width = _V_MAX / _INTERVALS
    v = (np.arange(_INTERVALS)[:, None] + (nodes[None, :] + 1.0) / 2.0) * width
    u = _SCALE * v / (1.0 - v)
    values = _mills_reference(u.ravel()).reshape(u.shape) * (u + _SCALE)
    coefficients = polynomial.polyfit(nodes, values.T, _DEGREE)
    return tuple(np.ascontiguousarray(row) for row in coefficients)


_COEFFICIENTS = _mills_table()


def _density(u: np.ndarray) -> np.ndarray:
    """φ(u) with u² split as hi² + lo·(u + hi): hi has few bits, so hi²/2 is exact and e^(-u²/2)
    keeps full precision even where u² itself would carry a rounding error of u²·1e-16."""
    hi = u * 16.0
    np.floor(hi, out=hi)
    hi /= 16.0
    lo = u - hi
    lo *= u + hi
    lo *= -0.5
    np.exp(lo, out=lo)
    hi *= hi
    hi *= -0.5
    np.exp(hi, out=hi)
    hi *= lo
    hi *= _INV_SQRT_2PI
    return hi


def _tail(u: np.ndarray, density: np.ndarray) -> np.ndarray:
    """Φ(-u) = φ(u)·R(u) for u in [0, U_MAX] (NaN passes through)."""
    v = u / (u + _SCALE)
    s = v * (_INTERVALS / _V_MAX)
    k = s.astype(np.intp)
    t = s - k
    t *= 2.0
    t -= 1.0
    np.clip(k, 0, _INTERVALS - 1, out=k)  # a NaN cast to an arbitrary integer (the result is NaN)
    acc = _COEFFICIENTS[_DEGREE].take(k)
    for coefficient in reversed(_COEFFICIENTS[:_DEGREE]):
        acc *= t
        acc += coefficient.take(k)
    acc *= density
    acc /= u + _SCALE
    return acc


def _cdf_parts(x: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Φ(x), φ(x), and x clipped to ±U_MAX (where φ is already 0, so x·φ(x) never meets inf·0)."""
    u = np.minimum(np.abs(x), _U_MAX)
    density = _density(u)
    tail = _tail(u, density)
    upper = x > 0
    # Φ(x) = 1 - Φ(-x) above 0 (no cancellation: Φ(-x) < 0.5), Φ(-u) itself below.
    tail *= 1.0 - 2.0 * upper
    tail += upper
    return tail, density, np.copysign(u, x, out=u)


_SQRT_2_OVER_PI = math.sqrt(2.0 / math.pi)
_CUBIC = 0.044715


def _tanh_parts(x: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """a = 2·√(2/π)(x + 0.044715x³), since 0.5·(1 + tanh(a/2)) = σ(a), and x clipped to ±1e5
    (σ has long saturated there, and x³ stays finite)."""
    bounded = clip(x, -1e5, 1e5)
    cube = bounded * bounded  # x*x*x: numpy's x**3 goes through pow(), ~100x slower
    cube *= bounded
    cube *= _CUBIC
    cube += bounded
    cube *= 2.0 * _SQRT_2_OVER_PI
    return cube, bounded


# Up to this many values, math.erfc per value is faster than the table's numpy calls.
_FEW = 16
_INV_SQRT2 = 0.7071067811865476  # 1/√2 rounded to float64
_INV_SQRT2_LOW = -4.833646656726457e-17  # 1/√2 minus _INV_SQRT2
_TWO_OVER_SQRT_PI = 2.0 / math.sqrt(math.pi)
_SPLITTER = 134217729.0  # 2^27 + 1: Veltkamp's split of a float64 into two 26-bit halves


def _halves(value: float) -> tuple[float, float]:
    scaled = _SPLITTER * value
    high = scaled - (scaled - value)
    return high, value - high


_INV_SQRT2_HALVES = _halves(_INV_SQRT2)


def _cdf_of(x: float) -> float:
    """Φ(x) = erfc(u)/2 with u = -x/√2. The rounding error of u is computed exactly (Dekker's
    product) and corrected to first order (erfc' = -2/√π·e^(-u²)): uncorrected, Φ would lose
    u²·2e-16 relative in the far tail. Beyond ±U_MAX (and at ±inf, NaN) Φ is 0 or 1 regardless."""
    u = -x * _INV_SQRT2
    if not abs(x) < _U_MAX:
        return 0.5 * math.erfc(u)
    x_high, x_low = _halves(-x)
    c_high, c_low = _INV_SQRT2_HALVES
    error = ((x_high * c_high - u) + x_high * c_low + x_low * c_high) + x_low * c_low
    error -= x * _INV_SQRT2_LOW
    return 0.5 * (math.erfc(u) - error * _TWO_OVER_SQRT_PI * math.exp(-u * u))


def _density_of(u: float) -> float:
    """φ(u) for one value, split as `_density` does; NaN stays NaN."""
    high = (u * 16.0) // 1.0 / 16.0
    return math.exp(-0.5 * high * high) * math.exp(-0.5 * (u - high) * (u + high)) * _INV_SQRT_2PI


def _few_values(x: np.ndarray, derivative: bool) -> np.ndarray:
    """Exact GELU or its slope, value by value (x·φ(x) on x clipped to ±U_MAX, as below)."""
    results = []
    for value in x.tolist():
        cdf = _cdf_of(value)
        if derivative:
            bounded = math.copysign(min(abs(value), _U_MAX), value)
            results.append(cdf + bounded * _density_of(abs(bounded)))
        else:
            results.append(value * cdf)
    return np.array(results, dtype=x.dtype)


def _gelu_tanh(x: np.ndarray) -> np.ndarray:
    """x·σ(2a) with 2a = 2·√(2/π)·x·(1 + 0.044715x²): five numpy calls for -2a, unclipped. x²
    overflows to inf past 1e154 (overflow silenced, see the registry), where -2a = ∓inf and
    σ(2a) is exactly 0 or 1."""
    minus_2a = np.square(x)
    minus_2a *= -2.0 * _SQRT_2_OVER_PI * _CUBIC
    minus_2a -= 2.0 * _SQRT_2_OVER_PI
    minus_2a *= x
    result = sigmoid_complement(minus_2a)
    result *= x
    return result


def gelu(x: np.ndarray, approximate: str) -> np.ndarray:
    if approximate == "tanh":
        return _gelu_tanh(x)
    if x.size <= _FEW:
        return _few_values(x, derivative=False)
    return x * _cdf_parts(x)[0]


def gelu_derivative(x: np.ndarray, approximate: str) -> np.ndarray:
    if x.size <= _FEW and approximate != "tanh":
        return _few_values(x, derivative=True)
    if approximate == "tanh":
        argument, bounded = _tanh_parts(x)
        argument_slope = 2.0 * _SQRT_2_OVER_PI * (1.0 + 3.0 * _CUBIC * np.square(bounded))
        return sigmoid(argument) + bounded * sigmoid_derivative(argument) * argument_slope
    cdf, density, bounded = _cdf_parts(x)
    return cdf + bounded * density
