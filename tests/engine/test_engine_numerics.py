"""Extreme inputs (with every floating-point warning an error), inf/NaN semantics, and dtypes."""

import math
import warnings

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.extra import numpy as hnp

from quizapp import engine

NAMES = engine.names()
EXTREMES = np.array(
    [-1.7e308, -1e300, -1e154, -1e10, -1000.0, -745.0, -709.0, -40.0, -1e-8,
     -5e-324, -0.0, 0.0, 5e-324, 1e-8, 40.0, 709.0, 745.0, 1000.0, 1e10, 1e154, 1e300,
     1.7e308]
)  # fmt: skip
# Rows for softmax-like functions, whose scores stay within the float range of each other.
ROWS = np.stack([EXTREMES, EXTREMES[::-1]]) / 2

# Non-default parameters that stress the formulas (tiny celu alpha, big softplus beta...).
STRESS_PARAMS = {
    "leaky_relu": {"alpha": 0.3},
    "prelu": {"alpha": -0.5},
    "elu": {"alpha": 3.0},
    "celu": {"alpha": 1e-300},
    "softplus": {"beta": 1e300, "threshold": 1e300},
    "gelu": {"approximate": "tanh"},
    "hard_tanh": {"min": -1e308, "max": 1e308},
}


def strict():
    """numpy raises on every floating-point event, and any warning fails the test."""
    stack = warnings.catch_warnings()
    stack.__enter__()
    warnings.simplefilter("error")
    errstate = np.errstate(all="raise")
    errstate.__enter__()
    return stack, errstate


@pytest.fixture
def no_warnings():
    stack, errstate = strict()
    yield
    errstate.__exit__(None, None, None)
    stack.__exit__(None, None, None)


@pytest.mark.parametrize("name", NAMES)
def test_extreme_finite_inputs_give_finite_answers_without_warnings(name, no_warnings):
    activation = engine.get(name)
    for params in ({}, STRESS_PARAMS.get(name, {})):
        for compute in (activation, activation.derivative):
            if activation.elementwise:
                result = compute(EXTREMES, **params)
            else:
                result = compute(ROWS, **params)
            assert np.all(np.isfinite(result)), (name, params, compute)


@pytest.mark.parametrize("name", NAMES)
@settings(max_examples=25)
@given(
    x=hnp.arrays(
        np.float64, st.integers(1, 5), elements=st.floats(allow_nan=False, allow_infinity=False)
    )
)
def test_no_nan_from_any_finite_input(name, x):
    stack, errstate = strict()
    try:
        activation = engine.get(name)
        assert not np.any(np.isnan(activation(x)))
        assert not np.any(np.isnan(activation.derivative(x)))
    finally:
        errstate.__exit__(None, None, None)
        stack.__exit__(None, None, None)


def test_saturation_values_at_the_extremes():
    assert engine.get("sigmoid")(-1000.0) == 0.0
    assert engine.get("sigmoid")(1000.0) == 1.0
    assert engine.get("softplus")(1e300) == 1e300
    assert engine.get("log_sigmoid")(-1e300) == -1e300
    assert engine.get("silu")(1e300) == 1e300
    assert engine.get("mish")(1e300) == 1e300
    assert engine.get("gelu")(1e300) == 1e300
    assert engine.get("hard_swish")(1.7976931348623157e308) == 1.7976931348623157e308
    assert engine.get("softsign")(1e300) == 1.0
    assert engine.get("softsign").derivative(1e300) == 0.0
    assert engine.get("tanh").derivative(1e300) == 0.0
    np.testing.assert_array_equal(engine.get("softmax")([1e308, -1e308]), [1.0, 0.0])


def test_answers_beyond_the_float_range_round_to_infinity_silently(no_warnings):
    biggest = 1.7976931348623157e308
    assert engine.get("selu")(biggest) == math.inf
    assert engine.get("leaky_relu")(-biggest, alpha=10.0) == -math.inf
    np.testing.assert_array_equal(engine.get("log_softmax")([1e308, -1e308]), [0.0, -math.inf])


INF, NAN = math.inf, math.nan

