"""Words a candidate uses interchangeably when explaining activations, so a cue written one way
hears the others: "gradients shrink" also hears "gradients decay", "earlier layers" hears "first
layers", "avoid zig-zag" hears "no zig-zag".

Classes are compared by stem. A cue word accepts every word of its class; a class may also accept
the words of another ("help" hears "avoid", not the other way round). Numbers said as words
match the digits ("zero" = "0", "a single layer" = "1 layer").
"""

from __future__ import annotations

from functools import lru_cache

from quizapp.explain.text import stem

CLASSES: dict[str, tuple[str, ...]] = {
    "avoid": ("avoid", "prevent", "no", "without", "eliminate", "remove", "sidestep"),
    "remedy": (
        "help", "alleviate", "mitigate", "reduce", "fix", "solve", "address", "combat",
        "counter", "tackle", "ease", "lessen", "cure", "counteract", "fight",
    ),
    "shrink": ("shrink", "decay", "diminish", "decrease", "dwindle", "fade"),
    "small": ("small", "tiny", "little", "minuscule", "negligible", "low", "lower", "smaller"),
    "large": ("large", "big", "huge", "high", "higher", "larger", "bigger"),
    "flat": ("flat", "flatten", "flatter", "uniform"),
    "sharp": ("sharp", "sharpen", "sharper", "peak", "peaked", "peaky", "peakier", "spiky",
              "confident"),
    "max": ("max", "maximum", "largest", "biggest", "highest"),
    "cheap": ("cheap", "efficient", "fast", "quick", "inexpensive"),
    "slope": ("derivative", "gradient", "slope"),
    "centred": ("centred", "centered", "centre", "center", "centring", "centering"),
    "mean": ("mean", "average"),
    "same": ("same", "share", "identical", "common"),
    "mixed": ("mixed", "different", "opposite", "varying"),
    "early": ("early", "earlier", "first", "shallow"),
    "barely": ("barely", "hardly", "scarcely"),
    "stall": ("stall", "stop", "freeze", "halt", "stuck"),
    "neuron": ("neuron", "unit", "node"),
    "network": ("network", "net"),
    "sum": ("sum", "add", "total"),
    "keep": ("keep", "preserve", "maintain", "retain"),
    "order": ("order", "rank", "ordering", "ranking"),
    "constant": ("constant", "stable", "steady"),
    "model": ("model", "represent", "capture", "express"),
    "complex": ("complex", "complicated", "intricate"),
    "pattern": ("pattern", "relationship", "relation", "mapping", "structure"),
    "curve": ("curve", "curved", "bend", "curvature"),
    "near": ("near", "close", "closest", "almost", "nearly", "approximately", "roughly", "around",
             "about"),
    "vanish": ("vanish", "disappear"),
    "explode": ("explode", "blow", "grow", "balloon"),
    "update": ("update", "move", "change", "adjust"),
    "target": ("target", "label", "truth", "onehot"),
    "positive": ("positive", "nonnegative"),
    "piece": ("piece", "region", "segment"),
    "break": ("break", "violate"),
    "unchanged": ("unchanged", "identical", "invariant"),
    "product": ("product", "multiply", "multiplied", "multiplication", "multiplicative"),
    "store": ("store", "save", "cache", "stash"),
}  # fmt: skip
DIRECTIONS: dict[str, str] = {"large": "small", "small": "large", "flat": "sharp", "sharp": "flat"}
"""Classes that name opposite directions: a cue comparing two of them ("high temperature
flattens") is contradicted by an answer that turns one round (see `cues.reversals`)."""
OPPOSED_STATES: tuple[tuple[frozenset[str], frozenset[str]], ...] = (
    (frozenset({"shrink", "vanish"}), frozenset({"explode"})),
    (frozenset({"positive"}), frozenset({"centred"})),
    (frozenset({"unchanged"}), frozenset({"update"})),
)
"""Classes that name opposite states: a key point in one ("gradients shrink", "all-positive
inputs", "the result is identical") is turned round by a claim made in the other ("gradients
explode as they are multiplied layer by layer", "zero-centred outputs make the gradients share a
sign", "subtracting the max changes the probabilities")."""
ALSO_ACCEPTS: dict[str, tuple[str, ...]] = {"remedy": ("avoid",)}
"""A class that hears another's words too: a cue "ReLU helps" is made by "ReLU avoids"."""

NUMBER_WORDS: dict[str, str] = {
    "zero": "0", "one": "1", "single": "1", "two": "2", "three": "3", "four": "4",
    "five": "5", "ten": "10", "half": "0.5", "quarter": "0.25",
}  # fmt: skip


SYMBOL_WORDS: dict[str, str] = {
    "plus": "+", "minus": "-", "times": "*", "equals": "=", "over": "/",
}  # fmt: skip
"""Operators said as words: "w x plus b" is "w x + b"."""


@lru_cache(maxsize=1)
def _class_of_stem() -> dict[str, str]:
    return {stem(word): name for name, words in CLASSES.items() for word in words}


@lru_cache(maxsize=8192)
def heard_classes(term_stem: str) -> frozenset[str]:
    """The classes whose words a cue word accepts (empty when it is in none)."""
    name = _class_of_stem().get(term_stem)
    if name is None:
        return frozenset()
    return frozenset((name, *ALSO_ACCEPTS.get(name, ())))


def avoids(word_stem: str) -> bool:
    """Whether a cue word says something is avoided, so the cue hears a negation."""
    return _class_of_stem().get(word_stem) == "avoid"


def praises(word_stem: str) -> bool:
    """Whether a word says a remedy works ("helps", "avoids"): a "not" before it denies."""
    return _class_of_stem().get(word_stem) in {"avoid", "remedy"}


def class_of(word_stem: str) -> str | None:
    """The class of a word of the answer, by its stem."""
    return _class_of_stem().get(word_stem)


def as_symbol(form: str) -> str | None:
    """The operator a word stands for ("minus" -> "-"), or None."""
    return SYMBOL_WORDS.get(form)


def as_number(form: str) -> str | None:
    """The digits a number word stands for ("quarter" -> "0.25"), or None."""
    return NUMBER_WORDS.get(form)
