"""One warm sandbox for the module: each run is a fork of it, as in the app."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from quizapp.coding.sandbox import Limits, Sandbox
from quizapp.content import Card, load_library


@pytest.fixture(scope="module")
def sandbox() -> Iterator[Sandbox]:
    with Sandbox(Limits(timeout=2.0)) as box:
        yield box


@pytest.fixture(scope="session")
def exercises() -> dict[str, Card]:
    return {card.id: card for card in load_library(None).exercises}