# PyTorch 2.13.0 (float64) at [-inf, inf, nan]; e.g. silu(-inf) = -inf * sigmoid(-inf) = NaN.
TORCH_NON_FINITE = {
    "sigmoid": [0.0, 1.0, NAN],
    "tanh": [-1.0, 1.0, NAN],
    "relu": [0.0, INF, NAN],
    "leaky_relu": [-INF, INF, NAN],
    "prelu": [-INF, INF, NAN],
    "elu": [-1.0, INF, NAN],
    "gelu": [NAN, INF, NAN],
    "silu": [NAN, INF, NAN],
    "mish": [NAN, INF, NAN],
    "softplus": [0.0, INF, NAN],
    "selu": [-1.0507009873554805 * 1.6732632423543772, INF, NAN],
    "celu": [-1.0, INF, NAN],
    "relu6": [0.0, 6.0, NAN],
    "hard_sigmoid": [0.0, 1.0, NAN],
    "hard_swish": [NAN, INF, NAN],
    "hard_tanh": [-1.0, 1.0, NAN],
    "softsign": [NAN, NAN, NAN],
    "log_sigmoid": [-INF, 0.0, NAN],
}

# The engine's derivative at ±inf is the limit of the slope, and NaN at NaN. (PyTorch's autograd
# gives NaN from inf·0 for several of these, and a branch's slope at NaN for the piecewise ones.)
SLOPE_LIMITS = {
    "sigmoid": [0.0, 0.0],
    "tanh": [0.0, 0.0],
    "relu": [0.0, 1.0],
    "leaky_relu": [0.01, 1.0],
    "prelu": [0.25, 1.0],
    "elu": [0.0, 1.0],
    "gelu": [0.0, 1.0],
    "silu": [0.0, 1.0],
    "mish": [0.0, 1.0],
    "softplus": [0.0, 1.0],
    "selu": [0.0, 1.0507009873554805],
    "celu": [0.0, 1.0],
    "relu6": [0.0, 0.0],
    "hard_sigmoid": [0.0, 0.0],
    "hard_swish": [0.0, 1.0],
    "hard_tanh": [0.0, 0.0],
    "softsign": [0.0, 0.0],
    "log_sigmoid": [1.0, 0.0],
}


@pytest.mark.parametrize("name", sorted(TORCH_NON_FINITE))
def test_non_finite_inputs(name, no_warnings):
    activation = engine.get(name)
    np.testing.assert_array_equal(activation([-INF, INF, NAN]), TORCH_NON_FINITE[name])
    np.testing.assert_array_equal(
        activation.derivative([-INF, INF, NAN]), [*SLOPE_LIMITS[name], NAN]
    )


def test_gelu_tanh_non_finite():
    gelu = engine.get("gelu")
    np.testing.assert_array_equal(gelu([-INF, INF, NAN], approximate="tanh"), [NAN, INF, NAN])


@pytest.mark.parametrize("name", ["softmax", "log_softmax"])
def test_softmax_rows_with_infinities_follow_pytorch(name, no_warnings):
    # PyTorch 2.13.0: all -inf -> NaN; any +inf or NaN -> NaN row; one -inf -> probability 0.
    activation = engine.get(name)
    rows = np.array([[-INF, -INF], [INF, 1.0], [NAN, 1.0], [1.0, NAN], [-INF, 1.0]])
    out = activation(rows)
    assert np.all(np.isnan(out[:4]))
    expected_last = [0.0, 1.0] if name == "softmax" else [-INF, 0.0]
    np.testing.assert_array_equal(out[4], expected_last)
    assert np.all(np.isnan(activation.derivative(rows)[:4]))
    assert np.all(np.isfinite(activation.derivative(rows)[4]))


@pytest.mark.parametrize("name", NAMES)
def test_dtype_contract(name):
    activation = engine.get(name)
    x64 = np.array([[-2.5, -0.1, 0.0, 0.7, 4.0]])
    for compute in (activation, activation.derivative):
        assert compute(x64.astype(np.float32)).dtype == np.float32
        assert compute(x64).dtype == np.float64
        assert compute(x64.astype(np.float16)).dtype == np.float16
        assert compute(np.array([[-2, 0, 3]])).dtype == np.float64
        assert compute([[-2, 0, 3]]).dtype == np.float64
        assert compute(np.array([[1, 2]], dtype=np.uint8)).dtype == np.float64
        # float32 answers are the float64 answers rounded, to within float32's few ulps.
        np.testing.assert_allclose(
            compute(x64.astype(np.float32)), compute(x64), rtol=2e-6, atol=1e-7
        )


