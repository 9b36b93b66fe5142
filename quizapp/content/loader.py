"""Finding and loading decks: bundled, the user's, extra folders; a broken deck is skipped.

A deck is a folder of `*.yaml` files (read in file-name order) or a single `.yaml` file.
User decks live in `<data dir>/decks/`: each sub-folder is a deck, and so is each `.yaml` file
placed directly there.
"""

from __future__ import annotations

import stat
from collections.abc import Collection, Iterable, Iterator, Mapping, Sequence
from dataclasses import replace
from itertools import chain
from pathlib import Path

from quizapp.catalog import activation_names
from quizapp.content.assembly import assemble
from quizapp.content.cache import DeckCache
from quizapp.content.duplicates import settle_duplicates
from quizapp.content.model import CardSource, Deck, Library
from quizapp.content.problems import DeckError, Problem, display_path
from quizapp.gc_pause import gc_paused

DECK_SUFFIXES = (".yaml", ".yml")
USER_DECKS = "decks"


PACKAGE_DIR = Path(__file__).resolve().parent.parent
"""The installed `quizapp` folder: the app runs from files on disk, so no `importlib.resources`
(7 ms at start-up)."""


def bundled_content_dir() -> Path:
    """The deck shipped with the app: inside the wheel, or the repository's `content/`."""
    packaged = PACKAGE_DIR / "bundled_content"
    if packaged.is_dir():
        return packaged
    return PACKAGE_DIR.parent / "content"


def user_decks_dir(data_dir: Path) -> Path:
    return data_dir / USER_DECKS


def user_deck_paths(data_dir: Path) -> list[Path]:
    """Each sub-folder and each loose `.yaml` file of `<data dir>/decks/`, by name."""
    folder = user_decks_dir(data_dir)
    try:
        entries = sorted(folder.iterdir())
    except OSError:
        return []
    return [entry for entry in entries if not entry.name.startswith(".") and _may_be_deck(entry)]


def _may_be_deck(entry: Path) -> bool:
    """A folder or anything named like a YAML file (a FIFO or a link loop too, so that loading it
    says why it is refused); one that cannot be looked at is kept, so loading it says why."""
    try:
        return entry.suffix in DECK_SUFFIXES or entry.is_dir()
    except OSError:
        return True


def _deck_files(path: Path) -> tuple[list[Path], list[Problem], list[Problem]]:
    """The files to read, the problems that reject the deck, and the links out of the folder
    that are skipped with a notice (the rest of the deck still loads)."""
    try:
        missing = not path.exists() and not path.is_symlink()
    except OSError as error:
        return [], [Problem(path, 0, "deck", f"cannot read it: {error.strerror or error}")], []
    if missing:
        return [], [Problem(path, 0, "deck", "no such file or folder")], []
    kind = _entry_kind(path, _folder_of_link(path))
    if kind == _READ:
        return [path], [], []
    if kind != _FOLDER:
        return [], [Problem(path, 0, "deck", kind)], []
    try:
        entries = sorted(path.iterdir())
        folder = path.resolve()
    except (OSError, RuntimeError) as error:
        reason = getattr(error, "strerror", None) or error
        return [], [Problem(path, 0, "deck", f"cannot read the folder: {reason}")], []
    files: list[Path] = []
    problems: list[Problem] = []
    skipped: list[Problem] = []
    for entry in entries:
        if entry.suffix not in DECK_SUFFIXES or entry.name.startswith("."):
            continue
        kind = _entry_kind(entry, folder)
        if kind == _READ:
            files.append(entry)
        elif kind != _FOLDER:
            refused = Problem(entry, 0, "file", f"{kind}; it was not read")
            (skipped if kind.endswith(_OUTSIDE) else problems).append(refused)
    if not files and not problems and not skipped:
        return [], [Problem(path, 0, "deck", "no .yaml files in this folder")], []
    return files, problems, skipped


def _folder_of_link(path: Path) -> Path | None:
    """A single-file deck that is a symbolic link must stay inside the folder holding the link."""
    try:
        return path.parent.resolve() if path.is_symlink() else None
    except (OSError, RuntimeError):
        return None


_READ = "read"
_FOLDER = "folder"
_OUTSIDE = "outside the deck folder"


def _entry_kind(entry: Path, folder: Path | None) -> str:
    """`_READ` for a file to read as part of the deck, `_FOLDER` for a folder, else why it is
    refused: a symbolic link loop, a link leading out of `folder` (a deck must not read
    whatever file it links to), a FIFO (reading it would wait forever) or another special file.
    One that cannot be looked at is read, so that reading it says why."""
    try:
        target = entry.resolve(strict=True)
        mode = target.stat().st_mode
    except RuntimeError:
        return "a symbolic link loop"
    except FileNotFoundError:
        return "a symbolic link to nothing" if entry.is_symlink() else _READ
    except OSError:
        return _READ
    if stat.S_ISDIR(mode):
        return _FOLDER
    if folder is not None and not target.is_relative_to(folder):
        return f"a symbolic link to {target}, {_OUTSIDE}"
    if stat.S_ISREG(mode):
        return _READ
    return "a FIFO (named pipe)" if stat.S_ISFIFO(mode) else "not a regular file"


