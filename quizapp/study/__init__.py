"""Study state: the SQLite review history, FSRS scheduling, sessions and stats. No textual here.

Each name is imported from its module when first used, so opening the store for the home screen
does not import sessions, stats or the question engine (and numpy) with it.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from fsrs import Rating, State

    from quizapp.study.answering import Graded, KeyPointsGrade, propose, propose_rating
    from quizapp.study.clock import Clock, FakeClock, StudyCalendar, SystemClock
    from quizapp.study.content_changes import ChangedCard, find_changed, find_orphans
    from quizapp.study.cram import CramSession
    from quizapp.study.daily_room import QueueCounts
    from quizapp.study.errors import (
        CardChangedError,
        CorruptDatabaseError,
        DatabaseUnavailableError,
        ForeignDatabaseError,
        NewerSchemaError,
        StudyStoreError,
        UndoError,
    )
    from quizapp.study.items import PracticeItem, StudyItem, format_interval
    from quizapp.study.practice import PracticeSession
    from quizapp.study.protocols import GradeLike, QuestionFactory, QuestionLike, StudyCard
    from quizapp.study.scheduling import record_answer
    from quizapp.study.session import ReviewSession
    from quizapp.study.settings import StudySettings
    from quizapp.study.state import CardState
    from quizapp.study.stats import Stats, compute_stats
    from quizapp.study.store import DATABASE_NAME, Recorded, ReviewRecord, StudyStore, open_store

_HOMES = {
    "Rating": "fsrs",
    "State": "fsrs",
    "Graded": "quizapp.study.answering",
    "KeyPointsGrade": "quizapp.study.answering",
    "propose": "quizapp.study.answering",
    "propose_rating": "quizapp.study.answering",
    "Clock": "quizapp.study.clock",
    "FakeClock": "quizapp.study.clock",
    "StudyCalendar": "quizapp.study.clock",
    "SystemClock": "quizapp.study.clock",
    "ChangedCard": "quizapp.study.content_changes",
    "find_changed": "quizapp.study.content_changes",
    "find_orphans": "quizapp.study.content_changes",
    "CramSession": "quizapp.study.cram",
    "CardChangedError": "quizapp.study.errors",
    "CorruptDatabaseError": "quizapp.study.errors",
    "DatabaseUnavailableError": "quizapp.study.errors",
    "ForeignDatabaseError": "quizapp.study.errors",
    "NewerSchemaError": "quizapp.study.errors",
    "StudyStoreError": "quizapp.study.errors",
    "UndoError": "quizapp.study.errors",
    "PracticeItem": "quizapp.study.items",
    "StudyItem": "quizapp.study.items",
    "format_interval": "quizapp.study.items",
    "PracticeSession": "quizapp.study.practice",
    "GradeLike": "quizapp.study.protocols",
    "QuestionFactory": "quizapp.study.protocols",
    "QuestionLike": "quizapp.study.protocols",
    "StudyCard": "quizapp.study.protocols",
    "record_answer": "quizapp.study.scheduling",
    "QueueCounts": "quizapp.study.daily_room",
    "ReviewSession": "quizapp.study.session",
    "StudySettings": "quizapp.study.settings",
    "CardState": "quizapp.study.state",
    "Stats": "quizapp.study.stats",
    "compute_stats": "quizapp.study.stats",
    "DATABASE_NAME": "quizapp.study.store",
    "Recorded": "quizapp.study.store",
    "ReviewRecord": "quizapp.study.store",
    "StudyStore": "quizapp.study.store",
    "open_store": "quizapp.study.store",
}
"""Where each name lives."""

__all__ = [
    "DATABASE_NAME",
    "CardChangedError",
    "CardState",
    "ChangedCard",
    "Clock",
    "CorruptDatabaseError",
    "CramSession",
    "DatabaseUnavailableError",
    "FakeClock",
    "ForeignDatabaseError",
    "GradeLike",
    "Graded",
    "KeyPointsGrade",
    "NewerSchemaError",
    "PracticeItem",
    "PracticeSession",
    "QuestionFactory",
    "QuestionLike",
    "QueueCounts",
    "Rating",
    "Recorded",
    "ReviewRecord",
    "ReviewSession",
    "State",
    "Stats",
    "StudyCalendar",
    "StudyCard",
    "StudyItem",
    "StudySettings",
    "StudyStore",
    "StudyStoreError",
    "SystemClock",
    "UndoError",
    "compute_stats",
    "find_changed",
    "find_orphans",
    "format_interval",
    "open_store",
    "propose",
    "propose_rating",
    "record_answer",
]


def __getattr__(name: str) -> object:
    home = _HOMES.get(name)
    if home is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(home), name)
    globals()[name] = value
    return value
