"""Whether an answer puts another number where a key point has one: a wrong constant.

Cue words hear the right claim in "σ′ = σ(1 − σ), max 0.5 at zero" for a point that says the
maximum is 0.25, and "1/(fan_in + fan_out)" for "2 / (fan_in + fan_out)": the words are right and
the number is not. Two places are checked, where a number is the point of the claim:
- a bound ("max", "at most", "peaks at", "above"…) followed by a number the point does not know
  (its own numbers and its cues that are a bare number), in the sentence of the words and not
  said of another function ("tanh peaks at 1" is no bound of sigmoid's);
- a number before an operator and a word where the point has another ("1 / (fan_in …" where the
  point has "2 / (fan_in"), in the sentence of the words and not said of another function.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache

from quizapp.explain.cues import ALL_OF, ANY_OF
from quizapp.explain.sense import name_of
from quizapp.explain.synonyms import as_number
from quizapp.explain.text import Token, sentence_span, tokenize

BOUNDS = frozenset(
    {"max", "maximum", "maxes", "maximal", "most", "peak", "peaks", "peaking", "top", "tops",
     "above", "beyond", "exceeds", "overflow", "overflows", "<=", "<"}
)  # fmt: skip
"""Words after which a number is a bound: "max 0.5", "at most ¼", "overflows at 100"."""
FILLERS = frozenset(
    {"of", "is", "at", "about", "around", "roughly", "approximately", "~", "=", "value", "out",
     "only", "just", "exactly", "to", "a", "an", "the", "be", "by", "it's", "its"}
)  # fmt: skip
"""Words a bound may have before its number ("maxes out at about 0.5")."""
FILLER_REACH = 3
COEFFICIENT_OPERATORS = frozenset({"/", "*"})
"""Operators after which a number is a coefficient of what follows ("2 / fan_in", "2 * σ"),
not one example of many ("ReLU(2) + ReLU(−2)")."""
EXPONENT = re.compile(r"e(\d{1,3})")
"""The exponent of a number in scientific notation, read as a word after it ("3.4e38")."""
FORMULA_OPERATORS = frozenset({"−", "-", "+", "=", "*", "·"})
"""Operators beside which a number of a point belongs to its formula, not to a bound."""
SAME_NUMBER = 0.05
"""Numbers within this share of each other are the same constant ("88" for 88.7)."""


def number_at(tokens: list[Token], at: int) -> tuple[float, int] | None:
    """The number that starts at `at` (a fraction "1/4" read whole) and its last position."""
    value = _value(tokens[at])
    if value is None:
        return None
    if (
        at + 2 < len(tokens)
        and tokens[at + 1].form == "/"
        and (denominator := _value(tokens[at + 2])) is not None
        and denominator != 0
    ):
        return value / denominator, at + 2
    if (
        at + 1 < len(tokens)
        and tokens[at + 1].start == tokens[at].end
        and (power := EXPONENT.fullmatch(tokens[at + 1].form)) is not None
    ):
        return value * 10 ** int(power.group(1)), at + 1
    return value, at


def _value(token: Token) -> float | None:
    spelled = token.form if token.kind == "number" else as_number(token.form)
    return None if spelled is None else float(spelled)


@lru_cache(maxsize=4096)
def known_numbers(point: str, cues: tuple[str, ...]) -> frozenset[float]:
    """The numbers a key point knows: those of its text (fractions read whole and by their
    parts) and of its cues, or of the ways of a joined cue's parts, that are nothing but a number
    ("0.25", "1/4", "88", "88.7 | 88 & 11.1 | 11")."""
    known = set(_numbers(tokenize(point)))
    for cue in cues:
        for way in (way for part in cue.split(ALL_OF) for way in part.split(ANY_OF)):
            tokens = tokenize(way)
            read = number_at(tokens, 0) if tokens else None
            if read is not None and read[1] == len(tokens) - 1:
                known.add(read[0])
    return frozenset(known)


def _numbers(tokens: list[Token]) -> Iterable[float]:
    for at in range(len(tokens)):
        read = number_at(tokens, at)
        if read is not None:
            yield read[0]
            if read[1] > at:
                yield float(tokens[at].form)


def _same(one: float, other: float) -> bool:
    return abs(one - other) <= SAME_NUMBER * max(abs(one), abs(other))


def _unknown(value: float, known: frozenset[float]) -> bool:
    return not any(_same(value, number) for number in known)


def another_constant(
    tokens: list[Token],
    chosen: list[int],
    point: str,
    known: frozenset[float],
    subject: frozenset[str],
) -> bool:
    """Whether the answer gives, in the sentence of the words and not of another function than
    the point's `subject`, a number the point does not know as a bound, or another number than
    the point's before the same operator and word."""
    if not known:
        return False
    sentence = sentence_span(tokens, min(chosen))
    bounds = (known - _in_formulas(point)) | _bounds(point) if _bounds(point) else known
    for at in sentence:
        if tokens[at].form not in BOUNDS:
            continue
        value = _bound_value(tokens, at)
        if value is not None and _unknown(value, bounds) and not _of_another(tokens, at, subject):
            return True
    return _operand_differs(tokens, sentence, point, subject)


