"""Which key points a typed answer covers, and the words that show it.

A key point with cues is covered when one cue is found: every term of the cue inside one sentence,
in any order, within a few words of each other, and not negated there (a cue of parts joined by
"&" needs each part). It is not covered, whatever matched, when the answer asserts one of its
contradiction cues ("wrong: …") or turns round a comparison one of its cues makes, nor by a cue of a
word or two said in topic talk (`mention`). What the rules hear is then kept only where a small
learned decision believes it (`decision`). A key point without cues is covered when most of its
own content words appear, none of them negated.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import Protocol

from quizapp.explain.candidates import Candidates
from quizapp.explain.constants import another_constant, known_numbers, number_of_another
from quizapp.explain.cues import (
    NEGATIONS,
    ORDERED_OPERATORS,
    Claim,
    Cue,
    compile_claim,
    content_terms,
    reversals,
)
from quizapp.explain.decision import (
    CLAIMS_WEIGHED,
    Claimed,
    Hearing,
    bundled_decision,
    features,
)
from quizapp.explain.formulas import BRACKETS
from quizapp.explain.mention import names_a_topic, only_listed, only_mentioned
from quizapp.explain.negation import negated, point_words
from quizapp.explain.ranges import wrong_range_in_sentence, wrong_relu_example_in_sentence
from quizapp.explain.sense import in_sense, one_claim, spread_to_a_rival, subjects
from quizapp.explain.synonyms import as_number
from quizapp.explain.text import Token, tokenize

WINDOW_SLACK = 4
"""Words a cue's terms may be spread over beyond their own number ("gradient quickly shrinks")."""
NOT_REACH = 2
"""How far after a cue's own "not" the word it negates may come ("not really saturate")."""
HAVING = frozenset({"have", "has", "had", "any", "a", "an", "the", "that", "this"})
"""Words between a "not" and a noun that leave it a "no": "doesn't have the vanishing gradient
problem" says "no vanishing gradient problem"."""
FALLBACK_SHARE = 0.6
"""Share of a cue-less key point's content words an answer must use to cover it."""


@dataclass(frozen=True, slots=True)
class KeyPoint:
    text: str
    cues: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class PointResult:
    """One key point judged: covered or not, and the answer's words that matched (or "")."""

    text: str
    covered: bool
    evidence: str


def key_points(texts: Sequence[str], cues: Sequence[Sequence[str]] = ()) -> tuple[KeyPoint, ...]:
    """Key points from a card's texts and its per-point cues (missing cues mean none)."""
    return tuple(
        KeyPoint(text, tuple(cues[index]) if index < len(cues) else ())
        for index, text in enumerate(texts)
    )


class HasKeyPoints(Protocol):
    """A card as the matcher needs it (content's `Card` is one)."""

    @property
    def key_points(self) -> tuple[str, ...]: ...

    @property
    def cues(self) -> tuple[tuple[str, ...], ...]: ...


def judge_answer(card: HasKeyPoints, answer: str) -> tuple[PointResult, ...]:
    """Each of the card's key points judged against a typed answer."""
    return match_key_points(answer, key_points(card.key_points, card.cues))


@dataclass(frozen=True, slots=True)
class Heard:
    """The key points a typed answer covers (indices into the card's list) and, per point, the
    words that showed it ("" for a point not heard): what every screen ticks as a suggestion."""

    covered: frozenset[int]
    evidence: tuple[str, ...]


def heard_points(card: HasKeyPoints, answer: str) -> Heard:
    """The card's key points the matcher hears in a typed answer, as ticks with their evidence."""
    results = judge_answer(card, answer)
    return Heard(
        frozenset(index for index, result in enumerate(results) if result.covered),
        tuple(result.evidence for result in results),
    )


def evidence_lines(evidence: Sequence[str]) -> list[str]:
    """Per key point, by its number, the words of the answer that showed it (or "not heard")."""
    return [
        f"{number}. heard “{words}”" if words else f"{number}. not heard"
        for number, words in enumerate(evidence, 1)
    ]


def match_key_points(answer: str, points: Iterable[KeyPoint]) -> tuple[PointResult, ...]:
    """Judge each key point against the answer, in the order given: what the cue rules hear,
    kept where the learned decision believes it (see `decision`)."""
    listed = tuple(points)
    tokens, results, hearings = hear_key_points(answer, listed)
    decision = bundled_decision()
    texts = [point.text for point in listed]
    return tuple(
        result
        if not hearing.claims or decision.believes(features(tokens, texts, hearings, index))
        else PointResult(result.text, False, "")
        for index, (result, hearing) in enumerate(zip(results, hearings, strict=True))
    )


