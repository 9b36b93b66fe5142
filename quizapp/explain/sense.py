"""Whether words that realise a cue are said in the key point's sense: of its own subject, with
its own partner, and without the answer contradicting the point around them.

Negation alone misses wrong claims built from the right words: "use softmax when an example has
several labels" (said of the rival), "Xavier for ReLU and He for tanh" (partners swapped), "the
gradient saturates when the model is confidently wrong" (the point says it does not saturate),
"γ and β are fixed, not learned" (the point's own word denied next to them), "gradients explode
as they are multiplied layer by layer" (the point's state turned round: it says they shrink),
"diag(p) plus p pᵀ" (the point's operator turned round), "a sigmoid of z₁ + z₂" (the point's
difference written as a sum), "exactly 0 or 1" (a range read as a choice).
"""

from __future__ import annotations

from collections.abc import Collection, Iterator, Sequence
from functools import lru_cache
from itertools import pairwise

from quizapp.explain.comparatives import direction_turned_round, has_directions
from quizapp.explain.cues import NEGATIONS, STOPWORDS, Cue, content_terms
from quizapp.explain.formulas import another_derivative
from quizapp.explain.losses import loss_of, point_losses
from quizapp.explain.negation import PROBLEMS, VERB_NEGATIONS, negated, point_words
from quizapp.explain.pairing import pairing_at, same_pairing, splits_pairing
from quizapp.explain.synonyms import OPPOSED_STATES, as_symbol, class_of
from quizapp.explain.text import Token, stem, tokenize

NAMES: dict[str, str] = {
    "sigmoid": "sigmoid", "sigma": "sigmoid", "logistic": "sigmoid", "tanh": "tanh",
    "relu": "relu", "softmax": "softmax", "elu": "elu", "gelu": "gelu", "swish": "swish",
    "silu": "swish", "selu": "selu", "xavier": "glorot", "glorot": "glorot", "he": "he",
    "kaiming": "he", "lecun": "lecun", "linear": "linear", "linearity": "linear",
    "nonlinear": "nonlinear", "nonlinearity": "nonlinear", "glu": "glu", "geglu": "geglu",
    "swiglu": "swiglu", "reglu": "reglu",
}  # fmt: skip
"""Things a key point can be about, by the word that names them (σ is read as "sigma")."""
INITIALISATIONS = frozenset({"glorot", "he", "lecun"})
PAIRERS = INITIALISATIONS | {"glu", "geglu", "swiglu", "reglu"}
"""Things a point pairs with an activation: an initialisation, a gated unit ("GeGLU: GELU")."""
NONLINEAR = frozenset(NAMES.values()) - PAIRERS - {"linear"}
ACTIVATIONS = NONLINEAR - {"nonlinear"}
COORDINATIONS = frozenset({"and", "or", "whereas", "while", "but"})
"""Words that join two claims: "Xavier for ReLU and He for tanh" pairs nothing across "and"."""
PROBLEM_NOUNS = frozenset({"problem", "problems", "issue", "issues", "concern", "thing"})
"""After "there is no X", these say X itself does not happen ("there is no zig-zag problem")."""
PRONOUNS = frozenset({"it", "its"})
"""Words that stand for the subject of their sentence ("ReLU is no cheaper than sigmoid and it
suffers from vanishing gradients": it is ReLU)."""
CONTRASTS = frozenset({"than", "unlike", "vs", "versus", "over", "to"})
"""A name right after one of these is what the subject is compared with, not the subject ("ReLU
is cheaper than sigmoid and it …", "unlike sigmoid, it …")."""
SIGNS = frozenset({"+", "-"})
"""Operators whose turning round changes a formula's meaning ("diag(p) − ppᵀ", "w·x + b")."""
MISMATCHES = frozenset({"mismatch", "mismatched", "mismatches", "wrong", "avoid"})
"""Words that say a sentence's pairing is the one not to make."""
MULTIPLIED = frozenset({"*", "times", "multiplied"})
"""Words after a formula that make it a factor of a longer one ("(p − y) times p(1 − p)")."""
INITIALISATIONS = frozenset({"he", "kaiming", "xavier", "glorot", "lecun"})
"""Names of initialisations, each with its own formula."""
BRACKETS = frozenset("()[]")
"""Clause breaks that do not part a claim ("ReLU′(0) = 1" is one)."""
DENIAL_REACH = 8
"""How far after the matched words a "not" may deny one of the point's own words ("γ and β are
fixed, not learned")."""


