"""`quizapp due`: what today's session holds, within the daily limits."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from quizapp.commands import CommandError


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "due",
        help="list what is due today (learning, reviews, new cards)",
        description="List today's cards in the order a session shows them, within the limits.",
    )
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from quizapp.datadir import resolve_data_dir
    from quizapp.study import ReviewSession, StudyStoreError, SystemClock
    from quizapp.study.reports import open_study

    try:
        context = open_study(
            resolve_data_dir(args.data_dir), list(map(Path, args.content)), SystemClock()
        )
        with context.store as store:
            session = ReviewSession(store, context.cards)
            counts = session.counts()
            upcoming = session.upcoming()
    except StudyStoreError as error:
        raise CommandError(str(error), 1) from error
    if context.content_warning:
        print(f"quizapp due: {context.content_warning}", file=sys.stderr)
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
