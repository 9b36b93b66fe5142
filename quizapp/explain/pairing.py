"""Terse "label: value" pairings: "Binary: sigmoid", "ReLU -> He", "tanh = Xavier", and said
aloud, "Softmax. Multi-label."

A candidate who types key words writes "Multi-label: softmax" for "softmax for multi-label". The
colon starts a new clause, so without this the two sides would be read apart: the label alone
("multi-label", half of a point about sigmoid) would be heard whatever it is paired with, and the
pairing would never be read as the claim it makes (here a wrong one). A pairing binds its sides:
they make one claim together, and a word on one side is said with that partner only.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass

from quizapp.explain.text import Token, sentence_span

LABEL_WORDS = 5
"""The most words a label may have ("Multi-class with one label: softmax"); a longer run before a
colon is a sentence that introduces what follows, not a label."""
FRAGMENT_WORDS = 2
"""The most words of a sentence that is only a label ("Softmax.", "Leaky ReLU.")."""
LINEARITY = frozenset({None, "linear", "nonlinear"})
"""What a fragment that only says "non-linear." names: no function, so no label."""
ARROWS = frozenset({"->", "-"})
"""Signs that pair a label of words with its value ("High T -> flatter", "Multi-label - sigmoid");
after anything else they are a formula ("f′ ≈ 0 -> no gradient", "1 - σ")."""
EQUATING = frozenset({"="})
"""A sign that pairs two names only ("tanh = Xavier"); between anything else it is a formula
("σ′ = σ(1 − σ)")."""

Namer = Callable[[list[Token], int], str | None]
"""What the token at a position names, if anything (`sense.name_of`)."""


@dataclass(frozen=True, slots=True)
class Pairing:
    """The token positions of a label and of the value it is paired with."""

    label: range
    value: range

    def __contains__(self, at: object) -> bool:
        return at in self.label or at in self.value


_last_read: tuple[list[Token], tuple[Pairing | None, ...]] = ([], ())
"""The pairings of the answer read last, per token: every cue of every key point asks about the
same tokens, so they are found once per answer (tokens are never changed once made)."""


def pairing_at(tokens: list[Token], at: int, name_of: Namer) -> Pairing | None:
    """The pairing a token is a side of, or None."""
    global _last_read
    read, found = _last_read
    if read is not tokens:
        found = tuple(
            next(
                (
                    each
                    for each in _sentence_pairings(tokens, position, name_of)
                    if position in each
                ),
                None,
            )
            for position in range(len(tokens))
        )
        _last_read = (tokens, found)
    return found[at]


def same_pairing(tokens: list[Token], first: int, last: int, name_of: Namer) -> bool:
    """Whether two tokens are sides of one pairing (so they make one claim)."""
    found = pairing_at(tokens, first, name_of)
    return found is not None and last in found


def splits_pairing(tokens: list[Token], chosen: list[int], name_of: Namer) -> bool:
    """Matched words taken from two pairings: "Binary: sigmoid, multi-label: softmax" does not
    say "sigmoid for multi-label"."""
    touched: list[Pairing] = []
    for at in chosen:
        found = pairing_at(tokens, at, name_of)
        if found is not None and found not in touched:
            touched.append(found)
    return len(touched) > 1


def _sentence_pairings(tokens: list[Token], at: int, name_of: Namer) -> Iterator[Pairing]:
    first, last = _sentence(tokens, at)
    for split in range(first + 1, last + 1):
        found = _pairing(tokens, split, first, last, name_of)
        if found is not None:
            yield found
    for label, value in ((first - 1, first), (first, last + 1)):
        if label >= 0 and value < len(tokens):
            found = _fragment_pairing(tokens, label, value, name_of)
            if found is not None:
                yield found


def _sentence(tokens: list[Token], at: int) -> tuple[int, int]:
    """The first and last token of the sentence of `at`."""
    span = sentence_span(tokens, at)
    return span[0], span[-1]


def _fragment_pairing(
    tokens: list[Token], label: int, value: int, name_of: Namer
) -> Pairing | None:
    """A sentence of a word or two that ends with a function's name ("Softmax.", "Leaky ReLU.",
    not "Sigmoid saturates."), paired with the first clause of the sentence after it: "Softmax.
    Multi-label." is "Softmax: multi-label" said aloud."""
    start, end = _sentence(tokens, label)
    words = range(start, end + 1)
    if not (
        len(words) <= FRAGMENT_WORDS
        and all(tokens[at].is_word for at in words)
        and name_of(tokens, end) not in LINEARITY
    ):
        return None
    return Pairing(words, _run(tokens, value, _sentence(tokens, value)[1], 1))


def _pairing(
    tokens: list[Token], split: int, first: int, last: int, name_of: Namer
) -> Pairing | None:
    """The pairing whose value starts at `split` after a colon (not ":=", an assignment), or
    whose sign is at `split`: an arrow after a label of words ("High T -> flatter", not the
    implication "f′ ≈ 0 -> no gradient"), "=" or a dash between names."""
    if (
        tokens[split].opened_by == ":"
        and tokens[split].clause != tokens[split - 1].clause
        and tokens[split].form not in EQUATING
    ):
        label = _run(tokens, split - 1, first, -1)
        value = _run(tokens, split, last, 1)
    elif tokens[split].form in ARROWS | EQUATING and split < last:
        label = _run(tokens, split - 1, first, -1)
        value = _run(tokens, split + 1, last, 1)
        if (
            not all(tokens[at].is_word for at in label)
            or (tokens[split].form == "-" and not _a_word_first(tokens, label, value))
            or (
                tokens[split].form in EQUATING
                and not (
                    _names_only(tokens, label, name_of) and _names_only(tokens, value, name_of)
                )
            )
        ):
            return None
    else:
        return None
    if not label or not value or len(label) > LABEL_WORDS:
        return None
    return Pairing(label, value)


def _run(tokens: list[Token], start: int, bound: int, step: int) -> range:
    """The tokens from `start` in its clause, toward `bound`, up to another pairing sign."""
    end = start
    while end != bound:
        ahead = tokens[end + step]
        if ahead.clause != tokens[start].clause or ahead.form in ARROWS | EQUATING:
            break
        end += step
    return range(min(start, end), max(start, end) + 1)


def _a_word_first(tokens: list[Token], label: range, value: range) -> bool:
    """A dash between a label with a word of two letters or more and a value that starts with a
    word: "Multi-label - sigmoid", not "x - max(x)"."""
    return any(len(tokens[at].form) > 1 for at in label) and tokens[value.start].is_word


def _names_only(tokens: list[Token], side: range, name_of: Namer) -> bool:
    """A side of words only, naming something: what "=" or a spaced dash pairs."""
    return all(tokens[at].is_word for at in side) and any(name_of(tokens, at) for at in side)
