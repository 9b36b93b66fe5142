"""Keys typed while a screen opens go to that screen, in order.

A screen is current as soon as it is pushed, but it composes, mounts and takes its focus only
when its turn comes, and the focus it asks for as it mounts is applied by the app after the keys
already waiting there. A key typed with the mode key (`b / relu` from home), or while a slow
screen mounts, thus reached a screen with nothing or the wrong widget focused, or came back up
from the old screen's widgets to be matched against the new screen's bindings: Browse's search
box was left empty or reading "/re". Here a key the app gets while a screen it changed to is
still opening is held until that screen has mounted and the app has applied the focus it asked
for; a key coming back from a screen that is no longer current is handled again as if typed
now. Either way it reaches the current screen the way a key typed on it does, in the order
typed.
"""

from __future__ import annotations

import weakref
from typing import Any

from textual import events
from textual.app import App
from textual.screen import Screen

from quizapp.tui.typed_keys import hand_back


class ScreenOpenings:
    """The screens not yet open, the keys held for them, and which screen each key went to."""

    def __init__(self, app: App[Any]) -> None:
        self._app = app
        self._opening: set[Screen[Any]] = set()
        self._building: set[Screen[Any]] = set()
        self._held: list[events.Key] = []
        self._sent_to: weakref.WeakKeyDictionary[events.Key, Screen[Any]] = (
            weakref.WeakKeyDictionary()
        )

    def watch(self) -> None:
        """Follow every change of the current screen (push, switch, pop); once the app runs."""
        self._app.screen_change_signal.subscribe(self._app, self._changed, immediate=True)

    async def take(self, key: events.Key) -> bool:
        """Called for every key the app gets, new or coming back from a screen; True when the
        app must not handle it as it is (it is held, or was handled again as a new key)."""
        screen = self._app.screen
        if key.is_forwarded:
            if self._sent_to.pop(key, screen) is screen:
                return False
            key.stop()
            if not self._opening:
                await hand_back(self._app, [key])
                return True
        elif not self._opening:
            self._sent_to[key] = screen
            return False
        self._held.append(key)
        return True

    def building(self, screen: Screen[Any]) -> None:
        """`screen` first shows what it is doing and builds the rest after that frame (Browse):
        it is opening, and keys typed meanwhile wait for it, until it calls `built`."""
        self._building.add(screen)
        self._opening.add(screen)

    def built(self, screen: Screen[Any]) -> None:
        """`screen` is built: open once the focus it asked for as it built is applied."""
        self._building.discard(screen)
        self._mounted(screen)

    def _changed(self, screen: Screen[Any]) -> None:
        """A screen that has not mounted yet is opening; a screen closed before it opened no
        longer waits."""
        self._opening &= set(self._app.screen_stack)
        self._building &= self._opening
        if not screen.is_mounted and screen not in self._opening:
            self._opening.add(screen)
            screen.call_later(self._mounted, screen)
        if not self._opening and self._held:
            self._app.call_later(self._hand_over)

    def _mounted(self, screen: Screen[Any]) -> None:
        """Called once the screen has handled what was queued for it as it opened (its resume
        focuses its first widget); the focus it asked for as it mounted, and the keys that
        came before, are still queued at the app: the screen is open after them."""
        self._app.call_later(self._open, screen)

    async def _open(self, screen: Screen[Any]) -> None:
        if screen in self._building:
            return
        self._opening.discard(screen)
        await self._hand_over()

    async def _hand_over(self) -> None:
        """The held keys, handled one after the other now, before any key typed after them;
        a key that opens another screen leaves the rest held for that one."""
        while self._held and not self._opening:
            await hand_back(self._app, [self._held.pop(0)])
