"""The common case (a float64 vector, default parameters) skips conversion and validation: it
must give exactly what the general path gives, for every value a float can hold."""

import inspect
import math
import warnings

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.extra import numpy as hnp

from quizapp import engine
from quizapp.engine import fp_events

ANY_FLOAT = st.one_of(
    st.floats(allow_nan=True, allow_infinity=True),
    st.sampled_from([-1.7976931348623157e308, -745.2, -709.8, -40.0, -5e-324, -0.0, 0.0, 6.0]),
    # Where softplus on a few values leaves its one-call formula (-708 and its threshold, 20).
    st.sampled_from([-708.0, -708.0000000000001, 19.999999999999996, 20.0, 20.000000000000004]),
    st.floats(-50.0, 50.0),
)
VECTORS = hnp.arrays(np.float64, st.integers(0, 24), elements=ANY_FLOAT)


def computations(name):
    activation = engine.get(name)
    yield "forward", activation
    yield "derivative", activation.derivative
    if isinstance(activation, engine.ParametricActivation):
        yield "param_gradient", activation.param_gradient


def assert_identical(fast, general, where):
    """Equal values, NaN where NaN, and the same sign of zero (a NaN's sign means nothing)."""
    assert type(fast) is type(general) and fast.dtype == general.dtype, where
    np.testing.assert_array_equal(fast, general, err_msg=str(where))
    number = ~np.isnan(fast)
    np.testing.assert_array_equal(
        np.signbit(fast[number]), np.signbit(general[number]), err_msg=str(where)
    )


@pytest.mark.parametrize("name", engine.names())
@settings(max_examples=30)
@given(x=VECTORS)
def test_the_fast_path_gives_the_general_paths_answer(name, x):
    activation = engine.get(name)
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # nothing leaks in numpy's default error state either
        for role, compute in computations(name):
            fast = compute(x)
            where = (name, role, x)
            assert_identical(fast, compute(x.tolist()), where)
            assert_identical(fast, compute(x, **activation.defaults), where)
            if activation.elementwise:
                assert_identical(fast, compute(x.reshape(-1, 1)).reshape(fast.shape), where)
                assert_identical(compute(x[::2]), compute(x[::2].copy()), where)
            else:
                assert_identical(fast, compute(x[None, :])[0], where)


@pytest.mark.parametrize("name", [name for name in engine.names() if engine.get(name).elementwise])
@settings(max_examples=25)
@given(
    x=hnp.arrays(np.float64, st.integers(1, 12), elements=ANY_FLOAT),
    integers=hnp.arrays(np.int64, st.integers(1, 8), elements=st.integers(-(2**40), 2**40)),
)
def test_scalars_integers_and_other_shapes_agree_with_float64_vectors(name, x, integers):
    for role, compute in computations(name):
        expected = compute(x)
        scalar = compute(float(x[0]))
        assert isinstance(scalar, np.float64), (name, role)
        assert_identical(np.asarray(scalar), expected[:1].reshape(()), (name, role))
        assert_identical(compute(x.reshape(1, -1, 1)), expected.reshape(1, -1, 1), (name, role))
        as_floats = compute(integers.astype(np.float64))
        assert_identical(compute(integers), as_floats, (name, role))
        assert_identical(compute(integers.tolist()), as_floats, (name, role))


@pytest.mark.parametrize("name", engine.names())
@settings(max_examples=25)
@given(x=hnp.arrays(np.float64, st.integers(1, 12), elements=st.floats(-80.0, 80.0)))
def test_float32_answers_are_the_float64_answers_rounded(name, x):
    activation = engine.get(name)
    for role, compute in computations(name):
        narrow = compute(x.astype(np.float32))
        assert narrow.dtype == np.float32, (name, role)
        wide = compute(x.astype(np.float32).astype(np.float64))
        np.testing.assert_allclose(narrow, wide, rtol=3e-6, atol=2e-7, err_msg=f"{name} {role}")
        if activation.elementwise:
            half = compute(x.astype(np.float16))
            assert half.dtype == np.float16, (name, role)


def overflowing(x: np.ndarray) -> np.ndarray:
    return x * x  # underflows to 0 at 1e-200, overflows to inf at 1e200


def test_only_the_declared_events_are_silenced():
    x = np.array([1e-200, 1e200])
    with np.errstate(all="raise"):
        with pytest.raises(FloatingPointError, match="overflow"):
            fp_events.run(overflowing, (), fp_events.UNDER, x)
        np.testing.assert_array_equal(
            fp_events.run(overflowing, (), fp_events.ALL, x), [0.0, math.inf]
        )
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        with pytest.raises(RuntimeWarning, match="overflow"):
            fp_events.run(overflowing, (), fp_events.UNDER, x)  # numpy's default: warn
        with np.errstate(over="ignore"):
            fp_events.run(overflowing, (), fp_events.UNDER, x)
        with np.errstate(under="raise"), pytest.raises(FloatingPointError, match="underflow"):
            fp_events.run(overflowing, (), frozenset({"over"}), x)
        fp_events.run(overflowing, (), fp_events.ALL, x)


def test_the_callers_error_state_is_restored_after_a_kernel_raises():
    def failing(x: np.ndarray) -> np.ndarray:
        raise ValueError("kernel failed")

    before = np.geterr()
    with pytest.raises(ValueError, match="kernel failed"):
        fp_events.run(failing, (), fp_events.ALL, np.zeros(2))
    assert np.geterr() == before


