"""`quizapp compute`: apply an engine activation to numbers from the shell, for a quick check."""

from __future__ import annotations

import argparse
import json
import math
import re
import sys
from collections.abc import Sequence
from typing import Any

from quizapp.commands import CommandError

MAX_JACOBIAN_VALUES = 1000

EPILOG = """\
values are decimal numbers (-2, .5, 1e-3, inf, -inf, nan); put `--` before them so that
negative numbers are not read as options:
  quizapp compute relu -- -2 0 3 -1 5
  quizapp compute leaky_relu --param alpha=0.1 --derivative -- -2 0 3
  quizapp compute softmax --json -- 1 2 3
"""


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "compute",
        help="apply an activation function (or its derivative) to numbers",
        description="Apply an activation from quizapp's engine to a vector of numbers.",
        epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("function", help="activation name, e.g. relu, gelu, softmax")
    parser.add_argument("values", nargs="+", metavar="VALUE", help="the input vector")
    parser.add_argument(
        "--derivative",
        action="store_true",
        help="print d(output)/d(input) instead (the Jacobian, row by row, for softmax-like maps)",
    )
    parser.add_argument(
        "--param",
        action="append",
        default=[],
        metavar="NAME=VALUE",
        help="set a parameter, e.g. alpha=0.1 or approximate=tanh (repeatable)",
    )
    parser.add_argument("--decimals", type=int, metavar="N", help="round results to N decimals")
    parser.add_argument("--json", action="store_true", help="print one JSON object instead")
    parser.set_defaults(run=run)


def parse_number(text: str) -> float:
    """A decimal number as Python's float() reads it, minus its leniencies (spaces, 1_000)."""
    if text != text.strip() or "_" in text:
        raise ValueError(text)
    return float(text)


def parse_values(texts: Sequence[str]) -> list[float]:
    values = []
    for position, text in enumerate(texts, start=1):
        try:
            values.append(parse_number(text))
        except ValueError:
            raise CommandError(
                f"value {position} ({text!r}) is not a number{_spaced_hint(text)}"
            ) from None
    return values


def _spaced_hint(text: str) -> str:
    """How to write a list typed as one value ("2.0, 1.0, 0.1" or "[1, 2]"), if it is one.

    The list is not read as several values: "1,5" may be one number with a decimal comma."""
    pieces = [piece for piece in re.split(r"[\s,;\[\]()]+", text) if piece]
    try:
        for piece in pieces:
            parse_number(piece)
    except ValueError:
        return ""
    if len(pieces) < 2:
        return ""
    return f"; give the values separated by spaces: -- {' '.join(pieces)}"


def overflow_notices(texts: Sequence[str], values: Sequence[float]) -> list[str]:
    """A finite number written out (1e400) that a float cannot hold was read as infinity."""
    return [
        f"value {position} ({text!r}) is beyond the float range and was read as {value!r}"
        for position, (text, value) in enumerate(zip(texts, values, strict=True), start=1)
        if math.isinf(value) and "inf" not in text.lower()
    ]


def check_jacobian_size(activation_name: str, count: int) -> None:
    """An n-value Jacobian holds n*n numbers: 20,000 values would need 3.2 GB."""
    if count > MAX_JACOBIAN_VALUES:
        raise CommandError(
            f"the derivative of {activation_name} is a {count}x{count} Jacobian; "
            f"give at most {MAX_JACOBIAN_VALUES} values"
        )


def parse_params(texts: Sequence[str], defaults: dict[str, Any]) -> dict[str, Any]:
    """NAME=VALUE pairs, each VALUE read as its default's type: float, int (axis) or string."""
    params: dict[str, Any] = {}
    for text in texts:
        name, sep, raw = text.partition("=")
        name = name.strip()
        if not sep or not name:
            raise CommandError(f"--param {text!r}: expected NAME=VALUE, e.g. alpha=0.1")
        if name not in defaults:
            valid = ", ".join(defaults) or "none"
            raise CommandError(f"--param {text!r}: unknown parameter {name!r} (valid: {valid})")
        default = defaults[name]
        try:
            if isinstance(default, str):
                params[name] = raw
            elif isinstance(default, int):
                params[name] = int(raw)
            else:
                params[name] = parse_number(raw)
        except ValueError:
            kind = "an integer" if isinstance(default, int) else "a number"
            raise CommandError(f"--param {text!r}: {name} must be {kind}") from None
    return params


SIGNIFICANT = 15
"""Significant digits a printed value keeps: any decimal number of 15 digits survives a double, so
this drops float noise (0.2 · -3 = -0.6000000000000001) and nothing a value really has."""


def format_number(value: float, decimals: int | None) -> str:
    """Rounded to 15 significant digits, then the shortest form that reads back as that; integers
    without '.0', no negative zero: `0 0 3 0 5`, `-0.6`. (`--json` keeps every digit.)"""
    if decimals is not None and math.isfinite(value):
        value = round(value, decimals)
    if math.isfinite(value):
        value = float(f"{value:.{SIGNIFICANT}g}")
    if value == 0:
        return "0"
    if math.isfinite(value) and value.is_integer() and abs(value) < 1e16:
        return str(int(value))
    return repr(value)


def json_number(value: float, decimals: int | None) -> float | str:
    """JSON has no inf/nan: those become the strings "inf", "-inf" and "nan"."""
    if not math.isfinite(value):
        return repr(value)
    rounded = round(value, decimals) if decimals is not None else value
    return rounded + 0.0  # -0.0 + 0.0 == 0.0: no negative zero


def run(args: argparse.Namespace) -> int:
    import numpy as np

    from quizapp import engine

    if args.decimals is not None and args.decimals < 0:
        raise CommandError(f"--decimals must be 0 or more, got {args.decimals}")
    try:
        activation = engine.get(args.function)
    except engine.UnknownActivationError as error:
        raise CommandError(str(error)) from None
    params = parse_params(args.param, activation.defaults)
    values = parse_values(args.values)
    for notice in overflow_notices(args.values, values):
        print(f"quizapp compute: warning: {notice}", file=sys.stderr)
    if args.derivative and not activation.elementwise:
        check_jacobian_size(activation.name, len(values))
    try:
        resolved = activation.resolve_params(params)
        compute = activation.derivative if args.derivative else activation
        result = np.asarray(compute(values, **params)).tolist()
    except (TypeError, ValueError) as error:
        raise CommandError(str(error)) from None

    rows = result if isinstance(result[0], list) else [result]
    if args.json:
        shaped = [[json_number(v, args.decimals) for v in row] for row in rows]
        document = {
            "function": activation.name,
            "params": resolved,
            "input": [json_number(v, None) for v in values],
            "derivative" if args.derivative else "output": (
                shaped if isinstance(result[0], list) else shaped[0]
            ),
        }
        print(json.dumps(document, allow_nan=False))
    else:
        for row in rows:
            print(" ".join(format_number(v, args.decimals) for v in row))
    return 0
