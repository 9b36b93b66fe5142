"""What a session hands the UI: a card, and for a skill card a freshly generated question."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import TYPE_CHECKING

from quizapp.content.kinds import kind_info
from quizapp.study.answering import Graded, shown_options
from quizapp.study.protocols import GradeLike, QuestionFactory, QuestionLike, StudyCard
from quizapp.study.scheduling import NextStates
from quizapp.study.store import Attempt

if TYPE_CHECKING:
    import numpy as np

SEED_LIMIT = 2**31


@dataclass(frozen=True)
class StudyItem:
    """`source` is the queue it came from: "learning", "review", "new" or "cram".

    `problem` is set (and `question` None) when a skill card's question could not be generated,
    e.g. content naming a template this version lacks: the UI can show it and bury or suspend.
    `options` are a choice card's options in the order shown this time (drawn from `seed`).
    A scheduled item also carries its `next_states` (the buttons' intervals and the state the
    chosen rating writes) and the user's `usual_time` on the card (for the proposed rating).
    """

    card: StudyCard
    source: str
    shown_at: datetime
    question: QuestionLike | None = None
    seed: int | None = None
    problem: str | None = None
    options: tuple[str, ...] = ()
    next_states: NextStates | None = None
    usual_time: timedelta | None = None


@dataclass(frozen=True)
class PracticeItem:
    """One numeric drill question; `card` is set when it was drawn from a content card."""

    question: QuestionLike
    seed: int
    shown_at: datetime
    card: StudyCard | None = None


def default_generate() -> QuestionFactory:
    """`quizapp.questions.generate`, imported late so study does not load it until needed."""
    from quizapp.questions import generate

    return generate


class Questioner:
    """Draws seeds from an injected generator and builds questions with a (replaceable) factory."""

    def __init__(self, generate: QuestionFactory | None, rng: np.random.Generator | None) -> None:
        self._generate = generate
        self._rng = rng

    def seed(self) -> int:
        if self._rng is None:
            import numpy as np  # when the first question is drawn: home never needs numpy

            self._rng = np.random.default_rng()
        return int(self._rng.integers(0, SEED_LIMIT))

    def question(
        self,
        template_id: str,
        seed: int,
        activation: str | None,
        params: Mapping[str, object] | None,
    ) -> QuestionLike:
        generate = self._generate or default_generate()
        return generate(template_id, seed, activation=activation, params=params)

    def item(
        self, card: StudyCard, source: str, shown_at: datetime, *, seed: int | None = None
    ) -> StudyItem:
        """The card as shown this time: a generated question or an option order drawn from
        `seed` (None: a fresh seed)."""
        style = kind_info(card).answer_style
        if style == "choose":
            seed = self.seed() if seed is None else seed
            return StudyItem(
                card, source, shown_at, seed=seed, options=shown_options(card.options, seed)
            )
        if style != "typed" or card.template is None:
            return StudyItem(card=card, source=source, shown_at=shown_at)
        seed = self.seed() if seed is None else seed
        try:
            question = self.question(card.template, seed, card.activation, card.params)
        except Exception as error:  # one card's broken question never ends the session
            return StudyItem(card, source, shown_at, seed=seed, problem=failure_reason(error))
        return StudyItem(card, source, shown_at, question=question, seed=seed)


def failure_reason(error: Exception) -> str:
    """The error's message, or its type when it has none (`RuntimeError()` says nothing)."""
    return str(error) or type(error).__name__


def format_interval(interval: timedelta) -> str:
    """Compact button text: 45s, 10m, 3h, 4d, 2.5mo, 1.2y."""
    seconds = interval.total_seconds()
    if seconds < 60:
        return f"{max(0, round(seconds))}s"
    if seconds < 3600:
        return f"{round(seconds / 60)}m"
    if seconds < 86_400:
        return f"{round(seconds / 3600)}h"
    days = seconds / 86_400
    if days < 30:
        return f"{round(days)}d"
    if days < 365:
        return f"{days / 30:.1f}mo"
    return f"{days / 365:.1f}y"


def asked_activation(item: StudyItem) -> str | None:
    """The engine function the question used (a card without one lets the template draw it;
    a code card's is the one its hidden cases are computed with)."""
    if item.question is not None and item.question.activation is not None:
        return item.question.activation
    if item.card.activation is not None:
        return item.card.activation
    reference = getattr(getattr(item.card, "exercise", None), "reference", None)
    return getattr(reference, "activation", None)


def attempt_at(item: StudyItem, duration: timedelta, graded: Graded | None) -> Attempt:
    """What the log keeps of an answer to `item` (`graded`: None for a card only revealed)."""
    return Attempt(
        duration=duration,
        response=None if graded is None else graded.response,
        grade=None if graded is None else graded.grade,
        seed=item.seed,
        activation=asked_activation(item),
    )


def ensure_readable(grade: GradeLike | None) -> None:
    """An answer that could not be read is not a wrong answer: the UI must ask again."""
    if grade is not None and getattr(grade, "parse_error", None):
        raise ValueError("this answer could not be read; ask for it again instead of recording it")
