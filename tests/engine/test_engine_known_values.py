"""Values from the cheatsheet, the issue and the frameworks, written as checked literals."""

import numpy as np
import pytest

from quizapp import engine

X = [-3.0, -0.5, 0.5, 2.0]

# (name, params, outputs at X, derivatives at X), computed with PyTorch 2.13.0 (CPU, float64):
# torch.nn.functional / torch.sigmoid / torch.tanh, derivatives from torch.autograd.grad.
TORCH_FLOAT64 = [
    (
        "sigmoid",
        {},
        [0.04742587317756678, 0.3775406687981454, 0.6224593312018546, 0.8807970779778823],
        [0.04517665973091214, 0.2350037122015945, 0.2350037122015945, 0.10499358540350662],
    ),
    (
        "tanh",
        {},
        [-0.9950547536867305, -0.46211715726000974, 0.46211715726000974, 0.9640275800758169],
        [0.009866037165440166, 0.7864477329659274, 0.7864477329659274, 0.07065082485316443],
    ),
    ("relu", {}, [0.0, 0.0, 0.5, 2.0], [0.0, 0.0, 1.0, 1.0]),
    ("leaky_relu", {"alpha": 0.2}, [-0.6000000000000001, -0.1, 0.5, 2.0], [0.2, 0.2, 1.0, 1.0]),
    ("prelu", {"alpha": 0.1}, [-0.30000000000000004, -0.05, 0.5, 2.0], [0.1, 0.1, 1.0, 1.0]),
    (
        "elu",
        {"alpha": 0.7},
        [-0.6651490521424952, -0.2754285382011566, 0.5, 2.0],
        [0.03485094785750476, 0.42457146179884336, 1.0, 1.0],
    ),
    (
        "gelu",
        {},
        [-0.00404969409489031, -0.15426876936299344, 0.34573123063700656, 1.9544997361036416],
        [-0.01194564720418392, 0.13250487534383712, 0.8674951246561629, 1.085231801078197],
    ),
    (
        "gelu",
        {"approximate": "tanh"},
        [-0.0036373920817729943, -0.15428599017485606, 0.34571400982514394, 1.954597694087775],
        [-0.011584166630969648, 0.13263009646535764, 0.8673699035346424, 1.0860992566236183],
    ),
    (
        "silu",
        {},
        [-0.14227761953270035, -0.1887703343990727, 0.3112296656009273, 1.7615941559557646],
        [-0.08810410601516962, 0.2600388126973482, 0.7399611873026519, 1.0907842487848955],
    ),
    (
        "mish",
        {},
        [-0.1456474612756246, -0.22074377465173, 0.3752452113048951, 1.9439589595339946],
        [-0.09339311453232084, 0.28951067791351226, 0.8864243753577272, 1.0693179342794896],
    ),
    (
        "softplus",
        {"beta": 2.0, "threshold": 3.0},
        [0.0012378425688652247, 0.15663084375911143, 0.6566308437591114, 2.0],
        [0.0024726231566347748, 0.2689414213699951, 0.7310585786300049, 1.0],
    ),
    (
        "selu",
        {},
        [-1.6705687287671118, -0.6917581878028713, 0.5253504936777402, 2.101401974710961],
        [0.08753061208026487, 1.0663411530445053, 1.0507009873554805, 1.0507009873554805],
    ),
    (
        "celu",
        {"alpha": 0.5},
        [-0.4987606239116668, -0.31606027941427883, 0.5, 2.0],
        [0.0024787521766663585, 0.36787944117144233, 1.0, 1.0],
    ),
    ("relu6", {}, [0.0, 0.0, 0.5, 2.0], [0.0, 0.0, 1.0, 1.0]),
    # PyTorch's float64 hardsigmoid backward gives float32's 1/6 (0.1666666716...); exact 1/6 here.
    (
        "hard_sigmoid",
        {},
        [0.0, 0.4166666666666667, 0.5833333333333334, 0.8333333333333334],
        [0.0, 1 / 6, 1 / 6, 1 / 6],
    ),
    (
        "hard_swish",
        {},
        [-0.0, -0.20833333333333334, 0.2916666666666667, 1.6666666666666667],
        [0.0, 0.33333333333333337, 0.6666666666666666, 1.1666666666666665],
    ),
    ("hard_tanh", {"min": -0.5, "max": 1.5}, [-0.5, -0.5, 0.5, 1.5], [0.0, 0.0, 1.0, 0.0]),
    (
        "softsign",
        {},
        [-0.75, -0.3333333333333333, 0.3333333333333333, 0.6666666666666666],
        [0.0625, 0.4444444444444444, 0.4444444444444444, 0.1111111111111111],
    ),
    (
        "log_sigmoid",
        {},
        [-3.048587351573742, -0.9740769841801067, -0.4740769841801067, -0.1269280110429725],
        [0.9525741268224333, 0.6224593312018545, 0.37754066879814546, 0.11920292202211755],
    ),
]


@pytest.mark.parametrize(("name", "params", "outputs", "derivatives"), TORCH_FLOAT64)
def test_matches_pytorch_float64(name, params, outputs, derivatives):
    activation = engine.get(name)
    np.testing.assert_allclose(activation(X, **params), outputs, rtol=1e-12, atol=0)
    np.testing.assert_allclose(activation.derivative(X, **params), derivatives, rtol=1e-12, atol=0)


