"""`quizapp orphans`: history whose card left the content, and cards rewritten since review."""

from __future__ import annotations

import argparse

from quizapp.commands._opening import opened_workspace
from quizapp.wording import percent, plural


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "orphans",
        help="list review history whose card is no longer in the content",
        description=(
            "List card ids that have study history but no card in the loaded decks (the history "
            "is kept, and comes back if the card does), then cards whose text changed a lot since "
            "their last review (the TUI offers to reset them)."
        ),
    )
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from quizapp.study import find_changed, find_orphans

    with opened_workspace(args, for_reading=True) as workspace:
        store = workspace.store
        orphans = [
            (card_id, store.reviews_of(card_id)) for card_id in find_orphans(store, workspace.cards)
        ]
        changed = find_changed(store, workspace.cards)
    if not orphans:
        print("No orphaned history: every card with reviews is in the loaded content.")
    else:
        print(f"{plural(len(orphans), 'card id')} with history but no card in the content:")
        width = max(len(card_id) for card_id, _reviews in orphans)
        for card_id, reviews in orphans:
            last = f"last {reviews[-1].day.isoformat()}" if reviews else "no reviews"
            print(f"  {card_id:<{width}}  {plural(len(reviews), 'review')}, {last}")
    if changed:
        print(
            f"{plural(len(changed), 'card')} changed a lot since the last review"
            " (consider a reset):"
        )
        width = max(len(change.card_id) for change in changed)
        for change in changed:
            reads = change.current_text.splitlines()[0] if change.current_text else ""
            similar = f"{percent(change.similarity):>4} similar"
            print(f"  {change.card_id:<{width}}  {similar}  now reads: {reads}")
    return 0
