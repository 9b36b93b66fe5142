"""Study-database writes off the event loop.

SQLite waits up to its busy timeout (10 s) when another instance holds the write lock; done on
the event loop, that wait froze the whole UI, countdowns included. Here every write runs in a
thread, one at a time and in the order asked; the UI keeps repainting, and keys pressed meanwhile
are held and handled, in order, once the writes are done (never dropped, never acted on against a
half-written state). A write the database refuses is reported by name; nothing is silent.
"""

from __future__ import annotations

import asyncio
from bisect import insort
from collections.abc import Callable
from typing import TYPE_CHECKING, TypeVar

from textual import events

from quizapp.tui.typed_keys import hand_back

if TYPE_CHECKING:
    from quizapp.tui.app import QuizApp

_T = TypeVar("_T")


class StoreWrites:
    """The app's one write queue. `busy` is mirrored in `QuizApp.writing` so screens can disable
    the keys that write (their Footer shows it) until the write is done."""

    def __init__(self, app: QuizApp) -> None:
        self._app = app
        self._turn = asyncio.Lock()
        self._pending = 0
        self._holding = False
        self._held: list[events.Key] = []

    @property
    def busy(self) -> bool:
        """Keys are held from the first write asked until they are handed back."""
        return self._holding

    def run(
        self,
        step: Callable[[], _T],
        then: Callable[[_T], object] | None = None,
        *,
        title: str = "Not saved",
        failed: Callable[[], object] | None = None,
    ) -> None:
        """Run `step` in a thread, then `then(result)` on the event loop. When the database
        refuses (`StudyStoreError`), the error is shown under `title` and `failed()` runs
        instead; the store and the session are unchanged, so the user can simply try again."""
        self._pending += 1
        self._holding = True
        self._app.writing = True
        self._app.run_worker(
            self._write(step, then, title, failed), group="store-writes", exit_on_error=True
        )

    async def _write(
        self,
        step: Callable[[], _T],
        then: Callable[[_T], object] | None,
        title: str,
        failed: Callable[[], object] | None,
    ) -> None:
        from quizapp.study import StudyStoreError

        try:
            async with self._turn:
                try:
                    result = await asyncio.to_thread(step)
                except StudyStoreError as error:
                    self._app.notify(
                        str(error), title=title, severity="error", timeout=10, markup=False
                    )
                    if failed is not None:
                        failed()
                else:
                    if then is not None:
                        then(result)
        finally:
            self._pending -= 1
            if not self._pending:
                self._app.call_after_refresh(self._release)

    def hold(self, event: events.Key) -> bool:
        """Keep a key pressed while a write is under way (True: it is held, not handled now).
        Keys are kept in the order pressed: one pressed before the write began can come back up
        from the focused widget, its binding still to run, after keys pressed later arrived."""
        if not self.busy:
            return False
        insort(self._held, event, key=lambda held: held.time)
        return True

    def _release(self) -> None:
        """Once the screen has refreshed after the last write: a key still coming back up from
        a widget when the write ended (its binding still to run) is held by then, in its place
        among the others, instead of arriving after the keys pressed after it."""
        if self._pending:
            return
        self._holding = False
        self._app.writing = False
        held, self._held = self._held, []
        self._app.call_later(hand_back, self._app, held)