@lru_cache(maxsize=4096)
def _bounds(point: str) -> frozenset[float]:
    """The numbers a point gives as bounds ("maximum 0.25": 0.25)."""
    tokens = tokenize(point)
    found = (_bound_value(tokens, at) for at in range(len(tokens)) if tokens[at].form in BOUNDS)
    return frozenset(value for value in found if value is not None)


@lru_cache(maxsize=4096)
def _in_formulas(point: str) -> frozenset[float]:
    """The numbers of a point's formulas, beside an operator ("1 − σ", "x = 0"): where the point
    gives a bound, they are none of it, so a bound said with one is another constant ("σ(1 − σ),
    maximum 1" for "…, maximum 0.25")."""
    tokens = tokenize(point)
    return frozenset(
        float(token.form)
        for at, token in enumerate(tokens)
        if token.kind == "number"
        and any(
            0 <= near < len(tokens) and tokens[near].form in FORMULA_OPERATORS
            for near in (at - 1, at + 1)
        )
    )


def number_of_another(
    tokens: list[Token], numbers: bool, chosen: list[int], subject: frozenset[str]
) -> bool:
    """A cue that is only a number ("0.25") heard in a sentence where the nearest function named
    before it is not the point's: "tanh′ = 1 − tanh², maximum 0.25" says nothing of sigmoid."""
    return numbers and _of_another(tokens, min(chosen), subject)


def _of_another(tokens: list[Token], at: int, subject: frozenset[str]) -> bool:
    """The nearest function named before the bound, in its sentence, is not the point's."""
    for back in range(at - 1, -1, -1):
        if tokens[back].sentence != tokens[at].sentence:
            return False
        name = name_of(tokens, back)
        if name is not None:
            return bool(subject) and name not in subject
    return False


def _bound_value(tokens: list[Token], at: int) -> float | None:
    """The number a bound word at `at` sets, past a few filler words ("max of 1/2" is 0.5), in
    its clause ("max(0, x)" sets nothing)."""
    for ahead in range(at + 1, min(at + 2 + FILLER_REACH, len(tokens))):
        if tokens[ahead].clause != tokens[at].clause:
            return None
        read = number_at(tokens, ahead)
        if read is not None:
            return read[0]
        if tokens[ahead].form not in FILLERS:
            return None
    return None


@lru_cache(maxsize=4096)
def _operands(point: str) -> dict[tuple[str, str], frozenset[float]]:
    """The numbers a point puts before an operator and a word ("2 / fan_in": ("/", "fan") → 2)."""
    found: dict[tuple[str, str], set[float]] = {}
    for key, value in _operand_triples(tokenize(point)):
        found.setdefault(key, set()).add(value)
    return {key: frozenset(values) for key, values in found.items()}


def _operand_triples(tokens: list[Token]) -> list[tuple[tuple[str, str], float]]:
    return [
        ((operator.form, word.stem), float(number.form))
        for number, operator, word in zip(tokens, tokens[1:], tokens[2:], strict=False)
        if number.kind == "number" and operator.form in COEFFICIENT_OPERATORS and word.is_word
    ]


def _operand_differs(
    tokens: list[Token], sentence: range, point: str, subject: frozenset[str]
) -> bool:
    """The sentence puts another number than the point before the same operator and word, not
    said of another function: "1/(fan_in + fan_out)" against "2 / (fan_in + fan_out)", "He for
    ReLU with 1/fan_in" against "He, 2 / fan_in"."""
    own = _operands(point)
    if not own:
        return False
    for at in sentence:
        for key, value in _operand_triples(tokens[at : min(at + 3, sentence.stop)]):
            if key in own and _unknown(value, own[key]) and not _of_another(tokens, at, subject):
                return True
    return False
