"""The collector is paused while decks load and queues build, and always comes back."""

from __future__ import annotations

import gc
import threading
import weakref
from collections.abc import Iterator

import pytest

from quizapp.content import bundled_content_dir, load_decks
from quizapp.gc_pause import gc_paused


@pytest.fixture
def collector_on() -> Iterator[None]:
    was = gc.isenabled()
    gc.enable()
    yield
    if not was:
        gc.disable()


def test_paused_inside_and_restored_after(collector_on: None) -> None:
    with gc_paused():
        assert not gc.isenabled()
    assert gc.isenabled()


def test_restored_after_an_error(collector_on: None) -> None:
    with pytest.raises(RuntimeError), gc_paused():
        raise RuntimeError("deck broke")
    assert gc.isenabled()


def test_a_collector_that_was_off_stays_off() -> None:
    was = gc.isenabled()
    gc.disable()
    try:
        with gc_paused():
            pass
        assert not gc.isenabled()
    finally:
        if was:
            gc.enable()


def test_overlapping_pauses_restore_only_when_the_last_ends(collector_on: None) -> None:
    entered, leave = threading.Event(), threading.Event()

    def other() -> None:
        with gc_paused():
            entered.set()
            leave.wait(timeout=10)

    thread = threading.Thread(target=other)
    with gc_paused():
        thread.start()
        entered.wait(timeout=10)
    assert not gc.isenabled()
    leave.set()
    thread.join()
    assert gc.isenabled()


def test_loading_decks_runs_with_the_collector_paused(
    collector_on: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    import quizapp.content.loader as loader

    seen: list[bool] = []
    real = loader.read_deck

    def watched(*args, **kwargs):
        seen.append(gc.isenabled())
        return real(*args, **kwargs)

    monkeypatch.setattr(loader, "read_deck", watched)
    load_decks([bundled_content_dir()])
    assert seen == [False]
    assert gc.isenabled()


class _Cycle:
    def __init__(self) -> None:
        self.itself = self


def _collected(thing: object) -> bool:
    """Whether the collector's generations hold `thing` (frozen objects are in none)."""
    return any(candidate is thing for candidate in gc.get_objects())


def test_the_first_keeping_pause_freezes_what_it_built_and_no_later_one(
    collector_on: None,
) -> None:
    gc.unfreeze()
    with gc_paused(keep=True):
        first = _Cycle()
    with gc_paused(keep=True):
        later = _Cycle()
    assert gc.isenabled()
    assert not _collected(first)
    assert _collected(later)
    probe = weakref.ref(later)
    del later
    gc.collect()
    assert probe() is None


def test_decks_loaded_first_are_kept_out_of_later_collections(collector_on: None) -> None:
    gc.unfreeze()
    assert not _collected(load_decks([bundled_content_dir()]).cards[0])
