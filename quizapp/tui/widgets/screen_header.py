"""The header of the app's screens: Textual's `Header`, its title set on the spot.

Textual's `Header` queues its first title update on the app's message queue. When the screen is
removed before the app gets to it (a mock interview whose start the database refuses is closed
while the setup screen it replaced is still being taken down), the update finds the header's parts
gone and the app crashes (`NoMatches: HeaderTitle`). Here the title is written when the header
mounts and whenever a title changes, synchronously, so nothing is left queued for a header that
is gone (a header being removed is no longer told about changes, and one taken down before its
parts were mounted has none to write to).
"""

from __future__ import annotations

from textual import events
from textual.widgets import Header, Static


class ScreenHeader(Header):
    """Every screen's header; the title and sub-title follow the screen's (else the app's)."""

    def _on_mount(self, event: events.Mount) -> None:
        event.prevent_default()  # instead of Header's queued title updates
        for node in (self.app, self.screen):
            for attribute in ("title", "sub_title"):
                self.watch(node, attribute, self._show_title)

    def _show_title(self) -> None:
        """A header taken down before its parts were mounted (its screen closed as it opened)
        has no title to write."""
        for title in self.query("HeaderTitle").results(Static):
            title.update(self.format_title())
