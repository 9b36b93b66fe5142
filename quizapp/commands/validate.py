"""`quizapp validate`: check deck files and report each problem as `file:line: field: message`."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import TYPE_CHECKING

from quizapp.wording import plural

if TYPE_CHECKING:
    from quizapp.content import Card, Deck, Library, Problem

EPILOG = """\
A deck is a folder of .yaml files or a single .yaml file. Without PATH, checks the bundled deck,
your decks (<data dir>/decks/) and every --content folder. Exit status: 0 when every deck is
valid, 1 when any problem was found.
"""


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "validate",
        help="check deck files (YAML) and report problems by file and line",
        description="Check decks and print one summary line per valid deck, or every problem.",
        epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("paths", nargs="*", type=Path, metavar="PATH", help="deck folder or file")
    parser.set_defaults(run=run)


def summary(deck: Deck) -> str:
    """`name: 12 cards (definition 5, choice 7)`: the kinds present, in canonical order."""
    counts = deck.counts()
    total = sum(counts.values())
    kinds = ", ".join(f"{kind} {count}" for kind, count in counts.items() if count)
    return f"{deck.name}: {plural(total, 'card')}" + (f" ({kinds})" if kinds else "")


Generate = Callable[..., object]


def _pair(card: Card) -> str:
    """What a generated question depends on besides its seed: template, activation and params."""
    return json.dumps(
        [card.template, card.activation, dict(card.params)], sort_keys=True, default=repr
    )


def numeric_problems(deck: Deck, generate: Generate) -> list[Problem]:
    """A numeric card must produce a question: catches parameters its template does not take.

    Each distinct (template, activation, params) is generated once, however many cards share it;
    a failure is reported on every card that uses it."""
    from quizapp.content import Problem

    failures: dict[str, list[str]] = {}
    problems = []
    for card in deck.cards:
        if card.template is None:
            continue
        pair = _pair(card)
        if pair not in failures:
            failures[pair] = _generation_failure(card, generate)
        source = deck.sources[card.id]
        problems += [
            Problem(source.path, source.line, source.field, failure) for failure in failures[pair]
        ]
    return problems


def _generation_failure(card: Card, generate: Generate) -> list[str]:
    """Each reason the card cannot generate (every refused param at once), or none."""
    try:
        generate(card.template, 0, activation=card.activation, params=dict(card.params))
    except (ValueError, TypeError) as error:
        reasons = getattr(error, "problems", None) or (str(error),)
        return [f"cannot generate: {reason}" for reason in reasons]
    return []


def _paths(args: argparse.Namespace, bundled: Path) -> tuple[list[Path], set[Path]]:
    """What to load and which of it to report on; the bundled deck is always loaded so that a
    user deck reusing one of its card ids is caught here rather than skipped at start-up."""
    from quizapp.content import user_deck_paths
    from quizapp.datadir import resolve_data_dir

    if not args.paths:
        own: list[Path] = []
        try:
            data_dir = resolve_data_dir(args.data_dir)
        except ModuleNotFoundError as missing:
            print(
                f"quizapp: your own decks were not checked: their folder is found with"
                f" {missing.name!r}, which is not installed for {sys.executable}; give it with"
                " --data-dir DIR or QUIZAPP_DATA_DIR, or install quizapp there",
                file=sys.stderr,
            )
        else:
            own = user_deck_paths(data_dir)
        requested = [bundled, *own, *map(Path, args.content)]
        return requested, set(requested)
    requested = list(args.paths)
    resolved = {_resolved(path) for path in requested}
    context = [] if bundled.resolve() in resolved else [bundled]
    return [*context, *requested], set(requested)


def _by_history(args: argparse.Namespace, library: Library) -> Library:
    """A card id two decks define goes to the card its study history belongs to, as at start;
    without a readable study database, to the one loaded first. Decks without a shared id need
    neither the data folder nor the study store (nor the scheduler it imports)."""
    from quizapp.content.duplicates import duplicated_ids

    if not duplicated_ids(library):
        return library
    from quizapp.datadir import resolve_data_dir
    from quizapp.study import DATABASE_NAME, StudyStoreError, SystemClock, open_store
    from quizapp.workspace import settled_by_history

    data_dir = resolve_data_dir(args.data_dir)
    if not (data_dir / DATABASE_NAME).is_file():
        return library
    try:
        with open_store(data_dir, SystemClock(), for_reading=True) as store:
            return settled_by_history(library, store)
    except StudyStoreError:
        return library


def _resolved(path: Path) -> Path:
    """The path a link leads to; a link loop stays as given (loading it reports the loop)."""
    try:
        return path.resolve()
    except RuntimeError:
        return path


def run(args: argparse.Namespace) -> int:
    from quizapp.content import bundled_content_dir, load_decks
    from quizapp.questions import generate, template_ids

    paths, requested = _paths(args, bundled_content_dir())
    library = _by_history(args, load_decks(paths, known_templates=template_ids()))
    problems = [*library.problems, *library.notices]
    by_path: Mapping[Path, Deck] = {deck.path: deck for deck in library.decks}
    for path in paths:
        deck = by_path.get(path)
        if deck is None or path not in requested:
            continue
        deck_problems = numeric_problems(deck, generate)
        problems.extend(deck_problems)
        if not deck_problems:
            print(summary(deck))
    for problem in problems:
        print(problem)
    if problems:
        print(f"quizapp validate: {plural(len(problems), 'problem')} found", file=sys.stderr)
        return 1
    return 0
