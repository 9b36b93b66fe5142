"""Cues compiled into terms: the normalised words, numbers and symbols a cue asks for."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from quizapp.explain.synonyms import DIRECTIONS, avoids, class_of
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


WRONG = "wrong:"
"""Starts a contradiction cue: what an answer says when it gets the point wrong ("wrong: higher
temperature sharpens"); heard and not denied, the point is not covered, whatever else matched."""
ALL_OF = "&"
"""Joins the parts of a point that states separate claims: each must be heard ("lstm & clipping
explodes")."""
ANY_OF = " | "
"""Separates the ways one part may be said ("lstm | gru & clip | cap the gradient"): any of them
makes that part. Spaced, so a cue may still ask for "|z|"."""

Part = tuple[Cue, ...]
"""The cues any one of which makes one part of a claim."""


@dataclass(frozen=True, slots=True)
class Claim:
    """One entry of a key point's cues: the parts that must all be heard (each said in any of its
    ways), and whether hearing them contradicts the point instead of covering it."""

    parts: tuple[Part, ...]
    wrong: bool

    @property
    def cues(self) -> tuple[Cue, ...]:
        """Every way of saying every part."""
        return tuple(cue for part in self.parts for cue in part)


@lru_cache(maxsize=4096)
def compile_claim(text: str) -> Claim:
    """A cue entry as written in a deck: "wrong: …" for a contradiction, "a & b" for claims that
    must all be made, "a | b" for the ways one of them may be said."""
    stripped = text.strip()
    wrong = stripped.casefold().startswith(WRONG)
    body = stripped[len(WRONG) :] if wrong else stripped
    return Claim(
        tuple(tuple(compile_cue(way) for way in part.split(ANY_OF)) for part in body.split(ALL_OF)),
        wrong,
    )


@lru_cache(maxsize=4096)
def reversals(cue: Cue) -> tuple[Cue, ...]:
    """The claim of a cue that compares two directions ("high temperature flattens"), each time
    with one direction turned round ("high temperature sharpens", "low temperature flattens"):
    what an answer that has it backwards says. None for a cue with fewer than two directions."""
    turned = {
        at: DIRECTIONS[word_class]
        for at, term in enumerate(cue.terms)
        if term.kind == "word" and (word_class := class_of(term.stem)) in DIRECTIONS
    }
    if len({cue.terms[at].stem for at in turned}) < 2:
        return ()
    return tuple(
        Cue(
            cue.text,
            tuple(Term(opposite, "word") if i == at else t for i, t in enumerate(cue.terms)),
        )
        for at, opposite in turned.items()
    )


@lru_cache(maxsize=4096)
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
    """Why a cue could never match (None when it can): a cue, and each way of saying each part
    of one ("&", "|"), must ask for something."""
    claim = compile_claim(text)
    if any(not cue.terms for cue in claim.cues):
        several = len(claim.cues) > 1
        where = f"each part joined by {ALL_OF!r} or {ANY_OF.strip()!r}" if several else "a cue"
        return f"{where} needs at least one word, number or symbol that is not a stop word"
    return None
