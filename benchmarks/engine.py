"""Throughput of every engine activation, as ratios against references timed in the same run.

    python benchmarks/engine.py [--size N] [--repeat R] [--quick]

Each function runs forward and derivative on N float64 values (default 10^6; softmax and
log_softmax as rows of 10, so their Jacobians stay 10x the input). The table shows milliseconds
(best of R runs) and engine time / reference time for:
- the naive numpy formula (what one writes first; no stability care), and
- PyTorch CPU with one thread, when torch is installed (never required). PyTorch's derivative is
  forward + autograd backward, which is how a derivative is obtained there.
A ratio above 1 means the engine is slower; functions over 2x PyTorch are marked with "!".

A second table times one call on 5 values (what a question computes): microseconds per call
through `engine.get(name)`, best of 10·R rounds of 200 calls, engine and formula interleaved
round by round (short rounds, so that the best of them is a round no other process interrupted),
against the naive formula on the same 5 values, in numpy's default error state; rows over 2x
are marked with "!". Its last row is PReLU's gradient with respect to its parameter.
"""

from __future__ import annotations

import argparse
import importlib.util
import math
import time
from collections.abc import Callable

import numpy as np

from quizapp import engine

SQRT_2_OVER_PI = math.sqrt(2.0 / math.pi)
SELU_ALPHA = 1.6732632423543772
SELU_SCALE = 1.0507009873554805
ROW = 10  # softmax row length

Pair = tuple[Callable[[np.ndarray], np.ndarray], Callable[[np.ndarray], np.ndarray]]


def naive_sigmoid(x):
    return 1.0 / (1.0 + np.exp(-x))


def naive_sigmoid_derivative(x):
    s = naive_sigmoid(x)
    return s * (1 - s)


def naive_silu_derivative(x):
    s = naive_sigmoid(x)
    return s * (1 + x * (1 - s))


def naive_softmax(x):
    e = np.exp(x - x.max(axis=-1, keepdims=True))
    return e / e.sum(axis=-1, keepdims=True)


def naive_softmax_jacobian(x):
    y = naive_softmax(x)
    return y[..., :, None] * (np.eye(x.shape[-1]) - y[..., None, :])


def naive_log_softmax(x):
    shifted = x - x.max(axis=-1, keepdims=True)
    return shifted - np.log(np.exp(shifted).sum(axis=-1, keepdims=True))


_erf = np.frompyfunc(math.erf, 1, 1)  # numpy has no erf: the naive route is math.erf per element


def naive_cdf(x):
    return 0.5 * (1.0 + _erf(x / math.sqrt(2.0)).astype(np.float64))


def naive_gelu_tanh(x):
    return 0.5 * x * (1.0 + np.tanh(SQRT_2_OVER_PI * (x + 0.044715 * x**3)))


def naive_gelu_tanh_derivative(x):
    t = np.tanh(SQRT_2_OVER_PI * (x + 0.044715 * x**3))
    return 0.5 * (1 + t) + 0.5 * x * (1 - t * t) * SQRT_2_OVER_PI * (1 + 3 * 0.044715 * x * x)


def naive_mish_derivative(x):
    t = np.tanh(np.log1p(np.exp(x)))
    return t + x * naive_sigmoid(x) * (1 - t * t)


