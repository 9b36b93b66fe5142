"""Opening what home needs (the workspace, the saved theme, today's numbers) in a thread that the
command starts before it imports Textual.

Importing Textual and drawing the first frame take about as long as opening a new user's data;
run one after the other, home showed "Loading…" first and its numbers a frame later. Started
first, the data is usually open by the time home is composed, so home's first frame already
shows today's numbers, with the mode keys working. No Textual here: this module is imported
before it.
"""

from __future__ import annotations

import threading
from collections.abc import Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from quizapp.content import Library
    from quizapp.study import Clock
    from quizapp.study.overview import Overview
    from quizapp.workspace import Workspace

THEME_SETTING = "theme"


@dataclass(frozen=True)
class TodaysNumbers:
    """What home's box shows: today's numbers and the countdown to the interview day."""

    summary: Overview
    countdown: str

    def lines(self) -> list[str]:
        return [*self.summary.lines(), *([self.countdown] if self.countdown else [])]

    def with_changed_cards(self, workspace: Workspace) -> TodaysNumbers:
        """The same numbers and the changed-cards count, the slow part of them (see
        `Overview.with_changed_cards`)."""
        return replace(
            self, summary=self.summary.with_changed_cards(workspace.store, workspace.cards)
        )


def todays_numbers(workspace: Workspace) -> TodaysNumbers:
    """Today's numbers but the changed-cards count; read in a thread (they query the study
    database)."""
    from quizapp.study.clock import calendar_date
    from quizapp.study.custom_study import interview_countdown
    from quizapp.study.overview import overview

    summary = overview(workspace.store, workspace.cards, workspace.clock, check_changes=False)
    clock = workspace.clock
    today = calendar_date(clock.now(), clock.zone)
    return TodaysNumbers(summary, interview_countdown(workspace.store.settings(), today))


def first_numbers(workspace: Workspace) -> TodaysNumbers | None:
    """Home's numbers as the workspace opens; None if they cannot be read: home then reads
    them in its own worker, which reports why it cannot."""
    try:
        return todays_numbers(workspace)
    except Exception:
        return None


@dataclass(frozen=True)
class Opened:
    """The open workspace and what home shows first; `numbers` None: they could not be read."""

    workspace: Workspace
    saved_theme: object
    numbers: TodaysNumbers | None


def open_for_home(
    data_dir: Path, extra_content: Sequence[Path], clock: Clock, library: Library | None = None
) -> Opened:
    """Home's numbers are read with the workspace, so that they show together with it (the mode
    keys need it): one step, not a second one after it."""
    from quizapp.workspace import open_workspace

    workspace = open_workspace(data_dir, extra_content, clock, library=library)
    try:
        saved_theme = workspace.store.get_setting(THEME_SETTING)
    except BaseException:
        workspace.close()
        raise
    return Opened(workspace, saved_theme, first_numbers(workspace))


class EarlyOpening:
    """`open_for_home` in a thread of its own, started at once. The app takes the result when
    home is composed if it is there (`ready`), else waits for it in its loading worker
    (`wait`), which reports a failure as any opening failure."""

    def __init__(self, data_dir: Path, extra_content: Sequence[Path], clock: Clock) -> None:
        self._done = threading.Event()
        self._opened: Opened | None = None
        self._error: BaseException | None = None
        thread = threading.Thread(
            target=self._open,
            args=(data_dir, tuple(extra_content), clock),
            name="quizapp-opening",
            daemon=True,
        )
        thread.start()

    def _open(self, data_dir: Path, extra_content: Sequence[Path], clock: Clock) -> None:
        try:
            self._opened = open_for_home(data_dir, extra_content, clock)
        except BaseException as error:
            self._error = error
        finally:
            self._done.set()

    def ready(self) -> Opened | None:
        """The opened data if the thread is done and succeeded; never waits."""
        return self._opened if self._done.is_set() else None

    def wait(self) -> Opened:
        """The opened data once the thread is done; its error if it failed."""
        self._done.wait()
        if self._error is not None:
            raise self._error
        if self._opened is None:
            raise RuntimeError("opening the study data ended without a result")
        return self._opened
