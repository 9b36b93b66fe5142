"""Keys kept while the app could not act on them (a write under way, an answer being judged, a
review being built, a screen still opening), handed back in the order they were typed, all by
`hand_back`."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from textual import events
from textual.app import App


async def hand_back(app: App[Any], keys: Iterable[events.Key]) -> None:
    """Each key handled by the app now, one after the other, as a key new from the terminal:
    the app checks its priority bindings and forwards it to where the focus is now. The app is
    its sender, as for a key from the terminal (a key sent by a screen would stop bubbling at
    that screen, before the app looks up its binding), and it keeps the time it was typed,
    which orders the keys a write holds (`StoreWrites.hold`). The one way a kept key comes back:
    awaited where the keys must come before any key still queued (`ScreenOpenings`), else run
    with `App.call_later`, after what is queued already (the focus a verdict moved, say)."""
    for key in keys:
        again = events.Key(key.key, key.character).set_sender(app)
        again.time = key.time
        await app.on_event(again)


class TypedAhead:
    """Keys typed on a screen that waits for another (a review being built): kept until that
    screen takes them (`hand_over`), then passed on at once. A key still on its way to the
    waiting screen when the other one takes over thus follows the others instead of being
    lost with the screen."""

    def __init__(self) -> None:
        self._keys: list[events.Key] = []
        self._passing = False

    def keep(self, app: App[Any], key: events.Key) -> None:
        if self._passing:
            app.call_later(hand_back, app, [key])
        else:
            self._keys.append(key)

    def hand_over(self, app: App[Any]) -> None:
        self._passing = True
        keys, self._keys = self._keys, []
        app.call_later(hand_back, app, keys)

    def drop(self) -> bool:
        """Forget the keys kept, for a screen that will not come (True: there were some, which
        the caller says); keys still arriving go wherever the app has the focus."""
        dropped, self._keys, self._passing = bool(self._keys), [], True
        return dropped
