"""Losses by family, so a pairing that names another family's loss is a rival's claim.

"Binary: sigmoid with MSE" is not "Sigmoid + BCE for binary": squared errors and
cross-entropies are rivals; "binary cross-entropy", "BCE", "log loss" and "NLL" are one family.
"""

from __future__ import annotations

from functools import lru_cache

from quizapp.explain.text import Token, tokenize

LOSSES: dict[str, str] = {
    "mse": "squared", "squared": "squared", "l2": "squared", "mae": "squared", "l1": "squared",
    "huber": "squared", "bce": "likelihood", "ce": "likelihood", "nll": "likelihood",
    "cross": "likelihood", "crossentropy": "likelihood", "logloss": "likelihood",
    "hinge": "margin",
}  # fmt: skip
"""A loss's family by the word that names it ("cross" of "cross-entropy", "squared" of "mean
squared error")."""


def loss_of(token: Token) -> str | None:
    """The family of loss a token names, if any."""
    return LOSSES.get(token.form) if token.is_word else None


@lru_cache(maxsize=4096)
def point_losses(point: str) -> frozenset[str]:
    """The families of loss a key point names."""
    return frozenset(loss for token in tokenize(point) if (loss := loss_of(token)) is not None)
