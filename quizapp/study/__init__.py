"""Study state: the SQLite review history, FSRS scheduling, sessions and stats. No textual here."""

from fsrs import Rating, State

from quizapp.study.answering import Graded, KeyPointsGrade, propose, propose_rating
from quizapp.study.clock import Clock, FakeClock, StudyCalendar, SystemClock
from quizapp.study.content_changes import ChangedCard, find_changed, find_orphans
from quizapp.study.cram import CramSession
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
from quizapp.study.session import QueueCounts, ReviewSession
from quizapp.study.settings import StudySettings
from quizapp.study.state import CardState
from quizapp.study.stats import Stats, compute_stats
from quizapp.study.store import DATABASE_NAME, Recorded, ReviewRecord, StudyStore, open_store

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