def test_float32_extremes_do_not_overflow(no_warnings):
    x = np.array([-1.5e38, -200.0, -100.0, -89.0, 89.0, 100.0, 1.5e38], dtype=np.float32)
    for name in NAMES:
        activation = engine.get(name)
        for compute in (activation, activation.derivative):
            result = compute(x)
            assert result.dtype == np.float32
            assert np.all(np.isfinite(result)), name


def test_scalar_integer_input_gives_a_float64_scalar():
    y = engine.get("sigmoid")(0)
    assert isinstance(y, np.float64)
    assert y == 0.5
    assert isinstance(engine.get("relu")(np.float32(2.0)), np.float32)


@settings(max_examples=60)
@given(
    x=hnp.arrays(np.float64, st.integers(1, 6), elements=st.floats(-1e300, 1e300)),
    alpha=st.floats(-3.0, 3.0),
)
def test_leaky_relu_is_exactly_its_definition_for_any_slope(x, alpha):
    expected = [v if v > 0 else alpha * v for v in x]
    for name in ("leaky_relu", "prelu"):
        np.testing.assert_array_equal(engine.get(name)(x, alpha=alpha), expected)
        slopes = [1.0 if v > 0 else alpha for v in x]
        np.testing.assert_array_equal(engine.get(name).derivative(x, alpha=alpha), slopes)


def test_large_inputs_are_processed_in_blocks_with_the_same_result():
    x = np.random.default_rng(3).normal(scale=8.0, size=(3, 50_001))
    for name in ("sigmoid", "gelu", "mish", "hard_swish"):
        activation = engine.get(name)
        whole = activation(x)
        assert whole.shape == x.shape
        # Slices longer than the few values some kernels compute another way (exact GELU one by
        # one, checked below; sigmoid with fewer numpy calls, checked by the accuracy tests).
        np.testing.assert_array_equal(whole[1, 7:107], activation(x[1, 7:107]))
        np.testing.assert_array_equal(
            activation.derivative(x)[2, -100:], activation.derivative(x[2, -100:])
        )


@settings(max_examples=60)
@given(st.lists(st.floats(-60.0, 60.0), min_size=1, max_size=16))
def test_exact_gelu_on_a_few_values_agrees_with_the_table(values):
    """A few values go through math.erfc one by one; many through the fitted table."""
    gelu = engine.get("gelu")
    few = np.array(values)
    many = np.concatenate([few, np.zeros(40)])
    np.testing.assert_allclose(gelu(few), gelu(many)[: len(values)], rtol=2e-14, atol=1e-290)
    # The slope has a root near -0.75, where only absolute accuracy (a few ulps of the two terms,
    # each below 1.1) is possible.
    slopes = gelu.derivative(many)[: len(values)]
    np.testing.assert_allclose(gelu.derivative(few), slopes, rtol=2e-14, atol=1e-15)


# Every class of float64 and float32 input: huge, overflowing exp, subnormal, ±0, ±inf, NaN.
ANY_INPUT = [
    np.concatenate([EXTREMES, [-1e-310, 1e-310, INF, -INF, NAN, -6.0, -3.0, 3.0, 6.0]]),
    np.array(
        [-3e38, -1e30, -100.0, -88.0, -1e-40, -1e-45, -0.0, 0.0, 1e-45, 1e-40, 88.0, 100.0,
         1e30, 3e38, INF, -INF, NAN, -6.0, -3.0, 3.0, 6.0],
        dtype=np.float32,
    ),
    # Within what softplus on a few float64 values computes in one numpy call: [-708, 20].
    np.array([-708.0, -40.0, -1e-310, -0.0, 0.0, 5e-324, 1.0, 19.5, 20.0]),
]  # fmt: skip


