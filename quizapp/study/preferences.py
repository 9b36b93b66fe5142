"""Changing study settings from text, as typed on the command line or in a form."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import fields, replace
from datetime import date
from typing import Any

from quizapp.study.settings import (
    MAX_LEARN_AHEAD_MINUTES,
    MAX_LEECH_THRESHOLD,
    MAX_NEW_PER_DAY,
    MAX_REVIEWS_PER_DAY,
    WHOLE_NUMBER_RANGES,
    StudySettings,
    interview_day_problem,
)
from quizapp.study.typed_numbers import decimal_number, whole_number

DESCRIPTIONS: dict[str, str] = {
    "new_per_day": f"new cards introduced per day, 0-{MAX_NEW_PER_DAY}",
    "reviews_per_day": (
        f"scheduled reviews per day, 0-{MAX_REVIEWS_PER_DAY} (learning cards are never cut)"
    ),
    "desired_retention": "FSRS desired retention, 0.70-0.99 (higher: shorter intervals)",
    "leech_threshold": f"lapses after which a card is flagged as a leech, 1-{MAX_LEECH_THRESHOLD}",
    "day_rollover_hour": "local hour at which a new study day starts, 0-23",
    "learn_ahead_minutes": (
        f"minutes ahead a learning card may be shown early, 0-{MAX_LEARN_AHEAD_MINUTES}"
    ),
    "interview_date": "your interview day, YYYY-MM-DD (empty: none); today to ten years ahead",
}


def setting_names() -> list[str]:
    """The settings typed as NAME=VALUE (FSRS parameters are set by `quizapp optimize`)."""
    return [field.name for field in fields(StudySettings) if field.name in DESCRIPTIONS]


def updated_settings(
    current: StudySettings, changes: Mapping[str, str], today: date | None = None
) -> StudySettings:
    """Each text value read as its setting's type; ValueError names the setting and the rule.
    With `today`, an interview date before it or too far ahead is refused (a stored one may
    pass meanwhile)."""
    names = setting_names()
    values: dict[str, Any] = {}  # each of its own setting's type, read by `kind` below
    for name, text in changes.items():
        if name not in names:
            raise ValueError(f"unknown setting {name!r}; known: {', '.join(names)}")
        what = f"setting {name}"
        if name in WHOLE_NUMBER_RANGES:
            values[name] = whole_number(text, what, *WHOLE_NUMBER_RANGES[name])
        elif isinstance(getattr(current, name), float):
            values[name] = decimal_number(text, what)
        else:
            values[name] = text.strip()
    updated = replace(current, **values)
    day = updated.interview_day
    problem = "" if today is None or day is None else interview_day_problem(day, today)
    if "interview_date" in values and problem:
        raise ValueError(f"setting interview_date {problem}, got {updated.interview_date}")
    return updated
