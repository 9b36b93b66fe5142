"""`quizapp export --format csv`: the whole review log, for spreadsheets and backups."""

from __future__ import annotations

import argparse
import csv
import sys
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

from quizapp.commands import CommandError
from quizapp.commands._opening import data_dir, opened_store

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
        "--output", type=Path, metavar="FILE", help="write to FILE instead of standard output"
    )
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from quizapp.study import DATABASE_NAME

    database = data_dir(args) / DATABASE_NAME
    if args.output is not None and _is_database_file(args.output, database):
        raise CommandError(
            f"{args.output} is the study database (or its journal); choose another file", 2
        )
    with opened_store(args) as store:
        if args.output is None:
            write_csv(store, sys.stdout)
        else:
            _write_file(store, args.output)
    return 0


def _is_database_file(output: Path, database: Path) -> bool:
    """Writing the export there would replace the very history it comes from."""
    names = [database.name + suffix for suffix in ("", "-wal", "-shm", "-journal")]
    return output.resolve() in {database.resolve().with_name(name) for name in names}


def _write_file(store: StudyStore, output: Path) -> None:
    """Written beside the target and moved over it once complete: a failure (disk, database,
    Ctrl+C) leaves the previous export as it was and no half-written file behind."""
    partial = output.with_name(output.name + ".partial")
    try:
        with partial.open("w", newline="", encoding="utf-8") as stream:
            write_csv(store, stream)
        partial.replace(output)
    except OSError as error:
        partial.unlink(missing_ok=True)
        raise CommandError(f"cannot write {output}: {error.strerror or error}", 1) from error
    except BaseException:
        partial.unlink(missing_ok=True)
        raise


def write_csv(store: StudyStore, stream: TextIO) -> None:
    """Times in ISO 8601 UTC, ratings by name (Again, Hard, Good, Easy), empty cells for none."""
    writer = csv.writer(stream, lineterminator="\n")
    writer.writerow(COLUMNS)
    for review in store.iter_reviews():
        writer.writerow(
            (
                review.id,
                review.card_id or "",
                review.mode,
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


def _cell(value: object) -> object:
    return "" if value is None else value