def hear_key_points(
    answer: str, points: Sequence[KeyPoint]
) -> tuple[list[Token], tuple[PointResult, ...], tuple[Hearing, ...]]:
    """What the rules alone make of each key point: the answer's tokens, their verdicts, and the
    hearings the decision weighs (also what it is fitted on)."""
    tokens = tokenize(answer)
    candidates = Candidates(tokens)
    judged = [
        _judge(answer, candidates, point, subject)
        for point, subject in zip(points, subjects(tuple(p.text for p in points)), strict=True)
    ]
    return tokens, tuple(result for result, _ in judged), tuple(hearing for _, hearing in judged)


def _judge(
    answer: str, candidates: Candidates, point: KeyPoint, subject: frozenset[str]
) -> tuple[PointResult, Hearing]:
    if not point.cues:
        result = _judge_by_content_words(answer, candidates, point)
        return result, Hearing(result.covered, (), contradicted=False)
    claims = [compile_claim(text) for text in point.cues]
    if any(_contradicted(candidates, claim) for claim in claims):
        return PointResult(point.text, False, ""), Hearing(False, (), contradicted=True)
    sense = _Sense(point.text, subject, known_numbers(point.text, point.cues))
    made: list[tuple[tuple[Cue, ...], tuple[set[int], ...]]] = []
    for claim in claims:
        heard = None if claim.wrong else _heard(candidates, claim, sense)
        if heard is None:
            continue
        cues, chosen = zip(*heard, strict=True)
        if spread_to_a_rival(candidates.tokens, chosen, point.text, subject):
            continue
        said = set().union(*chosen)
        if not (
            (names_a_topic(cues) and only_mentioned(candidates.tokens, said))
            or only_listed(answer, candidates.tokens, said)
        ):
            made.append((cues, chosen))
            if len(made) == CLAIMS_WEIGHED:
                break
    if not made:
        return PointResult(point.text, False, ""), Hearing(False, (), contradicted=False)
    spans = (_span(answer, candidates.tokens, positions) for positions in made[0][1])
    hearing = Hearing(
        True,
        tuple(Claimed(cues, frozenset().union(*chosen)) for cues, chosen in made),
        contradicted=False,
    )
    return PointResult(point.text, True, " … ".join(dict.fromkeys(spans))), hearing


@dataclass(frozen=True, slots=True)
class _Sense:
    """What words must agree with to be said in a key point's sense: its text, what it is about
    and the numbers it knows."""

    point: str
    subject: frozenset[str]
    known: frozenset[float]


def _heard(
    candidates: Candidates, claim: Claim, sense: _Sense
) -> list[tuple[Cue, set[int]]] | None:
    """For each part of a claim, the first of its ways the answer says and where; None when some
    part is not said."""
    heard: list[tuple[Cue, set[int]]] = []
    for part in claim.parts:
        found = next(
            (
                (cue, positions)
                for cue in part
                if (positions := _find_cue(candidates, cue, sense)) is not None
            ),
            None,
        )
        if found is None:
            return None
        heard.append(found)
    return heard


def _contradicted(candidates: Candidates, claim: Claim) -> bool:
    """The answer makes the claim of a contradiction cue (each of its parts, in one of its ways),
    or turns round the direction of a cue that compares two ("a higher temperature sharpens"
    against "high temperature flattens")."""
    if claim.wrong:
        return all(any(_asserted(candidates, cue) for cue in part) for part in claim.parts)
    return any(_asserted(candidates, turned) for cue in claim.cues for turned in reversals(cue))


def _judge_by_content_words(answer: str, candidates: Candidates, point: KeyPoint) -> PointResult:
    tokens = candidates.tokens
    terms = content_terms(point.text)
    says_not = any(term.form in NEGATIONS for term in terms)
    found: list[int] = []
    matched = 0
    for term in terms:
        hit = next(
            (
                (first, last)
                for first, last in candidates(term)
                if says_not or not negated(tokens, range(first, last + 1), point_words(point.text))
            ),
            None,
        )
        if hit is not None:
            matched += 1
            found.extend(range(hit[0], hit[1] + 1))
    covered = bool(terms) and matched >= max(1, math.ceil(FALLBACK_SHARE * len(terms)))
    if not covered:
        return PointResult(point.text, False, "")
    words = (_clean(answer[tokens[i].start : tokens[i].end]) for i in sorted(set(found)))
    return PointResult(point.text, True, " … ".join(dict.fromkeys(words)))


def _find_cue(candidates: Candidates, cue: Cue, sense: _Sense) -> set[int] | None:
    """Positions of the answer tokens that realise the cue most tightly, or None.

    The words must not be negated, and must be said in the point's sense (see
    `sense.in_sense`): of its subject, with its partner, not next to a contradiction, and with
    no other number where the point has one (`constants`)."""
    tokens = candidates.tokens
    affirming = point_words(sense.point)
    numbers = all(term.kind == "number" or as_number(term.form) for term in cue.terms)
    best: list[int] | None = None
    for chosen in _realisations(candidates, cue):
        if (
            negated(tokens, chosen, affirming)
            or not in_sense(tokens, cue, chosen, sense.point, sense.subject)
            or another_constant(tokens, chosen, sense.point, sense.known, sense.subject)
            or number_of_another(tokens, numbers, chosen, sense.subject)
            or wrong_range_in_sentence(tokens, chosen, sense.point)
            or wrong_relu_example_in_sentence(tokens, chosen, sense.point)
        ):
            continue
        if best is None or max(chosen) - min(chosen) < max(best) - min(best):
            best = chosen
    return set(best) if best is not None else None