def read_deck(
    path: Path,
    *,
    known_templates: Collection[str] | None = None,
    taken_ids: Mapping[str, CardSource] | None = None,
    cache: DeckCache | None = None,
) -> tuple[Deck | None, list[Problem]]:
    """Load one deck, returning every problem found; no deck at all when there is any problem.
    A link out of the folder is skipped: the deck lists it in `skipped`, or it is one more
    problem when the deck is rejected anyway. With a `cache`, an unchanged deck is not read
    again, and a deck read without problems is kept there."""
    files, problems, skipped = _deck_files(path)
    if not files:
        return None, [*problems, *skipped]
    names = _checked_against(known_templates)
    parts = cache.read(path, files, names) if cache is not None and not problems else None
    if parts is None:
        from quizapp.content.reading import read_parts

        parts, found = read_parts(
            path,
            files,
            complete=not problems,
            activations=activation_names(),
            known_templates=known_templates,
        )
        problems.extend(found)
        if cache is not None and not problems:
            cache.write(path, files, names, parts)
    deck, deck_problems = assemble(path, files, parts, taken_ids or {})
    problems.extend(deck_problems)
    if problems:
        problems.extend(left_out_problems(deck))
        problems.extend(skipped)
    rank = {file: index for index, file in enumerate(files)}
    problems.sort(key=lambda problem: (rank.get(problem.file, -1), problem.line))
    if problems:
        return None, problems
    return (replace(deck, skipped=tuple(skipped)) if skipped else deck), []


def _checked_against(known_templates: Collection[str] | None) -> tuple[str, ...]:
    """The names a deck's cards were checked against, for the cache key."""
    templates = ("(any)",) if known_templates is None else tuple(sorted(known_templates))
    return ("activations:", *sorted(activation_names()), "templates:", *templates)


def left_out_problems(deck: Deck) -> list[Problem]:
    """The deck's cards left out for an id an earlier deck defines, as problems: for a deck
    rejected anyway, or one that must load whole (an import)."""
    return [
        Problem(
            left.source.path,
            left.source.line,
            f"{left.source.field}.id",
            f"duplicate id {left.card_id!r} (first defined at {left.kept})",
        )
        for left in deck.left_out
    ]


def load_deck(path: Path, known_templates: Collection[str] | None = None) -> Deck:
    """Load one deck on its own; raises `DeckError` listing every problem."""
    deck, problems = read_deck(path, known_templates=known_templates)
    if deck is None:
        raise DeckError(problems)
    return deck


def load_decks(
    paths: Iterable[Path],
    known_templates: Collection[str] | None = None,
    cache: DeckCache | None = None,
) -> Library:
    """Load decks in order; a deck reusing an earlier deck's name is skipped, a card reusing an
    earlier deck's card id is left out (see `settle_duplicates` to let study history decide)."""
    with gc_paused(keep=True):
        return _load_decks(paths, known_templates, cache)


class _Taken(Mapping[str, CardSource]):
    """The card ids of the decks loaded so far (each defined by one deck), read through each
    deck's sources instead of copied out of them."""

    def __init__(self) -> None:
        self.decks: list[Mapping[str, CardSource]] = []

    def __getitem__(self, card_id: str) -> CardSource:
        for sources in self.decks:
            if card_id in sources:
                return sources[card_id]
        raise KeyError(card_id)

    def __contains__(self, card_id: object) -> bool:
        return any(card_id in sources for sources in self.decks)

    def __iter__(self) -> Iterator[str]:
        return chain.from_iterable(self.decks)

    def __len__(self) -> int:
        return sum(map(len, self.decks))


def _load_decks(
    paths: Iterable[Path], known_templates: Collection[str] | None, cache: DeckCache | None
) -> Library:
    decks: list[Deck] = []
    problems: list[Problem] = []
    taken = _Taken()
    names: dict[str, Path] = {}
    for path in paths:
        deck, deck_problems = read_deck(
            path, known_templates=known_templates, taken_ids=taken, cache=cache
        )
        problems.extend(deck_problems)
        if deck is None:
            continue
        if deck.name in names:
            problems.append(
                Problem(
                    path,
                    0,
                    "deck",
                    f"deck name {deck.name!r} is already used by {display_path(names[deck.name])}",
                )
            )
            continue
        names[deck.name] = path
        taken.decks.append(deck.sources)
        decks.append(deck)
    return settle_duplicates(Library(decks, problems), {})


def load_library(
    data_dir: Path | None,
    extra_dirs: Sequence[Path] = (),
    known_templates: Collection[str] | None = None,
    cache: DeckCache | None = None,
) -> Library:
    """The bundled deck, then the user's decks (when a data dir is given), then `extra_dirs`."""
    paths = [bundled_content_dir()]
    if data_dir is not None:
        paths.extend(user_deck_paths(data_dir))
    paths.extend(extra_dirs)
    return load_decks(paths, known_templates, cache)
