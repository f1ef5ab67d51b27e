"""Screens that list records (overview, a fiscal year): refreshed when the user comes back from a form."""

from __future__ import annotations

from textual.screen import Screen

from ..bindings import TranslatedBindings


class ListScreen(TranslatedBindings, Screen):
    """Calls `refresh_view` when shown again. The first resume follows on_mount, which already refreshed."""

    _shown_once = False

    def refresh_view(self) -> None:
        raise NotImplementedError

    def on_screen_resume(self) -> None:
        if self._shown_once:
            self.refresh_view()
        self._shown_once = True
