"""`quizapp optimize`: FSRS parameters fitted to your own review history."""

from __future__ import annotations

import argparse
import math
import sys
from typing import TYPE_CHECKING

from quizapp.commands import CommandError
from quizapp.wording import plural

if TYPE_CHECKING:
    from datetime import datetime

    from quizapp.study import StudyStore
    from quizapp.study.fitting import Fit


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "optimize",
        help="fit FSRS parameters to your review history (needs quizapp[optimizer])",
        description="Fit FSRS parameters to your scheduled reviews with fsrs's optimizer, show "
        "how well the current and the fitted parameters predict your history (log loss, RMSE), "
        "and ask before scheduling with them; due dates are then recomputed.",
    )
    choice = parser.add_mutually_exclusive_group()
    choice.add_argument(
        "--yes", action="store_true", help="use the fitted parameters without asking"
    )
    choice.add_argument(
        "--reset", action="store_true", help="go back to FSRS's default parameters (no fit)"
    )
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from quizapp.commands._opening import opened_store
    from quizapp.study import SystemClock

    clock = SystemClock()
    with opened_store(args, clock) as store:
        if args.reset:
            return _use(store, (), clock.now(), "FSRS's default parameters")
        return _optimize(store, clock.now(), args.yes)


def _optimize(store: StudyStore, now: datetime, yes: bool) -> int:
    from quizapp.study.fitting import (
        MIN_REVIEWS,
        OptimizerUnavailableError,
        evaluate,
        evaluated_reviews,
        fit_parameters,
        scheduled_history,
    )

    logs = scheduled_history(store)
    usable = evaluated_reviews(logs)
    if usable < MIN_REVIEWS:
        raise CommandError(
            f"only {plural(usable, 'review')} made a day or more after the card's previous one; "
            f"fitting needs at least {MIN_REVIEWS} (keep reviewing, FSRS's defaults serve "
            "until then)",
            1,
        )
    settings = store.settings()
    current = settings.scheduler().parameters
    print(f"Fitting FSRS parameters to {len(logs)} scheduled reviews ({usable} across days)…")
    try:
        fitted = fit_parameters(logs)
    except OptimizerUnavailableError as error:
        raise CommandError(str(error), 1) from error
    before, after = evaluate(logs, current), evaluate(logs, fitted)
    print(_fit_line("current", before))
    print(_fit_line("fitted ", after))
    store.set_setting("fsrs_fitted_parameters", list(fitted))
    if not after.log_loss < before.log_loss:
        print("The fitted parameters predict your history no better: keeping the current ones.")
        return 0
    if not (yes or _confirm("Schedule with the fitted parameters (due dates are recomputed)?")):
        print("Kept the current parameters; the fitted ones are stored for reference.")
        return 0
    return _use(store, fitted, now, "the fitted parameters")


def _use(store: StudyStore, parameters: tuple[float, ...], now: datetime, name: str) -> int:
    from dataclasses import replace

    from quizapp.study.rescheduling import reschedule_all

    settings = replace(store.settings(), fsrs_parameters=parameters)
    settings.save(store)
    moved = reschedule_all(store, settings.scheduler(), now)
    print(f"Scheduling with {name}: due dates recomputed, {plural(moved, 'card')} moved.")
    return 0


def _fit_line(label: str, fit: Fit) -> str:
    if math.isnan(fit.log_loss):
        return f"{label}  no review to test on"
    return f"{label}  log loss {fit.log_loss:.4f}  RMSE {fit.rmse:.4f}  over {fit.reviews} reviews"


def _confirm(question: str) -> bool:
    """Asks on the terminal; with no one to answer (end of input), the answer is no."""
    print(f"{question} [y/N] ", end="", flush=True)
    try:
        answer = sys.stdin.readline()
    except (OSError, ValueError):
        return False
    return answer.strip().casefold() in {"y", "yes"}
