"""The one way to open the user's data: the loaded decks and the study store, side by side.

The TUI and every command that needs cards open it here (commands through
`quizapp.commands.opening`), so a deck is judged the same way everywhere: checked against the
known templates, skipped with its problems listed when it is broken.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from quizapp.catalog import template_ids
from quizapp.content import Card, Library, Problem, load_library, settle_duplicates
from quizapp.content.cache import default_cache
from quizapp.content.duplicates import duplicated_ids

if TYPE_CHECKING:
    from quizapp.study import Clock, StudyStore


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

    @property
    def content_problems(self) -> list[Problem]:
        return self.library.problems

    def close(self) -> None:
        self.store.close()


def load_content(data_dir: Path | None, extra_dirs: Sequence[Path] = ()) -> Library:
    """All decks (bundled, the user's, `--content`), checked against the known templates; an
    unchanged deck comes from the deck cache."""
    return load_library(data_dir, extra_dirs, known_templates=template_ids(), cache=default_cache())


def open_workspace(
    data_dir: Path,
    extra_dirs: Sequence[Path],
    clock: Clock,
    *,
    library: Library | None = None,
    for_reading: bool = False,
    verify: bool = False,
) -> Workspace:
    """Load content first so a broken store never hides a content problem, then open the store;
    a card id two decks define goes to the card that owns its study history.

    `library`: content the caller already loaded with `load_content`, so it is not read twice.
    `for_reading`: the caller never writes (a read-only data dir is then opened read-only).
    `verify`: a damaged store is reported before anything reads it (see `open_store`).
    """
    from quizapp.study import open_store  # here: `load_content` alone (code check) needs no store

    if library is None:
        library = load_content(data_dir, extra_dirs)
    store = open_store(data_dir, clock, for_reading=for_reading, verify=verify)
    library = settled_by_history(library, store)
    return Workspace(data_dir=data_dir, library=library, store=store, clock=clock)


def settled_by_history(library: Library, store: StudyStore) -> Library:
    """A card id two decks define goes to the card its study history was recorded against
    (see `settle_duplicates`); with no such id the library is kept as it is."""
    duplicated = duplicated_ids(library)
    return settle_duplicates(library, store.history_hashes(duplicated)) if duplicated else library
