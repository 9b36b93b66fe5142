"""Numeric drills outside the schedule: attempts feed accuracy stats, not the card's interval."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import timedelta
from functools import cached_property

import numpy as np
from fsrs import Rating

from quizapp.content.kinds import is_generated
from quizapp.study.answering import Graded, propose
from quizapp.study.items import PracticeItem, Questioner, ensure_readable
from quizapp.study.protocols import GradeLike, QuestionFactory, StudyCard
from quizapp.study.scheduling import record_answer
from quizapp.study.settings import StudySettings
from quizapp.study.store import Attempt, Recorded, StudyStore


class PracticeSession:
    def __init__(
        self,
        store: StudyStore,
        *,
        generate: QuestionFactory | None = None,
        rng: np.random.Generator | None = None,
    ) -> None:
        self._store = store
        self._clock = store.clock
        self._questions = Questioner(generate, rng)

    @cached_property
    def _settings(self) -> StudySettings:
        """Read when the first answer is recorded (the UI does that off its event loop), not
        when the drill is set up."""
        return self._store.settings()

    def question(
        self,
        template_id: str,
        *,
        activation: str | None = None,
        params: Mapping[str, object] | None = None,
    ) -> PracticeItem:
        """A fresh question of any family (ValueError names the valid choices when unknown)."""
        seed = self._questions.seed()
        question = self._questions.question(template_id, seed, activation, params)
        return PracticeItem(question=question, seed=seed, shown_at=self._clock.now())

    def question_for(self, card: StudyCard) -> PracticeItem:
        """A fresh question from a numeric content card (its template, activation and params)."""
        if not is_generated(card) or card.template is None:
            raise ValueError(f"card {card.id} is not a numeric card")
        seed = self._questions.seed()
        question = self._questions.question(card.template, seed, card.activation, card.params)
        return PracticeItem(question=question, seed=seed, shown_at=self._clock.now(), card=card)

    def submit(self, item: PracticeItem, text: str) -> Graded:
        """Grade a typed answer, timed from when the question was shown (an unreadable one
        proposes nothing: ask again)."""
        grade = item.question.grade(text)
        elapsed = self._clock.now() - item.shown_at
        if getattr(grade, "parse_error", None) is not None:
            return Graded(grade, text, elapsed, None)
        return Graded(grade, text, elapsed, propose(grade, elapsed, self._usual_time(item)))

    def _usual_time(self, item: PracticeItem) -> timedelta | None:
        """The usual time on a question of this family (never one card's: each is new)."""
        return self._store.usual_time(template=item.question.template_id)

    def record(
        self,
        item: PracticeItem,
        grade: GradeLike,
        *,
        response: str | None = None,
        duration: timedelta | None = None,
        rating: Rating | None = None,
        schedule: bool = False,
    ) -> Recorded:
        """Log the attempt. With `schedule=True` and a card, it counts as that card's scheduled
        review instead (rating proposed from the result unless given, as `submit` proposed)."""
        ensure_readable(grade)
        taken = duration if duration is not None else self._clock.now() - item.shown_at
        chosen = (
            rating if rating is not None else propose(grade, taken, self._usual_time(item)).rating
        )
        day = self._settings.calendar(self._clock.zone).day_of(self._clock.now())
        attempt = Attempt(
            duration=taken,
            response=response,
            grade=grade,
            seed=item.seed,
            activation=item.question.activation,
        )
        if schedule:
            if item.card is None:
                raise ValueError("only a question drawn from a card can be scheduled")
            return record_answer(
                self._store,
                item.card,
                chosen,
                scheduler=self._settings.scheduler(),
                leech_threshold=self._settings.leech_threshold,
                day=day,
                attempt=attempt,
            )
        return self._store.record_unscheduled(
            "practice",
            chosen,
            day=day,
            card=item.card,
            template=item.question.template_id,
            attempt=attempt,
        )
