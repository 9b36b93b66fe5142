"""Whether the claims the cue rules heard of a key point are believable: a small learned decision.

The rules say where a point's cues are said, unnegated and in its sense; they cannot tell a point
made from its words dropped in passing or used in a wrong claim. What does tell them apart, over
the hand-labelled answers, is how the hearing looks: several claims heard rather than one word,
the point's own words around them, an answer that makes most of the card's points rather than one
or two, a short answer rather than a long ramble. A logistic regression over such features,
fitted by `benchmarks/explain_decision.py` (cross-validated across the labelled sets and across
cards) and stored in `decision.json`, keeps a heard point when it is likely enough to be made.
"""

from __future__ import annotations

import json
import math
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from quizapp.explain.cues import NEGATIONS, Cue, content_terms
from quizapp.explain.text import Token

WEIGHTS_FILE = Path(__file__).with_name("decision.json")
FEATURES = (
    "claims_heard",
    "longest_claim",
    "own_words",
    "point_words_near",
    "negation_near",
    "points_heard",
    "points_in_same_sentences",
    "listed",
    "sentences",
    "answer_length",
    "points_contradicted",
)
"""What the decision looks at, in the order of its weights (see `features`)."""
CLAIMS_WEIGHED = 3
"""The decision counts at most this many claims heard for a point: more say little more, and
looking for them costs time."""
LIST_ITEM_WORDS = 2
"""A claim heard in a comma-separated item of at most this many other words is a list item."""
LIST_CLAUSES = 3
"""A sentence of at least this many clauses can be a list."""


@dataclass(frozen=True, slots=True)
class Claimed:
    """One claim of a key point the rules heard: the cues said for its parts, and where."""

    cues: tuple[Cue, ...]
    at: frozenset[int]


@dataclass(frozen=True, slots=True)
class Hearing:
    """What the rules made of one key point: covered or not, the claims heard (empty for a point
    without cues), and whether the answer contradicts it."""

    covered: bool
    claims: tuple[Claimed, ...]
    contradicted: bool


def features(
    tokens: list[Token], texts: Sequence[str], hearings: Sequence[Hearing], index: int
) -> tuple[float, ...]:
    """The decision's view of the claims heard for key point `index` (one value per FEATURES)."""
    claims = hearings[index].claims
    at = frozenset().union(*(claim.at for claim in claims))
    sentences = {tokens[position].sentence for position in at}
    near = [
        token for position, token in enumerate(tokens)
        if token.sentence in sentences and position not in at
    ]  # fmt: skip
    own = {term.stem for term in content_terms(texts[index]) if term.kind == "word"}
    others = {
        term.stem
        for other, text in enumerate(texts)
        if other != index
        for term in content_terms(text)
    }
    return (
        math.log1p(len(claims)),
        math.log(max(_size(claim) for claim in claims)),
        max(_share_not_in(claim, others) for claim in claims),
        len(own & {token.stem for token in near}) / max(1, len(own)),
        float(any(token.form in NEGATIONS for token in near)),
        sum(hearing.covered for hearing in hearings) / len(hearings),
        math.log1p(
            sum(
                1
                for other, hearing in enumerate(hearings)
                if other != index
                and any(tokens[p].sentence in sentences for c in hearing.claims for p in c.at)
            )
        ),
        float(all(_list_item(tokens, claim.at) for claim in claims)),
        math.log(len(sentences)),
        math.log1p(len(tokens)),
        float(sum(hearing.contradicted for hearing in hearings)),
    )


def _size(claim: Claimed) -> int:
    return max(1, sum(len(cue.terms) for cue in claim.cues))


def _share_not_in(claim: Claimed, others: set[str]) -> float:
    """Share of the claim's terms that no other key point of the card uses: its own words."""
    terms = [term for cue in claim.cues for term in cue.terms]
    return sum(1 for term in terms if term.stem not in others) / max(1, len(terms))


def _list_item(tokens: list[Token], at: frozenset[int]) -> bool:
    """The words are one short comma-separated item of a sentence that lists several."""
    clauses = {tokens[position].clause for position in at}
    if len(clauses) != 1:
        return False
    (clause,) = clauses
    sentence = tokens[min(at)].sentence
    rest = [
        token for position, token in enumerate(tokens)
        if token.clause == clause and position not in at and token.is_word
    ]  # fmt: skip
    listed = len({token.clause for token in tokens if token.sentence == sentence})
    return len(rest) <= LIST_ITEM_WORDS and listed >= LIST_CLAUSES


@dataclass(frozen=True, slots=True)
class Decision:
    """A fitted logistic regression: standardised features, weights, bias and the threshold on
    the probability above which a heard point is kept."""

    mean: tuple[float, ...]
    scale: tuple[float, ...]
    weights: tuple[float, ...]
    bias: float
    threshold: float

    def probability(self, values: Sequence[float]) -> float:
        """How likely the point is made, given the features of its hearing."""
        score = self.bias + sum(
            weight * (value - mean) / scale
            for weight, value, mean, scale in zip(
                self.weights, values, self.mean, self.scale, strict=True
            )
        )
        return 1 / (1 + math.exp(-max(-50.0, min(50.0, score))))

    def believes(self, values: Sequence[float]) -> bool:
        return self.probability(values) >= self.threshold


def read_decision(path: Path) -> Decision:
    """The decision stored at `path`; ValueError when its features are not FEATURES (the file is
    stale: refit with benchmarks/explain_decision.py --write)."""
    stored = json.loads(path.read_text(encoding="utf-8"))
    if tuple(stored["features"]) != FEATURES:
        raise ValueError(f"{path.name}: fitted for other features; refit it")
    return Decision(
        tuple(float(v) for v in stored["mean"]),
        tuple(float(v) for v in stored["scale"]),
        tuple(float(v) for v in stored["weights"]),
        float(stored["bias"]),
        float(stored["threshold"]),
    )


@lru_cache(maxsize=1)
def bundled_decision() -> Decision:
    """The decision shipped with the package, read on the first answer judged."""
    return read_decision(WEIGHTS_FILE)
