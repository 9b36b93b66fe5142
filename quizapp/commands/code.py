"""`quizapp code`: list the coding exercises and grade a file written in your own editor."""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import TYPE_CHECKING

from quizapp.commands import CommandError

if TYPE_CHECKING:
    from quizapp.coding.check import CheckReport
    from quizapp.coding.sandbox import Sandbox
    from quizapp.content import Card

MAX_SOURCE_BYTES = 1 << 20


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "code",
        help="coding exercises: list them, or check a solution file",
        description="Coding drills graded against the engine; your code runs in a separate, "
        "limited process (5 s, 1 GiB, 64 KiB of output).",
    )
    actions = parser.add_subparsers(dest="code_command", metavar="ACTION", required=True)
    listing = actions.add_parser("list", help="list the exercises")
    listing.add_argument("--json", action="store_true", help="print a JSON list instead")
    listing.set_defaults(run=run_list)
    checking = actions.add_parser(
        "check",
        help="run a solution file against an exercise's hidden tests",
        description="Exit status: 0 every case passes, 1 some fail, 2 bad input.",
    )
    checking.add_argument("exercise", help="exercise id, e.g. code-softmax")
    checking.add_argument("file", type=Path, help="your solution, a Python file")
    checking.add_argument("--json", action="store_true", help="print one JSON object instead")
    checking.set_defaults(run=run_check)


def _exercises(args: argparse.Namespace) -> list[Card]:
    from quizapp.commands._opening import load_content

    return load_content(args).exercises


def run_list(args: argparse.Namespace) -> int:
    from quizapp.coding.report import visible

    exercises = _exercises(args)
    if args.json:
        rows = [
            {
                "id": card.id,
                "title": card.front,
                "function": card.exercise.function,
                "signature": card.exercise.signature,
            }
            for card in exercises
            if card.exercise is not None
        ]
        print(json.dumps(rows, ensure_ascii=False, indent=2))
        return 0
    width = max((len(card.id) for card in exercises), default=0)
    for card in exercises:
        print(f"{visible(card.id):<{width}}  {visible(card.front)}")
    return 0


def _read_source(path: Path) -> str:
    try:
        data = path.read_bytes()
    except OSError as error:
        raise CommandError(f"cannot read {path}: {error.strerror or error}") from None
    if len(data) > MAX_SOURCE_BYTES:
        raise CommandError(f"{path} is larger than {MAX_SOURCE_BYTES >> 10} KiB")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as error:
        raise CommandError(f"{path} is not UTF-8 text (byte {error.start + 1})") from None


def run_check(args: argparse.Namespace) -> int:
    """The sandbox's child starts first: its interpreter and numpy load while this process
    finds the exercise and computes the expected values, instead of after."""
    from quizapp.coding.sandbox import Sandbox, SandboxError

    code = _read_source(args.file)
    try:
        with Sandbox() as sandbox:
            sandbox.start()
            card = _exercise(args)
            report = _checked(card, code, sandbox)
    except SandboxError as error:
        raise CommandError(str(error), 1) from None
    from quizapp.coding.report import report_json, report_lines, summary, visible

    if args.json:
        print(json.dumps(report_json(report), ensure_ascii=False, indent=2))
    else:
        print(f"{visible(card.id)}: {summary(report)}")
        for line in report_lines(report):
            print(line)
    return 0 if report.solved else 1


def _exercise(args: argparse.Namespace) -> Card:
    exercises = {card.id: card for card in _exercises(args)}
    card = exercises.get(args.exercise)
    if card is None:
        known = ", ".join(exercises) or "none"
        raise CommandError(f"unknown exercise {args.exercise!r}; known: {known}")
    return card


def _checked(card: Card, code: str, sandbox: Sandbox) -> CheckReport:
    from quizapp.coding.cases import ExerciseError
    from quizapp.coding.check import check

    try:
        return check(card, code, sandbox)
    except ExerciseError as error:
        raise CommandError(str(error), 1) from None
