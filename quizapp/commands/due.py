"""`quizapp due`: what today's session holds, within the daily limits."""

from __future__ import annotations

import argparse

from quizapp.commands._opening import opened_workspace


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "due",
        help="list what is due today (learning, reviews, new cards)",
        description="List today's cards in the order a session shows them, within the limits.",
    )
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from quizapp.study import ReviewSession

    with opened_workspace(args, for_reading=True) as workspace:
        session = ReviewSession(workspace.store, workspace.cards)
        counts = session.counts()
        upcoming = session.upcoming()
    limits = session.settings
    print(
        f"Due today ({session.day.isoformat()}): {counts.review} reviews, "
        f"{counts.learning} learning, {counts.new} new "
        f"(limits: {limits.new_per_day} new, {limits.reviews_per_day} reviews a day)"
    )
    width = max((len(card.id) for card, _source in upcoming), default=0)
    for card, source in upcoming:
        front = " ".join(card.front.split())
        print(f"  {source:<8}  {card.id:<{width}}  {front[:70]}")
    return 0
