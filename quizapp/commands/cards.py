"""`quizapp cards`: the card browser's list on the command line, searched the same way."""

from __future__ import annotations

import argparse
import json

from quizapp.commands import CommandError
from quizapp.commands._opening import opened_workspace
from quizapp.wording import plural

SEARCH_HELP = (
    "only the cards matching QUERY: words searched in id and front, and filters is:new,"
    " is:learning, is:review, is:due, is:suspended, is:buried, is:leech, is:flagged, deck:NAME,"
    " section:ID, tag:NAME, kind:KIND; -WORD negates; quote values with spaces"
)


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "cards",
        help="list and search every card with its study status",
        description=(
            "List every card (id, state, due date, lapses, leech, suspended/buried/flagged, kind,"
            " deck, section), as the app's card browser does. Change one with `quizapp unsuspend"
            " ID`, or in the app (c on home)."
        ),
    )
    parser.add_argument("-s", "--search", metavar="QUERY", default="", help=SEARCH_HELP)
    parser.add_argument("--json", action="store_true", help="print a JSON array instead")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from quizapp.study.card_browser import COLUMNS, CardCollection, row_cells
    from quizapp.study.card_query import QueryError

    with opened_workspace(args, for_reading=True) as workspace:
        titles = {deck.name: deck.title for deck in workspace.library.decks}
        collection = CardCollection(workspace.store, workspace.cards, titles)
        try:
            matches = collection.search(args.search)
        except QueryError as error:
            raise CommandError(f"--search {args.search!r}: {error}") from None
        today = collection.moment().today
        zone = workspace.clock.zone
    if args.json:
        entries = [
            {
                "card": card.card_id,
                "state": card.state,
                "due": None if card.due is None else card.due.isoformat(),
                "lapses": card.lapses,
                "leech": card.leech,
                "flags": list(card.marks(today)),
                "kind": card.kind or None,
                "deck": card.deck or None,
                "section": card.section or None,
                "front": card.front,
            }
            for card in matches
        ]
        print(json.dumps(entries, ensure_ascii=False, indent=1))
        return 0
    rows = [row_cells(card, today, zone) for card in matches]
    widths = [
        max([len(name), *(len(row[index]) for row in rows)]) for index, name in enumerate(COLUMNS)
    ]
    for line in [COLUMNS, *rows]:
        print(
            "  ".join(cell.ljust(width) for cell, width in zip(line, widths, strict=True)).rstrip()
        )
    print(plural(len(rows), "card"))
    return 0