def test_without_numpys_error_state_variable_np_errstate_does_the_same(monkeypatch):
    """numpy 1.x keeps its error state elsewhere; the engine then uses np.errstate."""
    monkeypatch.setattr(fp_events, "_NUMPY_STATE", None)
    x = np.array([1e-200, 1e200])
    with np.errstate(all="raise"):
        with pytest.raises(FloatingPointError, match="overflow"):
            fp_events.run(overflowing, (), fp_events.UNDER, x)
        fp_events.run(overflowing, (), fp_events.ALL, x)
        np.testing.assert_array_equal(engine.get("sigmoid")(np.array([-1000.0])), [0.0])


@pytest.mark.parametrize("name", engine.names())
def test_kernels_take_the_parameters_in_the_registrys_order(name):
    """The engine passes parameters positionally (faster on a few values than keywords)."""
    activation = engine.get(name)
    steps = [activation._forward, activation._derivative]
    if isinstance(activation, engine.ParametricActivation):
        steps.append(activation._param_gradient)
    for step in steps:
        if isinstance(step.kernel, np.ufunc):
            assert not activation.defaults, name
            continue
        names = list(inspect.signature(step.kernel).parameters)[1:]
        assert names == list(activation.defaults), (name, step.kernel)


def test_remembered_parameters_are_still_checked_by_type():
    leaky = engine.get("leaky_relu")
    x = np.array([-2.0, 3.0])
    np.testing.assert_array_equal(leaky(x, alpha=1), [-2.0, 3.0])
    with pytest.raises(TypeError, match="alpha must be a real number, got True"):
        leaky(x, alpha=True)  # equal to 1 and hashed alike
    with pytest.raises(TypeError, match="alpha must be a real number"):
        leaky(x, alpha=[0.1])  # unhashable
    np.testing.assert_array_equal(leaky(x, alpha=0.5), [-1.0, 3.0])
    np.testing.assert_array_equal(leaky(x, alpha=0.5), [-1.0, 3.0])
    with pytest.raises(ValueError, match="alpha must be finite"):
        leaky(x, alpha=math.nan)
    with pytest.raises(TypeError, match="unknown parameter 'beta'"):
        leaky(x, beta=1.0)
    for alpha in range(200):  # more sets than it remembers
        np.testing.assert_array_equal(leaky(x, alpha=alpha / 100), [-2.0 * alpha / 100, 3.0])


PIECEWISE_LINEAR = {"relu", "leaky_relu", "prelu", "relu6", "hard_sigmoid", "hard_tanh"}


@pytest.mark.parametrize("name", [name for name in engine.names() if engine.get(name).elementwise])
@settings(max_examples=40)
@given(x=hnp.arrays(np.float64, st.integers(1, 16), elements=ANY_FLOAT))
def test_a_few_values_agree_with_the_same_values_among_many(name, x):
    """Several kernels compute a few values (numpy calls dominate) another way than many
    (transcendental functions dominate): exactly for the piecewise-linear slopes, to 1e-12
    otherwise (absolutely near 0, e.g. at the roots of silu' and mish')."""
    many = np.concatenate([x, np.linspace(-30.0, 30.0, 100)])
    for role, compute in computations(name):
        few, among_many = compute(x), compute(many)[: x.size]
        if name in PIECEWISE_LINEAR:
            assert_identical(few, among_many, (name, role))
        else:
            np.testing.assert_allclose(
                few, among_many, rtol=1e-12, atol=1e-15, err_msg=f"{name} {role}"
            )


@settings(max_examples=60)
@given(x=hnp.arrays(np.float64, st.integers(1, 16), elements=ANY_FLOAT))
def test_softplus_on_a_few_values_is_exactly_the_array_formula(x):
    """A few values take numpy's logaddexp in one call, or value by value its formula; many take
    the array formula: the same numbers, bit for bit."""
    softplus = engine.get("softplus")
    many = np.concatenate([x, np.linspace(-30.0, 30.0, 100)])
    assert_identical(softplus(x), softplus(many)[: x.size], ("softplus", x))


def test_softplus_on_a_few_values_rounds_as_the_array_formula_does():
    """Values where log1p(exp(x)) and numpy's logaddexp(0, x) round apart."""
    x = np.array([0.01, 0.1, 0.51, 1.7, 2.9, 19.5])
    expected = np.logaddexp(0.0, x)
    assert_identical(engine.get("softplus")(x), expected, x)
    assert_identical(engine.get("softplus")(np.append(x, np.nan))[:-1], expected, x)


@pytest.mark.parametrize(("name", "params"), [("selu", {}), ("elu", {"alpha": 0.5})])
@settings(max_examples=30)
@given(x=hnp.arrays(np.float64, st.integers(1, 16), elements=ANY_FLOAT))
def test_elu_slopes_select_the_same_way_on_a_few_values_as_on_many(name, params, x):
    """Up to 4096 values the slope is selected with a masked write, beyond with arithmetic."""
    derivative = engine.get(name).derivative
    many = np.concatenate([x, np.linspace(-30.0, 30.0, 5000)])
    assert_identical(derivative(x, **params), derivative(many, **params)[: x.size], (name, x))
