"""Cues compiled into terms: the normalised words, numbers and symbols a cue asks for."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from quizapp.explain.synonyms import avoids
from quizapp.explain.text import Token, stem, tokenize

STOPWORDS = frozenset(
    {
        "a",
        "an",
        "the",
        "is",
        "are",
        "was",
        "were",
        "be",
        "been",
        "being",
        "of",
        "to",
        "in",
        "on",
        "for",
        "and",
        "or",
        "it",
        "its",
        "this",
        "that",
        "these",
        "those",
        "with",
        "as",
        "by",
        "at",
        "from",
        "which",
        "who",
        "so",
        "than",
        "then",
        "there",
        "their",
        "they",
        "them",
        "we",
        "you",
        "your",
        "can",
        "could",
        "will",
        "would",
        "should",
        "shall",
        "may",
        "might",
        "do",
        "does",
        "did",
        "has",
        "have",
        "had",
        "into",
        "onto",
        "each",
        "also",
        "just",
        "very",
        "such",
        "some",
        "any",
        "over",
        "during",
        "since",
        "because",
        "when",
        "if",
        "how",
        "what",
        "why",
        "where",
        "about",
        "both",
    }
)
PLAIN_NEGATIONS = frozenset(
    {"not", "no", "never", "without", "cannot", "neither", "nor", "none", "non", "nothing",
     "nobody"}
)  # fmt: skip
NEGATIONS = PLAIN_NEGATIONS | {"instead", "rather", "fails", "fail", "failed", "unable", "lacks",
                               "lack"}  # fmt: skip


@dataclass(frozen=True, slots=True)
class Term:
    """One thing a cue asks for; a hyphenated compound is one term ("zerocentred")."""

    form: str
    kind: str

    @property
    def stem(self) -> str:
        return stem(self.form) if self.kind == "word" else self.form


@dataclass(frozen=True, slots=True)
class Cue:
    text: str
    terms: tuple[Term, ...]

    @property
    def negated(self) -> bool:
        """A cue that says "not …" or "avoid …" itself: negation in the answer is then what it
        looks for ("no zig-zag" is heard by "avoids zig-zag")."""
        return any(term.form in NEGATIONS or avoids(term.stem) for term in self.terms)


ORDERED_OPERATORS = frozenset({"-", "/", "minus", "over"})
"""Operators that do not commute: a cue's operands must stay on their sides ("p - y")."""


def _compounds(tokens: list[Token], text: str) -> list[Term]:
    terms: list[Term] = []
    previous: Token | None = None
    for token in tokens:
        hyphenated = (
            previous is not None
            and previous.is_word
            and token.is_word
            and text[previous.end : token.start] in {"-", "‐", "‑"}
        )
        if hyphenated and terms:
            terms[-1] = Term(terms[-1].form + token.form, "word")
        else:
            terms.append(Term(token.form, token.kind))
        previous = token
    return terms


@lru_cache(maxsize=4096)
def compile_cue(text: str) -> Cue:
    """The terms of a cue, stop words left out (they carry no meaning on their own)."""
    terms = _compounds(tokenize(text), text)
    kept = tuple(term for term in terms if not (term.kind == "word" and term.form in STOPWORDS))
    return Cue(text, kept)


def content_terms(text: str) -> tuple[Term, ...]:
    """The words a key point without cues is recognised by: its own content words, numbers and
    negations (all of its words when it has no others, so every point can be covered)."""
    every = [Term(t.form, t.kind) for t in tokenize(text) if t.kind != "symbol"]
    wanted = [
        term
        for term in compile_cue(text).terms
        if (term.kind == "word" and (len(term.form) >= 3 or term.form in NEGATIONS))
        or term.kind == "number"
    ]
    return tuple({term.stem: term for term in reversed(wanted or every)}.values())[::-1]


def cue_problem(text: str) -> str | None:
    """Why a cue could never match (None when it can): a cue must ask for something."""
    if not compile_cue(text).terms:
        return "a cue needs at least one word, number or symbol that is not a stop word"
    return None
