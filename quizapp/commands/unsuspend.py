"""`quizapp unsuspend`: list the suspended cards, or let some be scheduled again."""

from __future__ import annotations

import argparse

from quizapp.commands import CommandError
from quizapp.commands._opening import opened_workspace


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "unsuspend",
        help="list suspended cards, or schedule a suspended card again",
        description=(
            "With no ID, list the suspended cards. With an ID, take that card out of suspension:"
            " it comes up again when due (its schedule and history were kept)."
        ),
    )
    parser.add_argument("card_id", nargs="?", metavar="ID", help="a card id, e.g. relu-def")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from quizapp.study.suspended import UnknownCardError, suspended_cards, unsuspend

    with opened_workspace(args) as workspace:
        if args.card_id is None:
            listed = suspended_cards(workspace.store, workspace.cards)
            if not listed:
                print("No card is suspended.")
            for entry in listed:
                print(f"{entry.card_id}  {' '.join(entry.front.split())[:70]}")
            return 0
        try:
            change = unsuspend(workspace.store, workspace.cards, args.card_id)
        except UnknownCardError as error:
            raise CommandError(f"{error}; `quizapp unsuspend` lists suspended cards") from None
    if change is not None:
        print(f"{args.card_id}: unsuspended; it comes up again when due")
    else:
        print(f"{args.card_id}: was not suspended; nothing changed")
    return 0
