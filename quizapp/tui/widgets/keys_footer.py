"""Textual's Footer, rebuilt only when the keys it shows change, its keys built in their final
style.

Textual's Footer removes and mounts all its keys again on every change of the screen's bindings,
a focus change included, whether or not the keys it shows differ: three times before home shows
its first numbers, the largest part of the work between the first frame and them.

A key it builds starts compact (Textual's default) and is set to the Footer's own compactness
once mounted, so each key's style was worked out three times as it appeared: compact, then not,
each change a restyle of the key and its parts. Here a key bound to the Footer's compactness
starts as compact as the Footer already, so neither change happens (the command palette's key
is not bound to it and keeps Textual's default).
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.widgets import Footer
from textual.widgets._footer import FooterKey

Shown = tuple[tuple[Binding, bool, str], ...]


class KeysFooter(Footer):
    def __init__(self, *, compact: bool = False) -> None:
        super().__init__(compact=compact)
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
        for widget in super().compose():
            if isinstance(widget, FooterKey) and not widget.has_class("-command-palette"):
                widget.set_reactive(FooterKey.compact, self.compact)
                widget.set_class(self.compact, "-compact", update=False)
            yield widget

    async def recompose(self) -> None:
        if self._composed is not None and self._shown() == self._composed:
            return
        await super().recompose()
