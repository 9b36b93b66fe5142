"""Whether the words that realise a short cue are only mentioned, not claimed.

A cue of a word or two ("gradient flow", "ResNet", "subgradients") names a topic. Said in topic
talk ("people talk about gradient flow", "it's related to the chain rule", "I remember the ResNet
paper, a whole zoo of tricks", "subgradients, mixed precision, all of those are things frameworks
deal with") the topic is name-dropped and the point not made. A longer cue, or one with a number
or a symbol, says enough of a claim to count wherever it is said.
"""

from __future__ import annotations

from collections.abc import Sequence

from quizapp.explain.cues import Cue
from quizapp.explain.text import Token

TOPIC_TALK: tuple[tuple[str, ...], ...] = (
    ("talk", "about"), ("talked", "about"), ("talking", "about"), ("related", "to"),
    ("relate", "to"), ("and", "so", "on"), ("all", "that"),
    ("all", "of", "that"), ("all", "of", "those"), ("and", "stuff"),
    ("a", "thing"), ("come", "up"), ("comes", "up"), ("i", "remember"),
    ("zoo",), ("etc",), ("tricks",), ("tips",), ("buzzwords",), ("mentioned",),
)  # fmt: skip
"""Word sequences that list or mention topics instead of saying something about them."""
TALK_REACH = 6
"""How many words either side of the cue's words, in their sentence, topic talk is looked for."""
SHORT_CUE = 2
"""A claim of at most this many words (and no number or symbol) only names a topic."""


def names_a_topic(heard: Sequence[Cue]) -> bool:
    """Whether the cues heard for a claim are a word or two in all, with no number or symbol: a
    topic rather than a claim."""
    terms = [term for cue in heard for term in cue.terms]
    return len(terms) <= SHORT_CUE and all(term.kind == "word" for term in terms)


def only_mentioned(tokens: list[Token], chosen: set[int]) -> bool:
    """Whether topic talk surrounds the words, within reach in their sentence."""
    first, last = min(chosen), max(chosen)
    sentence = tokens[first].sentence
    around = [
        token.form
        for at, token in enumerate(tokens[: last + TALK_REACH + 1])
        if at >= first - TALK_REACH and at not in chosen and token.sentence == sentence
    ]
    return any(
        tuple(around[at : at + len(phrase)]) == phrase
        for phrase in TOPIC_TALK
        for at in range(len(around))
    )
