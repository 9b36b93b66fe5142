"""Parameter specifications: every activation validates its parameters the same strict way."""

from __future__ import annotations

import math
import numbers
from collections.abc import Callable, Mapping
from dataclasses import dataclass

ParamValue = float | int | str


@dataclass(frozen=True)
class Real:
    """A finite real parameter; `check` adds a domain rule described by `rule`."""

    name: str
    default: float
    check: Callable[[float], bool] | None = None
    rule: str = ""

    def validate(self, value: object) -> float:
        # bool is an int subclass: reject it so `alpha=True` is an error, not 1.0.
        if isinstance(value, bool) or not isinstance(value, numbers.Real):
            raise TypeError(f"{self.name} must be a real number, got {value!r}")
        number = float(value)
        if not math.isfinite(number):
            raise ValueError(f"{self.name} must be finite, got {number!r}")
        if self.check is not None and not self.check(number):
            raise ValueError(f"{self.name} must be {self.rule}, got {number!r}")
        return number


@dataclass(frozen=True)
class Integer:
    """An integer parameter such as an axis (range checks need the input, so they happen later)."""

    name: str
    default: int

    def validate(self, value: object) -> int:
        if isinstance(value, bool) or not isinstance(value, numbers.Integral):
            raise TypeError(f"{self.name} must be an integer, got {value!r}")
        return int(value)


@dataclass(frozen=True)
class Choice:
    """A string parameter restricted to a few spellings."""

    name: str
    default: str
    options: tuple[str, ...]

    def validate(self, value: object) -> str:
        if not isinstance(value, str):
            raise TypeError(f"{self.name} must be a string, got {value!r}")
        if value not in self.options:
            valid = ", ".join(repr(option) for option in self.options)
            raise ValueError(f"{self.name} must be one of {valid}, got {value!r}")
        return value


Param = Real | Integer | Choice


def resolve(
    owner: str, specs: tuple[Param, ...], given: Mapping[str, object]
) -> dict[str, ParamValue]:
    """Merge `given` into the defaults, rejecting unknown names and invalid values."""
    by_name = {spec.name: spec for spec in specs}
    unknown = sorted(set(given) - set(by_name))
    if unknown:
        valid = ", ".join(by_name) or "none"
        raise TypeError(f"{owner} got unknown parameter {unknown[0]!r} (valid parameters: {valid})")
    resolved: dict[str, ParamValue] = {}
    for spec in specs:
        resolved[spec.name] = (
            spec.validate(given[spec.name]) if spec.name in given else (spec.default)
        )
    return resolved
