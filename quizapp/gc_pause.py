"""Pausing the garbage collector while many long-lived objects are built at once.

Loading 100,000 cards creates millions of objects that all survive; each collection the allocations
trigger walks them again for nothing, so loading time grows faster than the card count. With the
collector paused during the build it grows linearly.
"""

from __future__ import annotations

import gc
import threading
from collections.abc import Iterator
from contextlib import contextmanager

_lock = threading.Lock()
_depth = 0
_was_enabled = False


@contextmanager
def gc_paused() -> Iterator[None]:
    """The collector is off inside the block and back to its previous state after it, even on an
    error; overlapping blocks (nested, or in several threads) restore it only when the last ends."""
    global _depth, _was_enabled
    with _lock:
        if _depth == 0:
            _was_enabled = gc.isenabled()
            gc.disable()
        _depth += 1
    try:
        yield
    finally:
        with _lock:
            _depth -= 1
            if _depth == 0 and _was_enabled:
                gc.enable()
