"""`quizapp recover`: a fresh study database holding whatever the damaged one still gives up."""

from __future__ import annotations

import argparse

from quizapp.commands import CommandError

EPILOG = """\
The damaged file is kept beside the new one (quizapp.sqlite3.corrupt-...). A sound database is
left alone. Exit status: 0 when there was nothing to do or the recovery finished, 1 when the
database cannot be used for another reason (locked, newer version, another program's file).
"""


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "recover",
        help="replace a damaged study database with a fresh one, keeping what can be read",
        description="Move a damaged study database aside, start a fresh one and copy into it "
        "every row SQLite can still read.",
        epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from quizapp.datadir import resolve_data_dir
    from quizapp.study import (
        DATABASE_NAME,
        CorruptDatabaseError,
        StudyStoreError,
        SystemClock,
        open_store,
    )
    from quizapp.study.store.integrity import copy_aside, move_aside, salvage

    data_dir = resolve_data_dir(args.data_dir)
    path = data_dir / DATABASE_NAME
    clock = SystemClock()
    if not path.exists():
        print(f"No study database at {path}: nothing to recover.")
        return 0
    try:
        with open_store(data_dir, clock) as store:
            problems = [line for line in store.integrity_check() if line != "ok"]
    except CorruptDatabaseError:
        problems = ["unreadable"]
    except StudyStoreError as error:
        raise CommandError(str(error), 1) from error
    if not problems:
        print(f"The study database {path} is sound: nothing to recover.")
        return 0
    damaged = copy_aside(path, clock)
    if damaged is None:
        raise CommandError(f"cannot copy the damaged {path} aside; nothing was changed", 1)
    move_aside(path, damaged)
    try:
        with open_store(data_dir, clock) as fresh:
            rows = salvage(damaged, fresh)
    except StudyStoreError as error:
        raise CommandError(f"{error}; the damaged file is kept at {damaged}", 1) from error
    print(f"Started a fresh study database at {path}; the damaged one is kept at {damaged}.")
    kept = ", ".join(f"{count} {table}" for table, count in rows.items() if count)
    print(f"Recovered rows: {kept}." if kept else "No row could be read from the damaged file.")
    return 0
