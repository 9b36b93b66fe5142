"""Fixtures for driving the real app: a temporary data dir and a fake clock."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest

from quizapp import workspace
from quizapp.study import FakeClock
from quizapp.tui.app import QuizApp

START = datetime(2026, 3, 2, 9, 30, tzinfo=UTC)


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock(START)


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    return tmp_path / "data"


@pytest.fixture
def make_app(data_dir: Path, clock: FakeClock):
    def build(*extra: Path) -> QuizApp:
        return QuizApp(data_dir, extra, clock=clock)

    return build


@pytest.fixture
def held_loading(monkeypatch: pytest.MonkeyPatch) -> Iterator[threading.Event]:
    """Loading the workspace waits until the test sets the event."""
    release = threading.Event()
    real_open = workspace.open_workspace

    def slow_open(*args: object, **kwargs: object) -> workspace.Workspace:
        release.wait(10)
        return real_open(*args, **kwargs)

    monkeypatch.setattr(workspace, "open_workspace", slow_open)
    yield release
    release.set()
