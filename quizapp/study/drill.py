"""A practice drill: which numeric questions to ask, how many, and how it went."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import numpy as np

from quizapp.study.answering import Graded
from quizapp.study.items import PracticeItem, failure_reason
from quizapp.study.practice import PracticeSession
from quizapp.study.protocols import StudyCard
from quizapp.study.store import Recorded


@dataclass(frozen=True)
class DrillChoice:
    template_id: str
    activation: str | None


def drill_choices(families: Iterable[str], activations: Iterable[str]) -> list[DrillChoice]:
    """Every (family, activation) pair the selection allows; a family none of whose activations
    was selected is left out, so the drill asks only what the user chose."""
    from quizapp.questions import template_activations

    chosen = set(activations)
    return [
        DrillChoice(family, activation)
        for family in families
        for activation in template_activations(family)
        if activation in chosen
    ]


class Drill:
    """Draws questions at random from `choices` (or, when `cards` are given, from those numeric
    cards, recording each answer as the card's scheduled review). `count=None` is endless.

    A card whose question cannot be generated (content giving its template parameters it refuses)
    is left out for the rest of the drill; `problems` says which and why.
    """

    def __init__(
        self,
        practice: PracticeSession,
        choices: Sequence[DrillChoice],
        *,
        count: int | None,
        rng: np.random.Generator,
        cards: Sequence[StudyCard] = (),
    ) -> None:
        if not choices and not cards:
            raise ValueError("choose at least one question family and one activation it covers")
        self._practice = practice
        self._choices = list(choices)
        self._cards = list(cards)
        self._rng = rng
        self.scheduled = bool(self._cards)
        self.count = count
        self.asked = 0
        self.problems: list[str] = []
        self._by_family: dict[str, list[int]] = {}
        """Per question family: [answered, correct]."""
        self._stopped = False

    def next(self) -> PracticeItem | None:
        """None once `count` questions were asked, the drill was stopped, or no selected card
        can generate one."""
        if self._stopped or (self.count is not None and self.asked >= self.count):
            return None
        item = self._draw_card() if self.scheduled else self._draw_choice()
        if item is not None:
            self.asked += 1
        return item

    def _draw_choice(self) -> PracticeItem:
        choice = self._choices[int(self._rng.integers(len(self._choices)))]
        return self._practice.question(choice.template_id, activation=choice.activation)

    def _draw_card(self) -> PracticeItem | None:
        while self._cards:
            index = int(self._rng.integers(len(self._cards)))
            try:
                return self._practice.question_for(self._cards[index])
            except Exception as error:  # one card's broken question never ends the drill
                self.problems.append(f"{self._cards.pop(index).id}: {failure_reason(error)}")
        return None

    def submit(self, item: PracticeItem, text: str) -> Graded:
        return self._practice.submit(item, text)

    def record(self, item: PracticeItem, graded: Graded) -> Recorded:
        recorded = self._practice.record(
            item,
            graded.grade,
            response=graded.response,
            duration=graded.elapsed,
            rating=graded.proposed,
            schedule=self.scheduled,
        )
        totals = self._by_family.setdefault(item.question.template_id, [0, 0])
        totals[0] += 1
        totals[1] += int(graded.grade.correct)
        return recorded

    def stop(self) -> None:
        """End the drill early (an endless one ends this way): `next` asks nothing more."""
        self._stopped = True

    @property
    def answered(self) -> int:
        return sum(answered for answered, _correct in self._by_family.values())

    @property
    def correct(self) -> int:
        return sum(correct for _answered, correct in self._by_family.values())

    def summary_lines(self) -> list[str]:
        """The score over the answered questions and the family with the lowest accuracy (more
        answers weigh more), when any answer was wrong; families tied on both are all named, as
        picking one of them would single it out by its name's spelling."""
        from quizapp.questions import describe

        lines = [f"Drill finished: {self.correct} of {self.answered} correct."]
        missed = {
            family: (correct / answered, -answered)
            for family, (answered, correct) in self._by_family.items()
            if correct < answered
        }
        if missed:
            lowest = min(missed.values())
            weakest = sorted(family for family, rank in missed.items() if rank == lowest)
            answered, correct = self._by_family[weakest[0]]
            score = f"{correct} of {answered} correct"
            if len(weakest) == 1:
                lines.append(f"Weakest family: {describe(weakest[0])} ({score}).")
            else:
                lines.append(f"Weakest families ({score} each):")
                lines.extend(f"  {describe(family)}" for family in weakest)
        return lines

    def progress(self) -> str:
        total = "∞" if self.count is None else str(self.count)
        return f"question {self.asked} of {total} · {self.correct} correct so far"


def numeric_cards_for(
    cards: Iterable[StudyCard], families: Iterable[str], activations: Iterable[str]
) -> list[StudyCard]:
    """The deck's numeric cards inside the selection (a card without an activation matches any)."""
    wanted_families = set(families)
    wanted_activations = set(activations)
    return [
        card
        for card in cards
        if card.template in wanted_families
        and (card.activation is None or card.activation in wanted_activations)
    ]
