"""`quizapp export --format csv`: the whole review log, for spreadsheets and backups."""

from __future__ import annotations

import argparse
import csv
import stat
import sys
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

from quizapp.commands import CommandError
from quizapp.safe_text import InertWriter

if TYPE_CHECKING:
    from quizapp.study import StudyStore

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
        help="export the review log (CSV)",
        description="Write every recorded review, oldest first, one row per answer.",
    )
    parser.add_argument("--format", choices=["csv"], default="csv", help="output format")
    parser.add_argument(
        "--output",
        type=Path,
        metavar="FILE",
        help="write to FILE instead of standard output ('-' is standard output); a device or "
        "pipe is written to as it is, a symlink is followed",
    )
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from quizapp.datadir import resolve_data_dir
    from quizapp.study import DATABASE_NAME, StudyStoreError, SystemClock, open_store

    data_dir = resolve_data_dir(args.data_dir)
    output: Path = args.output
    target = None if output in (None, Path("-")) else _target(output)
    if target is not None and _is_database_file(target, data_dir / DATABASE_NAME):
        raise CommandError(f"{output} is the study database (or its journal); choose another", 2)
    try:
        with open_store(data_dir, SystemClock(), for_reading=True) as store:
            if target is None:
                write_csv(store, sys.stdout)
            elif _is_special(target):
                _write_special(store, output, target)
            else:
                _write_file(store, output, target)
    except StudyStoreError as error:
        raise CommandError(str(error), 1) from error
    return 0


def _target(output: Path) -> Path:
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


def _is_special(target: Path) -> bool:
    """A device or a FIFO that exists: written to in place, since replacing it would destroy it."""
    try:
        return not stat.S_ISREG(target.stat().st_mode)
    except OSError:
        return False


def _is_database_file(target: Path, database: Path) -> bool:
    """Writing the export there would replace the very history it comes from."""
    names = [database.name + suffix for suffix in ("", "-wal", "-shm", "-journal")]
    return target in {database.resolve().with_name(name) for name in names}


def _write_special(store: StudyStore, output: Path, target: Path) -> None:
    try:
        with target.open("w", newline="", encoding="utf-8") as stream:
            write_csv(store, stream)
    except OSError as error:
        raise CommandError(f"cannot write {output}: {error.strerror or error}", 1) from error


def _write_file(store: StudyStore, output: Path, target: Path) -> None:
    """Written beside the target and moved over it once complete: a failure (disk, database,
    Ctrl+C) leaves the previous export as it was and no half-written file behind."""
    partial = target.with_name(target.name + ".partial")
    try:
        with partial.open("w", newline="", encoding="utf-8") as stream:
            write_csv(store, stream)
        partial.replace(target)
    except OSError as error:
        partial.unlink(missing_ok=True)
        raise CommandError(f"cannot write {output}: {error.strerror or error}", 1) from error
    except BaseException:
        partial.unlink(missing_ok=True)
        raise


def write_csv(store: StudyStore, stream: TextIO) -> None:
    """Times in ISO 8601 UTC, ratings by name (Again, Hard, Good, Easy), empty cells for none.

    Text cells are made inert twice over: control characters escaped, and a cell a spreadsheet
    would run as a formula quoted (see `spreadsheet_safe`)."""
    writer = csv.writer(InertWriter(stream), lineterminator="\n")
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
