"""The gated units GLU, GeGLU, SwiGLU: known values, finite-difference gradients, bad shapes."""

import math

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.extra import numpy as hnp

from quizapp import engine

GATED = ("geglu", "glu", "swiglu")


def sigmoid(x: float) -> float:
    return 1 / (1 + math.exp(-x))


def gelu(x: float) -> float:
    return 0.5 * x * (1 + math.erf(x / math.sqrt(2)))


def test_the_gated_units_are_listed_apart_from_the_shape_preserving_activations() -> None:
    assert engine.gated_names() == list(GATED)
    assert not set(GATED) & set(engine.names())
    with pytest.raises(engine.UnknownActivationError, match="valid names: geglu, glu, swiglu"):
        engine.get_gated("reglu")


def test_glu_splits_the_last_axis_like_torch() -> None:
    """torch.nn.functional.glu([[1, 2, 3, 4], [5, 6, 7, 8]]): a is the first half, b the second."""
    out = engine.get_gated("glu")([[1, 2, 3, 4], [5, 6, 7, 8]])
    expected = [[1 * sigmoid(3), 2 * sigmoid(4)], [5 * sigmoid(7), 6 * sigmoid(8)]]
    np.testing.assert_allclose(out, expected, rtol=1e-12)
    np.testing.assert_allclose(out, [[0.9526, 1.9640], [4.9954, 5.9980]], atol=1e-4)


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("glu", [2 * sigmoid(1), -3 * sigmoid(-0.5)]),
        ("geglu", [2 * gelu(1), -3 * gelu(-0.5)]),
        ("swiglu", [2 * 1 * sigmoid(1), -3 * -0.5 * sigmoid(-0.5)]),
    ],
)
def test_known_values(name: str, expected: list[float]) -> None:
    np.testing.assert_allclose(engine.get_gated(name)([2.0, -3.0, 1.0, -0.5]), expected, rtol=1e-12)


def test_another_axis_and_the_input_dtype() -> None:
    x = np.arange(12, dtype=np.float32).reshape(4, 3) / 4
    out = engine.get_gated("swiglu")(x, axis=0)
    assert out.shape == (2, 3) and out.dtype == np.float32
    value, gate = x[:2], x[2:]
    np.testing.assert_allclose(out, value * gate / (1 + np.exp(-gate)), rtol=1e-6)


@pytest.mark.parametrize("name", GATED)
@settings(max_examples=25)
@given(
    x=hnp.arrays(
        np.float64,
        st.sampled_from([(2,), (6,), (3, 4)]),
        elements=st.floats(-6, 6, allow_nan=False),
    )
)
def test_gradient_matches_central_differences(name: str, x: np.ndarray) -> None:
    unit = engine.get_gated(name)
    gradient = unit.gradient(x)
    assert gradient.shape == x.shape
    half = x.shape[-1] // 2
    step = 1e-6
    numeric = np.empty_like(x)
    for index in np.ndindex(x.shape):
        bumped_up, bumped_down = x.copy(), x.copy()
        bumped_up[index] += step
        bumped_down[index] -= step
        output = (*index[:-1], index[-1] % half)
        numeric[index] = (unit(bumped_up)[output] - unit(bumped_down)[output]) / (2 * step)
    np.testing.assert_allclose(gradient, numeric, rtol=1e-5, atol=1e-7)


@pytest.mark.parametrize(
    ("x", "message"),
    [
        ([1.0, 2.0, 3.0], "length must be even, got 3"),
        (2.0, "got a single number"),
    ],
)
def test_shapes_it_cannot_split_are_refused_with_a_reason(x: object, message: str) -> None:
    with pytest.raises(ValueError, match=message):
        engine.get_gated("glu")(x)
    with pytest.raises(ValueError, match="out of range"):
        engine.get_gated("glu")([1.0, 2.0], axis=1)
