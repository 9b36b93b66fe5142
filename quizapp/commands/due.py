"""`quizapp due`: what today's session holds, within the daily limits, for all cards or a chosen
deck, section or tag."""

from __future__ import annotations

import argparse
from datetime import timedelta

from quizapp.commands import CommandError
from quizapp.commands._opening import opened_workspace
from quizapp.wording import plural


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "due",
        help="list what is due today (learning, reviews, new cards)",
        description="List today's cards in the order a session shows them, within the limits.",
    )
    parser.add_argument("--deck", metavar="NAME", help="only this deck (its name, as in Browse)")
    parser.add_argument("--section", metavar="ID", help="only this section of --deck")
    parser.add_argument("--tag", metavar="TAG", help="only the cards with this tag")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from quizapp.study import ReviewSession
    from quizapp.study.clock import calendar_date
    from quizapp.study.custom_study import next_due, when_text
    from quizapp.study.scope import check_scope, scope_from_options

    try:
        scope = scope_from_options(args.deck, args.section, args.tag)
    except ValueError as error:
        raise CommandError(str(error)) from error
    with opened_workspace(args, for_reading=True) as workspace:
        try:
            check_scope(scope, workspace.cards)
        except ValueError as error:
            raise CommandError(str(error)) from error
        cards = scope.select(workspace.cards)
        session = ReviewSession(workspace.store, cards)
        counts = session.counts()
        upcoming = session.upcoming()
        store = workspace.store
        now, zone = workspace.clock.now(), workspace.clock.zone
        coming = None if counts.total else next_due(store, cards, now)
    limits = session.settings
    which = "" if scope.kind == "all" else f" in {scope.title}"
    interview = limits.interview_ahead(session.day + timedelta(days=1))
    raised = (
        ""
        if interview is None
        else f" (more until the interview on {interview.isoformat()}, to see every card)"
    )
    print(
        f"Due today{which} ({calendar_date(now, zone).isoformat()}): "
        f"{plural(counts.review, 'review')}, "
        f"{counts.learning} learning, {counts.new} new "
        f"(limits: {limits.new_per_day} new{raised}, {limits.reviews_per_day} reviews a day)"
    )
    if coming is not None:
        print(f"Nothing is due now; the next card is due {when_text(coming, now, zone)}.")
    width = max((len(card.id) for card, _source in upcoming), default=0)
    for card, source in upcoming:
        front = " ".join(card.front.split())
        print(f"  {source:<8}  {card.id:<{width}}  {front[:70]}")
    return 0
