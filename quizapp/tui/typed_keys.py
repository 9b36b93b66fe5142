"""Keys kept while the app could not act on them (a write under way, an answer being judged, a
review being built), handed back in the order they were typed."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from textual import events
from textual.app import App


def replay(app: App[Any], keys: Iterable[events.Key]) -> None:
    """Each key goes where the focus is when the app reaches it, as if typed now. The app is
    its sender, as for a key from the terminal: a key sent by a screen would stop bubbling at
    that screen, before the app looks up its binding."""
    for key in keys:
        app.post_message(events.Key(key.key, key.character).set_sender(app))


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
            replay(app, [key])
        else:
            self._keys.append(key)

    def hand_over(self, app: App[Any]) -> None:
        self._passing = True
        keys, self._keys = self._keys, []
        replay(app, keys)

    def drop(self) -> bool:
        """Forget the keys kept, for a screen that will not come (True: there were some, which
        the caller says); keys still arriving go wherever the app has the focus."""
        dropped, self._keys, self._passing = bool(self._keys), [], True
        return dropped