def name_of(tokens: list[Token], at: int) -> str | None:
    """What the token at `at` names, if anything ("non linear" and "non-linear" name nonlinear,
    "sigmoids" names sigmoid)."""
    form = tokens[at].form
    group = NAMES.get(form) or next(
        (
            NAMES[form[: -len(end)]]
            for end in ("s", "es")
            if form.endswith(end) and form[: -len(end)] in NAMES
        ),
        None,
    )
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


@lru_cache(maxsize=1024)
def subjects(texts: tuple[str, ...]) -> tuple[frozenset[str], ...]:
    """What each of a card's key points is about: the things it names or, for one that names
    nothing and starts with a pronoun ("It is computationally efficient."), the functions the
    point before it is about (not its linearity: "It" is then the activation itself)."""
    found: list[frozenset[str]] = []
    for text in texts:
        names = point_names(text)
        if not names and found and _starts_with_pronoun(text):
            names = frozenset(name for name in found[-1] if _kind(name) != "linearity")
        found.append(names)
    return tuple(found)


def _starts_with_pronoun(text: str) -> bool:
    tokens = tokenize(text)
    return bool(tokens) and tokens[0].form in PRONOUNS | {"they", "their", "this"}


def in_sense(
    tokens: list[Token], cue: Cue, chosen: list[int], point: str, subject: frozenset[str]
) -> bool:
    """Whether the matched words are said of the point's subject, with its partner, and not
    next to a claim that contradicts it."""
    return not (
        splits_pairing(tokens, chosen, name_of)
        or _a_rival_loss(tokens, chosen, point)
        or _said_of_a_rival(tokens, chosen, point, subject)
        or _pairing_swapped_in_sentence(tokens, chosen, point)
        or _partners_split(tokens, cue, chosen)
        or _contradicted(tokens, chosen, point)
        or _state_turned_round(tokens, chosen, point)
        or (
            has_directions(point)
            and direction_turned_round(tokens, _claim(tokens, min(chosen), max(chosen)), point)
        )
        or another_derivative(tokens, chosen, point, name_of)
        or _sign_turned_round(tokens, chosen, point)
        or _formula_turned_round(tokens, chosen, point)
        or _root_or_reciprocal_added(tokens, chosen, point)
        or _inside_a_longer_formula(tokens, cue, chosen, point)
        or _denominator_continued(tokens, chosen, point)
        or _range_read_as_a_choice(tokens, cue, chosen)
        or _own_word_denied(tokens, chosen, point)
        or _denies_it_happens(tokens, chosen)
    )


def _said_of_a_rival(
    tokens: list[Token], chosen: list[int], point: str, subject: frozenset[str]
) -> bool:
    """Some matched word is said of another thing than the point is about: the nearest thing
    named before it in its clause is a rival ("use softmax when there are several labels" for a
    point about sigmoid), or its claim pairs the point's thing with a rival partner ("He
    initialisation for tanh" for a point pairing He with ReLU)."""
    own = _accepted(subject)
    if not own:
        return False
    kinds = {_kind(name) for name in own}
    return any(
        _nearest_name(tokens, at, kinds, chosen) not in own | {None}
        for at in chosen
        if name_of(tokens, at) is None
    ) or _rival_partner(tokens, chosen, point)


def spread_to_a_rival(
    tokens: list[Token], parts: Sequence[Collection[int]], point: str, subject: frozenset[str]
) -> bool:
    """The parts of one claim joined across sentences, where a part that names nothing is said
    in a sentence that does not name the point's subject either (by name or as "it"): "Binary:
    sigmoid. For multi-label, softmax." does not say "sigmoid for binary and for multi-label".
    A point that lists separate claims ("SwiGLU in PaLM and LLaMA; Shazeer 2020 showed the
    gains") may be spread."""
    own = _accepted(subject)
    if len(parts) < 2 or not own or _lists_claims(point):
        return False
    if len({tokens[at].sentence for part in parts for at in part}) < 2:
        return False
    kinds = {_kind(name) for name in own}
    bare = [part for part in parts if not any(name_of(tokens, at) for at in part)]
    named = {tokens[at].sentence for part in parts if part not in bare for at in part}
    return any(
        not _names_its_subject(tokens, sentence, own, kinds)
        for part in bare
        for sentence in {tokens[at].sentence for at in part} - named
    )


