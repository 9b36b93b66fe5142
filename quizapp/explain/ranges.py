"""Wrong output ranges: "ReLU keeps every output between −1 and 1", "tanh maps to 0 to 1".

A point about an output range is made in words any answer about ranges uses ("output range",
"bounded", "0 to 1"); a sentence that gives a function another range than its own says those words
of a wrong claim. The functions whose range is fixed are read from the answer by name; a range is
"between L and H" or "(from) L to H", its ends numbers, number words or infinity.
"""

from __future__ import annotations

import math
from functools import lru_cache

from quizapp.explain.sense import name_of
from quizapp.explain.synonyms import as_number
from quizapp.explain.text import Token, tokenize

RANGES: dict[str, tuple[float, float]] = {
    "sigmoid": (0.0, 1.0),
    "softmax": (0.0, 1.0),
    "tanh": (-1.0, 1.0),
    "relu": (0.0, math.inf),
}
"""The output range of each function whose range is fixed."""
INFINITE = frozenset({"infinity", "inf"})
RANGE_WORDS = frozenset({"range", "bound", "bounded", "bounds"})
"""Words of a point that is about an output range ("it can bound outputs")."""


def wrong_range_in_sentence(tokens: list[Token], chosen: list[int], point: str) -> bool:
    """The sentence of the words gives a function another output range than its own, and the
    point is about an output range (it names one, or says "range" or "bound")."""
    if not _about_a_range(point):
        return False
    sentences = {tokens[at].sentence for at in chosen}
    return any(
        (name := _named_before(tokens, start)) in RANGES and not _same(found, RANGES[name])
        for start, found in _ranges(tokens)
        if tokens[start].sentence in sentences
    )


@lru_cache(maxsize=4096)
def _about_a_range(point: str) -> bool:
    tokens = tokenize(point)
    return any(token.form in RANGE_WORDS for token in tokens) or any(True for _ in _ranges(tokens))


def _ranges(tokens: list[Token]) -> list[tuple[int, tuple[float, float]]]:
    """Each range said, by the position of its first word, with its two ends."""
    found = []
    for at, token in enumerate(tokens):
        joiner = "and" if token.form == "between" else "to" if token.form in {"from", "to"} else ""
        if not joiner:
            continue
        start = at + 1
        if token.form == "to":
            start = at - 1
            while start > 0 and tokens[start - 1].form in {"-", "+"}:
                start -= 1
        low = _value(tokens, start)
        if low is None or (token.form == "to" and low[1] != at):
            continue
        if token.form != "to" and (low[1] + 1 >= len(tokens) or tokens[low[1]].form != joiner):
            continue
        high = _value(tokens, low[1] + 1 if token.form != "to" else at + 1)
        if high is not None and tokens[high[1] - 1].sentence == token.sentence:
            found.append((min(start, at), (low[0], high[0])))
    return found


def _value(tokens: list[Token], at: int) -> tuple[float, int] | None:
    """The number that starts at `at` (a sign, digits, a number word or infinity) and the
    position after it, or None."""
    sign = 1.0
    while at < len(tokens) and tokens[at].form in {"-", "+"}:
        sign = -sign if tokens[at].form == "-" else sign
        at += 1
    if at >= len(tokens):
        return None
    token = tokens[at]
    if token.form in INFINITE:
        return sign * math.inf, at + 1
    spelled = token.form if token.kind == "number" else as_number(token.form)
    if spelled is None:
        return None
    return sign * float(spelled), at + 1


def _named_before(tokens: list[Token], at: int) -> str | None:
    """The function named last before `at` in its sentence, if any."""
    for back in range(at - 1, -1, -1):
        if tokens[back].sentence != tokens[at].sentence:
            return None
        if (name := name_of(tokens, back)) in RANGES:
            return name
    return None


def _same(found: tuple[float, float], own: tuple[float, float]) -> bool:
    return all(a == b or (math.isfinite(a) and math.isfinite(b) and abs(a - b) < 1e-9)
               for a, b in zip(found, own, strict=True))  # fmt: skip