def test_softmax_and_log_softmax_match_pytorch_float64():
    # torch.softmax / torch.log_softmax(x, -1), PyTorch 2.13.0 float64.
    x = [[1.0, 2.0, 0.5], [-1.0, 0.0, 3.0]]
    np.testing.assert_allclose(
        engine.get("softmax")(x),
        [
            [0.23122389762214907, 0.6285317192117624, 0.14024438316608848],
            [0.017147825545520388, 0.0466126225779739, 0.9362395518765058],
        ],
        rtol=1e-13,
    )
    np.testing.assert_allclose(
        engine.get("log_softmax")(x),
        [
            [-1.464368784107945, -0.4643687841079449, -1.964368784107945],
            [-4.065883903757429, -3.0658839037574293, -0.06588390375742911],
        ],
        rtol=1e-13,
    )


def test_jacobians_match_pytorch_float64():
    # torch.autograd.functional.jacobian of softmax / log_softmax at [1, 2, 0.5], float64.
    v = [1.0, 2.0, 0.5]
    np.testing.assert_allclose(
        engine.get("softmax").derivative(v),
        [
            [0.177759406790571, -0.1453315538952939, -0.03242785289527709],
            [-0.1453315538952939, 0.23347959715646865, -0.08814804326117474],
            [-0.03242785289527709, -0.08814804326117474, 0.12057589615645184],
        ],
        rtol=1e-12,
    )
    np.testing.assert_allclose(
        engine.get("log_softmax").derivative(v),
        [
            [0.768776102377851, -0.6285317192117624, -0.14024438316608848],
            [-0.23122389762214904, 0.37146828078823757, -0.14024438316608848],
            [-0.23122389762214904, -0.6285317192117624, 0.8597556168339116],
        ],
        rtol=1e-12,
    )


def test_cheatsheet_relu_example():
    # Section 3, "Example: ReLU Activation": input -2, 0, 3, -1, 5 -> output 0, 0, 3, 0, 5.
    relu = engine.get("relu")
    np.testing.assert_array_equal(relu(np.array([-2, 0, 3, -1, 5])), [0, 0, 3, 0, 5])


def test_values_the_issue_states():
    assert engine.get("sigmoid")(-1000.0) == 0.0
    assert engine.get("softplus")(1000.0) == 1000.0
    np.testing.assert_array_equal(
        engine.get("softmax")([1000.0, 1001.0]), [0.2689414213699951, 0.7310585786300049]
    )
    np.testing.assert_array_equal(engine.get("log_softmax")([1000.0, 1.0]), [0.0, -999.0])


def test_tensorflow_and_keras_documented_examples():
    # tf.keras.activations.gelu / tf.nn.gelu docs (float32 printout). Their gelu(-3) = -0.00404951
    # is float32 erf losing digits in the tail; the float64 value is -0.0040496941 (PyTorch agrees).
    x = [-1.0, 0.0, 1.0, 3.0]
    gelu = engine.get("gelu")
    np.testing.assert_allclose(gelu(x), [-0.15865529, 0.0, 0.8413447, 2.9959507], rtol=1e-6)
    np.testing.assert_allclose(
        gelu(x, approximate="tanh"), [-0.15880796, 0.0, 0.841192, 2.9963627], rtol=1e-6
    )
    # tf.keras.activations.softplus docs.
    np.testing.assert_allclose(
        engine.get("softplus")([-20.0, -1.0, 0.0, 1.0, 20.0]),
        [2.0611537e-09, 3.1326166e-01, 6.9314718e-01, 1.3132616e00, 2.0000000e01],
        rtol=1e-6,
    )
    # keras.layers.LeakyReLU docs: default slope 0.3 there, and negative_slope=0.5.
    leaky = engine.get("leaky_relu")
    np.testing.assert_allclose(leaky([-3.0, -1.0, 0.0, 2.0], alpha=0.3), [-0.9, -0.3, 0.0, 2.0])
    np.testing.assert_allclose(
        leaky([-10.0, -5.0, 0.0, 5.0, 10.0], alpha=0.5), [-5.0, -2.5, 0.0, 5.0, 10.0]
    )


def test_kink_conventions_follow_pytorch():
    # Checked with torch.autograd.grad at exactly the kink, PyTorch 2.13.0.
    at = {
        "relu": ([0.0], [0.0]),
        "leaky_relu": ([0.0], [0.01]),
        "prelu": ([0.0], [0.25]),
        "elu": ([0.0], [1.0]),
        "selu": ([0.0], [1.0507009873554805 * 1.6732632423543772]),
        "celu": ([0.0], [1.0]),
        "relu6": ([0.0, 6.0], [0.0, 0.0]),
        "hard_tanh": ([-1.0, 1.0], [0.0, 0.0]),
        "hard_sigmoid": ([-3.0, 3.0], [0.0, 0.0]),
        "hard_swish": ([-3.0, 3.0], [0.0, 1.0]),
    }
    for name, (x, slope) in at.items():
        np.testing.assert_allclose(engine.get(name).derivative(x), slope, rtol=1e-15, err_msg=name)
    assert engine.get("elu").derivative(0.0, alpha=0.5) == 0.5
    assert engine.get("leaky_relu").derivative(0.0, alpha=0.2) == 0.2
