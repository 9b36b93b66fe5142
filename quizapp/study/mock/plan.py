"""The session plan: which questions, in which order, with which time budgets.

A plan is a pure function of (the cards, the options with their seed, the weak-area weights); a
seed already used with the same options replays its stored interview instead (`replay`).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import timedelta
from typing import TYPE_CHECKING, Literal, Protocol, cast

from quizapp.study.items import SEED_LIMIT, default_generate
from quizapp.study.mock.budgets import coding_seconds, default_seconds, fit_seconds
from quizapp.study.mock.options import MockOptions
from quizapp.study.mock.topics import (
    MockCard,
    available_topics,
    is_coding,
    is_conceptual,
    is_numeric,
    select,
    topics_of,
    unknown_topics,
    unknown_topics_reason,
)
from quizapp.study.protocols import QuestionLike
from quizapp.wording import agreeing, plural

if TYPE_CHECKING:
    import numpy as np

Kind = Literal["conceptual", "numeric", "coding"]
DRAWN_SEEDS = 1_000_000
"""An unseeded plan draws its seed below this: short enough to note down and type again."""
WEAK_BOOST = 3.0
"""A card the history shows as fully missed is this many times more likely to come up, plus one."""


class MockPlanError(ValueError):
    """The options ask for something the content cannot give (an unknown topic, nothing to ask)."""


class MockQuestion(QuestionLike, Protocol):
    """What the mock reads from a generated `quizapp.questions.Question`: also the answer and
    the worked solution, for the report."""

    @property
    def expected_text(self) -> str: ...
    @property
    def solution(self) -> tuple[str, ...]: ...
    @property
    def answer_hint(self) -> str: ...


class MockQuestionFactory(Protocol):
    """The signature of `quizapp.questions.generate`, as the mock uses it."""

    def __call__(
        self,
        template_id: str,
        seed: int,
        *,
        activation: str | None = None,
        params: Mapping[str, object] | None = None,
    ) -> MockQuestion: ...


class ExerciseLike(Protocol):
    """What the mock reads from a code card's `quizapp.content.CodeExercise`."""

    @property
    def task(self) -> str: ...
    @property
    def signature(self) -> str: ...
    @property
    def solution(self) -> str: ...
    @property
    def starter(self) -> str: ...
    @property
    def budget_seconds(self) -> int: ...


def exercise_of(card: MockCard) -> ExerciseLike | None:
    """A code card's exercise (None for other kinds, and for test fakes without one)."""
    return cast("ExerciseLike | None", getattr(card, "exercise", None))


@dataclass(frozen=True)
class PlannedQuestion:
    """`question` (and `seed`) for a numeric card; `weakness` (0..1) is what the history said."""

    position: int
    card: MockCard
    kind: Kind
    budget: timedelta
    topics: tuple[str, ...]
    weakness: float
    question: MockQuestion | None = None
    seed: int | None = None

    @property
    def prompt(self) -> str:
        if self.question is not None:
            return self.question.prompt
        exercise = exercise_of(self.card) if self.kind == "coding" else None
        if exercise is not None:
            return f"{self.card.front} · {exercise.signature}\n\n{exercise.task}"
        return self.card.front

    @property
    def key_points(self) -> tuple[str, ...]:
        """What a self-assessment ticks; a card without key points is judged on its whole answer."""
        return self.card.key_points or ("the model answer",)


@dataclass(frozen=True)
class MockPlan:
    options: MockOptions
    seed: int
    questions: tuple[PlannedQuestion, ...]
    session_budget: timedelta
    weighted: bool
    notes: tuple[str, ...] = ()


@dataclass(frozen=True)
class _Pick:
    card: MockCard
    weakness: float
    question: MockQuestion | None = None
    seed: int | None = None
    coding: bool = False

    @property
    def kind(self) -> Kind:
        if self.coding:
            return "coding"
        return "conceptual" if self.question is None else "numeric"


