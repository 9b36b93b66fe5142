"""Pausing the garbage collector while many long-lived objects are built at once.

Loading 100,000 cards creates millions of objects that all survive; each collection the allocations
trigger walks them again for nothing, so loading time grows faster than the card count. With the
collector paused during the build it grows linearly. The decks loaded at start-up live for the
whole session: the first keeping pause (`keep=True`) moves what is alive at its end out of the
collector's reach (`gc.freeze`), so later collections never walk 100,000 cards again (each walk
costs a tenth of a second or more, the first ones while home is drawn).
"""

from __future__ import annotations

import gc
import threading
from collections.abc import Iterator
from contextlib import contextmanager

_lock = threading.Lock()
_depth = 0
_was_enabled = False
_keep = False


@contextmanager
def gc_paused(*, keep: bool = False) -> Iterator[None]:
    """The collector is off inside the block and back to its previous state after it, even on an
    error; overlapping blocks (nested, or in several threads) restore it only when the last ends.

    `keep`: what the block builds stays (the decks loaded at start-up): when the last overlapping
    block ends, everything then alive is frozen, unless something already is. Only once: a cycle
    that was garbage at that moment is never freed, and this bounds it to one moment."""
    global _depth, _was_enabled, _keep
    with _lock:
        _keep = _keep or keep
        if _depth == 0:
            _was_enabled = gc.isenabled()
            gc.disable()
        _depth += 1
    try:
        yield
    finally:
        with _lock:
            _depth -= 1
            if _depth == 0:
                if _keep and gc.get_freeze_count() == 0:
                    gc.freeze()
                _keep = False
                if _was_enabled:
                    gc.enable()