def _asserted(candidates: Candidates, cue: Cue) -> bool:
    """Whether the answer makes a cue's claim outright: its words anywhere within one claim of
    one clause (not across "and", "while": "higher flattens and lower sharpens" says neither
    backwards), none of them negated or weakened by a "less" ("less peaked")."""
    tokens = candidates.tokens
    return any(
        not negated(tokens, chosen, frozenset())
        and one_claim(tokens, min(chosen), max(chosen))
        and not any(at > 0 and tokens[at - 1].form == "less" for at in chosen)
        for chosen in _realisations(candidates, cue, len(tokens))
    )


def _realisations(candidates: Candidates, cue: Cue, width: int = 0) -> Iterator[list[int]]:
    """The token positions of each window of the answer that says all of a cue's terms (a few
    words wide unless `width` says otherwise).

    A cue that says "not" must be read in its own order ("gradients do not vanish"), or a "not"
    meant for another word would count ("does not help with vanishing gradients"); so must a
    cue with an operator that does not commute ("p - y"), and notation with brackets starts
    with its first term ("diag(p)" is not heard in "y minus p, and the Jacobian is diag")."""
    tokens = candidates.tokens
    per_term = [candidates(term) for term in cue.terms]
    if not cue.terms or any(not found for found in per_term):
        return
    width = width or len(cue.terms) + WINDOW_SLACK
    bracketed = bool(BRACKETS & set(cue.text))
    for start in sorted({first for found in per_term for first, _ in found}):
        picks = _window(tokens, per_term, start, width)
        if picks is None:
            continue
        if (
            (cue.negated and not _says_it_in_order(tokens, cue, picks))
            or not _operands_in_order(cue, picks)
            or (bracketed and picks[0][0] != min(pick[0] for pick in picks))
        ):
            continue
        yield [at for first, last in picks for at in range(first, last + 1)]


def _in_cue_order(picks: list[tuple[int, int]]) -> bool:
    return [pick[0] for pick in picks] == sorted(pick[0] for pick in picks)


def _operands_in_order(cue: Cue, picks: list[tuple[int, int]]) -> bool:
    """An operator that does not commute has its cue's operands on its own sides ("p - y" is
    not heard in "y minus p"; "z - max(z)" is in "z -= z.max()")."""
    return all(
        _in_cue_order(picks[max(0, at - 1) : at + 2])
        for at, term in enumerate(cue.terms)
        if term.form in ORDERED_OPERATORS
    )


def _says_it_in_order(tokens: list[Token], cue: Cue, picks: list[tuple[int, int]]) -> bool:
    """A cue that says "not X" is read in its own order, with its "not" right before X in its
    clause ("no saturation", "not really saturate", "doesn't have the saturation problem", not
    "not help with saturation" nor "not permanent: gradients …")."""
    if not _in_cue_order(picks):
        return False
    return all(
        (
            following[0] - pick[1] <= NOT_REACH
            or all(token.form in HAVING for token in tokens[pick[1] + 1 : following[0]])
        )
        and tokens[pick[1]].clause == tokens[following[0]].clause
        for term, pick, following in zip(cue.terms, picks, picks[1:], strict=False)
        if term.form in NEGATIONS
    )


def _window(
    tokens: list[Token], per_term: list[list[tuple[int, int]]], start: int, width: int
) -> list[tuple[int, int]] | None:
    """The (first, last) tokens of each term in cue order, each term on its own tokens, all in
    the sentence of `start` and within `width` tokens of it; None if some term has none there."""
    sentence = tokens[start].sentence
    chosen: list[int] = []
    picks: list[tuple[int, int]] = []
    for candidates in per_term:
        pick = next(
            (
                (first, last)
                for first, last in candidates
                if start <= first
                and last < start + width
                and tokens[first].sentence == sentence == tokens[last].sentence
                and not set(chosen).intersection(range(first, last + 1))
            ),
            None,
        )
        if pick is None:
            return None
        chosen.extend(range(pick[0], pick[1] + 1))
        picks.append(pick)
    return picks


def _span(answer: str, tokens: list[Token], chosen: set[int]) -> str:
    first, last = min(chosen), max(chosen)
    return _clean(answer[tokens[first].start : tokens[last].end])


def _clean(text: str) -> str:
    """Evidence on one line, without control characters."""
    return " ".join("".join(c if c.isprintable() else " " for c in text).split())