def build_plan(
    cards: Sequence[MockCard],
    options: MockOptions,
    *,
    weakness: Mapping[str, float] | None = None,
    generate: MockQuestionFactory | None = None,
    seed: int | None = None,
) -> MockPlan:
    """Up to `options.coding_questions` code exercises spread through the interview; of the rest,
    half conceptual (rounded up) and half numeric, alternating; cards drawn with weights
    1 + WEAK_BOOST × weakness. `seed` stands in when `options.seed` is None. The code exercises
    are drawn last, so a plan without them is the one earlier versions made from the seed."""
    unknown = unknown_topics(cards, options.topics)
    if unknown:
        raise MockPlanError(
            f"{unknown_topics_reason(unknown)}; choose from the deck's tags, sections and "
            f"activations, e.g. {', '.join(_examples(cards))}"
        )
    import numpy as np  # when an interview is planned: home never needs numpy

    chosen_seed = _plan_seed(options, seed)
    rng = np.random.default_rng(chosen_seed)
    weakness = weakness or {}
    pool = select(cards, options.topics)
    conceptual_pool = [card for card in pool if is_conceptual(card)]
    numeric_pool = [card for card in pool if is_numeric(card)]
    coding_pool = [card for card in pool if is_coding(card)]
    coding_count = min(options.coding_questions, len(coding_pool))
    spoken = options.questions - coding_count
    wanted_conceptual = (spoken + 1) // 2 if numeric_pool else spoken
    conceptual = _draw_distinct(conceptual_pool, wanted_conceptual, weakness, rng)
    numeric, broken = _draw_numeric(numeric_pool, spoken - len(conceptual), weakness, rng, generate)
    missing = spoken - len(conceptual) - len(numeric)
    if missing:
        conceptual += _refill(conceptual_pool, conceptual, broken, missing, weakness, rng)
    coding = [
        _Pick(pick.card, pick.weakness, coding=True)
        for pick in _draw_distinct(coding_pool, coding_count, weakness, rng)
    ]
    if not conceptual and not numeric and not coding:
        raise MockPlanError(
            "no interview, numeric or coding question matches "
            + (f"the topics {', '.join(options.topics)}" if options.topics else "the loaded decks")
        )
    picks = _spread(_alternate(conceptual, numeric), coding)
    notes: list[str] = []
    if options.coding is not None and coding_count < options.coding:
        notes.append(
            f"Only {plural(coding_count, 'coding exercise')}"
            f" {agreeing(coding_count, 'matches', 'match')}, so the interview has"
            f" {coding_count} instead of {options.coding}."
        )
    if len(picks) < options.questions:
        notes.append(
            f"Only {plural(len(picks), 'question')} {agreeing(len(picks), 'matches', 'match')},"
            f" so the interview has {len(picks)} "
            f"instead of {options.questions}."
        )
        notes += [f"Left out {card.id}: {reason}" for card, reason in broken]
    seconds = _budgets(picks, options)
    questions = tuple(
        PlannedQuestion(
            position=position,
            card=pick.card,
            kind=pick.kind,
            budget=timedelta(seconds=budget),
            topics=topics_of(pick.card),
            weakness=pick.weakness,
            question=pick.question,
            seed=pick.seed,
        )
        for position, (pick, budget) in enumerate(zip(picks, seconds, strict=True))
    )
    session = options.session_seconds
    return MockPlan(
        options=options,
        seed=chosen_seed,
        questions=questions,
        session_budget=timedelta(seconds=session if session is not None else sum(seconds)),
        weighted=any(value > 0 for value in weakness.values()),
        notes=tuple(notes),
    )


def _plan_seed(options: MockOptions, fallback: int | None) -> int:
    if options.seed is not None:
        return options.seed
    if fallback is not None:
        return fallback
    import numpy as np

    return int(np.random.default_rng().integers(0, DRAWN_SEEDS))


def _examples(cards: Sequence[MockCard]) -> list[str]:
    return available_topics(cards)[:8]


def _weights(cards: Sequence[MockCard], weakness: Mapping[str, float]) -> np.ndarray:
    import numpy as np

    raw = np.array([1.0 + WEAK_BOOST * weakness.get(card.id, 0.0) for card in cards])
    return raw / raw.sum()


