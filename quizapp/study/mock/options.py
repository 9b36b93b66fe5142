"""What the user asks of a mock interview, checked once so every front end gives the same errors."""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass

DEFAULT_QUESTIONS = 6
MAX_QUESTIONS = 40
MIN_SECONDS = 5
MAX_SECONDS = 3600
MAX_MINUTES = 240
MAX_SEED = 2**63 - 1


class MockOptionsError(ValueError):
    """An option out of range: the message names the option and the allowed values."""


@dataclass(frozen=True)
class MockOptions:
    """`minutes` caps the whole session (None: the sum of the question budgets);
    `time_per_question` (seconds) replaces the per-kind defaults; `topics` keeps the cards with any
    of these tags, sections or activations (empty: all); `seed` makes the plan reproducible
    (None: drawn at random and stored with the session)."""

    questions: int = DEFAULT_QUESTIONS
    minutes: float | None = None
    time_per_question: int | None = None
    topics: tuple[str, ...] = ()
    seed: int | None = None

    def __post_init__(self) -> None:
        if not 1 <= self.questions <= MAX_QUESTIONS:
            raise MockOptionsError(f"--questions must be 1..{MAX_QUESTIONS}, got {self.questions}")
        if self.time_per_question is not None and not (
            MIN_SECONDS <= self.time_per_question <= MAX_SECONDS
        ):
            raise MockOptionsError(
                f"--time-per-question must be {MIN_SECONDS}..{MAX_SECONDS} seconds, "
                f"got {self.time_per_question}"
            )
        if self.minutes is not None:
            if not 0 < self.minutes <= MAX_MINUTES:
                raise MockOptionsError(
                    f"--minutes must be more than 0 and at most {MAX_MINUTES}, got {self.minutes:g}"
                )
            if self.session_seconds is not None and self.session_seconds < (
                self.questions * MIN_SECONDS
            ):
                raise MockOptionsError(
                    f"--minutes {self.minutes:g} leaves less than {MIN_SECONDS} seconds for each "
                    f"of {self.questions} questions"
                )
        if self.seed is not None and not 0 <= self.seed <= MAX_SEED:
            raise MockOptionsError(f"--seed must be 0..{MAX_SEED}, got {self.seed}")
        object.__setattr__(self, "topics", tuple(dict.fromkeys(self.topics)))

    @property
    def session_seconds(self) -> int | None:
        return None if self.minutes is None else round(self.minutes * 60)

    def to_json(self) -> str:
        return json.dumps(asdict(self), sort_keys=True)
