"""`quizapp mock`: open the app straight into a timed mock interview."""

from __future__ import annotations

import argparse
from dataclasses import replace

from quizapp.commands import CommandError
from quizapp.commands._opening import data_dir, extra_content, load_content

DEFAULT_QUESTIONS = 6
"""Shown in `--help` (the options module, which holds the real default, loads fsrs)."""


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "mock",
        help="start a timed mock interview in the app",
        description=(
            "Open the app straight into a timed mock interview: interview questions to answer"
            " in a line or think through, generated numeric questions and code exercises,"
            " weighted towards your weak areas. Each question has a countdown; at zero the"
            " answer typed so far is submitted (code: its tests run on what was written)."
            " A report follows the last question."
        ),
    )
    parser.add_argument(
        "--questions",
        type=int,
        metavar="N",
        default=DEFAULT_QUESTIONS,
        help=f"how many questions (default {DEFAULT_QUESTIONS}: half conceptual, half numeric)",
    )
    parser.add_argument(
        "--minutes",
        type=float,
        metavar="M",
        help="cap the whole session at M minutes (default: the sum of the question budgets);"
        " without --time-per-question the budgets are shared out to fill it",
    )
    parser.add_argument(
        "--time-per-question",
        type=int,
        metavar="S",
        help="give every question S seconds (default: 3 min conceptual, 45 s-2 min numeric)",
    )
    parser.add_argument(
        "--topics",
        nargs="+",
        metavar="TOPIC",
        default=[],
        help="only cards with one of these tags, sections or activations (e.g. softmax relu"
        " leaky-relu silu; - and _ are alike); commas separate too; a topic no interview,"
        " numeric or coding card has is refused with the list of those that do",
    )
    parser.add_argument(
        "--coding",
        type=int,
        metavar="N",
        help="up to N of the questions are code exercises, 8 minutes each unless the deck says"
        " otherwise (default: 1 from 4 questions on, else 0; 0 turns them off)",
    )
    parser.add_argument(
        "--seed", type=int, metavar="K", help="plan the same interview again from seed K"
    )
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from quizapp.study.mock import MockOptions, MockOptionsError
    from quizapp.study.mock.topics import (
        available_topics,
        spelt_as_the_decks,
        unknown_topics,
        unknown_topics_reason,
    )

    topics = [word for entry in args.topics for word in entry.split(",") if word.strip()]
    try:
        options = MockOptions(
            questions=args.questions,
            minutes=args.minutes,
            time_per_question=args.time_per_question,
            topics=tuple(word.strip() for word in topics),
            seed=args.seed,
            coding=args.coding,
        )
    except MockOptionsError as error:
        raise CommandError(str(error), 2) from error
    library = None
    if options.topics:
        library = load_content(args)
        unknown = unknown_topics(library.cards, options.topics)
        if unknown:
            raise CommandError(
                f"{unknown_topics_reason(unknown)}; choose from: "
                + ", ".join(available_topics(library.cards)),
                2,
            )
        options = replace(options, topics=spelt_as_the_decks(library.cards, options.topics))
    from quizapp.tui.app import QuizApp

    app = QuizApp(data_dir(args), extra_content(args), start_mock=options, library=library)
    return app.run_to_exit_status()