NAIVE: dict[str, Pair] = {
    "sigmoid": (naive_sigmoid, naive_sigmoid_derivative),
    "tanh": (np.tanh, lambda x: 1 - np.tanh(x) ** 2),
    "relu": (lambda x: np.maximum(x, 0.0), lambda x: (x > 0).astype(np.float64)),
    "leaky_relu": (
        lambda x: np.where(x > 0, x, 0.01 * x),
        lambda x: np.where(x > 0, 1.0, 0.01),
    ),
    "prelu": (lambda x: np.where(x > 0, x, 0.25 * x), lambda x: np.where(x > 0, 1.0, 0.25)),
    "elu": (lambda x: np.where(x > 0, x, np.exp(x) - 1), lambda x: np.where(x > 0, 1.0, np.exp(x))),
    "softmax": (naive_softmax, naive_softmax_jacobian),
    "log_softmax": (
        naive_log_softmax,
        lambda x: np.eye(x.shape[-1]) - naive_softmax(x)[..., None, :],
    ),
    "gelu": (
        lambda x: x * naive_cdf(x),
        lambda x: naive_cdf(x) + x * np.exp(-0.5 * x * x) / math.sqrt(2 * math.pi),
    ),
    "gelu (tanh)": (naive_gelu_tanh, naive_gelu_tanh_derivative),
    "silu": (lambda x: x * naive_sigmoid(x), naive_silu_derivative),
    "mish": (lambda x: x * np.tanh(np.log1p(np.exp(x))), naive_mish_derivative),
    "softplus": (lambda x: np.log1p(np.exp(x)), naive_sigmoid),
    "selu": (
        lambda x: SELU_SCALE * np.where(x > 0, x, SELU_ALPHA * (np.exp(x) - 1)),
        lambda x: SELU_SCALE * np.where(x > 0, 1.0, SELU_ALPHA * np.exp(x)),
    ),
    "celu": (
        lambda x: np.where(x > 0, x, np.exp(x) - 1),
        lambda x: np.where(x > 0, 1.0, np.exp(x)),
    ),
    "relu6": (lambda x: np.clip(x, 0, 6), lambda x: ((x > 0) & (x < 6)).astype(np.float64)),
    "hard_sigmoid": (
        lambda x: np.clip(x + 3, 0, 6) / 6,
        lambda x: ((x > -3) & (x < 3)) / 6.0,
    ),
    "hard_swish": (
        lambda x: x * np.clip(x + 3, 0, 6) / 6,
        lambda x: np.where(x < -3, 0.0, np.where(x > 3, 1.0, x / 3 + 0.5)),
    ),
    "hard_tanh": (lambda x: np.clip(x, -1, 1), lambda x: ((x > -1) & (x < 1)).astype(np.float64)),
    "softsign": (lambda x: x / (1 + np.abs(x)), lambda x: 1 / (1 + np.abs(x)) ** 2),
    "log_sigmoid": (lambda x: -np.log1p(np.exp(-x)), lambda x: 1 / (1 + np.exp(x))),
}


def engine_pair(label: str) -> Pair:
    """`engine.get(name)` and its derivative as a caller uses them (no wrapper unless the label
    names a parameter)."""
    name, _, variant = label.partition(" (")
    activation = engine.get(name)
    if not variant:
        return activation, activation.derivative
    return (
        lambda x: activation(x, approximate="tanh"),
        lambda x: activation.derivative(x, approximate="tanh"),
    )


def torch_pairs() -> dict[str, Pair] | None:
    if importlib.util.find_spec("torch") is None:
        return None
    import torch
    import torch.nn.functional as F

    torch.set_num_threads(1)
    forwards = {
        "sigmoid": torch.sigmoid,
        "tanh": torch.tanh,
        "relu": F.relu,
        "leaky_relu": F.leaky_relu,
        "prelu": lambda t: F.prelu(t, torch.tensor([0.25], dtype=t.dtype)),
        "elu": F.elu,
        "softmax": lambda t: torch.softmax(t, -1),
        "log_softmax": lambda t: torch.log_softmax(t, -1),
        "gelu": F.gelu,
        "gelu (tanh)": lambda t: F.gelu(t, approximate="tanh"),
        "silu": F.silu,
        "mish": F.mish,
        "softplus": F.softplus,
        "selu": F.selu,
        "celu": F.celu,
        "relu6": F.relu6,
        "hard_sigmoid": F.hardsigmoid,
        "hard_swish": F.hardswish,
        "hard_tanh": F.hardtanh,
        "softsign": F.softsign,
        "log_sigmoid": F.logsigmoid,
    }

    def elementwise_derivative(f):
        def derivative(x):
            t = torch.from_numpy(x).requires_grad_()
            y = f(t)
            return torch.autograd.grad(y, t, torch.ones_like(y))[0]

        return derivative

    def jacobian(f):
        batched = torch.func.vmap(torch.func.jacrev(f))
        return lambda x: batched(torch.from_numpy(x))

    def forward(f):
        def apply(x):
            with torch.no_grad():
                return f(torch.from_numpy(x))

        return apply

    return {
        label: (
            forward(f),
            jacobian(f) if label in ("softmax", "log_softmax") else elementwise_derivative(f),
        )
        for label, f in forwards.items()
    }


