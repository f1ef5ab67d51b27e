"""Bound editing keys run in the widget's own key handler, so a burst of keys keeps its order.

Textual 8.2.8 inserts a printable key in the focused widget's queue but lets a bound key (Backspace,
Delete, arrows, Home/End, word motion) bubble up to the app, which runs the binding later: the next
character of the same burst is inserted first, so `ก า Backspace ข` gives `กา` (upstream Textual issue
#6605; the open upstream PR #6631 takes this same approach). Only the widget's own non-priority bindings
run here — exactly the ones the app would have run first for the focused widget — so what a key does is
unchanged; only when it happens is.
"""

from __future__ import annotations

from rich.align import Align
from rich.text import Text
from textual import events
from textual.command import CommandInput, CommandList, CommandPalette
from textual.widgets.option_list import Option

from ...i18n import t


class KeepsKeyOrder:
    """Mixin for Input / TextArea subclasses (put it first in the bases)."""

    async def _on_key(self, event: events.Key) -> None:
        if event.is_printable or not self.has_focus:
            return  # the stock handler inserts it, in order
        for binding in self._bindings.key_to_bindings.get(event.key, ()):
            if binding.priority:
                continue  # the app ran those before the key reached us
            if await self.app.run_action(binding.action, self):
                event.stop()
                event.prevent_default()  # neither the stock handler nor the app runs it again
                return


class OrderedCommandInput(KeepsKeyOrder, CommandInput):
    """The command palette's search field, keeping key order."""


class OrderedCommandPalette(CommandPalette):
    """The stock palette with an OrderedCommandInput in place of its CommandInput, saying "no matches" in
    the interface language (Textual 8.2.8 writes an English "No matches found" into the list)."""

    def _start_no_matches_countdown(self, search_value: str) -> None:
        """Textual's own countdown (command.py), with our words in place of its English."""
        self._stop_no_matches_countdown()

        def show_no_matches() -> None:
            if search_value:
                self.query_one(CommandList).add_option(
                    Option(Align.center(Text(t("palette.no-matches"), style="not bold")), disabled=True,
                           id=self._NO_MATCHES))
                self._list_visible = True
            else:
                self._list_visible = False

        self._no_matches_timer = self.set_timer(self._NO_MATCHES_COUNTDOWN, show_no_matches)

    def compose(self):
        for widget in super().compose():
            if type(widget) is CommandInput:
                widget = OrderedCommandInput(placeholder=widget.placeholder, select_on_focus=False)
            yield widget
