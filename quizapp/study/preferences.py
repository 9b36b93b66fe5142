"""Changing study settings from text, as typed on the command line or in a form."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import fields, replace
from datetime import date
from typing import Any

from quizapp.study.settings import StudySettings, interview_day_problem

DESCRIPTIONS: dict[str, str] = {
    "new_per_day": "new cards introduced per day",
    "reviews_per_day": "scheduled reviews per day (learning cards are never cut)",
    "desired_retention": "FSRS desired retention, 0.70-0.99 (higher: shorter intervals)",
    "leech_threshold": "lapses after which a card is flagged as a leech",
    "day_rollover_hour": "local hour at which a new study day starts, 0-23",
    "learn_ahead_minutes": "minutes ahead a learning card may be shown early, 0-1440",
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
        kind = type(getattr(current, name))
        try:
            values[name] = kind(text.strip())
        except ValueError:
            expected = "a whole number" if kind is int else "a number"
            raise ValueError(f"setting {name} must be {expected}, got {text!r}") from None
    updated = replace(current, **values)
    day = updated.interview_day
    problem = "" if today is None or day is None else interview_day_problem(day, today)
    if "interview_date" in values and problem:
        raise ValueError(f"setting interview_date {problem}, got {updated.interview_date}")
    return updated
