"""Shared steps for Pilot tests: wait until the workspace is open, read what a widget shows."""

from __future__ import annotations

import sqlite3
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from pathlib import Path

from textual import events
from textual.keys import _character_to_key
from textual.pilot import Pilot
from textual.widgets import Static
from textual.worker import WorkerFailed, WorkerState

from quizapp.study import StudyStore
from quizapp.tui.app import QuizApp

SETTLE_ROUNDS = 20
BUSY = (WorkerState.PENDING, WorkerState.RUNNING)


async def wait_ready(pilot: Pilot) -> QuizApp:
    """Wait for the workers (and those they start) to end; a failed one is the app's to report,
    which tests check on screen, so it does not raise here."""
    app = pilot.app
    assert isinstance(app, QuizApp)
    for _ in range(2):
        for worker in list(app.workers):
            with suppress(WorkerFailed):
                await worker.wait()
        await pilot.pause()
    return app


def shown(app: QuizApp, selector: str) -> str:
    """The plain text a Static on the active screen displays."""
    return str(app.screen.query_one(selector, Static).render())


def wrong_answer(question) -> str:
    """A readable answer of the right shape that the grader must reject."""
    if question.answer_shape == "choice":
        return str(1 + (question.expected + 1) % len(question.options))
    return ", ".join(["999"] * question.expected_vector.size)


def burst(app: QuizApp, *keys: str) -> None:
    """Keys as a terminal delivers a burst (keys sent by tmux, a paste of keystrokes): all queued
    at once, none handled before the next arrives (`pilot.press` waits after each key). A key
    is a character ("0", ".") or a key name ("enter", "ctrl+a")."""
    driver = app._driver
    assert driver is not None
    for key in keys:
        typed = key if len(key) == 1 else None
        event = events.Key(_character_to_key(key) if typed else key, typed)
        event.set_sender(app)
        driver.send_message(event)


def last_message(app: QuizApp) -> str:
    """The newest notification's text."""
    return list(app._notifications)[-1].message


@contextmanager
def held_by_another_instance(store: StudyStore) -> Iterator[None]:
    """Another connection holds the write lock; the app's store gives up after 50 ms."""
    store._connection.execute("PRAGMA busy_timeout = 50")
    other = sqlite3.connect(store.path, isolation_level=None)
    other.execute("BEGIN IMMEDIATE")
    try:
        yield
    finally:
        other.execute("ROLLBACK")
        other.close()


@contextmanager
def failing_database(store: StudyStore, tmp_path: Path) -> Iterator[None]:
    """Every read and write of the store fails as on a damaged file: SQLite says the file
    is not a database, and the store reports it as its own one-line error."""
    garbage = tmp_path / "not-a-database"
    garbage.write_bytes(b"this is not a database " * 200)
    working = store._connection
    store._connection = sqlite3.connect(garbage, check_same_thread=False, isolation_level=None)
    try:
        yield
    finally:
        store._connection.close()
        store._connection = working


class _WatchedConnection:
    """Forwards to the store's connection, noting each statement run on `thread`."""

    def __init__(self, real: sqlite3.Connection, thread: int, noted: list[str]) -> None:
        self._real = real
        self._thread = thread
        self._noted = noted

    def execute(self, sql: str, *parameters: object) -> sqlite3.Cursor:
        if threading.get_ident() == self._thread:
            self._noted.append(sql)
        return self._real.execute(sql, *parameters)

    def __getattr__(self, name: str) -> object:
        return getattr(self._real, name)


@contextmanager
def sql_on_the_event_loop(store: StudyStore) -> Iterator[list[str]]:
    """The statements the store runs on this thread (under Pilot, the app's event loop) while
    inside: a screen reading the database there freezes the UI as long as the read takes."""
    noted: list[str] = []
    real = store._connection
    store._connection = _WatchedConnection(real, threading.get_ident(), noted)
    try:
        yield noted
    finally:
        store._connection = real


async def settle(pilot: Pilot) -> None:
    """Let the app finish what a key started, study-database writes (run in threads) included.

    A finished worker's message can start another (a write, then the queue it changed), so this
    waits until a pause leaves no worker pending or running: one round was not enough under load.
    """
    await pilot.pause()
    for _ in range(SETTLE_ROUNDS):
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()
        if not any(worker.state in BUSY for worker in pilot.app.workers):
            return
    raise AssertionError(
        f"workers still busy after {SETTLE_ROUNDS} rounds: {list(pilot.app.workers)}"
    )


@contextmanager
def locked_for(store: StudyStore, seconds: float) -> Iterator[threading.Thread]:
    """Another instance takes the write lock now and gives it back after `seconds` (the app's
    store keeps its normal busy timeout, so its writes wait for it)."""
    taken = threading.Event()

    def hold() -> None:
        other = sqlite3.connect(store.path, isolation_level=None)
        other.execute("BEGIN IMMEDIATE")
        taken.set()
        time.sleep(seconds)
        other.execute("ROLLBACK")
        other.close()

    holder = threading.Thread(target=hold)
    holder.start()
    taken.wait()
    try:
        yield holder
    finally:
        holder.join()


CHANGED_DECK = "deck:\n  name: mine\n  title: Mine\ncards:\n  - kind: definition\n    id: my-card\n"


async def studied_then_rewritten(make_app, tmp_path: Path) -> Path:
    """A deck of one card, answered once, then rewritten a lot ("Saturation" became "Dropout"):
    the deck folder, for `make_app`."""
    from quizapp.study import ReviewSession
    from quizapp.tui.screens.review import ReviewScreen

    deck = tmp_path / "mine"
    deck.mkdir()
    (deck / "cards.yaml").write_text(
        CHANGED_DECK + "    term: Saturation\n    meaning: Flat gradient.\n"
    )
    app = make_app(deck)
    async with app.run_test(size=(100, 30)) as pilot:
        await wait_ready(pilot)
        card = app.workspace.library.card("my-card")
        await app.push_screen(ReviewScreen(ReviewSession(app.workspace.store, [card]), "Review"))
        await pilot.pause()
        await pilot.press("space", "3")
        await pilot.pause()
    (deck / "cards.yaml").write_text(
        CHANGED_DECK + "    term: Dropout\n    meaning: Randomly zeroes units during training.\n"
    )
    return deck


async def quit_question(pilot: Pilot) -> str:
    """Press ctrl+q and read the question the app asks before quitting."""
    await pilot.press("ctrl+q")
    await pilot.pause()
    return shown(pilot.app, "#confirm-question")
