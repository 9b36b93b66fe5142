"""Wrong outputs said in numbers: a range ("ReLU keeps every output between −1 and 1", "tanh maps
to 0 to 1") or an example ("with ReLU, −2 becomes 2").

A point about an output range is made in words any answer about ranges uses ("output range",
"bounded", "0 to 1"); a sentence that gives a function another range than its own says those words
of a wrong claim. The functions whose range is fixed are read from the answer by name; a range is
"between L and H" or "(from) L to H", its ends numbers, number words or infinity. Likewise a point
that names ReLU is not made in a sentence whose example maps an input of ReLU to another output
than max(0, x).
"""

from __future__ import annotations

import math
from functools import lru_cache
from itertools import pairwise

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
SIGNS = frozenset({"-", "+", "minus", "negative"})
"""What may come before a number as its sign ("−2", "minus one")."""
INTERVAL_OPENERS = frozenset({"(", "["})
INTERVAL_CLOSERS = frozenset({")", "]"})
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
    found = _intervals(tokens)
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


def _intervals(tokens: list[Token]) -> list[tuple[int, tuple[float, float]]]:
    """Each range written as an interval, "(−1, 1)" or "[0, 1]": a bracket, a number, a comma, a
    number, then the bracket that closes it (or the end of the sentence)."""
    found: list[tuple[int, tuple[float, float]]] = []
    for at, token in enumerate(tokens):
        if token.opened_by not in INTERVAL_OPENERS or _called(tokens, at):
            continue
        low = _value(tokens, at)
        if low is None or low[1] >= len(tokens) or tokens[low[1]].opened_by != ",":
            continue
        high = _value(tokens, low[1])
        if high is None:
            continue
        after = high[1]
        closed = after == len(tokens) or (
            tokens[after].clause != tokens[after - 1].clause
            and (tokens[after].opened_by in INTERVAL_CLOSERS
                 or tokens[after].sentence != token.sentence)
        )  # fmt: skip
        if closed and tokens[after - 1].sentence == token.sentence:
            found.append((at, (low[0], high[0])))
    return found


def _called(tokens: list[Token], at: int) -> bool:
    """The bracket before `at` follows a word without a space: arguments ("f(1, 2)"), no
    interval. (`at` starts a clause the bracket opened.)"""
    return at > 0 and (
        tokens[at - 1].clause == tokens[at].clause
        or (tokens[at - 1].is_word and tokens[at].start - tokens[at - 1].end <= 1)
    )


def _value(tokens: list[Token], at: int) -> tuple[float, int] | None:
    """The number that starts at `at` (a sign, digits, a number word or infinity) and the
    position after it, or None."""
    sign = 1.0
    while at < len(tokens) and tokens[at].form in SIGNS:
        sign = -sign if tokens[at].form in SIGNS - {"+"} else sign
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


MAPPINGS = frozenset({"becomes", "become", "gives", "give", "stays", "stay", "->", "yields"})
"""Words that map an example input to its output ("−2 becomes 0", "3 -> 3")."""
TAKING = frozenset({"takes", "take", "maps", "map", "sends", "send", "turns", "turn"})
"""Verbs after which "A to B" maps an input to an output ("ReLU takes −2 to 0")."""
TAKING_REACH = 6
OPERANDS_OF = frozenset({"-", "+", "*", "/", "^"})
"""Signs after which a number is an operand, not an example input ("ReLU(2) - 3 gives −1")."""


def wrong_relu_example_in_sentence(tokens: list[Token], chosen: list[int], point: str) -> bool:
    """The sentence of the words maps an example input of ReLU to another output than ReLU's
    ("with ReLU, −2 becomes 2"; "inputs −2, 0, 3 give −2, 0, 3"), and the point names ReLU."""
    if "relu" not in _point_functions(point):
        return False
    sentences = {tokens[at].sentence for at in chosen}
    return any(
        tokens[start].sentence in sentences
        and _named_before(tokens, start) == "relu"
        and output != max(0.0, value)
        for start, value, output in _mappings(tokens)
    )


@lru_cache(maxsize=4096)
def _point_functions(point: str) -> frozenset[str]:
    tokens = tokenize(point)
    return frozenset(name for at in range(len(tokens)) if (name := name_of(tokens, at)))


def _mappings(tokens: list[Token]) -> list[tuple[int, float, float]]:
    """Each example input mapped to an output in the answer: its first position, the input and
    the output. A list of inputs maps to a list of outputs as long ("−2, 0, 3 give 0, 0, 3");
    otherwise the last input to the first output ("−2 -> 0, 3 -> 3")."""
    runs = _runs(tokens)
    found: list[tuple[int, float, float]] = []
    for (start, end, inputs), (following, _, outputs) in pairwise(runs):
        between = [token.form for token in tokens[end:following]]
        maps = (len(between) == 1 and between[0] in MAPPINGS) or (
            between == ["to"] and _taken(tokens, start)
        )
        if not maps or tokens[start].sentence != tokens[following].sentence:
            continue
        if len(inputs) == len(outputs):
            found.extend((start, value, out) for value, out in zip(inputs, outputs, strict=True))
        else:
            found.append((start, inputs[-1], outputs[0]))
    return found


def _taken(tokens: list[Token], start: int) -> bool:
    """A verb like "takes" a few words before, in the clause ("takes −2 to 0 and 3 to 3")."""
    return any(
        tokens[at].form in TAKING and tokens[at].clause == tokens[start].clause
        for at in range(max(0, start - TAKING_REACH), start)
    )


def _runs(tokens: list[Token]) -> list[tuple[int, int, list[float]]]:
    """Runs of numbers one after another, parted by commas or "and": their first position, the
    position after them and their values. A "-" before a number is its sign unless a number
    comes right before it ("3 - 2")."""
    runs: list[tuple[int, int, list[float]]] = []
    at = 0
    while at < len(tokens):
        read = _signed(tokens, at)
        if read is None or (at > 0 and tokens[at - 1].form in OPERANDS_OF):
            at += 1
            continue
        start, values = at, []
        while read is not None:
            values.append(read[0])
            at = read[1]
            joined = at + 1 < len(tokens) and tokens[at].form == "and"
            parted = at < len(tokens) and tokens[at].clause != tokens[at - 1].clause
            if not (joined or parted):
                break
            read = _signed(tokens, at + 1 if joined else at)
            if read is not None and joined:
                at += 1
        runs.append((start, at, values))
    return runs


def _signed(tokens: list[Token], at: int) -> tuple[float, int] | None:
    if tokens[at].form in SIGNS and at > 0 and tokens[at - 1].kind == "number":
        return None
    read = _value(tokens, at)
    return None if read is None or math.isinf(read[0]) else read
