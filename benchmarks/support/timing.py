"""Wall-clock timing the benchmark scripts share."""

from __future__ import annotations

import time
from collections.abc import Callable


def timed(action: Callable[[], object]) -> float:
    """Seconds one call of `action` took."""
    start = time.perf_counter()
    action()
    return time.perf_counter() - start


def timings(action: Callable[[], object], repeat: int) -> list[float]:
    """Seconds each of `repeat` calls took, in order."""
    return [timed(action) for _ in range(repeat)]
