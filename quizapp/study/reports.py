"""What the plain commands (stats, due, orphans) share: the store plus the loaded cards."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from quizapp.study.clock import Clock
from quizapp.study.protocols import StudyCard
from quizapp.study.store import StudyStore, open_store


@dataclass(frozen=True)
class StudyContext:
    store: StudyStore
    cards: list[StudyCard]
    content_problems: int

    @property
    def content_warning(self) -> str | None:
        """The cards of a deck that failed to load look missing, even orphaned: say why."""
        if not self.content_problems:
            return None
        return (
            f"warning: {self.content_problems} content problem(s) skipped; run `quizapp validate`"
        )


def open_study(data_dir: Path, extra_dirs: Sequence[Path], clock: Clock) -> StudyContext:
    """Load every deck (a broken one is counted and skipped) and open the study database.

    Raises `StudyStoreError` (one line, path included) when the database cannot be used.
    """
    from quizapp.content import load_library, settle_duplicates
    from quizapp.content.duplicates import duplicated_ids

    library = load_library(data_dir, list(extra_dirs))
    store = open_store(data_dir, clock)
    library = settle_duplicates(library, store.history_hashes(duplicated_ids(library)))
    return StudyContext(store, list(library.cards), len(library.problems))
