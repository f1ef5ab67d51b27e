"""The app's header: Textual's, whose watches on the app's title go when its screen closes (watches.py)."""

from __future__ import annotations

from textual.widgets import Header

from ..watches import ForgetsItsWatchesOnTheApp


class ItaHeader(ForgetsItsWatchesOnTheApp, Header):
    def __init__(self, **kwargs):
        kwargs.setdefault("icon", "ita")
        super().__init__(**kwargs)
