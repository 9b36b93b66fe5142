"""The sigmoid family, written around e = exp(-|x|) or numpy's logaddexp so that nothing
overflows.

Branches are chosen with np.maximum/np.minimum rather than np.where: the results are exact
selections either way, and np.where on an unpredictable mask is several times slower.
"""

from __future__ import annotations

from math import exp, log1p

import numpy as np

from quizapp.engine.arrays import FLOAT64, clip, times
from quizapp.engine.fp_events import UNDER_INVALID, run


def _decay(x: np.ndarray) -> np.ndarray:
    """exp(-|x|), in [0, 1]: every stable logistic formula below is a ratio of it."""
    e = np.abs(x)
    np.negative(e, out=e)
    return np.exp(e, out=e)


def _ratio(numerator: np.ndarray, e: np.ndarray) -> np.ndarray:
    """numerator / (1 + e), reusing the numerator's buffer."""
    numerator /= 1.0 + e
    return numerator


_FEW = 64
"""Up to this many values a kernel's cost is its number of numpy calls, beyond it its number of
transcendental functions per value."""


def sigmoid(x: np.ndarray) -> np.ndarray:
    if x.size > _FEW:
        # 1/(1+e) for x >= 0 and e/(1+e) below: the numerator is max(e, [x >= 0]). One exp.
        e = _decay(x)
        return _ratio(np.maximum(e, x >= 0), e)
    return _complement_of(np.negative(x))


def sigmoid_complement(x: np.ndarray) -> np.ndarray:
    """σ(-x) = 1 - σ(x), without the cancellation of the subtraction."""
    if x.size > _FEW:
        e = _decay(x)
        return _ratio(np.maximum(e, x < 0), e)
    return _complement_of(x)


def _complement_of(x: np.ndarray) -> np.ndarray:
    """σ(-x) = exp(-log(1 + e^x)), with numpy's stable logaddexp: three numpy calls instead of
    six, and exact limits at ±inf. Far right the exponent carries a relative rounding error ε,
    so σ(-x) keeps |x|·ε relative precision: 1.6e-13 at x = 745, where it leaves the normal
    floats."""
    result = np.logaddexp(0.0, x)
    np.negative(result, out=result)
    return np.exp(result, out=result)


def sigmoid_derivative(x: np.ndarray) -> np.ndarray:
    # σ(x)·σ(-x) = e/(1+e)², not σ(1 - σ): the latter is exactly 0 once σ rounds to 1 (x > 37).
    e = _decay(x)
    denominator = 1.0 + e
    denominator *= denominator
    e /= denominator
    return e


def tanh_derivative(x: np.ndarray) -> np.ndarray:
    # 1 - tanh² would cancel to 0 for |x| > 19.
    if x.size > _FEW:
        # sech²(x) = 4e/(1+e)² with e = exp(-2|x|).
        e = _decay(x)
        e *= e
        denominator = 1.0 + e
        denominator *= denominator
        e *= 4.0
        e /= denominator
        return e
    # (1/cosh(x))²: three numpy calls. cosh overflows to inf past |x| = 710, where sech² = 0.
    result = np.cosh(x)
    np.divide(1.0, result, out=result)
    return np.square(result, out=result)


def log_sigmoid(x: np.ndarray) -> np.ndarray:
    # -log(1 + e^-x), numpy's logaddexp being stable at both ends.
    result = np.negative(x)
    np.logaddexp(0.0, result, out=result)
    return np.negative(result, out=result)


def log_sigmoid_derivative(x: np.ndarray) -> np.ndarray:
    return sigmoid_complement(x)


def _scaled(x: np.ndarray, beta: float) -> np.ndarray:
    """beta·x (±inf past the float range, which then takes the linear branch, as intended); at
    the default beta = 1, x itself at no cost."""
    return x if beta == 1.0 else times(beta, x)


# Up to this many values (what a question computes) softplus and its slope take the threshold
# value by value: on an array it costs numpy two slow calls.
_FEW_VALUES = 16
# Below this threshold exp(x) cannot overflow on the values it is applied to.
_EXP_SAFE = 700.0
# Above this exp(x) is a normal float: it cannot underflow.
_EXP_NORMAL = -708.0
# numpy converts a 0-d array faster than the Python float 0.0.
_ZERO = np.zeros(())


SOFTPLUS_THRESHOLD = 20.0
"""PyTorch's default threshold."""


def softplus(x: np.ndarray, beta: float, threshold: float) -> np.ndarray:
    """PyTorch's definition: the identity once beta·x exceeds `threshold`, else log(1+e^(βx))/β.
    Raises no floating-point event itself: the array formula runs with its own silenced.

    Every path computes log(1 + e^x) as numpy's logaddexp(0, x) does, so a few values get
    exactly what the same values among many get."""
    if x.size <= _FEW_VALUES and beta == 1.0 and threshold < _EXP_SAFE:
        return _few_softplus(x, threshold)
    return run(_softplus, (beta, threshold), UNDER_INVALID, x)


def standard_softplus(x: np.ndarray) -> np.ndarray:
    """softplus(x, 1.0, SOFTPLUS_THRESHOLD), what questions compute, without binding and checking
    the parameters: on 5 values that took a fifth of the call."""
    if x.size <= _FEW_VALUES:
        return _few_softplus(x, SOFTPLUS_THRESHOLD)
    return softplus(x, 1.0, SOFTPLUS_THRESHOLD)


