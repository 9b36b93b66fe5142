"""Text boxes whose keys take effect in the order they were typed.

Textual's `Input` inserts a typed character as soon as the box receives it, but runs its own
bound keys (ctrl+a, ctrl+k, backspace, enter, …) only once the key has bubbled up to the app
(Textual issue #6605). Keys arriving together (a fast typist, keys pasted by a terminal
multiplexer) were then applied out of order: "ctrl+a ctrl+k 0.5 enter" typed "0.5" first, then
went home, deleted it and submitted an empty answer.

What a box refuses (a paste or a key that would make it too long, a letter in a number box) it
says in a notice, where Textual only rang the terminal bell.
"""

from __future__ import annotations

from textual import events
from textual.widgets import Input

from quizapp.tui.typed_keys import hand_back

SEARCH_LENGTH = 200
"""The longest search a search box takes: 10,000 characters typed into one (a paste a terminal
sends key by key) kept the app busy for minutes, each key searching again."""
ANSWER_LENGTH = 2000
"""The longest answer typed in a line (an interview question's, a mock interview's): some 300
words, more than a spoken answer; the key-point matcher reads it in a thread as it is
submitted."""
_TAKES = {"integer": "a whole number", "number": "a number"}


class OrderedInput(Input):
    """Runs its own non-priority bindings as it receives the key, before the next key. Priority
    bindings (the app's and the screen's) were already checked by the app before the key came
    here, and the box is first in the binding chain, so the same action runs as before."""

    _told_at: str | None = None
    """The text the box held when it last said what it takes."""

    async def _on_key(self, event: events.Key) -> None:
        if not event.is_printable:
            for binding in self._bindings.key_to_bindings.get(event.key, ()):
                if not binding.priority and await self.app.run_action(binding.action, self):
                    event.stop()
                    event.prevent_default()
                    return
        await super()._on_key(event)

    def _on_paste(self, event: events.Paste) -> None:
        """A paste is a new try, told again if refused, and its lines are joined by spaces:
        Textual's box keeps only the first line, which dropped the rest of an explanation pasted
        from notes. (Textual then calls `Input._on_paste`, which inserts it: it runs the handler
        of each class of the box, this one first.)"""
        self._told_at = None
        lines = event.text.splitlines()
        if len(lines) > 1:
            event.text = " ".join(line.strip() for line in lines if line.strip())

    def restricted(self) -> None:
        """Says what the box takes, once until its text changes or a paste comes: a long paste
        a terminal types key by key is refused in one notice, not one a key."""
        if self._told_at == self.value:
            return
        self._told_at = self.value
        longest = f" of at most {self.max_length} characters" if self.max_length else ""
        self.notify(
            f"This box takes {_TAKES.get(self.type, 'text')}{longest}.",
            title="Not typed",
            severity="warning",
            timeout=4,
        )


class AnswerInput(OrderedInput):
    """Enter submits the answer, and the box then waits for the verdict (`verdict_given`). Keys
    typed on in the same burst were already on their way to the box: they are kept meanwhile
    and handed back to the app in order once the verdict is shown, so they reach the box again
    when the answer was refused, or whatever has the focus after an accepted one (the rating
    keys), never lost and never applied to the answer being judged."""

    def __init__(self, *, placeholder: str, id: str, max_length: int = 0) -> None:
        super().__init__(placeholder=placeholder, id=id, max_length=max_length)
        self._kept: list[events.Key] | None = None

    @property
    def waiting(self) -> bool:
        """An answer was submitted and its verdict is not given yet."""
        return self._kept is not None

    async def action_submit(self) -> None:
        self._kept = []
        await super().action_submit()

    async def _on_key(self, event: events.Key) -> None:
        if self._kept is not None:
            event.stop()
            event.prevent_default()
            self._kept.append(event)
            return
        await super()._on_key(event)

    def verdict_given(self) -> None:
        kept, self._kept = self._kept or [], None
        self.app.call_later(hand_back, self.app, kept)
