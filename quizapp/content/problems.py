"""A problem in a content file, shown as `file:line: field: message` so an editor can jump there."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from quizapp.safe_text import inert

Location = tuple[str | int, ...]


def field_path(location: Location) -> str:
    """`("cards", 3, "answer")` -> `cards[3].answer`: how an author finds the value in the file."""
    text = ""
    for part in location:
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else part)
    return text or "(file)"


def display_path(path: Path) -> str:
    """Paths under the working directory are shown relative, as a user would type them."""
    if path.is_absolute():
        try:
            return str(path.relative_to(Path.cwd()))
        except (ValueError, OSError):  # elsewhere, or the working folder was deleted
            return str(path)
    return str(path)


@dataclass(frozen=True, slots=True)
class Problem:
    """One thing wrong with a deck. `line` is 1-based; 0 means the whole folder (no line).

    Shown with its control characters escaped: a file name may hold any of them."""

    file: Path
    line: int
    field: str
    message: str

    def __str__(self) -> str:
        where = display_path(self.file)
        if self.line > 0:
            where = f"{where}:{self.line}"
        return inert(f"{where}: {self.field}: {self.message}")


class DeckError(Exception):
    """A deck that cannot be loaded; `problems` lists everything found, not just the first."""

    def __init__(self, problems: list[Problem]) -> None:
        super().__init__("\n".join(str(problem) for problem in problems))
        self.problems = tuple(problems)
