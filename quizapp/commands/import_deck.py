"""`quizapp import FILE`: an Anki text export or a question/answer CSV as a new user deck."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from quizapp.commands import CommandError
from quizapp.safe_text import first_control
from quizapp.wording import plural


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "import",
        help="import an Anki text export or a question/answer CSV as a new deck",
        description="Read an Anki 'Notes in Plain Text' export (tab-separated, with its #header "
        "lines) or a CSV of question,answer rows into a new deck folder under <data dir>/decks/. "
        "An existing deck is never overwritten.",
    )
    parser.add_argument("file", type=Path, metavar="FILE", help="the .txt or .csv file to read")
    parser.add_argument(
        "--name", metavar="NAME", help="deck name and folder (default: from the file name)"
    )
    parser.add_argument("--title", metavar="TITLE", help="deck title (default: the file name)")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from quizapp.commands._opening import data_dir as resolved_data_dir
    from quizapp.commands._opening import extra_content
    from quizapp.content import DeckError, user_decks_dir
    from quizapp.exchange.deck_folder import (
        DeckExistsError,
        deck_name_for,
        is_deck_name,
        write_deck,
    )
    from quizapp.exchange.notes_file import NotesFileError, read_notes
    from quizapp.questions import template_ids
    from quizapp.workspace import load_content

    data_dir = resolved_data_dir(args)
    if args.title is not None and (at := first_control(args.title)) is not None:
        raise CommandError(
            f"--title: control character \\u{ord(args.title[at]):04x} at position {at + 1} is "
            "not allowed in a deck title; remove it"
        )
    name = args.name or deck_name_for(args.file)
    if not is_deck_name(name):
        raise CommandError(
            f"--name {name!r}: use letters, digits, '.', '_' or '-', starting with a letter or "
            "digit"
        )
    try:
        notes = read_notes(args.file)
        library = load_content(data_dir, extra_content(args))
        taken = {key: source for deck in library.decks for key, source in deck.sources.items()}
        written = write_deck(
            notes.notes,
            user_decks_dir(data_dir),
            name,
            args.title or args.file.stem,
            known_templates=template_ids(),
            taken_ids=taken,
        )
    except (NotesFileError, DeckExistsError) as error:
        raise CommandError(str(error), 1) from error
    except DeckError as error:
        raise CommandError(f"the imported deck would not load:\n{error}", 1) from error
    except OSError as error:
        raise CommandError(f"cannot write the deck: {error.strerror or error}", 1) from error
    for message in (*notes.skipped, *notes.cleaned, *written.repeats):
        print(f"quizapp import: {args.file}: {message}", file=sys.stderr)
    print(f"{written.path}: deck {written.name!r}, {plural(written.cards, 'card')}")
    return 0
