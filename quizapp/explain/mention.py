"""Whether the words that realise a short cue are only mentioned, not claimed.

A cue of a word or two ("gradient flow", "ResNet", "subgradients") names a topic. Said in topic
talk ("people talk about gradient flow", "it's related to the chain rule", "I remember the ResNet
paper, a whole zoo of tricks", "subgradients, mixed precision, all of those are things frameworks
deal with") the topic is name-dropped and the point not made. A longer cue, or one with a number
or a symbol, says enough of a claim to count wherever it is said.

A bare list of topic words ("Softmax: logits, exponentials, probabilities, cross-entropy, argmax",
"factors: computational cost, the task, gradient flow, initialisation") names topics without
saying anything of them, whatever its words: a claim heard only in its items is not made.
"""

from __future__ import annotations

from collections.abc import Sequence

from quizapp.explain.cues import Cue
from quizapp.explain.sense import ACTIVATIONS, PAIRERS, name_of
from quizapp.explain.text import Token, says_phrase

TOPIC_TALK: tuple[tuple[str, ...], ...] = (
    ("talk", "about"), ("talked", "about"), ("talking", "about"), ("related", "to"),
    ("relate", "to"), ("and", "so", "on"), ("all", "that"),
    ("all", "of", "that"), ("all", "of", "those"), ("and", "stuff"),
    ("a", "thing"), ("come", "up"), ("comes", "up"), ("i", "remember"),
    ("zoo",), ("etc",), ("tricks",), ("tips",), ("buzzwords",), ("mentioned",),
)  # fmt: skip
"""Word sequences that list or mention topics instead of saying something about them."""
PAIRING = frozenset(":()[]{}")
TALK_REACH = 6
"""How many words either side of the cue's words, in their sentence, topic talk is looked for."""
SHORT_CUE = 2
"""A claim of at most this many words (and no number or symbol) only names a topic."""
LIST_ITEM_WORDS = 3
"""An item of a bare list is a clause of at most this many words, with no number or operator."""
LIST_ITEMS = 4
"""A bare list is at least this many such items in a row."""


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
    return says_phrase(around, TOPIC_TALK)


def only_listed(answer: str, tokens: list[Token], chosen: set[int]) -> bool:
    """Whether every one of the words is an item of a bare list of topic words."""
    return chosen <= _bare_list_positions(answer, tokens)


def _bare_list_positions(answer: str, tokens: list[Token]) -> set[int]:
    """Positions of the tokens in runs of LIST_ITEMS or more short items of one sentence, each
    parted from the next by a comma alone (a colon or a bracket pairs things: "GLU: σ, GeGLU:
    GELU", "a sigmoid (GLU) or GELU (GeGLU)")."""
    clauses: dict[int, list[int]] = {}
    for at, token in enumerate(tokens):
        clauses.setdefault(token.clause, []).append(at)
    listed: set[int] = set()
    run: list[list[int]] = []
    for positions in [*clauses.values(), []]:
        short = _short_item(tokens, positions)
        if short and (
            not run or _parted_by_a_comma(answer, tokens[run[-1][-1]], tokens[positions[0]])
        ):
            run.append(positions)
            continue
        if len(run) >= LIST_ITEMS:
            listed.update(at for item in run for at in item)
        run = [positions] if short else []
    return listed


def _short_item(tokens: list[Token], positions: list[int]) -> bool:
    """A clause of a few words (and hyphens), no number or operator, that pairs nothing: "He for
    ReLU" pairs an initialisation with its activation, a claim in three words."""
    words = sum(1 for at in positions if tokens[at].is_word)
    if not (
        0 < words <= LIST_ITEM_WORDS
        and all(tokens[at].is_word or tokens[at].form == "-" for at in positions)
    ):
        return False
    named = {name for at in positions if (name := name_of(tokens, at))}
    return not (named & PAIRERS and named & ACTIVATIONS)


def _parted_by_a_comma(answer: str, before: Token, after: Token) -> bool:
    between = answer[before.end : after.start]
    return before.sentence == after.sentence and "," in between and not set(between) & PAIRING