def best_ms(f: Callable[[np.ndarray], object], x: np.ndarray, repeat: int) -> float:
    f(x)
    best = math.inf
    for _ in range(repeat):
        start = time.perf_counter()
        f(x)
        best = min(best, time.perf_counter() - start)
    return best * 1e3


SMALL = np.array([-2.5, -0.5, 0.0, 0.75, 3.0])


def per_call_us(f: Callable[[np.ndarray], object], x: np.ndarray, calls: int) -> float:
    start = time.perf_counter()
    for _ in range(calls):
        f(x)
    return (time.perf_counter() - start) / calls * 1e6


def small_cases() -> list[tuple[str, list[tuple[Callable, Callable]]]]:
    """(label, [(engine, reference) for the forward, then the derivative])."""
    cases = [
        (label, list(zip(engine_pair(label), naive, strict=True))) for label, naive in NAIVE.items()
    ]
    prelu = engine.get("prelu")
    cases.append(("prelu ∂/∂α", [(prelu.param_gradient, lambda x: np.where(x > 0, 0.0, x))]))
    return cases


def small_inputs(rounds: int, calls: int) -> None:
    """Per-call time on 5 values, engine against the naive formula, rounds interleaved, in
    numpy's default error state (the app's; no formula warns on these values)."""
    print()
    print("| function (5 values) | forward µs | vs numpy | derivative µs | vs numpy |")
    print("|" + " --- |" * 5)
    for label, pairs in small_cases():
        cells = [label]
        for ours, naive in pairs:
            mine, reference = math.inf, math.inf
            for _ in range(rounds):
                mine = min(mine, per_call_us(ours, SMALL, calls))
                reference = min(reference, per_call_us(naive, SMALL, calls))
            ratio = mine / reference
            cells += [f"{mine:.2f}", f"{ratio:.2f}{' !' if ratio > 2 else ''}"]
        cells += [""] * (5 - len(cells))
        print("| " + " | ".join(cells) + " |")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", type=int, default=10**6)
    parser.add_argument("--repeat", type=int, default=7)
    parser.add_argument("--quick", action="store_true", help="a tiny run that checks it works")
    args = parser.parse_args()
    if args.quick:
        args.size, args.repeat = 1_000, 1

    rng = np.random.default_rng(0)
    flat = rng.normal(scale=5.0, size=args.size)
    rows = flat[: args.size - args.size % ROW].reshape(-1, ROW)
    torch = torch_pairs()
    header = "| function | forward ms | vs numpy | vs torch | derivative ms | vs numpy | vs torch |"
    print(header)
    print("|" + " --- |" * 7)
    with np.errstate(all="ignore"):  # the naive formulas overflow, by design
        for label, naive in NAIVE.items():
            x = rows if label in ("softmax", "log_softmax") else flat
            ours = engine_pair(label)
            cells = [label]
            for which in (0, 1):
                mine = best_ms(ours[which], x, args.repeat)
                cells.append(f"{mine:.2f}")
                cells.append(f"{mine / best_ms(naive[which], x, args.repeat):.2f}")
                if torch is None:
                    cells.append("n/a")
                else:
                    ratio = mine / best_ms(torch[label][which], x, args.repeat)
                    cells.append(f"{ratio:.2f}{' !' if ratio > 2 else ''}")
            print("| " + " | ".join(cells) + " |")
    small_inputs(10 * args.repeat, calls=20 if args.quick else 200)


if __name__ == "__main__":
    main()