def _names_its_subject(
    tokens: list[Token], sentence: int, own: frozenset[str], kinds: set[str]
) -> bool:
    """Whether a sentence names one of the point's things, or says "it" of one."""
    for at, token in enumerate(tokens):
        if token.sentence != sentence:
            continue
        name = name_of(tokens, at)
        if name is None and token.form in PRONOUNS and kinds - {"linearity"}:
            name = _sentence_subject(tokens, at, kinds - {"linearity"})
        if name in own and not _compared_with(tokens, at):
            return True
    return False


@lru_cache(maxsize=4096)
def _lists_claims(point: str) -> bool:
    """Whether a key point states separate claims: more than one sentence (";" parts them)."""
    return len({token.sentence for token in tokenize(point)}) > 1


def _a_rival_loss(tokens: list[Token], chosen: list[int], point: str) -> bool:
    """The claim of the words (a pairing included) names only a rival family of the point's
    loss: "Binary: sigmoid with MSE" and "for binary, a sigmoid with MSE" are not "Sigmoid + BCE
    for binary" (a rival activation or initialisation is read by `_said_of_a_rival`)."""
    losses = point_losses(point)
    if not losses:
        return False
    said = {
        loss
        for at in _claim(tokens, min(chosen), max(chosen))
        if (loss := loss_of(tokens[at])) is not None
    }
    return bool(said) and not said & losses


def _kind(name: str) -> str:
    """Names compete only with names of their kind: "SwiGLU … Swish … LLaMA" is still about
    SwiGLU, "GLU variants multiply a linear projection" still about the linear path."""
    if name in PAIRERS:
        return "pairer"
    return "linearity" if name in {"linear", "nonlinear"} else "activation"


def _accepted(names: frozenset[str]) -> frozenset[str]:
    """The names a point accepts: its own, and for a point about non-linear functions any of
    them ("non-linear ones like ReLU let you model curves")."""
    if "nonlinear" in names:
        return names | NONLINEAR
    return names


def _nearest_name(tokens: list[Token], at: int, kinds: set[str], chosen: list[int]) -> str | None:
    """The nearest thing of one of these kinds named before `at` in its clause, outside the
    matched words and not what the subject is compared with ("sigmoid over ReLU in hidden
    layers" is about sigmoid); for an "it" met first, the subject of its sentence. A side of a
    pairing is said of the other ("Softmax: multi-label" is about softmax, and so is
    "Multi-label: softmax")."""
    pairing = pairing_at(tokens, at, name_of)
    for back in range(at - 1, -1, -1):
        if tokens[back].clause != tokens[at].clause and (pairing is None or back not in pairing):
            break
        if back in chosen:
            continue
        if tokens[back].form in PRONOUNS and kinds - {"linearity"}:
            return _sentence_subject(tokens, back, kinds - {"linearity"})
        name = name_of(tokens, back)
        if name is not None and _kind(name) in kinds and not _compared_with(tokens, back):
            return name
    if pairing is None or at not in pairing.label:
        return None
    return next(
        (
            name
            for ahead in pairing.value
            if ahead not in chosen
            and (name := name_of(tokens, ahead)) is not None
            and _kind(name) in kinds
        ),
        None,
    )


def _compared_with(tokens: list[Token], at: int) -> bool:
    return at > 0 and tokens[at - 1].form in CONTRASTS


def _sentence_subject(tokens: list[Token], pronoun: int, kinds: set[str]) -> str | None:
    """What an "it" stands for: the nearest function (or initialisation) named before it in its
    sentence, else in the sentence before, passing over what it is compared with ("ReLU is no
    cheaper than sigmoid and it …" is about ReLU). None when `kinds` holds neither: "it" does
    not stand for a linearity."""
    sentence = tokens[pronoun].sentence
    for back in range(pronoun - 1, -1, -1):
        if tokens[back].sentence < sentence - 1:
            return None
        name = name_of(tokens, back)
        if name is not None and _kind(name) in kinds and not _compared_with(tokens, back):
            return name
    return None


