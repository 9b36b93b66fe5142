"""What home says about decks that were not loaded: one notice per file, not one per problem.

A deck with a dozen problems raised a dozen notices at start; the first scrolled off the top of
an 80x24 screen and all of them vanished before they could be read. `quizapp validate` lists every
problem, and each notice says so when it shows only some."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from quizapp.content.problems import Problem, display_path
from quizapp.safe_text import inert
from quizapp.wording import plural

SHOWN_PER_FILE = 3


def skipped_deck_notices(problems: Iterable[Problem]) -> list[str]:
    """One text per file, in the order the files first appear: its first problems, and how
    many more `quizapp validate` would list."""
    by_file: dict[Path, list[Problem]] = {}
    for problem in problems:
        by_file.setdefault(problem.file, []).append(problem)
    notices = []
    for file, found in by_file.items():
        lines = [str(problem) for problem in found[:SHOWN_PER_FILE]]
        hidden = len(found) - SHOWN_PER_FILE
        if hidden > 0:
            lines.append(
                f"… and {plural(hidden, 'more problem')}: `quizapp validate "
                f"{inert(display_path(file))}` lists them all"
            )
        notices.append("\n".join(lines))
    return notices