def _few_softplus(x: np.ndarray, threshold: float) -> np.ndarray:
    values = x.tolist()
    if x.dtype is FLOAT64:
        for v in values:
            if not _EXP_NORMAL <= v <= threshold:  # NaN too
                break
        else:  # no identity branch and no floating-point event: one numpy call
            return np.logaddexp(_ZERO, x)
    # float64 here; a float32 answer is rounded once, by the caller (arrays.as_output).
    return np.array([v if v > threshold else _log1p_exp(v) for v in values])


def _log1p_exp(v: float) -> float:
    """log(1 + e^v) by numpy's logaddexp(0, v) formula; Python floats raise no numpy event."""
    return v + log1p(exp(-v)) if v > 0.0 else log1p(exp(v))


def _softplus(x: np.ndarray, beta: float, threshold: float) -> np.ndarray:
    z = _scaled(x, beta)
    result = np.logaddexp(0.0, z)
    if beta != 1.0:
        result /= beta
    np.copyto(result, x, where=z > threshold)
    return result


def softplus_derivative(x: np.ndarray, beta: float, threshold: float) -> np.ndarray:
    """σ(βx), and 1 past the threshold; like `softplus`, raises no event itself."""
    if x.size <= _FEW_VALUES and beta == 1.0 and threshold < _EXP_SAFE:
        # float64 here; a float32 answer is rounded once, by the caller (arrays.as_output).
        return np.array([_logistic(v, threshold) for v in x.tolist()])
    return run(_softplus_derivative, (beta, threshold), UNDER_INVALID, x)


def _logistic(v: float, threshold: float) -> float:
    """σ(v) with exp of a non-positive number only (NaN stays NaN), 1 past the threshold."""
    if v > threshold:
        return 1.0
    if v >= 0.0:
        return 1.0 / (1.0 + exp(-v))
    e = exp(v)
    return e / (1.0 + e)


def _softplus_derivative(x: np.ndarray, beta: float, threshold: float) -> np.ndarray:
    z = _scaled(x, beta)
    result = sigmoid(z)
    np.copyto(result, 1.0, where=z > threshold)
    return result


def silu(x: np.ndarray) -> np.ndarray:
    result = sigmoid(x)
    result *= x
    return result


def _bounded(x: np.ndarray) -> np.ndarray:
    """x clipped where the factors it multiplies have underflowed to 0, keeping ±inf·0 out."""
    return clip(x, -800.0, 800.0)


def silu_derivative(x: np.ndarray) -> np.ndarray:
    if x.size <= _FEW:
        # σ(x)·(1 + x·(1 - σ(x))): 1 - σ loses relative digits only where x·(1 - σ) is far
        # below 1 (x > 36: |x|·ε of the result at most), and costs one call, not σ(-x)'s three.
        logistic = sigmoid(x)
        result = 1.0 - logistic
        result *= _bounded(x)
        result += 1.0
        result *= logistic
        return result
    # σ(x) + x·σ(x)·σ(-x)
    result = _bounded(x)
    result *= sigmoid_derivative(x)
    result += sigmoid(x)
    return result


def _mish_parts(x: np.ndarray, *, forward_only: bool) -> tuple[np.ndarray, ...]:
    """g = tanh(softplus(x)), and unless `forward_only` its complement 1 - g and σ(x), all
    without cancellation.

    With E = e^x and n = E(E + 2): g = n/(n + 2) = 1/(1 + 2/n) and 1 - g = 2/(n + 2). E and n
    may overflow to inf (g = 1, 1 - g = 0) or n underflow to 0 (2/n = inf, g = 0): exact limits,
    so mish runs with overflow and division by zero silenced (registry).
    """
    exp_x = np.exp(x)
    n = exp_x + 2.0
    n *= exp_x
    complement = None if forward_only else 2.0 / (n + 2.0)
    g = np.divide(2.0, n, out=n)
    g += 1.0
    np.reciprocal(g, out=g)
    if complement is None:
        return (g,)
    # σ(x) = 1/(1 + 1/E), exact at both ends for the same reason.
    logistic = np.reciprocal(exp_x, out=exp_x)
    logistic += 1.0
    np.reciprocal(logistic, out=logistic)
    return g, complement, logistic


def mish(x: np.ndarray) -> np.ndarray:
    if x.size <= _FEW:
        # x·tanh(softplus(x)) as written: three numpy calls (tanh is well conditioned).
        result = np.logaddexp(0.0, x)
        np.tanh(result, out=result)
        result *= x
        return result
    (gate,) = _mish_parts(x, forward_only=True)
    gate *= x
    return gate


def mish_derivative(x: np.ndarray) -> np.ndarray:
    # g + x·σ(x)·(1 - g²) with g = tanh(s), s = softplus(x)
    if x.size <= _FEW:
        # 1 - g² = sech²(s) = (1/cosh s)², and σ(x) = e^x/(1 + e^x) = exp(x - s): ten numpy
        # calls. cosh(s) overflows to inf past s = 710, where sech² is 0.
        bounded = _bounded(x)
        s = np.logaddexp(0.0, bounded)
        result = np.cosh(s)
        np.divide(1.0, result, out=result)
        np.square(result, out=result)
        result *= bounded
        bounded -= s
        result *= np.exp(bounded, out=bounded)
        result += np.tanh(s, out=s)
        return result
    # With 1 - g² = (1 - g)(1 + g):
    g, complement, logistic = _mish_parts(x, forward_only=False)
    result = _bounded(x)
    result *= logistic
    result *= complement
    result *= 1.0 + g
    result += g
    return result
