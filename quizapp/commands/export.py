"""`quizapp export`: the review log as CSV (spreadsheets, backups), or the decks as an Anki
package (`--format apkg`, written by `quizapp.exchange.apkg`)."""

from __future__ import annotations

import argparse
import csv
import stat
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from quizapp.commands import CommandError
from quizapp.commands._opening import data_dir, opened_store
from quizapp.safe_text import InertWriter
from quizapp.wording import plural

if TYPE_CHECKING:
    from _typeshed import SupportsWrite

    from quizapp.study import StudyStore

APKG_DEFAULT_NAME = "quizapp.apkg"
MAX_NUMERIC_INSTANCES = 100
COLUMNS = (
    "id",
    "card_id",
    "mode",
    "reviewed_at",
    "day",
    "rating",
    "duration_ms",
    "correct",
    "score",
    "template",
    "activation",
    "seed",
    "response",
    "content_hash",
)


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "export",
        help="export the review log (CSV) or the decks (Anki .apkg)",
        description="csv: every recorded review, oldest first, one row per answer. "
        "apkg: every card of the loaded decks as Anki notes, one subdeck per section.",
    )
    parser.add_argument("--format", choices=["csv", "apkg"], default="csv", help="output format")
    parser.add_argument(
        "--output",
        type=Path,
        metavar="FILE",
        help=f"write to FILE (csv default: standard output, also '-'; apkg default: "
        f"{APKG_DEFAULT_NAME}); a device or pipe is written in place, a symlink is followed",
    )
    parser.add_argument(
        "--numeric-instances",
        type=_instances,
        metavar="N",
        help="apkg: fixed generated instances per numeric card (default 5, 0 leaves them out)",
    )
    parser.set_defaults(run=run)


def _instances(text: str) -> int:
    try:
        count = int(text)
    except ValueError:
        count = -1
    if not 0 <= count <= MAX_NUMERIC_INSTANCES:
        raise argparse.ArgumentTypeError(
            f"{text!r} is not a whole number from 0 to {MAX_NUMERIC_INSTANCES}"
        )
    return count


def run(args: argparse.Namespace) -> int:
    if args.format == "apkg":
        return _run_apkg(args)
    if args.numeric_instances is not None:
        raise CommandError("--numeric-instances only applies to --format apkg", 2)
    return _run_csv(args)


def _run_apkg(args: argparse.Namespace) -> int:
    import time

    from quizapp.commands._opening import load_content
    from quizapp.exchange.apkg import DEFAULT_NUMERIC_INSTANCES, build_package, write_apkg
    from quizapp.study import DATABASE_NAME

    output = args.output or Path(APKG_DEFAULT_NAME)
    if output == Path("-"):
        raise CommandError("an Anki package cannot go to standard output; name a file", 2)
    refuse_database(output, data_dir(args) / DATABASE_NAME)
    library = load_content(args)
    instances = args.numeric_instances
    export = build_package(library, DEFAULT_NUMERIC_INSTANCES if instances is None else instances)
    write_output(output, lambda path: write_apkg(export.package, path, time.time()))
    for warning in export.warnings():
        print(f"quizapp export: warning: {warning}", file=sys.stderr)
    print(
        f"{output}: {plural(export.notes, 'note')}, {plural(export.cards, 'Anki card')}"
        f" in {plural(export.decks, 'deck')}"
    )
    return 0


def _run_csv(args: argparse.Namespace) -> int:
    from quizapp.study import DATABASE_NAME

    output = None if args.output in (None, Path("-")) else args.output
    if output is not None:
        refuse_database(output, data_dir(args) / DATABASE_NAME)
    with opened_store(args, for_reading=True) as store:
        if output is None:
            write_csv(store, sys.stdout)  # the command's output is made inert already (cli)
        else:
            write_output(output, lambda path: _write_csv_file(store, path))
    return 0


def output_target(output: Path) -> Path:
    """Where writing `output` lands: a symlink (or a chain of them) is followed, as `cat >` does."""
    try:
        target = output.resolve()
    except RuntimeError:
        raise CommandError(f"cannot write {output}: it is a symbolic link loop", 1) from None
    except OSError as error:
        raise CommandError(f"cannot write {output}: {error.strerror or error}", 1) from error
    if target.is_dir():
        raise CommandError(f"cannot write {output}: it is a folder", 1)
    return target


def refuse_database(output: Path, database: Path) -> None:
    """Writing the export there would replace the very history it comes from."""
    names = [database.name + suffix for suffix in ("", "-wal", "-shm", "-journal")]
    if output_target(output) in {database.resolve().with_name(name) for name in names}:
        raise CommandError(f"{output} is the study database (or its journal); choose another file")


def _is_special(target: Path) -> bool:
    """A device or a FIFO that exists: written in place, since replacing it would destroy it."""
    try:
        return not stat.S_ISREG(target.stat().st_mode)
    except OSError:
        return False


def _write_csv_file(store: StudyStore, path: Path) -> None:
    with path.open("w", newline="", encoding="utf-8") as stream:
        write_csv(store, InertWriter(stream))


def write_output(output: Path, write: Callable[[Path], object]) -> None:
    """`write` fills a file beside `target`, moved over it once complete: a failure (disk,
    database, Ctrl+C) leaves the previous export as it was and no half-written file behind.
    A device or FIFO is written in place instead, and a symlink is followed."""
    target = output_target(output)
    if _is_special(target):
        try:
            write(target)
        except OSError as error:
            raise CommandError(f"cannot write {output}: {error.strerror or error}", 1) from error
        return
    partial = target.with_name(target.name + ".partial")
    try:
        write(partial)
        partial.replace(target)
    except OSError as error:
        partial.unlink(missing_ok=True)
        raise CommandError(f"cannot write {output}: {error.strerror or error}", 1) from error
    except BaseException:
        partial.unlink(missing_ok=True)
        raise


def write_csv(store: StudyStore, stream: SupportsWrite[str]) -> None:
    """Times in ISO 8601 UTC, ratings by name (Again, Hard, Good, Easy), empty cells for none.

    A cell a spreadsheet would run as a formula is quoted (see `spreadsheet_safe`); control
    characters are escaped by `stream`, an `InertWriter` (standard output is one for every
    command, `quizapp.cli`), so each is escaped once."""
    writer = csv.writer(stream, lineterminator="\n")
    writer.writerow(COLUMNS)
    for review in store.iter_reviews():
        writer.writerow(
            (
                review.id,
                _cell(review.card_id),
                _cell(review.mode),
                review.reviewed_at.isoformat(),
                review.day.isoformat(),
                review.rating.name,
                _cell(review.duration_ms),
                "" if review.correct is None else int(review.correct),
                _cell(review.score),
                _cell(review.template),
                _cell(review.activation),
                _cell(review.seed),
                _cell(review.response),
                _cell(review.content_hash),
            )
        )


FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def spreadsheet_safe(text: str) -> str:
    """OWASP's rule against CSV injection: a cell starting with = + - @ tab or CR is a formula
    to a spreadsheet, so it gets a leading `'`; a plain number such as -0.5 stays a number."""
    if not text.startswith(FORMULA_STARTS) or _is_number(text):
        return text
    return "'" + text


def _is_number(text: str) -> bool:
    try:
        float(text)
    except ValueError:
        return False
    return text == text.strip() and "_" not in text


def _cell(value: object) -> object:
    if value is None:
        return ""
    return spreadsheet_safe(value) if isinstance(value, str) else value
