"""What the user asks of a mock interview, checked once so every front end gives the same errors."""

from __future__ import annotations

import json
import math
import shlex
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass
from typing import TypeVar

DEFAULT_QUESTIONS = 6
MAX_QUESTIONS = 40
MIN_SECONDS = 5
MAX_SECONDS = 3600
MAX_MINUTES = 240
MAX_SEED = 2**63 - 1
CODING_FROM = 4
"""An interview of at least this many questions has one coding exercise unless told otherwise."""

_N = TypeVar("_N", int, float)


class MockOptionsError(ValueError):
    """An option out of range: the message names the option and the allowed values; `option` is
    the `MockOptions` field at fault, so a form can point at it."""

    def __init__(self, message: str, option: str) -> None:
        super().__init__(message)
        self.option = option


@dataclass(frozen=True)
class MockOptions:
    """`minutes` caps the whole session (None: the sum of the question budgets);
    `time_per_question` (seconds) replaces the per-kind defaults; `topics` keeps the cards with any
    of these tags, sections or activations (empty: all); `seed` makes the plan reproducible
    (None: drawn at random and stored with the session); `coding` is how many of the questions
    may be code exercises (None: one from `CODING_FROM` questions on, else none)."""

    questions: int = DEFAULT_QUESTIONS
    minutes: float | None = None
    time_per_question: int | None = None
    topics: tuple[str, ...] = ()
    seed: int | None = None
    coding: int | None = None

    def __post_init__(self) -> None:
        if not 1 <= self.questions <= MAX_QUESTIONS:
            raise MockOptionsError(
                f"the number of questions must be 1..{MAX_QUESTIONS}, not {self.questions}",
                "questions",
            )
        if self.time_per_question is not None and not (
            MIN_SECONDS <= self.time_per_question <= MAX_SECONDS
        ):
            raise MockOptionsError(
                f"the time per question must be {MIN_SECONDS}..{MAX_SECONDS} seconds, "
                f"not {self.time_per_question}",
                "time_per_question",
            )
        if self.minutes is not None:
            if not 0 < self.minutes <= MAX_MINUTES:
                raise MockOptionsError(
                    f"the session length must be more than 0 and at most {MAX_MINUTES} minutes, "
                    f"not {self.minutes:g}",
                    "minutes",
                )
            if self.session_seconds is not None and self.session_seconds < (
                self.questions * MIN_SECONDS
            ):
                raise MockOptionsError(
                    f"a {self.minutes:g}-minute session leaves less than {MIN_SECONDS} seconds for "
                    f"each of {self.questions} questions",
                    "minutes",
                )
        if self.coding is not None and not 0 <= self.coding <= self.questions:
            raise MockOptionsError(
                f"the number of coding exercises must be 0..{self.questions} (the number of"
                f" questions), not {self.coding}",
                "coding",
            )
        if self.seed is not None and not 0 <= self.seed <= MAX_SEED:
            raise MockOptionsError(f"the seed must be 0..{MAX_SEED}, not {self.seed}", "seed")
        object.__setattr__(self, "topics", tuple(dict.fromkeys(self.topics)))

    @property
    def coding_questions(self) -> int:
        """How many code exercises the plan draws at most."""
        if self.coding is not None:
            return self.coding
        return 1 if self.questions >= CODING_FROM else 0

    @property
    def session_seconds(self) -> int | None:
        return None if self.minutes is None else round(self.minutes * 60)

    def to_json(self) -> str:
        return json.dumps(asdict(self), sort_keys=True)

    def replay_command(self, seed: int) -> str:
        """The whole `quizapp mock` command that plans this interview again with `seed`: every
        option that shapes the plan (questions, budgets, topics, coding), shell-quoted."""
        arguments = ["quizapp", "mock", "--questions", str(self.questions)]
        if self.minutes is not None:
            minutes = self.minutes
            arguments += ["--minutes", str(int(minutes)) if minutes.is_integer() else repr(minutes)]
        if self.time_per_question is not None:
            arguments += ["--time-per-question", str(self.time_per_question)]
        if self.topics:
            arguments += ["--topics", *self.topics]
        if self.coding is not None:
            arguments += ["--coding", str(self.coding)]
        return shlex.join([*arguments, "--seed", str(seed)])


def parse_options(
    questions: str,
    minutes: str,
    seconds: str,
    seed: str,
    topics: Sequence[str] = (),
    coding: str = "",
) -> MockOptions:
    """Options from form fields (blank: the default), every mistake a `MockOptionsError`."""
    count = _number(questions, "the number of questions", int, "questions")
    return MockOptions(
        questions=DEFAULT_QUESTIONS if count is None else count,
        minutes=_number(minutes, "the session length in minutes", float, "minutes"),
        time_per_question=_number(
            seconds, "the time per question in seconds", int, "time_per_question"
        ),
        topics=tuple(topics),
        seed=_number(seed, "the seed", int, "seed"),
        coding=_number(coding, "the number of coding exercises", int, "coding"),
    )


def _number(text: str, name: str, kind: Callable[[str], _N], option: str) -> _N | None:
    text = text.strip()
    if not text:
        return None
    try:
        value = kind(text)
    except ValueError:
        noun = "a whole number" if kind is int else "a number"
        raise MockOptionsError(f"{name} must be {noun}, not {text!r}", option) from None
    if isinstance(value, float) and not math.isfinite(value):
        raise MockOptionsError(f"{name} must be a finite number, not {text!r}", option)
    return value
