"""The few attributes study reads from content cards and generated questions (tests use fakes)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Protocol


class StudyCard(Protocol):
    """What the study layer reads from a `quizapp.content.Card`."""

    @property
    def id(self) -> str: ...
    @property
    def kind(self) -> str: ...
    @property
    def deck(self) -> str: ...
    @property
    def section(self) -> str: ...
    @property
    def front(self) -> str: ...
    @property
    def back(self) -> str: ...
    @property
    def key_points(self) -> tuple[str, ...]: ...
    @property
    def cues(self) -> tuple[tuple[str, ...], ...]: ...
    @property
    def options(self) -> tuple[str, ...]: ...
    @property
    def answer_index(self) -> int | None: ...
    @property
    def activation(self) -> str | None: ...
    @property
    def template(self) -> str | None: ...
    @property
    def params(self) -> Mapping[str, object]: ...

    def content_hash(self) -> str: ...


class GradeLike(Protocol):
    """What is stored from `quizapp.questions` grading."""

    @property
    def correct(self) -> bool: ...
    @property
    def score(self) -> float: ...
    @property
    def feedback(self) -> tuple[str, ...]: ...


class QuestionLike(Protocol):
    @property
    def prompt(self) -> str: ...
    @property
    def template_id(self) -> str: ...
    @property
    def activation(self) -> str | None: ...

    def grade(self, text: str) -> GradeLike: ...


class QuestionFactory(Protocol):
    """The signature of `quizapp.questions.generate`."""

    def __call__(
        self,
        template_id: str,
        seed: int,
        *,
        activation: str | None = None,
        params: Mapping[str, object] | None = None,
    ) -> QuestionLike: ...


def visible_text(card: StudyCard) -> str:
    """The text a user sees, kept with the last review so a later edit can be measured."""
    parts = [card.front, card.back, *card.key_points, *card.options]
    if card.template is not None:
        parts.append(f"template: {card.template}")
    if card.activation is not None:
        parts.append(f"activation: {card.activation}")
    parts.extend(f"{key}: {card.params[key]!r}" for key in sorted(card.params))
    return "\n".join(part for part in parts if part)
