"""Everything the app opens at start: the loaded decks and the study store, side by side.

The TUI and `quizapp mock` load content here; the reporting commands (stats, due, export,
orphans) open theirs with `quizapp.study.reports.open_study`, which does not check templates.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from quizapp.content import Card, Library, load_library, settle_duplicates
from quizapp.content.duplicates import duplicated_ids
from quizapp.questions import template_ids
from quizapp.study import Clock, StudyStore, open_store


@dataclass(frozen=True)
class Workspace:
    """`library.problems` lists broken decks that were skipped; the rest is usable."""

    data_dir: Path
    library: Library
    store: StudyStore
    clock: Clock

    @property
    def cards(self) -> list[Card]:
        return self.library.cards

    def close(self) -> None:
        self.store.close()


def load_content(data_dir: Path | None, extra_dirs: Sequence[Path] = ()) -> Library:
    """All decks (bundled, the user's, `--content`), checked against the known templates."""
    return load_library(data_dir, extra_dirs, known_templates=template_ids())


def open_workspace(data_dir: Path, extra_dirs: Sequence[Path], clock: Clock) -> Workspace:
    """Load content first so a broken store never hides a content problem, then open the store;
    a card id two decks define goes to the card that owns its study history."""
    library = load_content(data_dir, extra_dirs)
    store = open_store(data_dir, clock)
    library = settle_duplicates(library, store.history_hashes(duplicated_ids(library)))
    return Workspace(data_dir=data_dir, library=library, store=store, clock=clock)
