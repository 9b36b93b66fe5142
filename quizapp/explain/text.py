"""Answer text as normalised tokens that remember where they came from.

Normalisation is done character by character so every token maps back to the exact span of the
original text: the evidence shown to the user is their own words, not our normal form.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache

_GREEK = {
    "α": "alpha", "β": "beta", "γ": "gamma", "δ": "delta", "ε": "epsilon", "ζ": "zeta",
    "η": "eta", "θ": "theta", "ι": "iota", "κ": "kappa", "λ": "lambda", "μ": "mu", "ν": "nu",
    "ξ": "xi", "π": "pi", "ρ": "rho", "σ": "sigma", "ς": "sigma", "τ": "tau", "υ": "upsilon",
    "φ": "phi", "χ": "chi", "ψ": "psi", "ω": "omega", "ϕ": "phi", "ϵ": "epsilon",
}  # fmt: skip
_SYMBOLS = {
    "′": "'", "’": "'", "‘": "'", "`": "'", "´": "'", "ʹ": "'", "″": "''",
    "≤": " <= ", "⩽": " <= ", "≥": " >= ", "⩾": " >= ", "≠": " != ", "→": " -> ", "⇒": " -> ",
    "≈": " ~ ", "∼": " ~ ", "−": "-", "‐": "-", "‑": "-", "–": " - ", "—": ", ", "×": " * ",
    "·": " * ", "⋅": " * ", "∙": " * ", "∑": " sum ", "∈": " in ", "√": " sqrt ",
    "∞": " infinity ", "∂": " d ", "∇": " nabla ", "…": " ", "#": " number ",
    "∏": " product ", "⁄": "/", "Π": " product ", "⊗": " * ", "⊙": " * ", "≡": " = ", "Σ": " sum ",
}  # fmt: skip
_ABBREVIATIONS = {
    "grad": "gradient", "grads": "gradients", "backprop": "backpropagation",
    "cls": "classification", "prob": "probability", "probs": "probabilities",
    "deriv": "derivative", "derivs": "derivatives", "init": "initialisation",
    "nonlin": "nonlinearity", "func": "function", "fn": "function", "w/o": "without",
    "var": "variance", "thru": "through", "const": "constant",
}  # fmt: skip
_TOKEN = re.compile(
    r"(?P<abbreviation>\b(?:e\.g|i\.e)\.?|\b(?:vs|etc|cf)\.|\bw/o\b)"
    r"|(?P<clause>[,:()\[\]{}])"
    r"|(?P<word>[^\W\d_][^\W_]*(?:'[^\W\d_]+)*)"
    r"|(?P<number>\d*\.\d+|\d+)"
    r"|(?P<symbol><=|>=|!=|->|[-+*/^=<>~'])"
    r"|(?P<sentence>[.!?;\n])"
)
_CLAUSE_WORDS = frozenset(
    {"but", "whereas", "while", "although", "though", "however", "so", "because", "since",
     "which", "therefore", "thus", "hence"}
)  # fmt: skip
_CONTRACTION_BASES = {"ca": "can", "wo": "will", "sha": "shall"}
_BARE_NEGATIONS = {
    "dont": "do", "doesnt": "does", "didnt": "did", "isnt": "is", "arent": "are", "wasnt": "was",
    "werent": "were", "cant": "can", "wont": "will", "hasnt": "has", "havent": "have",
    "shouldnt": "should", "couldnt": "could", "wouldnt": "would",
}  # fmt: skip
"""Contractions typed without their apostrophe ("doesnt saturate"): still a "not"."""


@dataclass(frozen=True, slots=True)
class Token:
    """One normalised unit of text; `start`/`end` index the original string."""

    form: str
    kind: str
    start: int
    end: int
    sentence: int
    clause: int
    opened_by: str = ""
    """What began the token's clause: its punctuation (":", ",", "(") or clause word ("while");
    "" at the start of a sentence, "?" at the start of one after a question ("Saturation? Not
    here"). A colon pairs a label with its value ("Binary: sigmoid")."""

    @property
    def stem(self) -> str:
        return stem(self.form) if self.kind == "word" else self.form

    @property
    def is_word(self) -> bool:
        return self.kind == "word"


@lru_cache(maxsize=8192)
def stem(word: str) -> str:
    """The Snowball (Porter 2) stem: 'saturates', 'saturation' and 'saturate' agree."""
    return str(_stemmer().stemWord(word))


@lru_cache(maxsize=1)
def _stemmer():  # noqa: ANN202 - snowballstemmer ships no types
    """Loaded on the first stem, so loading decks (which checks cues) never pays for it."""
    import snowballstemmer

    return snowballstemmer.stemmer("english")


def _char_form(char: str, after_superscript: bool) -> tuple[str, bool]:
    """The normal form of one character, and whether it was a superscript."""
    if char in _SYMBOLS:
        return _SYMBOLS[char], False
    folded = unicodedata.normalize("NFKC", char).casefold()
    if unicodedata.decomposition(char).startswith("<super>"):
        return (folded if after_superscript else "^" + folded), True
    if unicodedata.decomposition(char).startswith("<sub>") and folded.isalpha():
        return f" {folded} ", False
    mapped = "".join(
        _SYMBOLS.get(part) or (f" {_GREEK[part]} " if part in _GREEK else part) for part in folded
    )
    if unicodedata.category(char)[0] == "C" and char != "\n":
        return " ", False
    return mapped, False


def normalise(text: str) -> tuple[str, list[int]]:
    """Text in normal form, and for each of its characters the index it came from."""
    parts: list[str] = []
    origin: list[int] = []
    superscript = False
    for index, char in enumerate(text):
        form, superscript = _char_form(char, superscript)
        parts.append(form)
        origin.extend([index] * len(form))
    return "".join(parts), origin


def number_form(text: str) -> str:
    """One spelling per number: ".250", "0.25" and "00.25" agree."""
    whole, dot, fraction = text.partition(".")
    whole = whole.lstrip("0") or "0"
    fraction = fraction.rstrip("0")
    return f"{whole}.{fraction}" if dot and fraction else whole


def _words(form: str) -> list[str]:
    """A word with its contraction and abbreviation spelled out: "isn't" and "isnt" -> is, not;
    "neuron's" -> neuron; "grads" -> gradients."""
    if form in _BARE_NEGATIONS:
        return [_BARE_NEGATIONS[form], "not"]
    if "'" not in form:
        return [_ABBREVIATIONS.get(form, form)]
    if form.endswith("n't"):
        base = form[:-3]
        return [_CONTRACTION_BASES.get(base, base), "not"] if base else ["not"]
    head, _, tail = form.partition("'")
    if tail in {"s", "re", "ll", "ve", "d", "m"}:
        return [head]
    return [form.replace("'", "")]


def tokenize(text: str) -> list[Token]:
    """Words, numbers and symbols of `text`, numbered by sentence and clause.

    A hyphen between two words is dropped ("zero-centred" -> zero, centred); compounds are
    rejoined by the matcher, so "nonlinear", "non-linear" and "non linear" all agree. A dot
    between two words is code ("z.max()", "F.log_softmax"), not the end of a sentence.
    """
    normal, origin = normalise(text)
    tokens: list[Token] = []
    sentence = clause = 0
    opened_by = ""
    for match in _TOKEN.finditer(normal):
        kind = match.lastgroup or ""
        start, end = origin[match.start()], origin[match.end() - 1] + 1
        if kind == "sentence" and match.group() == "." and _joins_words(normal, match):
            continue
        if kind == "sentence":
            sentence += 1
            clause += 1
            opened_by = "?" if match.group() == "?" else ""
            continue
        if kind == "clause":
            clause += 1
            opened_by = match.group()
            continue
        value = match.group()
        if kind == "abbreviation":
            kind, value = "word", value.replace(".", "")
        if kind == "number":
            tokens.append(Token(number_form(value), kind, start, end, sentence, clause, opened_by))
            continue
        if kind == "symbol" and value == "-" and _joins_words(normal, match):
            continue
        if kind == "word" and value in _CLAUSE_WORDS:
            clause += 1
            opened_by = value
        for word in _words(value) if kind == "word" else [value]:
            tokens.append(Token(word, kind, start, end, sentence, clause, opened_by))
    return tokens


def sentence_span(tokens: list[Token], at: int) -> range:
    """The positions of the tokens of the sentence of `at`."""
    first, last = at, at
    while first > 0 and tokens[first - 1].sentence == tokens[at].sentence:
        first -= 1
    while last + 1 < len(tokens) and tokens[last + 1].sentence == tokens[at].sentence:
        last += 1
    return range(first, last + 1)


def says_phrase(forms: Sequence[str], phrases: Iterable[tuple[str, ...]]) -> bool:
    """Whether one of `phrases` appears in `forms` as consecutive words."""
    return any(
        tuple(forms[at : at + len(phrase)]) == phrase
        for phrase in phrases
        for at in range(len(forms))
    )


def _joins_words(normal: str, match: re.Match[str]) -> bool:
    before = normal[match.start() - 1] if match.start() > 0 else " "
    after = normal[match.end()] if match.end() < len(normal) else " "
    return before.isalpha() and after.isalpha()
