"""How a command opens the user's data: the data dir resolved once, the workspace opened the
way the app opens it, content problems warned about on stderr, store errors as one line.

Every command checks the store on open (SQLite's quick check): a damaged file is reported the
same way by all of them, never read as wrong figures or a traceback."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

from quizapp.commands import CommandError

if TYPE_CHECKING:
    from quizapp.content import Library
    from quizapp.study import Clock, StudyStore
    from quizapp.workspace import Workspace


def data_dir(args: argparse.Namespace) -> Path:
    """`--data-dir`, then `QUIZAPP_DATA_DIR`, then the platform's data dir."""
    from quizapp.datadir import resolve_data_dir

    return resolve_data_dir(args.data_dir)


def extra_content(args: argparse.Namespace) -> list[Path]:
    return [Path(folder) for folder in args.content]


def load_content(args: argparse.Namespace) -> Library:
    """The decks the app would load, each content problem printed as a warning."""
    from quizapp.workspace import load_content as load

    library = load(data_dir(args), extra_content(args))
    for problem in library.problems:
        print(f"quizapp {args.command}: warning: deck skipped: {problem}", file=sys.stderr)
    for notice in library.notices:
        print(f"quizapp {args.command}: warning: left out: {notice}", file=sys.stderr)
    return library


@contextmanager
def store_errors_exit_1() -> Iterator[None]:
    """A database that cannot be used (locked, corrupt, unwritable) ends the command with exit
    status 1 and the store's one-line reason, which names the file."""
    from quizapp.study import StudyStoreError

    try:
        yield
    except StudyStoreError as error:
        raise CommandError(str(error), 1) from error


@contextmanager
def opened_workspace(
    args: argparse.Namespace, clock: Clock | None = None, *, for_reading: bool = False
) -> Iterator[Workspace]:
    """Content and store, as the app opens them; closed when the block ends. `for_reading`: the
    command never writes, so a data dir it may not write is opened read-only."""
    from quizapp.study import SystemClock
    from quizapp.workspace import open_workspace

    library = load_content(args)
    with store_errors_exit_1():
        workspace = open_workspace(
            data_dir(args),
            extra_content(args),
            clock or SystemClock(),
            library=library,
            for_reading=for_reading,
            verify=True,
        )
        try:
            yield workspace
        finally:
            workspace.close()


@contextmanager
def opened_store(
    args: argparse.Namespace, clock: Clock | None = None, *, for_reading: bool = False
) -> Iterator[StudyStore]:
    """The study store alone, for commands that never look at a card (settings, export)."""
    from quizapp.study import SystemClock, open_store

    with (
        store_errors_exit_1(),
        open_store(
            data_dir(args), clock or SystemClock(), for_reading=for_reading, verify=True
        ) as store,
    ):
        yield store
