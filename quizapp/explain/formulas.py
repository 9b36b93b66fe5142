"""A derivative written another way: "σ′ = σ², max 0.25" states the point's constant but not its
formula σ′ = σ(1 − σ).

Where a key point writes a function's derivative in terms of the function ("σ′(x) = σ(x)(1 −
σ(x))") and the answer writes that derivative as another expression of the function alone ("σ′ =
σ²", "σ′ = 1 − σ²", "σ′ = σ(1 + σ)"), words heard outside that expression (the constant "0.25",
or part of the expression "σ′ = 1 − σ") do not make the point. An expression of the function
itself may use its own letter ("y(1 − y)", "s(1 − s)") and the variable may be left out.
"""

from __future__ import annotations

from collections.abc import Iterator
from functools import lru_cache

from quizapp.explain.pairing import Namer
from quizapp.explain.text import Token, tokenize

VARIABLES = frozenset({"x", "z"})
"""The argument of a function, left out when comparing ("σ(x)" is "σ")."""
DROPPED = frozenset({"*"})
"""Signs that change nothing when left out ("sigmoid * (1 - sigmoid)" is "σ(1 − σ)")."""
BRACKETS = frozenset("()[]{}")
RELATIONS = frozenset({"=", "<=", ">=", "<", ">", "~", "!=", "->"})
"""Signs that end a side of an equation ("σ′ = σ(1 − σ) ≤ 1/4": the bound is not the formula)."""
ITSELF = "F"
"""The function itself, in a normal form: its name or any one-letter stand-in ("y", "s")."""
PRIME = "'"

Equation = tuple[tuple[str, ...], tuple[str, ...]]
"""A derivative's left side (the function's name and a prime) and its right side, normalised."""


def another_derivative(tokens: list[Token], chosen: list[int], point: str, name_of: Namer) -> bool:
    """Whether the answer writes one of the point's derivatives as another expression of the
    function alone, and the matched words do not cover that expression."""
    own = _point_equations(point, name_of)
    if not own:
        return False
    for left, right, positions in _equations(tokens, name_of):
        wanted = own.get(left)
        if wanted is None or right == wanted or not _of_itself(right):
            continue
        if any(at not in chosen for at in positions):
            return True
    return False


def _point_equations(point: str, name_of: Namer) -> dict[tuple[str, ...], tuple[str, ...]]:
    return dict(_cached_point_equations(point, name_of))


@lru_cache(maxsize=4096)
def _cached_point_equations(point: str, name_of: Namer) -> tuple[Equation, ...]:
    tokens = tokenize(point)
    return tuple((left, right) for left, right, _ in _equations(tokens, name_of))


def _equations(
    tokens: list[Token], name_of: Namer
) -> Iterator[tuple[tuple[str, ...], tuple[str, ...], list[int]]]:
    """Each derivative written with "=": its normal left side, normal right side, and the
    positions of the right side's terms (variables and dropped signs left out)."""
    for at, token in enumerate(tokens):
        if token.form != "=":
            continue
        left = _extent(tokens, at, -1, name_of)
        right = _extent(tokens, at, 1, name_of)
        names = {name for i in left if (name := name_of(tokens, i))}
        forms = [tokens[i].form for i in left if tokens[i].form not in VARIABLES]
        if len(names) != 1 or PRIME not in forms or not right:
            continue
        (function,) = names
        kept = [i for i in right if tokens[i].form not in VARIABLES | DROPPED]
        normal = tuple(_normal(tokens, i, function, name_of) for i in kept)
        yield (function, PRIME), normal, kept


def _extent(tokens: list[Token], sign: int, step: int, name_of: Namer) -> list[int]:
    """The formula's tokens on one side of "=": symbols, numbers, names and one-letter words,
    through brackets, up to a comma, a word or another relation."""
    found: list[int] = []
    at = sign + step
    while (
        0 <= at < len(tokens)
        and _in_formula(tokens, at, name_of)
        and tokens[at].form not in RELATIONS
    ):
        later, earlier = (at, at - step) if step > 0 else (at - step, at)
        if (
            tokens[later].clause != tokens[earlier].clause
            and tokens[later].opened_by not in BRACKETS
        ):
            break
        found.append(at)
        at += step
    return sorted(found)


def _in_formula(tokens: list[Token], at: int, name_of: Namer) -> bool:
    token = tokens[at]
    return (
        token.kind in {"symbol", "number"}
        or (token.is_word and len(token.form) == 1)
        or name_of(tokens, at) is not None
    )


def _normal(tokens: list[Token], at: int, function: str, name_of: Namer) -> str:
    token = tokens[at]
    if name_of(tokens, at) == function or (
        token.is_word and len(token.form) == 1 and token.form != "e"
    ):
        return ITSELF
    return token.form


def _of_itself(right: tuple[str, ...]) -> bool:
    """An expression of the function alone: itself, numbers and signs (not "e^-x / …")."""
    return ITSELF in right and all(form == ITSELF or not form[:1].isalpha() for form in right)
