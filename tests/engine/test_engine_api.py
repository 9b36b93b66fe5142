"""The public API other packages code against: names, get, metadata, parameters."""

import math

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from quizapp import engine

EXPECTED_NAMES = sorted(
    [
        *("sigmoid", "tanh", "relu", "leaky_relu", "prelu", "elu", "softmax", "log_softmax"),
        *("gelu", "silu", "mish", "softplus", "selu", "celu", "relu6", "hard_sigmoid"),
        *("hard_swish", "hard_tanh", "softsign", "log_sigmoid"),
    ]
)

# The issue's defaults, which follow PyTorch.
EXPECTED_DEFAULTS = {
    "leaky_relu": {"alpha": 0.01},
    "prelu": {"alpha": 0.25},
    "elu": {"alpha": 1.0},
    "celu": {"alpha": 1.0},
    "softmax": {"axis": -1},
    "log_softmax": {"axis": -1},
    "gelu": {"approximate": "none"},
    "softplus": {"beta": 1.0, "threshold": 20.0},
    "hard_tanh": {"min": -1.0, "max": 1.0},
}


def test_names_are_the_issue_list_sorted():
    assert engine.names() == EXPECTED_NAMES


@pytest.mark.parametrize("name", EXPECTED_NAMES)
def test_get_returns_the_named_activation_with_its_defaults(name):
    activation = engine.get(name)
    assert activation.name == name
    assert activation.defaults == EXPECTED_DEFAULTS.get(name, {})
    assert isinstance(activation.display_name, str)
    assert activation.display_name


def test_display_names_read_like_the_cheatsheet():
    assert engine.get("leaky_relu").display_name == "Leaky ReLU"
    assert engine.get("relu").display_name == "ReLU"
    assert engine.get("prelu").display_name == "PReLU"
    assert engine.get("elu").display_name == "ELU"
    assert engine.get("softmax").display_name == "Softmax"


def test_unknown_name_lists_the_valid_names():
    with pytest.raises(engine.UnknownActivationError) as caught:
        engine.get("relu7")
    message = str(caught.value)
    assert "relu7" in message
    for name in EXPECTED_NAMES:
        assert name in message
    # Callers may catch either lookup-style or value-style errors.
    assert isinstance(caught.value, KeyError)
    assert isinstance(caught.value, ValueError)


def test_non_string_name_is_an_unknown_name():
    with pytest.raises(engine.UnknownActivationError):
        engine.get(["relu"])


def test_defaults_cannot_be_changed_through_the_returned_dict():
    activation = engine.get("leaky_relu")
    activation.defaults["alpha"] = 0.5
    assert activation.defaults == {"alpha": 0.01}
    assert activation([-1.0])[0] == -0.01


def test_elementwise_flag():
    for name in EXPECTED_NAMES:
        assert engine.get(name).elementwise is (name not in {"softmax", "log_softmax"})


def test_output_ranges_are_float_pairs():
    expected = {
        "sigmoid": (0.0, 1.0),
        "tanh": (-1.0, 1.0),
        "relu": (0.0, math.inf),
        "softmax": (0.0, 1.0),
        "log_softmax": (-math.inf, 0.0),
        "relu6": (0.0, 6.0),
        "hard_swish": (-0.375, math.inf),
        "leaky_relu": (-math.inf, math.inf),
    }
    for name in EXPECTED_NAMES:
        low, high = engine.get(name).output_range
        assert isinstance(low, float)
        assert isinstance(high, float)
        assert low < high
    for name, pair in expected.items():
        assert engine.get(name).output_range == pair


@settings(max_examples=40)
@given(st.lists(st.floats(-1e6, 1e6), min_size=1, max_size=8))
def test_outputs_stay_inside_the_declared_range(values):
    for name in EXPECTED_NAMES:
        activation = engine.get(name)
        low, high = activation.output_range
        y = np.asarray(activation(values))
        assert np.all(y >= low), name
        assert np.all(y <= high), name


def test_declared_minima_are_tight():
    """Ranges of the non-monotonic functions are their true minima, rounded outward by < 1e-4."""
    x = np.linspace(-3.0, 0.0, 300001)
    for name in ["gelu", "silu", "mish", "hard_swish", "selu", "elu", "celu"]:
        activation = engine.get(name)
        lowest = float(np.min(activation(np.concatenate([x, [-1e4]]))))
        assert activation.output_range[0] <= lowest < activation.output_range[0] + 1e-4, name


def test_prelu_exposes_the_gradient_with_respect_to_alpha():
    prelu = engine.get("prelu")
    x = np.array([-2.0, -0.5, 0.0, 3.0])
    np.testing.assert_array_equal(prelu.param_gradient(x, alpha=0.3), [-2.0, -0.5, 0.0, 0.0])
    step = 1e-6
    numeric = (prelu(x, alpha=0.3 + step) - prelu(x, alpha=0.3 - step)) / (2 * step)
    np.testing.assert_allclose(prelu.param_gradient(x, alpha=0.3), numeric, atol=1e-9)


def test_scalar_in_scalar_out_and_shapes_preserved():
    relu = engine.get("relu")
    assert relu(-2) == 0.0
    assert np.ndim(relu(3.5)) == 0
    assert float(relu(3.5)) == 3.5
    x = np.arange(24.0).reshape(2, 3, 4) - 10
    assert relu(x).shape == (2, 3, 4)
    assert relu.derivative(x).shape == (2, 3, 4)
    assert relu([]).shape == (0,)


def test_input_is_not_modified():
    x = np.array([[-1.0, 2.0], [3.0, -4.0]])
    before = x.copy()
    for name in EXPECTED_NAMES:
        engine.get(name)(x)
        engine.get(name).derivative(x)
    np.testing.assert_array_equal(x, before)


@pytest.mark.parametrize(
    "bad", [["a", "b"], "1.5", [1 + 2j], [True, False], [[1.0, 2.0], [3.0]], [object()]]
)
def test_non_real_input_is_rejected_not_guessed(bad):
    with pytest.raises((TypeError, ValueError), match="x must"):
        engine.get("relu")(bad)
