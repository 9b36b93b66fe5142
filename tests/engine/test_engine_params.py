"""Bad parameters raise TypeError/ValueError naming the parameter; nothing is silently coerced."""

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from quizapp import engine


@pytest.mark.parametrize(
    ("name", "params", "error", "mentions"),
    [
        ("leaky_relu", {"alpha": "0.2"}, TypeError, "alpha"),
        ("leaky_relu", {"alpha": None}, TypeError, "alpha"),
        ("leaky_relu", {"alpha": True}, TypeError, "alpha"),
        ("leaky_relu", {"alpha": [0.1]}, TypeError, "alpha"),
        ("leaky_relu", {"alpha": float("nan")}, ValueError, "alpha"),
        ("prelu", {"alpha": float("inf")}, ValueError, "alpha"),
        ("elu", {"alpha": 1j}, TypeError, "alpha"),
        ("softplus", {"beta": 0}, ValueError, "beta"),
        ("softplus", {"beta": -1.0}, ValueError, "beta"),
        ("softplus", {"threshold": "20"}, TypeError, "threshold"),
        ("celu", {"alpha": 0.0}, ValueError, "alpha"),
        ("celu", {"alpha": 1e-310}, ValueError, "alpha must be > 0 and not subnormal"),
        ("softplus", {"beta": 5e-324}, ValueError, "beta must be > 0 and not subnormal"),
        ("hard_tanh", {"min": 1.0, "max": 1.0}, ValueError, "min"),
        ("hard_tanh", {"min": 2.0}, ValueError, "max"),
        ("gelu", {"approximate": "erf"}, ValueError, "approximate"),
        ("gelu", {"approximate": "Tanh"}, ValueError, "approximate"),
        ("gelu", {"approximate": None}, TypeError, "approximate"),
        ("gelu", {"approximate": True}, TypeError, "approximate"),
        ("softmax", {"axis": 0.0}, TypeError, "axis"),
        ("softmax", {"axis": True}, TypeError, "axis"),
        ("softmax", {"axis": 1}, ValueError, "axis"),
        ("relu", {"alpha": 0.1}, TypeError, "alpha"),
        ("leaky_relu", {"negative_slope": 0.1}, TypeError, "negative_slope"),
    ],
)
def test_bad_parameter_raises_naming_it(name, params, error, mentions):
    activation = engine.get(name)
    for compute in (activation, activation.derivative):
        with pytest.raises(error, match=mentions):
            compute([0.5, -0.5], **params)


def test_unknown_parameter_lists_the_valid_ones():
    with pytest.raises(TypeError, match=r"valid parameters: beta, threshold"):
        engine.get("softplus")([1.0], alpha=1.0)
    with pytest.raises(TypeError, match=r"valid parameters: none"):
        engine.get("tanh")([1.0], alpha=1.0)


def test_prelu_param_gradient_validates_alpha_too():
    with pytest.raises(TypeError, match="alpha"):
        engine.get("prelu").param_gradient([1.0], alpha="x")


def test_numeric_types_are_accepted_as_numbers():
    leaky = engine.get("leaky_relu")
    expected = np.array([-0.5, 2.0])
    for alpha in (0.5, np.float32(0.5), np.float64(0.5)):
        np.testing.assert_array_equal(leaky([-1.0, 2.0], alpha=alpha), expected)
    np.testing.assert_array_equal(leaky([-1.0, 2.0], alpha=1), [-1.0, 2.0])
    assert engine.get("softmax")([[1.0, 1.0]], axis=np.int64(0)).shape == (1, 2)


def test_resolve_params_merges_defaults():
    softplus = engine.get("softplus")
    assert softplus.resolve_params({"beta": 2}) == {"beta": 2.0, "threshold": 20.0}


@settings(max_examples=50)
@given(st.one_of(st.text(max_size=5), st.none(), st.lists(st.floats(), max_size=2)))
def test_any_non_number_alpha_is_a_type_error(alpha):
    with pytest.raises(TypeError, match="alpha"):
        engine.get("elu")([1.0], alpha=alpha)
