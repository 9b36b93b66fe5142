"""The user's study preferences, kept in the store's settings table for every front end."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, fields, replace
from datetime import date, tzinfo
from typing import Any, Protocol

from fsrs import Scheduler
from fsrs.scheduler import DEFAULT_PARAMETERS

from quizapp.study.clock import DEFAULT_ROLLOVER_HOUR, StudyCalendar
from quizapp.study.migrations import DEFAULT_LEECH_THRESHOLD

MAX_LEARN_AHEAD_MINUTES = 1440
"""A day: a learning card due after the study day ends is not in today's queue anyway."""
MAX_NEW_PER_DAY = 500
"""New cards a day, in the limit and as extra new cards for one day (the `n` dialog): more than
a whole deck, and far more than anyone learns well in a day."""
MAX_REVIEWS_PER_DAY = 9999
"""Anki's own ceiling for a daily review limit."""
MAX_LEECH_THRESHOLD = 99

WHOLE_NUMBER_RANGES: dict[str, tuple[int, int]] = {
    "new_per_day": (0, MAX_NEW_PER_DAY),
    "reviews_per_day": (0, MAX_REVIEWS_PER_DAY),
    "leech_threshold": (1, MAX_LEECH_THRESHOLD),
    "day_rollover_hour": (0, 23),
    "learn_ahead_minutes": (0, MAX_LEARN_AHEAD_MINUTES),
}
"""The bounds of each whole-number setting, the one rule for the CLI, the app and stored values."""

INTERVIEW_HORIZON_YEARS = 10
"""How far ahead an interview day may be: further, a recall prediction means nothing, and the
day after a year-9999 interview is not a date at all."""


def farthest_interview_day(today: date) -> date:
    """The same date ten calendar years on (29 February: the 28th), as "ten years ahead" says;
    3650 days fell two or three days short."""
    year = today.year + INTERVIEW_HORIZON_YEARS
    try:
        return today.replace(year=year)
    except ValueError:
        return today.replace(year=year, day=28)


class SettingsStore(Protocol):
    def get_setting(self, key: str, default: Any = None) -> Any: ...
    def set_setting(self, key: str, value: Any) -> None: ...