def _computations(activation):
    yield activation
    yield activation.derivative
    if isinstance(activation, engine.ParametricActivation):
        yield activation.param_gradient


@pytest.mark.parametrize("name", NAMES)
def test_every_function_raises_no_floating_point_event_for_any_input(name, no_warnings):
    """Each kernel runs with only the events it declares silenced (quizapp.engine.fp_events),
    every other one left to the caller: here every event raises, so an undeclared one fails."""
    activation = engine.get(name)
    cases = [({}, x) for x in ANY_INPUT] + [(STRESS_PARAMS.get(name, {}), ANY_INPUT[0])]
    for params, x in cases:
        if not activation.elementwise:
            x = np.stack([x, x[::-1]])
        for compute in _computations(activation):
            compute(x, **params)  # the common case: a float64 or float32 vector
            compute(x.reshape(-1, 1), **params)  # the general path


@pytest.mark.parametrize("name", NAMES)
def test_no_warning_leaks_in_numpy_default_error_state(name):
    """numpy warns on overflow, division by zero and invalid operations by default."""
    activation = engine.get(name)
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        for compute in _computations(activation):
            for x in ANY_INPUT:
                compute(x if activation.elementwise else np.stack([x, x[::-1]]))


# Parameters that float32 cannot hold as normal numbers, or whose reciprocals it cannot.
NARROW_PARAMS = {
    "leaky_relu": [{"alpha": 1e300}, {"alpha": -1e39}, {"alpha": 1e-300}, {"alpha": 1e-46}],
    "prelu": [{"alpha": 1e300}, {"alpha": -1e300}, {"alpha": 1e-300}],
    "elu": [{"alpha": 1e300}, {"alpha": -1e39}, {"alpha": 1e-40}],
    "celu": [{"alpha": 1e300}, {"alpha": 1e-300}, {"alpha": 1e-39}, {"alpha": 3e38}],
    "softplus": [{"beta": 1e300}, {"beta": 1e-300}, {"threshold": 1e300}, {"threshold": -1e39}],
    "hard_tanh": [{"min": -1e300, "max": 1e300}, {"min": -1e38, "max": 1e38}, {"max": 1e39}],
}
# Huge parameters float32 holds: computed in float32.
WIDE_PARAMS = {
    "leaky_relu": {"alpha": -8e37},
    "elu": {"alpha": 1e30},
    "celu": {"alpha": 8e37},
    "softplus": {"beta": 8e37, "threshold": -8e37},
    "hard_tanh": {"min": -8e37, "max": 8e37},
}


@pytest.mark.parametrize("name", sorted(NARROW_PARAMS))
@pytest.mark.parametrize("dtype", [np.float32, np.float16])
def test_parameters_float32_cannot_hold_give_the_float64_answer_rounded(name, dtype, no_warnings):
    """float32 (and float16) input with a parameter beyond float32 is computed in float64 and
    rounded back, like float16 in float32, instead of overflowing on the parameter's cast."""
    activation = engine.get(name)
    with np.errstate(all="ignore"):
        x = ANY_INPUT[1].astype(dtype)
    for params in NARROW_PARAMS[name]:
        for compute in _computations(activation):
            narrow = compute(x, **params)
            assert narrow.dtype == dtype, (name, params)
            with np.errstate(all="ignore"):
                expected = compute(x.astype(np.float64), **params).astype(dtype)
            np.testing.assert_array_equal(narrow, expected, err_msg=f"{name} {params}")


@pytest.mark.parametrize("name", sorted(WIDE_PARAMS))
def test_huge_parameters_float32_holds_stay_in_float32(name, no_warnings):
    """float32's own answer (its subnormal steps lose digits), with no event escaping."""
    activation = engine.get(name)
    x = ANY_INPUT[1]
    for compute in _computations(activation):
        narrow = compute(x, **WIDE_PARAMS[name])
        assert narrow.dtype == np.float32, name
        wide = compute(x.astype(np.float64), **WIDE_PARAMS[name])
        np.testing.assert_array_equal(np.isnan(narrow), np.isnan(wide), err_msg=name)
