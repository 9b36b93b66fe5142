"""Whether words that realise a cue are said in the key point's sense: of its own subject, with
its own partner, and without the answer contradicting the point around them.

Negation alone misses wrong claims built from the right words: "use softmax when an example has
several labels" (said of the rival), "Xavier for ReLU and He for tanh" (partners swapped), "the
gradient saturates when the model is confidently wrong" (the point says it does not saturate),
"γ and β are fixed, not learned" (the point's own word denied next to them).
"""

from __future__ import annotations

from functools import lru_cache

from quizapp.explain.cues import NEGATIONS, STOPWORDS, Cue, content_terms
from quizapp.explain.negation import PROBLEMS, VERB_NEGATIONS, negated, point_words
from quizapp.explain.text import Token, stem, tokenize

NAMES: dict[str, str] = {
    "sigmoid": "sigmoid", "sigma": "sigmoid", "logistic": "sigmoid", "tanh": "tanh",
    "relu": "relu", "softmax": "softmax", "elu": "elu", "gelu": "gelu", "swish": "swish",
    "silu": "swish", "selu": "selu", "xavier": "glorot", "glorot": "glorot", "he": "he",
    "kaiming": "he", "lecun": "lecun", "linear": "linear", "linearity": "linear",
    "nonlinear": "nonlinear", "nonlinearity": "nonlinear",
}  # fmt: skip
"""Things a key point can be about, by the word that names them (σ is read as "sigma")."""
INITIALISATIONS = frozenset({"glorot", "he", "lecun"})
NONLINEAR = frozenset(NAMES.values()) - INITIALISATIONS - {"linear"}
ACTIVATIONS = NONLINEAR - {"nonlinear"}
COORDINATIONS = frozenset({"and", "or", "whereas", "while", "but"})
"""Words that join two claims: "Xavier for ReLU and He for tanh" pairs nothing across "and"."""
PROBLEM_NOUNS = frozenset({"problem", "problems", "issue", "issues", "concern", "thing"})
"""After "there is no X", these say X itself does not happen ("there is no zig-zag problem")."""
DENIAL_REACH = 8
"""How far after the matched words a "not" may deny one of the point's own words ("γ and β are
fixed, not learned")."""


def name_of(tokens: list[Token], at: int) -> str | None:
    """What the token at `at` names, if anything ("non linear" and "non-linear" name nonlinear)."""
    group = NAMES.get(tokens[at].form)
    if group == "linear" and at > 0 and tokens[at - 1].form in {"non", "not"}:
        return "nonlinear"
    if (
        tokens[at].form == "non"
        and at + 1 < len(tokens)
        and NAMES.get(tokens[at + 1].form) == "linear"
    ):
        return "nonlinear"
    return group


@lru_cache(maxsize=4096)
def point_names(text: str) -> frozenset[str]:
    """What a key point is about: the things its text names."""
    tokens = tokenize(text)
    return frozenset(name for at in range(len(tokens)) if (name := name_of(tokens, at)))


@lru_cache(maxsize=4096)
def contradicted_stems(text: str) -> frozenset[str]:
    """The problems an answer contradicts a key point by asserting next to the cue: any of them
    when the point says one does not happen ("no saturation": "it vanishes when …" says the
    opposite), none otherwise."""
    tokens = tokenize(text)
    problems = {stem(word) for word in PROBLEMS}
    denies = any(
        tokens[at].stem in problems
        and any(tokens[back].form in NEGATIONS for back in range(max(0, at - 2), at))
        for at in range(1, len(tokens))
    )
    return frozenset(problems) if denies else frozenset()


def in_sense(tokens: list[Token], cue: Cue, chosen: list[int], point: str) -> bool:
    """Whether the matched words are said of the point's subject, with its partner, and not
    next to a claim that contradicts it."""
    return not (
        _said_of_a_rival(tokens, chosen, point)
        or _partners_split(tokens, cue, chosen)
        or _contradicted(tokens, chosen, point)
        or _own_word_denied(tokens, chosen, point)
        or (cue.negated and _denies_it_happens(tokens, chosen))
    )


def _said_of_a_rival(tokens: list[Token], chosen: list[int], point: str) -> bool:
    """Some matched word is said of another thing than the point is about: the nearest thing
    named before it in its clause is a rival ("use softmax when there are several labels" for a
    point about sigmoid), or its claim pairs the point's thing with a rival partner ("He
    initialisation for tanh" for a point pairing He with ReLU)."""
    own = _accepted(point_names(point))
    if not own:
        return False
    return any(
        _nearest_name(tokens, at) not in own | {None}
        for at in chosen
        if name_of(tokens, at) is None
    ) or _rival_partner(tokens, chosen, point)


def _accepted(names: frozenset[str]) -> frozenset[str]:
    """The names a point accepts: its own, and for a point about non-linear functions any of
    them ("non-linear ones like ReLU let you model curves")."""
    if "nonlinear" in names:
        return names | NONLINEAR
    return names


def _nearest_name(tokens: list[Token], at: int) -> str | None:
    for back in range(at - 1, -1, -1):
        if tokens[back].clause != tokens[at].clause:
            return None
        name = name_of(tokens, back)
        if name is not None:
            return name
    return None


