"""Priority keys (ctrl+q, ctrl+s, ctrl+n, ctrl+r …) act after the keys typed before them.

Textual runs a priority binding as soon as the app takes the key, while the keys typed just
ahead of it still wait in the focused widget's queue: in a burst, "0.3 ctrl+q" quit without
asking, since the answer box was still empty, and the answer was lost; "… ctrl+r" would run a
code drill's tests on the code without its last characters. Here such a key waits until the
focused widget has taken what was queued before it, and keys typed after it wait behind it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual import events

from quizapp.tui.typed_keys import hand_back

if TYPE_CHECKING:
    from quizapp.tui.app import QuizApp


class PriorityKeys:
    """Holds a priority key, and every key after it, until the focused widget has caught up."""

    def __init__(self, app: QuizApp) -> None:
        self._app = app
        self._held: list[events.Key] = []
        self._passing = False

    def hold(self, event: events.Key) -> bool:
        """True: the key is kept and comes back through `hand_back` once the widget that had
        the focus has handled every key forwarded to it before this one."""
        if self._passing:
            return False
        if self._held:
            self._held.append(event)
            return True
        if not self._is_priority(event.key):
            return False
        self._held.append(event)
        target = self._app.focused or self._app.screen
        if not target.call_later(self._app.call_later, self._release):
            self._app.call_later(self._release)
        return True

    def _is_priority(self, key: str) -> bool:
        active = self._app.screen.active_bindings.get(key)
        return active is not None and active.binding.priority

    async def _release(self) -> None:
        """On the app's own loop, so no key slips in between: the priority key acts now, then
        the keys after it follow, each held again behind the next priority key among them."""
        (first, *rest), self._held = self._held, []
        self._passing = True
        try:
            await hand_back(self._app, [first])
        finally:
            self._passing = False
        await hand_back(self._app, rest)
