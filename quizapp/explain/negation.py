"""Whether a negation governs the words of the answer that realise a cue.

Scoped, not a window: a "not" negates the verb phrase after it in its clause ("does not help
with vanishing gradients"); a "no", "without" or "instead of" only the phrase right after it
("no saturation, and gradients flow" still says gradients flow); and a "not" right after the
words denies what they do ("Leaky ReLU does not help", "… is unnecessary") unless what is
negated is the point itself ("early layers don't learn", "Leaky ReLU does not die"). A whole
sentence is denied by "it's a myth that …" before the words or "…, but that's not true" after;
a claim by a dismissal or a discount said of it ("… is overkill", "… only matters in theory",
"… rarely matters"), by a "no" to it echoed as a question, or by the speaker taking it back.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import lru_cache
from itertools import pairwise

from quizapp.explain.cues import NEGATIONS
from quizapp.explain.synonyms import praises
from quizapp.explain.text import Token, says_phrase, sentence_span, stem, tokenize

NEGATION_REACH = 8
"""How many words before the matched words a "not" still negates them (within one clause)."""
NOUN_NEGATION_REACH = 2
"""A "no", "without" or "instead of" negates only the phrase right after it ("no vanishing
gradient", "add it instead of subtracting")."""
NOUN_NEGATIONS = frozenset({"no", "without", "non", "none", "instead", "rather"})
VERB_NEGATIONS = NEGATIONS - NOUN_NEGATIONS
OBJECT_NEGATIONS = frozenset({"nothing", "never"})
"""Negations that deny the words right before them without a verb ("scaling changes nothing")."""
AUXILIARIES = frozenset(
    {"is", "are", "was", "were", "be", "been", "do", "does", "did", "has", "have", "had", "can",
     "could", "will", "would", "should", "may", "might", "must", "still", "really", "actually",
     "also", "just", "necessarily", "always"}
)  # fmt: skip
"""Words between a phrase and a "not" that denies it ("ReLU does really not help")."""
PROBLEMS = ("die", "dead", "saturate", "vanish", "explode", "overflow", "underflow", "suffer",
            "stall", "stuck", "collapse", "zigzag", "blow", "fail")  # fmt: skip
"""What a "not" after a phrase affirms rather than denies: "Leaky ReLU does not die"."""
DISMISSALS = frozenset(
    {"unnecessary", "useless", "irrelevant", "pointless", "needless", "wrong", "false",
     "incorrect", "untrue", "myth", "overrated", "misconception", "coincidence", "folklore",
     "marketing", "nonsense", "mistake", "overstated", "unrelated"}
)  # fmt: skip
"""Words that deny what they are said of ("Leaky ReLU is unnecessary") or, before "that", the
rest of the sentence ("it's a myth that sigmoid saturates")."""
HEDGES = frozenset({"really", "quite", "exactly", "actually", "always", "necessarily", "so"})
"""Words between a "not" and what it denies ("that isn't really the case")."""
DENIED_STATES = frozenset({"true", "correct", "right", "accurate", "happen", "hold", "matter"})
"""What "that is not …" denies of the claim before it ("that isn't really true", "that doesn't
really happen")."""
CONSEQUENCES = frozenset({"so", "because", "since", "therefore", "thus", "hence", "which"})
"""Clause words after which "that doesn't happen" is what the claim brings about, not its
denial ("tanh is centred, so that doesn't happen")."""
ANSWERS_NO = frozenset({"no", "not", "nope", "nah", "wrong", "false"})
"""Words that, opening the sentence after a question, answer it with a no."""
REPORTERS = frozenset(
    {"people", "some", "many", "everyone", "others", "folks", "posts", "blogs", "tutorials",
     "textbooks", "articles", "textbook"}
)  # fmt: skip
REPORTING_VERBS = frozenset(
    {"say", "says", "said", "claim", "claims", "claimed", "think", "thinks", "believe",
     "believes", "argue", "argues", "assume", "assumes", "worry", "worries"}
)  # fmt: skip
"""A claim reported of others ("people say …", "some claim …"), then denied after a "but"."""
CONTRASTS = frozenset({"but", "though", "although", "however"})
DENYING_OPENERS = frozenset({"nope", "untrue", "false"})
"""One word that, opening a sentence, denies the sentence before ("Nope.")."""
DOUBTING_VERBS = frozenset(
    {"say", "think", "believe", "agree", "buy", "call", "claim", "connect", "bother", "count"}
)
"""What a speaker says with a "not" to doubt the rest of the sentence ("I wouldn't say …", "I
don't think …")."""
DISPUTES = frozenset({"disagree", "doubt", "dispute", "reject", "deny"})
"""What a speaker says to dispute the rest of the sentence ("I'd disagree that …")."""
DATED = frozenset(
    {"outdated", "naive", "wrong", "old-fashioned", "misleading", "obsolete", "overblown",
     "exaggerated", "overhyped", "curiosity", "overkill", "gimmick", "cosmetic", "hype"}
)  # fmt: skip
"""Said of a claim right after it, they dismiss it ("the max-subtraction trick is kind of
outdated"); before "to think" or "to say", they doubt the rest of the sentence ("it's outdated to
think …")."""
SELDOM = frozenset({"rarely", "hardly", "seldom"})
"""Before "matters", they discount a claim ("… rarely matters") unless a "but" qualifies that."""
DISCOUNTS = (("only", "matters", "in", "theory"), ("only", "matter", "in", "theory"),
             ("only", "in", "theory"), ("used", "to", "be", "true"))  # fmt: skip
"""What, said of a claim, says it does not hold in practice ("… only matters in theory", "…
used to be true")."""
TAKING_BACK = (("except", "no"), ("actually", "no"), ("scratch", "that"),
               ("take", "that", "back"), ("i", "take", "it", "back"))  # fmt: skip
"""What a speaker says after words to take them back ("Non-linearity, except no, …"); what they
say next is heard on its own."""
DESCRIBING_WORDS = 2
"""How many words may describe a dismissal after its verb ("is an old myth", "is made-up
folklore")."""
CONJUNCTIONS = frozenset({"and", "or"})
"""Before a verb, they start a new predicate a "not" no longer reaches ("doesn't have that problem
and is cheap")."""
CLAUSE_WORDS = CONJUNCTIONS | CONSEQUENCES | {"when", "if", "that", "while", "where", "unless"}
"""Words that end a subject: what follows is another clause's."""
SUBJECT_REACH = 8
"""How many words of a subject may follow the matched words before its verb dismisses them ('the
"layers collapse into one linear model" line is textbook nonsense')."""
SCOPE_NOUNS = frozenset({"effect", "impact", "influence", "role", "reason", "need", "point"})
"""After a "no", these carry it over their whole clause ("has no effect on saturation")."""
NEGATIVE_MARKERS = ("not", "no", "never", "cannot", "barely", "hardly", "stall", "stop",
                    "rarely", "less")  # fmt: skip
"""A key point with one of these states something negative, so a "not" may say it."""


def negated(tokens: list[Token], chosen: Iterable[int], affirming: frozenset[str]) -> bool:
    """Whether a negation governs the matched words: one among them ("gradients do not
    vanish"), one before them that reaches them, or one after them that denies what they do.
    `affirming` holds the stems a "not" after the words may negate without denying the point
    (see `point_words`)."""
    inside = set(chosen)
    first, last = min(inside), max(inside)
    if any(tokens[at].form in NEGATIONS for at in range(first + 1, last) if at not in inside):
        return True
    return (
        _negated_before(tokens, first)
        or _denied_in_sentence(tokens, first)
        or _denied_after(tokens, last, affirming)
        or (_answered_no(tokens, last) and (not affirming or _echoed(tokens, first)))
        or _reported_then_denied(tokens, first, last)
        or _granted_in_theory(tokens, first, last)
        or _taken_back(tokens, last)
        or _subject_dismissed(tokens, last)
        or _doubted_by_speaker(tokens, first)
    )


@lru_cache(maxsize=4096)
def point_words(text: str) -> frozenset[str]:
    """Stems of the words of a key point that states something negative ("earlier layers barely
    update, so learning stalls"): a "not" before one of them says the point ("early layers don't
    learn") instead of denying it. Empty for a positive point ("normalisation achieves the
    centring": "batch norm doesn't centre" denies it). Words that praise a remedy are left out:
    "Leaky ReLU does not help" denies "Leaky ReLU helps"."""
    stems = {token.stem for token in tokenize(text) if token.is_word}
    if not stems & _stems(NEGATIVE_MARKERS):
        return frozenset()
    return frozenset(word for word in stems if not praises(word))


def _negated_before(tokens: list[Token], first: int) -> bool:
    """A "not" within reach in the clause; a "no" right before, or one whose clause it rules
    ("no activation can…", "has no effect on…")."""
    for back in range(1, NEGATION_REACH + 1):
        before = first - back
        if before < 0 or tokens[before].clause != tokens[first].clause:
            return False
        form = tokens[before].form
        if _starts_predicate(tokens, before):
            return False
        if form not in NEGATIONS:
            continue
        if form == "non":
            return back == 1
        if form not in NOUN_NEGATIONS or back <= NOUN_NEGATION_REACH:
            return True
        if _rules_its_clause(tokens, before):
            return True
    return False


def _rules_its_clause(tokens: list[Token], negation: int) -> bool:
    """A "no" before a noun like "effect", or before a subject and its verb ("no unit can")."""
    following = [token.form for token in tokens[negation + 1 : negation + 4]]
    return bool(following) and (
        following[0] in SCOPE_NOUNS or any(form in AUXILIARIES for form in following[1:])
    )


def _denied_in_sentence(tokens: list[Token], first: int) -> bool:
    """ "It's a myth that …", "it is wrong that …" earlier in the sentence, or "…, but that's not
    true", "…; that is a misconception" later in it or in the next one."""
    sentence = tokens[first].sentence
    if any(
        (tokens[at].form in DISMISSALS or _not_the_case_that(tokens, at))
        and (
            tokens[at + 1].form == "that"
            or (tokens[at + 1].form in {"is", "was"} and tokens[at + 2].form == "that")
        )
        for at in range(first - 1, 0, -1)
        if tokens[at].sentence == sentence
    ):
        return True
    return any(
        _dismisses(tokens, at)
        or (_not_the_case(tokens, at) and (tokens[at].sentence == sentence or _opens(tokens, at)))
        or (tokens[at].sentence == sentence + 1 and _denial_opens(tokens, at))
        for at in range(first + 1, len(tokens))
        if sentence <= tokens[at].sentence <= sentence + 1
    )


def _denial_opens(tokens: list[Token], at: int) -> bool:
    """`at` opens a sentence that denies the one before: "Not true (for ReLU) …", "Nope."."""
    words = [token.form for token in tokens[at : at + 2]]
    return _opens(tokens, at) and (
        words == ["not", "true"] or words[0] in DENYING_OPENERS or _discounted(tokens, at)
    )


def _discounted(tokens: list[Token], at: int) -> bool:
    """The words from `at` on, in its clause, discount the claim before them ("rarely matters"
    only where no "but" qualifies it later in the sentence: "… in fp32, but in fp16 …")."""
    forms = tuple(token.form for token in tokens[at : at + 4] if token.clause == tokens[at].clause)
    if any(forms[: len(phrase)] == phrase for phrase in DISCOUNTS):
        return True
    return (
        len(forms) > 1
        and forms[0] in SELDOM
        and forms[1] in {"matters", "matter"}
        and not any(
            tokens[after].opened_by in CONTRASTS
            for after in range(at, sentence_span(tokens, at).stop)
        )
    )


def _not_the_case_that(tokens: list[Token], at: int) -> bool:
    """ "not the case", "isn't really the case", "not true" ending at `at` (before a "that")."""
    if tokens[at].form not in {"case", "true"}:
        return False
    before = [token.form for token in tokens[max(0, at - 4) : at]]
    while before and before[-1] in HEDGES | {"the"}:
        before.pop()
    return before[-1:] == ["not"]


def _reported_then_denied(tokens: list[Token], first: int, last: int) -> bool:
    """Words someone else is reported to say, then a "but" with a negation in the sentence
    ("People say they control gradient flow, but backprop doesn't really depend on them")."""
    span = sentence_span(tokens, first)
    if not any(
        tokens[at].form in REPORTERS and tokens[at + 1].form in REPORTING_VERBS
        for at in range(span.start, first - 1)
    ):
        return False
    end = max(span.stop, last + 1)
    opened = [at for at in range(last + 1, end) if tokens[at].opened_by in CONTRASTS]
    return bool(opened) and (
        [token.form for token in tokens[opened[0] + 1 : opened[0] + 3]] == ["in", "practice"]
        or any(
            tokens[at].form in (NEGATIONS | OBJECT_NEGATIONS | SELDOM) - {"non"}
            or [token.form for token in tokens[at : at + 3]] == ["other", "way", "round"]
            for at in range(opened[0], end)
        )
    )


def _granted_in_theory(tokens: list[Token], first: int, last: int) -> bool:
    """Words granted only "in theory", then taken back after a "but" in the sentence ("The chain
    rule multiplying small factors, in theory yes, but optimizers rescale it")."""
    span = sentence_span(tokens, first)
    forms = [tokens[at].form for at in span]
    if ("in", "theory") not in pairwise(forms):
        return False
    return any(tokens[at].opened_by in CONTRASTS for at in range(last + 1, span.stop))


def _taken_back(tokens: list[Token], last: int) -> bool:
    """The speaker takes the words back later in their sentence."""
    span = sentence_span(tokens, last)
    return says_phrase([tokens[at].form for at in range(last + 1, span.stop)], TAKING_BACK)


def _subject_dismissed(tokens: list[Token], last: int) -> bool:
    """The words are part of a subject whose verb, the clause's first, calls it a dismissal."""
    clause = tokens[last].clause
    for at in range(last + 1, min(len(tokens), last + SUBJECT_REACH + 1)):
        if tokens[at].clause != clause or tokens[at].form in CLAUSE_WORDS:
            return False
        if tokens[at].form in AUXILIARIES:
            if tokens[at].form not in {"is", "are", "was", "were"}:
                return False
            after = at + 1
            while after < len(tokens) and tokens[after].form in {"a", "an", "just", "pure"}:
                after += 1
            return (
                after < len(tokens)
                and tokens[after].clause == clause
                and (
                    tokens[after].form in DISMISSALS | DATED
                    or _a_described_dismissal(tokens, after)
                )
            )
    return False


def _doubted_by_speaker(tokens: list[Token], first: int) -> bool:
    """The speaker doubts the rest of the sentence before the words, up to a "but": "I wouldn't
    say …", "I don't think …", "I'd disagree that …", "I'd push back on the idea that …", "it's
    outdated to think …"."""
    sentence = tokens[first].sentence
    at = first - 1
    while at >= 0 and tokens[at].sentence == sentence:
        if tokens[at + 1].opened_by == "but" and at + 1 <= first:
            return False
        if _doubts(tokens, at):
            return True
        at -= 1
    return False


def _doubts(tokens: list[Token], at: int) -> bool:
    form = tokens[at].form
    following = [token.form for token in tokens[at + 1 : at + 4]]
    if form == "i":
        while following and following[0] in {"would", "do", "did", "could", "really"}:
            following.pop(0)
        return bool(following) and (
            following[0] in DISPUTES
            or following[:2] == ["push", "back"]
            or (following[0] == "not" and len(following) > 1 and following[1] in DOUBTING_VERBS)
        )
    return form in DATED and following[:1] == ["to"] and following[1:2] in (["think"], ["say"])


def _answered_no(tokens: list[Token], last: int) -> bool:
    """Words in a question the next sentence answers with a no ("ReLU fixes it? Not really",
    "Saturation? No, …")."""
    after = next(
        (at for at in range(last + 1, len(tokens)) if tokens[at].sentence != tokens[last].sentence),
        None,
    )
    return (
        after is not None
        and tokens[after].sentence == tokens[last].sentence + 1
        and tokens[after].opened_by == "?"
        and tokens[after].form in ANSWERS_NO
    )


def _echoed(tokens: list[Token], first: int) -> bool:
    """The question repeats a claim ("Stacking linear layers is still linear? Not quite") rather
    than asking one ("Do the early layers learn? No, …"): a "no" then denies the claim even where
    a "not" on the point's words would say it."""
    return tokens[sentence_span(tokens, first).start].form not in AUXILIARIES


def _opens(tokens: list[Token], at: int) -> bool:
    """Whether the token starts its sentence."""
    return at == 0 or tokens[at - 1].sentence != tokens[at].sentence


def _dismisses(tokens: list[Token], at: int) -> bool:
    """ "that is not true", "it's wrong", "this is a myth" starting at `at`."""
    if tokens[at].form not in {"that", "this", "it"}:
        return False
    said = at + 1
    while said < len(tokens) and tokens[said].form in AUXILIARIES | {"a", "an", "just"}:
        said += 1
    words = [token.form for token in tokens[said : at + 5]]
    return bool(words) and (
        words[0] in DISMISSALS
        or (tokens[at].form != "it" and _discounted(tokens, said))
        or words[:2] == ["not", "true"]
        or words[:2] in (["separate", "issue"], ["different", "issue"], ["unrelated", "issue"])
        or (len(words) > 1 and _describes(words[0]) and words[1] in DISMISSALS)
    )


def _not_the_case(tokens: list[Token], at: int) -> bool:
    """ "that isn't really the case", "that's not the case", "that isn't really true", "it
    doesn't really" (and nothing more in its clause), "that doesn't really happen" starting at
    `at`: the sentence's claim so far is denied."""
    if tokens[at].form not in {"that", "this", "it"} or tokens[at].opened_by in CONSEQUENCES:
        return False
    end = at + 1
    while end < len(tokens) and tokens[end].clause == tokens[at].clause:
        end += 1
    words = [token.form for token in tokens[at + 1 : min(end, at + 7)]]
    while words and words[0] in AUXILIARIES - {"really"}:
        words.pop(0)
    if words[:1] != ["not"]:
        return False
    said = [word for word in words[1:] if word not in HEDGES]
    if said[:3] == ["the", "case", "that"]:
        return False
    return not said or said[:2] == ["the", "case"] or said[0] in DENIED_STATES


def _a_described_dismissal(tokens: list[Token], at: int) -> bool:
    """A dismissal after a word or two that describe it, in one clause ("… is an old myth", "…
    are made-up folklore", "… is a common misconception")."""
    return any(
        at + words < len(tokens)
        and tokens[at + words].form in DISMISSALS | DATED
        and tokens[at + words].clause == tokens[at].clause
        and all(_describes(token.form) for token in tokens[at : at + words] if token.is_word)
        and all(token.is_word for token in tokens[at : at + words])
        for words in range(1, DESCRIBING_WORDS + 1)
    )


def _describes(form: str) -> bool:
    """A word that may describe a dismissal: not a negation, nor an adverb that hedges it ("it's
    usually irrelevant, but …")."""
    return form not in NEGATIONS and not form.endswith("ly")


def _starts_predicate(tokens: list[Token], at: int) -> bool:
    """An "and" or "or" followed by a verb: what follows says something new of the subject
    ("ReLU is fast and doesn't saturate"), not of more subjects ("ReLU and ELU don't")."""
    return (
        at + 1 < len(tokens)
        and tokens[at].form in CONJUNCTIONS
        and tokens[at + 1].form in AUXILIARIES
    )


def _new_subject_follows(tokens: list[Token], last: int) -> bool:
    """Words said after a verb of their clause, then "and" or "or": what follows is another
    subject with its own verb ("tanh is zero-centred and sigmoid isn't"), not more of theirs
    ("Leaky ReLU and ELU don't help")."""
    if last + 1 >= len(tokens) or tokens[last + 1].form not in CONJUNCTIONS:
        return False
    clause = tokens[last].clause
    at = last
    while at >= 0 and tokens[at].clause == clause:
        if tokens[at].form in AUXILIARIES:
            return True
        at -= 1
    return False


def _denied_after(tokens: list[Token], last: int, affirming: frozenset[str]) -> bool:
    """A verb then "not" right after the words, or after one more word of their subject
    ("… is not", "… layers don't change", "… has nothing to do", "… has no effect", "… is
    unnecessary")."""
    clause = tokens[last].clause
    if _starts_predicate(tokens, last + 1) or _new_subject_follows(tokens, last):
        return False
    verb = last + 1
    for extra in (1, 2):
        subject_ends = last + extra
        if subject_ends + 1 < len(tokens) and tokens[subject_ends + 1].form in AUXILIARIES:
            if all(t.form not in AUXILIARIES for t in tokens[last + 1 : subject_ends + 1]):
                verb = subject_ends + 1
            break
    after = verb
    while after < len(tokens) and tokens[after].form in AUXILIARIES | {"a", "an"}:
        after += 1
    if after >= len(tokens) or tokens[after].clause != clause:
        return False
    form = tokens[after].form
    if _discounted(tokens, last + 1) or _discounted(tokens, after):
        return True
    if after == verb:
        return form in OBJECT_NEGATIONS
    if form in DISMISSALS | DATED | {"no", "none"} or _a_described_dismissal(tokens, after):
        return True
    if form not in VERB_NEGATIONS:
        return False
    said = after + 1
    return not (
        said < len(tokens)
        and tokens[said].clause == clause
        and (tokens[said].stem in affirming or tokens[said].stem in _stems(PROBLEMS))
    )


@lru_cache(maxsize=8)
def _stems(words: tuple[str, ...]) -> frozenset[str]:
    return frozenset(stem(word) for word in words)
