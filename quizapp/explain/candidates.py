"""Where a cue's term matches in one answer: the same word by stem or synonym class, a number or
operator said in words, two words written as one, or the word with a typo.

The answer's tokens are indexed once (by stem, class, number, operator and first letter), so a
term is compared only with the tokens that could match it: cards carry hundreds of cue terms.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator
from functools import lru_cache
from itertools import pairwise

from quizapp.explain.cues import PLAIN_NEGATIONS, Term
from quizapp.explain.synonyms import as_number, as_symbol, class_of, heard_classes
from quizapp.explain.text import Token, number_form, stem

SAYS_NOT = PLAIN_NEGATIONS - {"non"}
"""Negations a cue's "not" stands for: "not", "no", "never", "without", …"""
Entry = tuple[int, int, str, str]
"""(first, last) token positions, and the form and kind they are read as."""


class Candidates:
    """Where each term matches in one answer, computed once per term (cues share terms)."""

    def __init__(self, tokens: list[Token]) -> None:
        self.tokens = tokens
        self.found: dict[Term, list[tuple[int, int]]] = {}
        single = [(i, i, token.form, token.kind) for i, token in enumerate(tokens)]
        joined = [
            (i, i + 1, token.form + following.form, "word")
            for i, (token, following) in enumerate(pairwise(tokens))
            if token.is_word and following.is_word and token.sentence == following.sentence
        ]
        fractions = [
            (i, i + 2, _fraction(numerator.form, denominator.form), "number")
            for i, (numerator, slash, denominator) in enumerate(
                zip(tokens, tokens[1:], tokens[2:], strict=False)
            )
            if numerator.kind == denominator.kind == "number"
            and slash.form == "/"
            and float(denominator.form) != 0
            and numerator.sentence == denominator.sentence
        ]
        self.single = _Index(single)
        self.joined = _Index(joined)
        self.fractions = _Index(fractions)

    def __call__(self, term: Term) -> list[tuple[int, int]]:
        if term not in self.found:
            self.found[term] = self._search(term)
        return self.found[term]

    def _search(self, term: Term) -> list[tuple[int, int]]:
        """(first, last) positions matching a term, by first position: one token, or (for a
        word) two written as one where the first alone does not match."""
        found = {
            first: (first, last)
            for first, last, form, kind in self.single.near(term)
            if matches(term.form, term.kind, form, kind)
        }
        if term.kind == "word":
            for first, last, form, kind in self.joined.near(term):
                if first not in found and matches(term.form, term.kind, form, kind):
                    found[first] = (first, last)
        for first, last, form, kind in self.fractions.near(term):
            if first not in found and matches(term.form, term.kind, form, kind):
                found[first] = (first, last)
        return [found[first] for first in sorted(found)]


class _Index:
    """Entries by every key a term could match them through; `near` never misses a match."""

    def __init__(self, entries: list[Entry]) -> None:
        self.by_key: defaultdict[tuple[str, str], list[Entry]] = defaultdict(list)
        for entry in entries:
            for key in _keys(entry[2], entry[3]):
                self.by_key[key].append(entry)

    def near(self, term: Term) -> Iterator[Entry]:
        seen: set[int] = set()
        for key in _term_keys(term.form, term.kind):
            for entry in self.by_key.get(key, ()):
                if entry[0] not in seen:
                    seen.add(entry[0])
                    yield entry


def _keys(form: str, kind: str) -> list[tuple[str, str]]:
    """The keys an answer's token is filed under."""
    keys = [(kind, form)]
    number, symbol = _as_number(form, kind), as_symbol(form) if kind == "word" else None
    if number is not None:
        keys.append(("number", number))
    if symbol is not None:
        keys.append(("symbol", symbol))
    if form in SAYS_NOT:
        keys.append(("negation", ""))
    if kind == "word":
        word_stem = stem(form)
        keys += [("stem", word_stem), ("first", form[0])]
        word_class = class_of(word_stem)
        if word_class is not None:
            keys.append(("class", word_class))
    return keys


@lru_cache(maxsize=8192)
def _term_keys(form: str, kind: str) -> tuple[tuple[str, str], ...]:
    """The keys under which every token a term matches is filed (a superset is fine)."""
    keys = [(kind, form)]
    number = _as_number(form, kind)
    if number is not None:
        keys.append(("number", number))
    if kind == "symbol":
        keys.append(("symbol", form))
    if form in SAYS_NOT:
        keys.append(("negation", ""))
    if kind == "word":
        symbol = as_symbol(form)
        if symbol is not None:
            keys.append(("symbol", symbol))
        term_stem = stem(form)
        keys += [("stem", term_stem), ("first", form[0])]
        keys += [("class", name) for name in heard_classes(term_stem)]
    return tuple(keys)


@lru_cache(maxsize=65536)
def matches(term_form: str, term_kind: str, form: str, kind: str) -> bool:
    """Same word (by stem or synonym class), or the same word with a typo; numbers and symbols
    match exactly, a number also its word ("zero" = "0"), an operator its word ("plus"); a cue's
    "not" is heard in any plain negation ("no saturation" says "not saturate")."""
    if term_kind == kind != "word":
        return term_form == form
    if "symbol" in {term_kind, kind}:
        word, symbol = (term_form, form) if kind == "symbol" else (form, term_form)
        return as_symbol(word) == symbol
    if term_kind != "word" or kind != "word":
        spelled = _as_number(term_form, term_kind)
        return spelled is not None and spelled == _as_number(form, kind)
    if form == term_form or (term_form in SAYS_NOT and form in SAYS_NOT):
        return True
    term_stem, written_stem = stem(term_form), stem(form)
    if written_stem == term_stem or class_of(written_stem) in heard_classes(term_stem):
        return True
    if as_number(form) is not None and as_number(form) == as_number(term_form):
        return True
    if form[0] != term_form[0] or not (form.isalpha() and term_form.isalpha()):
        return False
    if len(term_stem) >= 5 and form.startswith(term_stem):
        return True
    return _typo(term_form, form)


def _fraction(numerator: str, denominator: str) -> str:
    """A fraction as the decimal a cue writes: "1/4" (and "¼") is "0.25"."""
    return number_form(f"{float(numerator) / float(denominator):.4f}")


def _as_number(form: str, kind: str) -> str | None:
    return form if kind == "number" else as_number(form) if kind == "word" else None


def _typo(expected: str, written: str) -> bool:
    """One slip in a short word, two in a long one; four-letter words only by a swap."""
    size = len(expected)
    if size < 4:
        return False
    distance = _osa_distance(expected, written)
    if size == 4:
        return distance == 1 and sorted(expected) == sorted(written)
    return distance <= (1 if size <= 8 else 2)


def _osa_distance(expected: str, written: str) -> int:
    """Typo distance (capped at 2), rapidfuzz imported on the first answer judged rather than
    when decks load."""
    from rapidfuzz.distance import OSA

    return int(OSA.distance(expected, written, score_cutoff=2))
