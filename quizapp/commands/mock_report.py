"""`quizapp mock-report`: a finished or abandoned mock interview as a report to keep."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from quizapp.commands import CommandError
from quizapp.commands.export import refuse_database, write_output
from quizapp.safe_text import inert


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "mock-report",
        help="write a mock interview's report (Markdown or JSON)",
        description="The score, time per question against its budget, your answers, model "
        "answers, worked solutions and weakest topics of one stored mock interview.",
    )
    which = parser.add_mutually_exclusive_group()
    which.add_argument(
        "id", nargs="?", type=_interview_id, metavar="ID", help="the interview's number"
    )
    which.add_argument(
        "--last", action="store_true", help="the latest interview, finished or not (the default)"
    )
    parser.add_argument("--format", choices=["md", "json"], default="md", help="output format")
    parser.add_argument(
        "--output", type=Path, metavar="FILE", help="write to FILE instead of standard output"
    )
    parser.set_defaults(run=run)


def _interview_id(text: str) -> int:
    if not text.isdigit():
        raise argparse.ArgumentTypeError(f"{text!r} is not an interview number")
    return int(text)


def run(args: argparse.Namespace) -> int:
    from quizapp.commands._opening import data_dir, load_content, opened_store
    from quizapp.exchange.mock_report import report_questions, to_json, to_markdown
    from quizapp.study import DATABASE_NAME
    from quizapp.study.mock.archive import load_interview
    from quizapp.study.store.interviews import latest_interview_id

    if args.output is not None:
        refuse_database(args.output, data_dir(args) / DATABASE_NAME)
    with opened_store(args) as store:
        interview_id = args.id if args.id is not None else latest_interview_id(store)
        interview = None if interview_id is None else load_interview(store, interview_id)
        zone = store.clock.zone
    if interview is None:
        missing = "no mock interview yet" if interview_id is None else f"no interview {args.id}"
        raise CommandError(f"{missing}; see `quizapp stats` for the stored ones", 1)
    questions = report_questions(interview, load_content(args))
    if args.format == "json":
        text = json.dumps(to_json(interview, questions), indent=2, ensure_ascii=False) + "\n"
    else:
        text = to_markdown(interview, questions, zone)
    if args.output is None:
        sys.stdout.write(text)
    else:
        write_output(args.output, lambda path: path.write_text(inert(text), encoding="utf-8"))
    return 0
