"""Whether a negation governs the words of the answer that realise a cue.

Scoped, not a window: a "not" negates the verb phrase after it in its clause ("does not help
with vanishing gradients"); a "no", "without" or "instead of" only the phrase right after it
("no saturation, and gradients flow" still says gradients flow); and a "not" right after the
words denies what they do ("Leaky ReLU does not help") unless what is negated is the point
itself ("early layers don't learn", "Leaky ReLU does not die").
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import lru_cache

from quizapp.explain.cues import NEGATIONS
from quizapp.explain.synonyms import praises
from quizapp.explain.text import Token, stem, tokenize

NEGATION_REACH = 8
"""How many words before the matched words a "not" still negates them (within one clause)."""
NOUN_NEGATION_REACH = 2
"""A "no", "without" or "instead of" negates only the phrase right after it ("no vanishing
gradient", "add it instead of subtracting")."""
NOUN_NEGATIONS = frozenset({"no", "without", "non", "none", "instead", "rather"})
VERB_NEGATIONS = NEGATIONS - NOUN_NEGATIONS
OBJECT_NEGATIONS = frozenset({"nothing", "never"})
"""Negations that deny the words right before them without a verb ("scaling changes nothing")."""
AUXILIARIES = frozenset(
    {"is", "are", "was", "were", "be", "been", "do", "does", "did", "has", "have", "had", "can",
     "could", "will", "would", "should", "may", "might", "must", "still", "really", "actually",
     "also", "just", "necessarily", "always"}
)  # fmt: skip
"""Words between a phrase and a "not" that denies it ("ReLU does really not help")."""
PROBLEMS = ("die", "dead", "saturate", "vanish", "explode", "overflow", "underflow", "suffer",
            "stall", "stuck", "collapse", "zigzag", "blow", "fail")  # fmt: skip
"""What a "not" after a phrase affirms rather than denies: "Leaky ReLU does not die"."""


def negated(tokens: list[Token], chosen: Iterable[int], affirming: frozenset[str]) -> bool:
    """Whether a negation governs the matched words: one among them ("gradients do not
    vanish"), one before them that reaches them, or one after them that denies what they do.
    `affirming` holds the stems a "not" after the words may negate without denying the point
    (see `point_words`)."""
    inside = set(chosen)
    first, last = min(inside), max(inside)
    if any(tokens[at].form in NEGATIONS for at in range(first + 1, last) if at not in inside):
        return True
    return _negated_before(tokens, first) or _denied_after(tokens, last, affirming)


@lru_cache(maxsize=4096)
def point_words(text: str) -> frozenset[str]:
    """Stems of the words a key point states: a "not" before one of them says the point ("early
    layers don't learn" for "learning stalls") instead of denying it. Words that praise a remedy
    are left out: "Leaky ReLU does not help" denies "Leaky ReLU helps"."""
    words = (token.stem for token in tokenize(text) if token.is_word)
    return frozenset(word for word in words if not praises(word))


def _negated_before(tokens: list[Token], first: int) -> bool:
    for back in range(1, NEGATION_REACH + 1):
        before = first - back
        if before < 0 or tokens[before].clause != tokens[first].clause:
            return False
        form = tokens[before].form
        if form in NEGATIONS and (form not in NOUN_NEGATIONS or back <= NOUN_NEGATION_REACH):
            return form != "non" or back == 1
    return False


def _denied_after(tokens: list[Token], last: int, affirming: frozenset[str]) -> bool:
    """A verb then "not" right after the words, or after one more word of their subject
    ("… is not", "… layers don't change", "… has nothing to do")."""
    clause = tokens[last].clause
    verb = last + 1
    subject_goes_on = verb + 1 < len(tokens) and tokens[verb + 1].form in AUXILIARIES
    if subject_goes_on and tokens[verb].form not in AUXILIARIES:
        verb += 1
    after = verb
    while after < len(tokens) and tokens[after].form in AUXILIARIES:
        after += 1
    if after >= len(tokens) or tokens[after].clause != clause:
        return False
    if after == verb and tokens[after].form not in OBJECT_NEGATIONS:
        return False
    if tokens[after].form not in VERB_NEGATIONS:
        return False
    said = after + 1
    return not (
        said < len(tokens)
        and tokens[said].clause == clause
        and (tokens[said].stem in affirming or tokens[said].stem in _problem_stems())
    )


@lru_cache(maxsize=1)
def _problem_stems() -> frozenset[str]:
    return frozenset(stem(word) for word in PROBLEMS)