def one_claim(tokens: list[Token], first: int, last: int) -> bool:
    """Whether the words from `first` to `last` are one claim: one clause, with no word that
    joins two claims between them; the two sides of a pairing are one claim ("Multi-label:
    softmax" says "softmax for multi-label")."""
    return (
        _bracketed_only(tokens, first, last) or same_pairing(tokens, first, last, name_of)
    ) and not any(_joins(tokens, at) for at in range(first + 1, last))


def _bracketed_only(tokens: list[Token], first: int, last: int) -> bool:
    """One clause from `first` to `last`, but for brackets ("ReLU′(0) = 1" is one claim)."""
    return all(
        tokens[at].clause == tokens[at - 1].clause or tokens[at].opened_by in BRACKETS
        for at in range(first + 1, last + 1)
    )


def _rival_partner(tokens: list[Token], chosen: list[int], point: str) -> bool:
    """The claim around the words pairs an initialisation (or a gated unit) with an activation,
    and the point pairs neither of them that way ("Xavier init for ReLU" for "He for ReLU, Glorot
    for tanh"; "GLU gates with a GELU" for "GLU: sigmoid gate; GeGLU: GELU")."""
    pairs = point_pairs(point)
    claim = {
        name for at in _claim(tokens, min(chosen), max(chosen)) if (name := name_of(tokens, at))
    }
    pairers, activations = claim & PAIRERS, claim & ACTIVATIONS
    if not (pairs and pairers and activations):
        return False
    paired_pairers = {name for pair in pairs for name in pair & PAIRERS}
    paired_activations = {name for pair in pairs for name in pair & ACTIVATIONS}
    if not (pairers & paired_pairers or activations & paired_activations):
        return False
    return not any(pair & pairers and pair & activations for pair in pairs)


def _pairing_swapped_in_sentence(tokens: list[Token], chosen: list[int], point: str) -> bool:
    """The sentence of the words pairs an initialisation the point pairs with an activation with
    another activation the point pairs with another initialisation ("Init: Glorot for ReLU and He
    for tanh" for "He for ReLU, Glorot for tanh"): a wrong pairing said with the words, whatever
    words of the point they are. A sentence that calls its pairing a mismatch, or negates it, is
    left alone ("a mismatch — Glorot with deep ReLU — makes signals shrink")."""
    pairs = [pair for pair in point_pairs(point) if pair & INITIALISATIONS]
    if not pairs:
        return False
    sentences = {tokens[at].sentence for at in chosen}
    return any(
        any(
            any(initialisation in pair for pair in pairs)
            and not any(initialisation in pair and activation in pair for pair in pairs)
            and any(activation in pair for pair in pairs)
            for activation in activations
        )
        for sentence in sentences
        for initialisation, activations in _initialisations_paired(tokens, sentence)
    )


def _initialisations_paired(
    tokens: list[Token], sentence: int
) -> Iterator[tuple[str, frozenset[str]]]:
    """Each claim of a sentence that pairs one initialisation with activations ("He init with
    tanh"; "tanh: He"), cut where a word joins two claims or a clause ends outside a pairing;
    none from a sentence that calls a pairing a mismatch, or from a claim with a negation."""
    inside = [at for at, token in enumerate(tokens) if token.sentence == sentence]
    if any(tokens[at].form in MISMATCHES for at in inside):
        return
    claims: list[list[int]] = [[]]
    for at in inside:
        if _joins(tokens, at):
            claims.append([])
            continue
        last = claims[-1][-1] if claims[-1] else None
        if last is not None and (
            tokens[at].clause != tokens[last].clause and not same_pairing(tokens, last, at, name_of)
        ):
            claims.append([])
        claims[-1].append(at)
    for claim in claims:
        if not claim or any(tokens[at].form in NEGATIONS for at in claim):
            continue
        names = {name for at in claim if (name := name_of(tokens, at))}
        initialisations = names & INITIALISATIONS
        if len(initialisations) == 1 and names & ACTIVATIONS:
            yield next(iter(initialisations)), frozenset(names & ACTIVATIONS)


