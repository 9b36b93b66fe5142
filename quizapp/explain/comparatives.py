"""Directions turned round: a comparative opposite to the key point's, said in the claim of the
words that make it.

"To fix it, use a higher learning rate" names a fix ("fix … learning rate") but not the point's
("lower learning rate"): where a point puts a direction before a word ("lower learning rate",
"less common", "large |x|"), the opposite direction before that word denies it. Where a point
pairs two directions ("high T flattens, low T sharpens"), a claim that joins one of them with the
other's opposite ("Low T: flatter", "a temperature below 1 flattens") says it backwards; one
direction alone ("flatter") is not turned round.
"""

from __future__ import annotations

from functools import lru_cache

from quizapp.explain.negation import negated
from quizapp.explain.synonyms import DIRECTIONS, class_of
from quizapp.explain.text import Token, tokenize

AMOUNTS: dict[str, str] = {"more": "more", "less": "less", "fewer": "less"}
"""Comparatives of amount: "more common" against "less common"."""
SIDES: dict[str, str] = {"above": "large", "below": "small", ">": "large", "<": "small"}
"""Words and signs that put a quantity high or low: "a temperature below 1", "T > 1"."""
OPPOSITE: dict[str, str] = {**DIRECTIONS, "more": "less", "less": "more"}
SIZES = frozenset({"large", "small"})
"""The size directions, which a point may pair with a shape ("high T flattens")."""
SHORT_FORMS: dict[str, str] = {"lr": "learn"}
"""Short forms of a modified word, by the stem of its first word ("lower lr": lower learning)."""
ARTICLES = frozenset({"a", "an", "the"})
"""Words between a direction and what it modifies: "too large a learning rate"."""


def direction_of(token: Token) -> str | None:
    """The direction a word or sign names (a class of `DIRECTIONS`, "more" or "less"), or None."""
    return AMOUNTS.get(token.form) or SIDES.get(token.form) or _shape_or_size(token)


def _shape_or_size(token: Token) -> str | None:
    found = class_of(token.stem) if token.is_word else None
    return found if found in DIRECTIONS else None


@lru_cache(maxsize=4096)
def _point_directions(
    point: str,
) -> tuple[tuple[tuple[str, str], ...], tuple[frozenset[str], ...]]:
    """What directions a key point states: (direction, the word it modifies) for a clause with one
    direction ("lower learning rate"), and the pair for a clause that joins a size with a shape
    ("high T flattens")."""
    tokens = tokenize(point)
    clauses: dict[int, list[int]] = {}
    for at, token in enumerate(tokens):
        if direction_of(token) is not None:
            clauses.setdefault(token.clause, []).append(at)
    anchored: list[tuple[str, str]] = []
    pairs: list[frozenset[str]] = []
    for positions in clauses.values():
        said = frozenset(direction for at in positions if (direction := direction_of(tokens[at])))
        if len(said) == 2 and len(said & SIZES) == 1:
            pairs.append(said)
        elif len(said) == 1:
            anchored.extend(
                (direction, modified)
                for at in positions
                if (direction := direction_of(tokens[at]))
                and (modified := _modified(tokens, at)) is not None
            )
    return tuple(anchored), tuple(pairs)


def _modified(tokens: list[Token], at: int) -> str | None:
    """The stem of the word a direction at `at` modifies: the next word, past an article."""
    ahead = at + 1
    while ahead < len(tokens) and tokens[ahead].form in ARTICLES:
        ahead += 1
    if (
        ahead < len(tokens)
        and tokens[ahead].clause == tokens[at].clause
        and direction_of(tokens[ahead]) is None
    ):
        return SHORT_FORMS.get(tokens[ahead].form, tokens[ahead].stem)
    return None


def has_directions(point: str) -> bool:
    """Whether the point says a direction at all: only then is a claim worth building for
    `direction_turned_round`."""
    anchored, pairs = _point_directions(point)
    return bool(anchored or pairs)


def direction_turned_round(tokens: list[Token], claim: range, point: str) -> bool:
    """Whether the claim says a direction of the point the other way round (see the module)."""
    anchored, pairs = _point_directions(point)
    if not (anchored or pairs):
        return False
    said = [
        (at, direction)
        for at in claim
        if (direction := direction_of(tokens[at])) is not None
        and not negated(tokens, [at], frozenset())
    ]
    before = {(direction, _modified(tokens, at)) for at, direction in said}
    if any(
        (OPPOSITE[direction], modified) in before and (direction, modified) not in before
        for direction, modified in anchored
    ):
        return True
    directions = {direction for _, direction in said if direction in DIRECTIONS}
    return not any(directions <= pair for pair in pairs) and any(
        directions & pair and directions & {OPPOSITE[one] for one in pair} for pair in pairs
    )
