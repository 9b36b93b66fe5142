"""Every failure a user can meet, each with a one-line message that names the database file."""

from __future__ import annotations

from pathlib import Path

from quizapp.safe_text import inert


class StudyStoreError(Exception):
    """Base class: `str(error)` is the message to show the user, made inert (a path may hold any
    character)."""

    def __init__(self, message: str, path: Path) -> None:
        super().__init__(inert(message))
        self.path = path


class CorruptDatabaseError(StudyStoreError):
    """The file is not a readable SQLite database; a copy was set aside before anything else."""

    def __init__(self, path: Path, backup: Path | None, detail: str) -> None:
        kept = f"a copy was kept at {backup}" if backup else "no copy could be made"
        super().__init__(
            f"study database {path} is unreadable or corrupt ({detail}); {kept}; "
            "it was left in place: restore it, or run `quizapp recover` for a fresh file "
            "holding what can still be read",
            path,
        )
        self.backup = backup
        self.detail = detail


class NewerSchemaError(StudyStoreError):
    """The file was written by a newer quizapp; opening it here could lose data."""

    def __init__(self, path: Path, found: int, known: int) -> None:
        super().__init__(
            f"study database {path} has schema version {found}, but this quizapp knows only up "
            f"to {known}; upgrade quizapp to open it",
            path,
        )


class ForeignDatabaseError(StudyStoreError):
    """A SQLite file that some other program owns sits where ours should be."""

    def __init__(self, path: Path) -> None:
        super().__init__(f"{path} is a SQLite database of another application, not quizapp's", path)


class DatabaseUnavailableError(StudyStoreError):
    """The file cannot be opened or stays locked (permissions, full disk, a writer that hangs)."""


class UndoError(StudyStoreError):
    """Nothing to undo, or a later answer (perhaps from another instance) depends on it."""


class CardChangedError(StudyStoreError):
    """An answer computed from a card's row that changed since it was shown: not written."""
