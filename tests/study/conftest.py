"""Fixtures: a fake clock and a store in a temporary data dir."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from study_fakes import START

from quizapp.study import FakeClock, StudyStore, open_store


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock(START)


@pytest.fixture
def store(tmp_path: Path, clock: FakeClock) -> Iterator[StudyStore]:
    opened = open_store(tmp_path / "data", clock)
    yield opened
    opened.close()