def _rival_partner(tokens: list[Token], chosen: list[int], point: str) -> bool:
    """The claim around the words pairs an initialisation with an activation, and the point
    pairs neither of them that way ("Xavier init for ReLU" for "He for ReLU, Glorot for tanh")."""
    pairs = point_pairs(point)
    claim = {
        name for at in _claim(tokens, min(chosen), max(chosen)) if (name := name_of(tokens, at))
    }
    inits, activations = claim & INITIALISATIONS, claim & ACTIVATIONS
    if not (pairs and inits and activations):
        return False
    paired_inits = {name for pair in pairs for name in pair & INITIALISATIONS}
    paired_activations = {name for pair in pairs for name in pair & ACTIVATIONS}
    if not (inits & paired_inits or activations & paired_activations):
        return False
    return not any(pair & inits and pair & activations for pair in pairs)


@lru_cache(maxsize=4096)
def point_pairs(text: str) -> tuple[frozenset[str], ...]:
    """The initialisation–activation pairs a key point makes: one per clause when it names
    several initialisations ("He for ReLU, Glorot for tanh"), else the whole point."""
    tokens = tokenize(text)
    named = [
        (token.clause, name) for at, token in enumerate(tokens) if (name := name_of(tokens, at))
    ]
    if not any(name in INITIALISATIONS for _, name in named):
        return ()
    if len({name for _, name in named if name in INITIALISATIONS}) == 1:
        return (frozenset(name for _, name in named),)
    clauses = sorted({clause for clause, _ in named})
    return tuple(frozenset(name for clause, name in named if clause == at) for at in clauses)


def _claim(tokens: list[Token], first: int, last: int) -> range:
    """The tokens of the claim around `first`..`last`: their clause, cut where a word joins two
    claims ("Xavier for ReLU | and He for tanh")."""
    start, end = first, last
    while start > 0 and tokens[start - 1].clause == tokens[first].clause:
        if _joins(tokens, start - 1):
            break
        start -= 1
    while end + 1 < len(tokens) and tokens[end + 1].clause == tokens[last].clause:
        if _joins(tokens, end + 1):
            break
        end += 1
    return range(start, end + 1)


def _partners_split(tokens: list[Token], cue: Cue, chosen: list[int]) -> bool:
    """A cue that pairs two named things ("He ReLU") matched across two joined claims ("Xavier
    for ReLU and He for tanh"); a list of names ("tanh and sigmoid") still pairs them."""
    named = {NAMES[term.form] for term in cue.terms if term.form in NAMES}
    if len(named) < 2:
        return False
    return any(_joins(tokens, at) for at in range(min(chosen) + 1, max(chosen)))


def _joins(tokens: list[Token], at: int) -> bool:
    """A word that joins two claims, not a list of names of one kind ("tanh and sigmoid"; "ReLU
    and He" joins two claims)."""
    if tokens[at].form not in COORDINATIONS:
        return False
    if not 0 < at < len(tokens) - 1:
        return True
    before, after = name_of(tokens, at - 1), name_of(tokens, at + 1)
    return not (before and after and (before in INITIALISATIONS) == (after in INITIALISATIONS))


def _contradicted(tokens: list[Token], chosen: list[int], point: str) -> bool:
    """The clause of the words asserts a problem the point says does not happen."""
    denied = contradicted_stems(point)
    if not denied:
        return False
    clauses = {tokens[at].clause for at in chosen}
    return any(
        token.clause in clauses and token.stem in denied and not negated(tokens, [at], frozenset())
        for at, token in enumerate(tokens)
        if at not in chosen
    )


def _own_word_denied(tokens: list[Token], chosen: list[int], point: str) -> bool:
    """Soon after the words, in their sentence, a "not" before another of the point's own words
    ("γ and β are fixed, not learned", "depends on the delta, not on the inputs")."""
    if point_words(point):
        return False
    last = max(chosen)
    own = {term.stem for term in content_terms(point)}
    sentence = tokens[last].sentence
    for at in range(last + 1, min(last + DENIAL_REACH, len(tokens))):
        if tokens[at].sentence != sentence:
            return False
        if tokens[at].form not in VERB_NEGATIONS:
            continue
        said = at + 1
        while said < len(tokens) and tokens[said].form in STOPWORDS:
            said += 1
        if said < len(tokens) and tokens[said].sentence == sentence and tokens[said].stem in own:
            return said not in chosen
    return False


def _denies_it_happens(tokens: list[Token], chosen: list[int]) -> bool:
    """A cue that says something is avoided, heard where the answer says it never happens at all
    ("there's no real vanishing gradient problem") or that something has no effect ("Leaky ReLU
    doesn't change anything")."""
    first, last = min(chosen), max(chosen)
    after = tokens[last + 1].form if last + 1 < len(tokens) else ""
    if after == "anything":
        return True
    nouns = {
        token.form for token in tokens[last + 1 : last + 4] if token.clause == tokens[last].clause
    }
    before = [token.form for token in tokens[max(0, first - 2) : first]]
    existential = tokens[first].form == "no" and (
        before[-1:] == ["there"] or (before[:1] == ["there"] and before[-1] in {"is", "are", "was"})
    )
    return existential and bool(nouns & PROBLEM_NOUNS)