@dataclass(frozen=True)
class StudySettings:
    """Each field is stored under its own name (`store.get_setting("new_per_day")`)."""

    new_per_day: int = 20
    reviews_per_day: int = 200
    desired_retention: float = 0.9
    leech_threshold: int = DEFAULT_LEECH_THRESHOLD
    day_rollover_hour: int = DEFAULT_ROLLOVER_HOUR
    learn_ahead_minutes: int = 20
    fsrs_parameters: tuple[float, ...] = ()
    """Fitted to the user's history by `quizapp optimize`; empty means FSRS's defaults."""
    interview_date: str = ""
    """The user's interview day as YYYY-MM-DD (empty: none): home counts down to it, stats
    predict recall on it, custom study reviews ahead what would be below retention by then."""

    def __post_init__(self) -> None:
        _check_parameters(self)
        for name, (least, most) in WHOLE_NUMBER_RANGES.items():
            _check(self, name, _within(least, most), f"an integer {least}..{most}")
        _check(
            self,
            "desired_retention",
            lambda value: isinstance(value, int | float) and 0.7 <= value <= 0.99,
            "a fraction between 0.70 and 0.99",
        )
        _check(self, "interview_date", _is_date_text, "a date YYYY-MM-DD (or empty)")

    @property
    def interview_day(self) -> date | None:
        return date.fromisoformat(self.interview_date) if self.interview_date else None

    def interview_ahead(self, today: date) -> date | None:
        """The interview day unless none is set, it has passed (`today` itself counts) or it is
        beyond `INTERVIEW_HORIZON` (stored by an older version: `interview_notice` says so): the
        day home counts down to, stats predict recall for and custom study prepares for. Ask
        with tomorrow for a day still ahead to introduce cards before."""
        day = self.interview_day
        return day if day is not None and not interview_day_problem(day, today) else None

    def interview_notice(self, today: date) -> str:
        """Why the stored interview day is ignored when it is too far ahead to plan for, or ""
        (a day that has passed is simply over: nothing to report)."""
        day = self.interview_day
        if day is None or day <= farthest_interview_day(today):
            return ""
        return (
            f"The interview day {day.isoformat()} is ignored: it is more than ten years ahead"
            f" (after {farthest_interview_day(today).isoformat()}). Set another one: t on the"
            " Choose screen, or `quizapp settings interview_date=YYYY-MM-DD`."
        )

    @classmethod
    def load(cls, store: SettingsStore) -> StudySettings:
        """Read every field; a stored value that is no longer valid falls back to its default,
        but a whole number stored before its bound existed (new_per_day=1000) is held to the
        bound, the nearest value the user would have chosen, not reset to the default."""
        settings = cls()
        for field in fields(cls):
            stored = store.get_setting(field.name, None)
            if stored is None:
                continue
            bounds = WHOLE_NUMBER_RANGES.get(field.name)
            if bounds is not None and type(stored) is int:
                stored = min(max(stored, bounds[0]), bounds[1])
            try:
                settings = replace(settings, **{field.name: stored})
            except ValueError:
                continue
        return settings

    def save(self, store: SettingsStore) -> None:
        for field in fields(self):
            value = getattr(self, field.name)
            store.set_setting(field.name, list(value) if isinstance(value, tuple) else value)

    def scheduler(self) -> Scheduler:
        """Fuzz is off: the interval shown on a button is exactly the one recorded, and replaying
        the log reproduces every schedule."""
        return Scheduler(
            parameters=self.fsrs_parameters or DEFAULT_PARAMETERS,
            desired_retention=float(self.desired_retention),
            enable_fuzzing=False,
        )

    def forgetting_curve(self) -> tuple[float, float]:
        """fsrs's forgetting curve, recall = (1 + factor · days / stability) ** decay, as
        (factor, decay) from the parameters `scheduler` uses: for reads that predict recall in
        SQL the way `Scheduler.get_card_retrievability` does (tests check they agree)."""
        decay = -float((self.fsrs_parameters or DEFAULT_PARAMETERS)[20])
        return 0.9 ** (1 / decay) - 1, decay

    def calendar(self, zone: tzinfo | None) -> StudyCalendar:
        return StudyCalendar(zone=zone, rollover_hour=self.day_rollover_hour)


def interview_day_problem(day: date, today: date) -> str:
    """What `day` breaks as the interview day seen from `today` ("must be …"), or "" when it is
    fine: the one rule for the settings, the interview-day dialog, stats and the sessions that
    prepare for the day."""
    if day < today:
        return f"must be today ({today.isoformat()}) or later"
    farthest = farthest_interview_day(today)
    if day > farthest:
        return f"must be at most ten years ahead ({farthest.isoformat()})"
    return ""


def _within(least: int, most: int) -> Callable[[Any], bool]:
    """Whether a value is an integer from `least` to `most`."""

    def valid(value: Any) -> bool:
        return isinstance(value, int) and least <= value <= most

    return valid


def _check(settings: StudySettings, name: str, valid: Callable[[Any], bool], expected: str) -> None:
    value = getattr(settings, name)
    if isinstance(value, bool) or not valid(value):
        raise ValueError(f"setting {name} must be {expected}, got {value!r}")


def _is_date_text(value: Any) -> bool:
    if not isinstance(value, str):
        return False
    if not value:
        return True
    try:
        date.fromisoformat(value)
    except ValueError:
        return False
    return len(value) == len("YYYY-MM-DD")


def _check_parameters(settings: StudySettings) -> None:
    """Stored as a JSON list: read back as a tuple of floats within FSRS's bounds."""
    value = settings.fsrs_parameters
    if not isinstance(value, list | tuple) or not all(
        isinstance(item, int | float) and not isinstance(item, bool) for item in value
    ):
        raise ValueError(f"setting fsrs_parameters must be a list of numbers, got {value!r}")
    parameters = tuple(float(item) for item in value)
    if parameters:
        Scheduler(parameters=parameters)
    object.__setattr__(settings, "fsrs_parameters", parameters)
