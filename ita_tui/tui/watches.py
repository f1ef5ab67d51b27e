"""Watches a widget holds on longer-lived objects end when the widget leaves.

Textual 8.2.8 stores `self.watch(other, "attribute", ...)` on *other* and drops it only when that attribute
changes again (upstream: textual#6666). Header watches the app's title, TextArea the app's theme: neither
changes in a session, so every form closed kept its header and text areas (~6,000 objects a form). Memory
grew all day, and full garbage collections with it (one took 40-90 ms within a year's opening after fifteen
openings).
(Textual's footer kept every key it had shown the same way; ours draws its keys without widgets.)
"""

from __future__ import annotations

_WATCHERS = "__watchers"  # where Textual keeps the watches on an object (reactive._watch)


def forget_watches_of(watcher: object, observed: object) -> None:
    """Drop every watch *watcher* holds on *observed*."""
    for entries in getattr(observed, _WATCHERS, {}).values():
        entries[:] = [(node, callback) for node, callback in entries if node is not watcher]


class ForgetsItsWatchesOnTheApp:
    """For widgets that watch the app (Header, TextArea): their watches go with them."""

    def _on_unmount(self) -> None:
        forget_watches_of(self, self.app)
