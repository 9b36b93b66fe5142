"""`quizapp settings`: show or change daily limits, desired retention and the study day."""

from __future__ import annotations

import argparse

from quizapp.commands import CommandError
from quizapp.commands._opening import opened_store
from quizapp.wording import plural


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "settings",
        help="show or change study settings (daily limits, desired retention, ...)",
        description="With no argument, list the settings; NAME=VALUE pairs change them.",
    )
    parser.add_argument("changes", nargs="*", metavar="NAME=VALUE")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from quizapp.study import StudySettings
    from quizapp.study.clock import calendar_date
    from quizapp.study.preferences import DESCRIPTIONS, updated_settings
    from quizapp.study.rescheduling import reschedule_all

    changes: dict[str, str] = {}
    for pair in args.changes:
        name, equals, value = pair.partition("=")
        if not equals or not name:
            raise CommandError(f"expected NAME=VALUE, got {pair!r}")
        changes[name.strip()] = value
    moved = None
    with opened_store(args) as store:
        settings = StudySettings.load(store)
        if changes:
            before = settings
            try:
                today = calendar_date(store.clock.now(), store.clock.zone)
                settings = updated_settings(settings, changes, today=today)
            except ValueError as error:
                raise CommandError(str(error)) from error
            settings.save(store)
            if settings.desired_retention != before.desired_retention:
                moved = reschedule_all(store, settings.scheduler(), store.clock.now())
    shown = {name: str(getattr(settings, name)) or "-" for name in DESCRIPTIONS}
    width = max(map(len, shown.values()))
    for name, description in DESCRIPTIONS.items():
        print(f"{name:<20} {shown[name]:<{width}} {description}")
    if moved is not None:
        print(f"Desired retention changed: due dates recomputed, {plural(moved, 'card')} moved.")
    return 0