@lru_cache(maxsize=4096)
def point_pairs(text: str) -> tuple[frozenset[str], ...]:
    """The pairs a key point makes between an initialisation or gated unit and activations: the
    whole point when it names one such thing, else one pair per sentence ("GLU: sigmoid gate;
    GeGLU: GELU") or, in a single sentence, per clause ("He for ReLU, Glorot for tanh")."""
    tokens = tokenize(text)
    several_sentences = len({token.sentence for token in tokens}) > 1
    named = [
        (token.sentence if several_sentences else token.clause, name)
        for at, token in enumerate(tokens)
        if (name := name_of(tokens, at))
    ]
    if len({name for _, name in named if name in PAIRERS}) <= 1:
        return (
            (frozenset(name for _, name in named),)
            if named and any(name in PAIRERS for _, name in named)
            else ()
        )
    groups = sorted({group for group, _ in named})
    return tuple(frozenset(name for group, name in named if group == at) for at in groups)


def _claim(tokens: list[Token], first: int, last: int) -> range:
    """The tokens of the claim around `first`..`last`: their clause, cut where a word joins two
    claims ("Xavier for ReLU | and He for tanh"), and the whole of a pairing they are a side of
    ("tanh: He init")."""
    pairing = pairing_at(tokens, first, name_of)
    if pairing is not None and last in pairing:
        first, last = min(first, pairing.label.start), max(last, pairing.value.stop - 1)
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
    for ReLU and He for tanh"), or across clauses one of which pairs its name with another ("He
    init for tanh, Xavier for ReLU": tanh goes with He); a list of names ("tanh and sigmoid")
    still pairs them."""
    named = {NAMES[term.form] for term in cue.terms if term.form in NAMES}
    if len(named) < 2:
        return False
    return any(_joins(tokens, at) for at in range(min(chosen) + 1, max(chosen))) or (
        len({tokens[at].clause for at in chosen}) > 1
        and any(_paired_in_its_clause(tokens, at, chosen) for at in chosen)
    )


def _paired_in_its_clause(tokens: list[Token], at: int, chosen: list[int]) -> bool:
    """The clause of the name at `at` names, outside the matched words, a partner of the other
    kind: an initialisation for an activation, or the other way round. (Gated units are left out:
    "a sigmoid, GELU or Swish gate for GLU, GeGLU and SwiGLU" pairs them across commas.)"""
    name = name_of(tokens, at)
    if name is None or name not in INITIALISATIONS | ACTIVATIONS:
        return False
    return any(
        (other := name_of(tokens, position)) in INITIALISATIONS | ACTIVATIONS
        and (other in INITIALISATIONS) != (name in INITIALISATIONS)
        for position, token in enumerate(tokens)
        if token.clause == tokens[at].clause and position not in chosen
    )


def _joins(tokens: list[Token], at: int) -> bool:
    """A word that joins two claims, not a list of names of one kind ("tanh and sigmoid"; "ReLU
    and He" joins two claims)."""
    if tokens[at].form not in COORDINATIONS:
        return False
    if not 0 < at < len(tokens) - 1:
        return True
    before, after = name_of(tokens, at - 1), name_of(tokens, at + 1)
    return not (before and after and (before in PAIRERS) == (after in PAIRERS))


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
    """A cue that says something is avoided or remedied, heard where the answer says it never
    happens at all ("there's no real vanishing gradient problem") or that something has no effect
    ("Leaky ReLU doesn't change anything")."""
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


@lru_cache(maxsize=4096)
def _states(point: str) -> tuple[tuple[frozenset[str], frozenset[str]], ...]:
    """For each pair of opposed states the key point is in one of (never both): its own state's
    classes and the opposite's."""
    said = {class_of(token.stem) for token in tokenize(point)}
    found = []
    for one, other in OPPOSED_STATES:
        if said & one and not said & other:
            found.append((one, other))
        elif said & other and not said & one:
            found.append((other, one))
    return tuple(found)


def _state_turned_round(tokens: list[Token], chosen: list[int], point: str) -> bool:
    """The clause of the words puts what they say in the state opposite to the point's, and
    not in the point's own: "gradients explode as they are multiplied layer by layer" against
    "gradients shrink as they are multiplied layer by layer"."""
    states = _states(point)
    if not states:
        return False
    clauses = {tokens[at].clause for at in chosen}
    said = [
        (at, class_of(token.stem)) for at, token in enumerate(tokens) if token.clause in clauses
    ]
    for own, opposite in states:
        if any(word_class in own for _, word_class in said):
            continue
        if any(
            word_class in opposite and not negated(tokens, [at], frozenset())
            for at, word_class in said
        ):
            return True
    return False


def _sign_turned_round(tokens: list[Token], chosen: list[int], point: str) -> bool:
    """Right after (or before) the words the answer says "+" where the point says "−", or the
    other way round: "diag(p) plus p pᵀ" against "diag(p) − ppᵀ"."""
    first, last = min(chosen), max(chosen)
    return _signs_differ(tokens, last, last + 1, point, 1) or _signs_differ(
        tokens, first, first - 1, point, -1
    )


def _signs_differ(tokens: list[Token], word: int, beside: int, point: str, step: int) -> bool:
    if not 0 <= beside < len(tokens) or tokens[beside].sentence != tokens[word].sentence:
        return False
    said = _sign(tokens[beside])
    if said is None:
        return False
    written = tokenize(point)
    return any(
        0 <= at + step < len(written)
        and (sign := _sign(written[at + step])) is not None
        and sign != said
        for at, token in enumerate(written)
        if token.stem == tokens[word].stem
    )


def _sign(token: Token) -> str | None:
    sign = as_symbol(token.form) or token.form
    return sign if sign in SIGNS else None


@lru_cache(maxsize=4096)
def _sums(text: str) -> frozenset[tuple[str, str, str]]:
    """The sums and differences a text writes: (left, sign, right) of "z₁ − z₂", "w·x + b"."""
    tokens = tokenize(text)
    return frozenset(
        (left.stem, sign, right.stem)
        for left, middle, right in zip(tokens, tokens[1:], tokens[2:], strict=False)
        if (sign := _sign(middle)) is not None and left.kind != "symbol" != right.kind
    )


def _formula_turned_round(tokens: list[Token], chosen: list[int], point: str) -> bool:
    """The sentence of the words writes one of the point's sums or differences with the other
    sign ("a sigmoid of z₁ + z₂" against "a sigmoid of z₁ − z₂"), or a difference the other way
    round ("y − p" against "p − y"), and not the point's own."""
    own = _sums(point)
    if not own:
        return False
    sentences = {tokens[at].sentence for at in chosen}
    said = {
        (left.stem, sign, right.stem)
        for left, middle, right in zip(tokens, tokens[1:], tokens[2:], strict=False)
        if middle.sentence in sentences
        and (sign := _sign(middle)) is not None
        and left.kind != "symbol" != right.kind
    }
    turned = {(left, "+" if sign == "-" else "-", right) for left, sign, right in own} | {
        (right, sign, left) for left, sign, right in own if sign == "-"
    }
    return bool(said & turned) and not said & own


def _root_or_reciprocal_added(tokens: list[Token], chosen: list[int], point: str) -> bool:
    """A root or a reciprocal ("√", a number and "/") written right before one of the words, or
    before the word right after them, where the point never writes one before that word:
    "variance √d_k" and "variance 1/d_k" are other formulas than "q·k has variance d_k" (while
    "dividing by √d_k" says "Dividing by √d_k")."""
    written = _operands(point)
    after = max(chosen) + 2
    beside = [*chosen, after] if after < len(tokens) else chosen
    return any(
        at > 0
        and at - 1 not in chosen
        and tokens[at].clause == tokens[max(chosen)].clause
        and (
            tokens[at - 1].form == "sqrt"
            or (tokens[at - 1].form == "/" and at > 1 and tokens[at - 2].kind == "number")
        )
        and (tokens[at - 1].form, tokens[at].form) not in written
        and any(form == tokens[at].form for _, form in written)
        for at in beside
    )


def _inside_a_longer_formula(tokens: list[Token], cue: Cue, chosen: list[int], point: str) -> bool:
    """A difference or sum the cue writes ("p − y"), said as a factor of a longer formula the
    point does not write: multiplied by what follows ("(p − y)·p(1 − p)", "(p − y) times
    p(1 − p)") or under a log or a number before it ("log p − y", "2(p − y)")."""
    if not any(term.form in SIGNS or as_symbol(term.form) in SIGNS for term in cue.terms):
        return False
    first, last = min(chosen), max(chosen)
    written = _operands(point)
    before = first - 1
    after = last + 1
    return (
        after < len(tokens)
        and _one_formula(tokens, last, after)
        and tokens[after].form in MULTIPLIED
        and (tokens[last].form, tokens[after].form) not in _followers(point)
    ) or (
        before >= 0
        and _one_formula(tokens, before, first)
        and (tokens[before].form == "log" or tokens[before].kind == "number")
        and (tokens[before].form, tokens[first].form) not in written
    )


def _denominator_continued(tokens: list[Token], chosen: list[int], point: str) -> bool:
    """A fraction the point writes ("2 / fan_in") said in the sentence with its denominator
    bracketed and going on with a sum or difference the point does not write there:
    "He, 2/(fan_in + fan_out), for ReLU" gives He another formula."""
    written = _operands(point)
    followers = _followers(point)
    sentence = tokens[min(chosen)].sentence
    for at in range(1, len(tokens) - 1):
        below = at + 1
        if not (
            tokens[at].form == "/"
            and tokens[at].sentence == sentence
            and tokens[at - 1].kind == "number"
            and tokens[below].opened_by == "("
            and ("/", tokens[below].form) in written
        ):
            continue
        inside = range(below, min(len(tokens), below + 8))
        if at not in chosen and _named_for_another(tokens, at, point):
            continue
        if any(
            tokens[sign].form in SIGNS
            and tokens[sign].clause == tokens[below].clause
            and (tokens[sign - 1].form, tokens[sign].form) not in followers
            for sign in inside
        ):
            return True
    return False


def _named_for_another(tokens: list[Token], at: int, point: str) -> bool:
    """Whether the nearest initialisation named before `at` in its sentence is not one the point
    names ("Xavier 2/(fan_in + fan_out)" is Xavier's formula, not He's)."""
    own = {token.form for token in tokenize(point)}
    for before in range(at - 1, -1, -1):
        if tokens[before].sentence != tokens[at].sentence:
            return False
        if tokens[before].form in INITIALISATIONS:
            return tokens[before].form not in own
    return False


def _one_formula(tokens: list[Token], at: int, following: int) -> bool:
    """Two tokens side by side in one clause, or parted only by a bracket ("2(p − y)·p")."""
    return tokens[at].clause == tokens[following].clause or (
        tokens[at].sentence == tokens[following].sentence
        and tokens[following].opened_by in {"(", ")", "[", "]"}
        and tokens[following].start - tokens[at].end <= 2
    )


@lru_cache(maxsize=4096)
def _followers(point: str) -> frozenset[tuple[str, str]]:
    """Each word of a point with the word or sign after it."""
    tokens = tokenize(point)
    return frozenset((token.form, following.form) for token, following in pairwise(tokens))


@lru_cache(maxsize=4096)
def _operands(point: str) -> frozenset[tuple[str, str]]:
    """Each word of a point with the word or sign before it ("sqrt", "d" for "√d_k")."""
    tokens = tokenize(point)
    return frozenset(
        (tokens[at - 1].form if at else "", token.form) for at, token in enumerate(tokens)
    )


def _range_read_as_a_choice(tokens: list[Token], cue: Cue, chosen: list[int]) -> bool:
    """Two numbers of a cue that makes no choice ("0 to 1", a range) heard as a choice between
    them ("every output is exactly 0 or 1")."""
    if "or" in {term.form for term in cue.terms} or " or " in cue.text:
        return False
    numbers = sorted(at for at in chosen if tokens[at].kind == "number")
    return any(
        any(tokens[between].form == "or" for between in range(first + 1, last))
        for first, last in pairwise(numbers)
    )
