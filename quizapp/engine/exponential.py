"""The ELU family: expm1 on the negative side (exact for tiny |x|), never exp of a large x."""

from __future__ import annotations

import numpy as np

# Klambauer et al. (2017), the constants PyTorch and Keras hard-code for SELU.
SELU_ALPHA = 1.6732632423543772848170429916717
SELU_SCALE = 1.0507009873554804934193349852946


def _negative_part(x: np.ndarray) -> np.ndarray:
    return np.minimum(x, 0.0)


def elu(x: np.ndarray, alpha: float) -> np.ndarray:
    return np.where(x > 0, x, alpha * np.expm1(_negative_part(x)))


def elu_derivative(x: np.ndarray, alpha: float) -> np.ndarray:
    # PyTorch takes the exponential branch at 0, so elu'(0) = alpha.
    return np.where(x > 0, 1.0, alpha * np.exp(_negative_part(x)))


def selu(x: np.ndarray) -> np.ndarray:
    # scale > 1: x within 5% of the float maximum rounds to inf, the nearest float to the answer.
    with np.errstate(over="ignore"):
        return SELU_SCALE * elu(x, SELU_ALPHA)


def selu_derivative(x: np.ndarray) -> np.ndarray:
    return SELU_SCALE * elu_derivative(x, SELU_ALPHA)


def _celu_argument(x: np.ndarray, alpha: float) -> np.ndarray:
    # A tiny alpha can push x/alpha to -inf; exp/expm1 then give their exact limits 0 and -1.
    with np.errstate(over="ignore"):
        return _negative_part(x) / alpha


def celu(x: np.ndarray, alpha: float) -> np.ndarray:
    return np.where(x > 0, x, alpha * np.expm1(_celu_argument(x, alpha)))


def celu_derivative(x: np.ndarray, alpha: float) -> np.ndarray:
    return np.where(x > 0, 1.0, np.exp(_celu_argument(x, alpha)))
