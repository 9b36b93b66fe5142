"""`quizapp schema`: the JSON Schema of a deck file, so editors check decks as the author types."""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from quizapp.commands import CommandError

EPILOG = """\
Point your editor's YAML support at the file, e.g. with the YAML language server put
  # yaml-language-server: $schema=quizapp-deck.schema.json
on the first line of each deck file, after:
  quizapp schema --output quizapp-deck.schema.json
"""


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "schema",
        help="print the JSON Schema of a deck file",
        description="Print the JSON Schema that every deck file (YAML) follows.",
        epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--output", type=Path, metavar="FILE", help="write to FILE, not stdout")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from quizapp.content import deck_file_json_schema

    text = json.dumps(deck_file_json_schema(), indent=2, ensure_ascii=False) + "\n"
    if args.output is None:
        print(text, end="")
        return 0
    try:
        args.output.write_text(text, encoding="utf-8")
    except OSError as error:
        raise CommandError(f"cannot write {args.output}: {error.strerror or error}", 1) from error
    return 0
