"""The `quizapp` command: the TUI by default, plain subcommands for scripting and quick checks."""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Sequence
from contextlib import ExitStack

from quizapp import __version__
from quizapp.commands import CommandError, command_modules
from quizapp.safe_text import inert_output


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="quizapp",
        description="Prepare ML interviews on activation functions.",
    )
    parser.add_argument("--version", action="version", version=f"quizapp {__version__}")
    add_global_options(parser, after_command=False)
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND")
    for module_name in command_modules():
        importlib.import_module(f"quizapp.commands.{module_name}").register(subparsers)
    for subparser in subparsers.choices.values():
        add_global_options(subparser, after_command=True)
    return parser


LATE_CONTENT = "late_content"


def add_global_options(parser: argparse.ArgumentParser, *, after_command: bool) -> None:
    """`--data-dir` and `--content` work before or after the subcommand. After it they default to
    SUPPRESS, so a subcommand that does not repeat them keeps what was given before it; the
    folders given after it are kept apart and appended to those given before."""
    parser.add_argument(
        "--data-dir",
        metavar="DIR",
        default=argparse.SUPPRESS if after_command else None,
        help="where study data lives (default: $QUIZAPP_DATA_DIR, else the platform's data dir)",
    )
    parser.add_argument(
        "--content",
        metavar="DIR",
        action="append",
        dest=LATE_CONTENT if after_command else "content",
        default=argparse.SUPPRESS if after_command else [],
        help="load an extra deck folder (repeatable)",
    )


def run_app(args: argparse.Namespace) -> int:
    """The default command: the full-screen app on the resolved data dir; exits 1 if it crashed.
    The data starts opening before the app (and Textual) is imported (see `tui/opening.py`).

    The garbage collector is paused from here until home shows what was opened (or why it could
    not be): nearly all the start builds (Textual's classes and widgets, the decks) lives as long
    as the app, and the hundred collections its allocations set off walked it again and again
    (about a tenth of the start's CPU time). What is alive then is frozen (`gc_paused`)."""
    from quizapp.commands._opening import data_dir, extra_content
    from quizapp.gc_pause import gc_paused
    from quizapp.study.clock import SystemClock
    from quizapp.tui.opening import EarlyOpening

    with ExitStack() as start:
        start.enter_context(gc_paused(keep=True))
        folder, extra, clock = data_dir(args), extra_content(args), SystemClock()
        opening = EarlyOpening(folder, extra, clock)
        from quizapp.tui.app import QuizApp

        app = QuizApp(folder, extra, clock=clock, opening=opening, started=start.close)
        return app.run_to_exit_status()


def main(argv: Sequence[str] | None = None) -> int:
    try:
        return _main(argv)
    except ModuleNotFoundError as error:
        if error.name is None or error.name.partition(".")[0] == "quizapp":
            raise
        print(
            f"quizapp: error: the package {error.name!r} it needs is not installed for"
            f" {sys.executable}; install quizapp there: python3 -m pip install .",
            file=sys.stderr,
        )
        return 1


def app_arguments(argv: Sequence[str] | None) -> argparse.Namespace | None:
    """The arguments when they only start the app (global options, no command), read without
    importing every command's module, which would slow the app's start. None for anything else
    (a command, `--help`, `--version`, a mistake): the full parser reads and reports those."""
    parser = argparse.ArgumentParser(prog="quizapp", add_help=False, exit_on_error=False)
    add_global_options(parser, after_command=False)
    try:
        args, rest = parser.parse_known_args(argv)
    except argparse.ArgumentError:
        return None
    return None if rest else args


def _main(argv: Sequence[str] | None) -> int:
    app_args = app_arguments(argv)
    if app_args is not None:
        return run_app(app_args)
    parser = build_parser()
    with inert_output():
        args = parser.parse_args(argv)
    args.content = [*args.content, *vars(args).pop(LATE_CONTENT, [])]
    if args.command is None:
        return run_app(args)
    with inert_output():
        return run_command(args)


def run_command(args: argparse.Namespace) -> int:
    """A subcommand, its user errors as one line; what it prints is made inert by the caller."""
    try:
        return int(args.run(args) or 0)
    except CommandError as error:
        print(f"quizapp {args.command}: error: {error}", file=sys.stderr)
        return error.exit_code
    except BrokenPipeError:
        return 0
    except KeyboardInterrupt:
        return 130
