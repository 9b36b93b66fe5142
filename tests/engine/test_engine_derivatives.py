"""Derivatives against central finite differences, and the softmax/log_softmax Jacobians."""

import numpy as np
import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st
from hypothesis.extra import numpy as hnp

from quizapp import engine

# Parameters (non-default where there are any) and the kinks finite differences must stay clear of.
ELEMENTWISE_CASES = {
    "sigmoid": ({}, []),
    "tanh": ({}, []),
    "relu": ({}, [0.0]),
    "leaky_relu": ({"alpha": 0.2}, [0.0]),
    "prelu": ({"alpha": -0.3}, [0.0]),
    "elu": ({"alpha": 0.7}, [0.0]),
    "gelu": ({}, []),
    "gelu (tanh)": ({"approximate": "tanh"}, []),
    "silu": ({}, []),
    "mish": ({}, []),
    "softplus": ({"beta": 2.0, "threshold": 10.0}, [5.0]),
    "selu": ({}, [0.0]),
    "celu": ({"alpha": 0.5}, [0.0]),
    "relu6": ({}, [0.0, 6.0]),
    "hard_sigmoid": ({}, [-3.0, 3.0]),
    "hard_swish": ({}, [-3.0, 3.0]),
    "hard_tanh": ({"min": -0.5, "max": 2.0}, [-0.5, 2.0]),
    "softsign": ({}, [0.0]),
    "log_sigmoid": ({}, []),
}


def central_difference(f, x, step):
    return (f(x + step) - f(x - step)) / (2 * step)


@pytest.mark.parametrize("case", sorted(ELEMENTWISE_CASES))
@settings(max_examples=30)
@given(x=st.floats(-30.0, 30.0))
def test_derivative_matches_central_differences(case, x):
    params, kinks = ELEMENTWISE_CASES[case]
    activation = engine.get(case.removesuffix(" (tanh)"))
    step = 1e-5 * max(1.0, abs(x))
    assume(all(abs(x - kink) > 100 * step for kink in kinks))
    numeric = central_difference(lambda v: float(activation(v, **params)), x, step)
    assert float(activation.derivative(x, **params)) == pytest.approx(numeric, rel=1e-6, abs=1e-8)


def scores(max_side: int = 6):
    return hnp.arrays(np.float64, st.integers(1, max_side), elements=st.floats(-20.0, 20.0))


def numeric_jacobian(f, x, step=1e-6):
    columns = []
    for j in range(x.size):
        delta = np.zeros_like(x)
        delta[j] = step
        columns.append((f(x + delta) - f(x - delta)) / (2 * step))
    return np.stack(columns, axis=-1)


@pytest.mark.parametrize("name", ["softmax", "log_softmax"])
@settings(max_examples=40)
@given(x=scores())
def test_jacobian_matches_finite_differences(name, x):
    activation = engine.get(name)
    jacobian = activation.derivative(x)
    assert jacobian.shape == (x.size, x.size)
    np.testing.assert_allclose(jacobian, numeric_jacobian(activation, x), rtol=1e-5, atol=1e-8)


@settings(max_examples=40)
@given(x=scores())
def test_softmax_jacobian_structure(x):
    y = engine.get("softmax")(x)
    jacobian = engine.get("softmax").derivative(x)
    np.testing.assert_allclose(jacobian, jacobian.T, atol=1e-15)
    # Probabilities sum to 1, so no direction changes the sum: rows and columns sum to 0.
    np.testing.assert_allclose(jacobian.sum(axis=0), 0.0, atol=1e-14)
    others = np.array([np.sum(np.delete(y, i)) for i in range(x.size)])  # 1 - y_i, exactly
    np.testing.assert_allclose(np.diag(jacobian), y * others, rtol=1e-12, atol=1e-300)
    log_jacobian = engine.get("log_softmax").derivative(x)
    np.testing.assert_allclose(log_jacobian.sum(axis=1), 0.0, atol=1e-14)
    np.testing.assert_allclose(log_jacobian, np.eye(x.size) - y[None, :], atol=1e-15)


def test_jacobian_diagonal_keeps_precision_when_one_probability_is_nearly_1():
    # y = softmax([0, -40]) has y0 = 1 - 4.25e-18; y0·(1 - y0) computed naively is exactly 0.
    rest = np.exp(-40.0)
    jacobian = engine.get("softmax").derivative([0.0, -40.0])
    assert jacobian[0, 0] == pytest.approx(rest / (1 + rest) ** 2, rel=1e-14)
    assert engine.get("log_softmax").derivative([0.0, -40.0])[0, 0] == pytest.approx(
        rest / (1 + rest), rel=1e-14
    )
    # And log_softmax keeps the tiny log-probability of the winner: -log1p(e^-40).
    assert engine.get("log_softmax")([0.0, -40.0])[0] == pytest.approx(-rest, rel=1e-14)


@pytest.mark.parametrize("name", ["softmax", "log_softmax"])
def test_batched_jacobian_shape_and_axis(name):
    activation = engine.get(name)
    x = np.random.default_rng(7).normal(size=(2, 3, 4))
    jacobian = activation.derivative(x)
    assert jacobian.shape == (2, 3, 4, 4)
    for i in range(2):
        for j in range(3):
            np.testing.assert_array_equal(jacobian[i, j], activation.derivative(x[i, j]))
    # Along axis 1: d[a, i, c, j] = d y[a, i, c] / d x[a, j, c].
    along_1 = activation.derivative(x, axis=1)
    assert along_1.shape == (2, 3, 4, 3)
    for a in range(2):
        for c in range(4):
            np.testing.assert_allclose(
                along_1[a, :, c, :], activation.derivative(x[a, :, c]), rtol=1e-15
            )
    np.testing.assert_allclose(
        activation(x, axis=1), np.moveaxis(activation(np.moveaxis(x, 1, -1)), -1, 1), rtol=1e-15
    )


def test_softmax_of_a_batch_normalizes_each_row():
    x = np.array([[1.0, 2.0, 3.0], [1000.0, 1000.0, -1000.0]])
    y = engine.get("softmax")(x)
    np.testing.assert_allclose(y.sum(axis=-1), 1.0, rtol=1e-15)
    np.testing.assert_allclose(y[1], [0.5, 0.5, 0.0])
    np.testing.assert_allclose(engine.get("softmax")(x, axis=0).sum(axis=0), 1.0, rtol=1e-15)


def test_softmax_needs_a_dimension_and_handles_empty_rows():
    with pytest.raises(ValueError, match="at least one dimension"):
        engine.get("softmax")(3.0)
    assert engine.get("softmax")(np.empty((2, 0))).shape == (2, 0)
    assert engine.get("log_softmax").derivative(np.empty((2, 0))).shape == (2, 0, 0)
