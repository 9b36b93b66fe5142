"""Textual's Footer, rebuilt only when the keys it shows change.

Textual's Footer removes and mounts all its keys again on every change of the screen's bindings,
a focus change included, whether or not the keys it shows differ: three times before home shows
its first numbers, the largest part of the work between the first frame and them.
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.widgets import Footer

Shown = tuple[tuple[Binding, bool, str], ...]


class KeysFooter(Footer):
    def __init__(self) -> None:
        super().__init__()
        self._composed: Shown | None = None
        """The keys last composed; None: none yet."""

    def _shown(self) -> Shown | None:
        """What `Footer.compose` reads: the shown bindings and the command palette's."""
        if not self._bindings_ready:
            return None
        palette = self.app.COMMAND_PALETTE_BINDING
        return tuple(
            (binding, enabled, tooltip)
            for key, (_node, binding, enabled, tooltip) in self.screen.active_bindings.items()
            if binding.show or key == palette
        )

    def compose(self) -> ComposeResult:
        self._composed = self._shown()
        yield from super().compose()

    async def recompose(self) -> None:
        if self._composed is not None and self._shown() == self._composed:
            return
        await super().recompose()