def _draw_distinct(
    cards: Sequence[MockCard],
    count: int,
    weakness: Mapping[str, float],
    rng: np.random.Generator,
) -> list[_Pick]:
    """`count` different cards (fewer if there are not enough), weak ones more likely."""
    take = min(count, len(cards))
    if take == 0:
        return []
    order = rng.choice(len(cards), size=take, replace=False, p=_weights(cards, weakness))
    return [_Pick(cards[index], weakness.get(cards[index].id, 0.0)) for index in order]


def _draw_numeric(
    cards: Sequence[MockCard],
    count: int,
    weakness: Mapping[str, float],
    rng: np.random.Generator,
    generate: MockQuestionFactory | None,
) -> tuple[list[_Pick], list[tuple[MockCard, str]]]:
    """Numeric cards in weighted random order, round after round if more questions are wanted
    than there are cards (each asks a freshly generated question). A card whose question cannot
    be generated is returned with the reason, and the next try goes to a card of its topic."""
    factory = generate or cast("MockQuestionFactory", default_generate())
    usable = list(cards)
    picks: list[_Pick] = []
    broken: list[tuple[MockCard, str]] = []
    while len(picks) < count and usable:
        weights = _weights(usable, weakness)
        drawn = rng.choice(len(usable), size=len(usable), replace=False, p=weights)
        order = [usable[int(index)] for index in drawn]
        while order and len(picks) < count:
            card = order.pop(0)
            assert card.template is not None
            seed = int(rng.integers(0, SEED_LIMIT))
            try:
                question = factory(
                    card.template, seed, activation=card.activation, params=card.params
                )
            except ValueError as error:
                broken.append((card, str(error)))
                order = _same_topic_first(order, card)
                continue
            picks.append(_Pick(card, weakness.get(card.id, 0.0), question, seed))
        failed = {card.id for card, _reason in broken}
        usable = [card for card in usable if card.id not in failed]
    return picks, broken


def _same_topic_first(cards: list[MockCard], like: MockCard) -> list[MockCard]:
    """The cards sharing a topic with `like` first, each group in its drawn order."""
    topics = set(topics_of(like))
    return sorted(cards, key=lambda card: not topics & set(topics_of(card)))


def _refill(
    pool: Sequence[MockCard],
    taken: Sequence[_Pick],
    broken: Sequence[tuple[MockCard, str]],
    count: int,
    weakness: Mapping[str, float],
    rng: np.random.Generator,
) -> list[_Pick]:
    """Conceptual cards not asked yet for the slots no numeric card could fill, those sharing a
    topic with a card that failed first."""
    used = {pick.card.id for pick in taken}
    failed_topics = {topic for card, _reason in broken for topic in topics_of(card)}
    rest = [card for card in pool if card.id not in used]
    near = [card for card in rest if failed_topics & set(topics_of(card))]
    far = [card for card in rest if not failed_topics & set(topics_of(card))]
    picks = _draw_distinct(near, count, weakness, rng)
    return picks + _draw_distinct(far, count - len(picks), weakness, rng)


def _alternate(conceptual: list[_Pick], numeric: list[_Pick]) -> list[_Pick]:
    """Interleave the kinds like a real interview, starting with the more numerous one."""
    if len(conceptual) >= len(numeric):
        first, second = conceptual, numeric
    else:
        first, second = numeric, conceptual
    mixed: list[_Pick] = []
    for index in range(max(len(first), len(second))):
        mixed.extend(group[index] for group in (first, second) if index < len(group))
    return mixed


def _spread(mixed: list[_Pick], coding: list[_Pick]) -> list[_Pick]:
    """The code exercises placed evenly among the other questions (one goes in the middle)."""
    spread = list(mixed)
    for index in reversed(range(len(coding))):
        spread.insert((index + 1) * len(mixed) // (len(coding) + 1), coding[index])
    return spread


def _default_seconds(pick: _Pick) -> int:
    if pick.coding:
        exercise = exercise_of(pick.card)
        return coding_seconds(None if exercise is None else exercise.budget_seconds)
    return default_seconds(pick.card.template)


def _budgets(picks: Sequence[_Pick], options: MockOptions) -> list[int]:
    if options.time_per_question is not None:
        return [options.time_per_question] * len(picks)
    defaults = [_default_seconds(pick) for pick in picks]
    session = options.session_seconds
    return defaults if session is None else fit_seconds(defaults, session)
