"""Fixtures for driving the real app: a temporary data dir and a fake clock."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest

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
