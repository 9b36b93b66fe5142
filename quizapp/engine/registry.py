"""The table of activations: names, display names, parameters and output ranges.

Output ranges are for the default parameters; minima of the smooth non-monotonic functions are
rounded outward (the true minimum lies inside the range).
"""

from __future__ import annotations

import math
import sys
from collections.abc import Mapping
from typing import Any

import numpy as np

from quizapp.engine import exponential as ex
from quizapp.engine import gaussian as ga
from quizapp.engine import logistic as lo
from quizapp.engine import rectifiers as re
from quizapp.engine import softmax as sm
from quizapp.engine.activation import Activation, ParametricActivation
from quizapp.engine.fp_events import ALL, NONE, UNDER, UNDER_INVALID
from quizapp.engine.params import Choice, Integer, Real

INF = math.inf
_POSITIVE_NORMAL = f"> 0 and not subnormal (at least {sys.float_info.min!r})"
# The floating-point events (forward, derivative) may raise, by kernel (see fp_events).
SILENT = (NONE, NONE)
UNDERFLOWS = (UNDER, UNDER)


def _ordered_bounds(params: Mapping[str, Any]) -> None:
    if params["min"] >= params["max"]:
        raise ValueError(
            f"min must be less than max, got min={params['min']!r}, max={params['max']!r}"
        )


def _positive_normal(value: float) -> bool:
    """> 0 and not subnormal: the kernels divide by it, and 1/subnormal overflows."""
    return value >= sys.float_info.min


def _build() -> dict[str, Activation]:
    axis = Integer("axis", -1)
    activations = [
        Activation(
            "sigmoid",
            "Sigmoid",
            lo.sigmoid,
            lo.sigmoid_derivative,
            output_range=(0.0, 1.0),
            events=(UNDER_INVALID, UNDER),
        ),
        Activation(
            "tanh",
            "Tanh",
            np.tanh,
            lo.tanh_derivative,
            output_range=(-1.0, 1.0),
            events=(NONE, UNDER | {"over"}),
        ),
        Activation(
            "relu", "ReLU", re.relu, re.relu_derivative, output_range=(0.0, INF), events=SILENT
        ),
        Activation(
            "leaky_relu",
            "Leaky ReLU",
            re.leaky_relu,
            re.leaky_relu_derivative,
            params=(Real("alpha", 0.01),),
            output_range=(-INF, INF),
            events=(UNDER, NONE),
        ),
        ParametricActivation(
            "prelu",
            "PReLU",
            re.leaky_relu,
            re.leaky_relu_derivative,
            params=(Real("alpha", 0.25),),
            output_range=(-INF, INF),
            events=(UNDER, NONE),
            param_gradient=re.prelu_param_gradient,
        ),
        Activation(
            "elu",
            "ELU",
            ex.elu,
            ex.elu_derivative,
            params=(Real("alpha", 1.0),),
            output_range=(-1.0, INF),
            events=UNDERFLOWS,
        ),
        Activation(
            "softmax",
            "Softmax",
            sm.softmax,
            sm.softmax_jacobian,
            params=(axis,),
            output_range=(0.0, 1.0),
            elementwise=False,
            events=(ALL - {"divide"}, ALL - {"divide"}),
        ),
        Activation(
            "log_softmax",
            "Log-Softmax",
            sm.log_softmax,
            sm.log_softmax_jacobian,
            params=(axis,),
            output_range=(-INF, 0.0),
            elementwise=False,
            events=(ALL - {"divide"}, ALL - {"divide"}),
        ),
        Activation(
            "gelu",
            "GELU",
            ga.gelu,
            ga.gelu_derivative,
            params=(Choice("approximate", "none", ("none", "tanh")),),
            output_range=(-0.1700, INF),
            events=(UNDER_INVALID | {"over"}, UNDER_INVALID),
        ),
        Activation(
            "silu", "SiLU (Swish)", lo.silu, lo.silu_derivative, output_range=(-0.2785, INF)
        ),
        Activation(
            "mish",
            "Mish",
            lo.mish,
            lo.mish_derivative,
            output_range=(-0.3089, INF),
            events=(ALL, ALL),
        ),
        Activation(
            "softplus",
            "Softplus",
            lo.softplus,
            lo.softplus_derivative,
            params=(
                Real("beta", 1.0, _positive_normal, _POSITIVE_NORMAL),
                Real("threshold", lo.SOFTPLUS_THRESHOLD),
            ),
            output_range=(0.0, INF),
            events=SILENT,  # the array formulas silence their own (logistic.softplus)
            standard_forward=lo.standard_softplus,
        ),
        Activation(
            "selu",
            "SELU",
            ex.selu,
            ex.selu_derivative,
            output_range=(-ex.SELU_SCALE * ex.SELU_ALPHA, INF),
            events=UNDERFLOWS,
        ),
        Activation(
            "celu",
            "CELU",
            ex.celu,
            ex.celu_derivative,
            params=(Real("alpha", 1.0, _positive_normal, _POSITIVE_NORMAL),),
            output_range=(-1.0, INF),
            events=UNDERFLOWS,
        ),
        Activation(
            "relu6", "ReLU6", re.relu6, re.relu6_derivative, output_range=(0.0, 6.0), events=SILENT
        ),
        Activation(
            "hard_sigmoid",
            "Hard Sigmoid",
            re.hard_sigmoid,
            re.hard_sigmoid_derivative,
            output_range=(0.0, 1.0),
            events=SILENT,
        ),
        Activation(
            "hard_swish",
            "Hard Swish",
            re.hard_swish,
            re.hard_swish_derivative,
            output_range=(-0.375, INF),
            events=(UNDER_INVALID, UNDER),
        ),
        Activation(
            "hard_tanh",
            "Hard Tanh",
            re.hard_tanh,
            re.hard_tanh_derivative,
            params=(Real("min", -1.0), Real("max", 1.0)),
            output_range=(-1.0, 1.0),
            check_params=_ordered_bounds,
            events=SILENT,
        ),
        Activation(
            "softsign",
            "Softsign",
            re.softsign,
            re.softsign_derivative,
            output_range=(-1.0, 1.0),
            events=(UNDER_INVALID, UNDER),
        ),
        Activation(
            "log_sigmoid",
            "Log-Sigmoid",
            lo.log_sigmoid,
            lo.log_sigmoid_derivative,
            output_range=(-INF, 0.0),
        ),
    ]
    return {activation.name: activation for activation in activations}


REGISTRY: dict[str, Activation] = _build()
