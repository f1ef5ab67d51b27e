"""The key footer, without Textual's repeated work (a third of the cost of opening a screen).

Textual 8.2.8's Footer composes itself again on every "bindings updated" signal (five times while a screen
opens, with the same keys each time), and each FooterKey starts compact, is restyled, and is then restyled
back when bound to the footer's style: two stylesheet passes per key per compose. Here the footer composes
again only when the keys it shows changed, and each key is built in its final style. Upstream: Footer
recomposes on any binding change (textual#4573 is the visible side of it, a flicker).
"""

from __future__ import annotations

from textual.widgets import Footer
from textual.widgets._footer import FooterKey

from ..watches import forget_watches

_KEY_COMPACT_DEFAULT = FooterKey.compact._default


class ItaFooter(Footer):
    _composed_keys: tuple | None = None

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("compact", True)  # at 80 columns every key fits (issue 10: `f4 แก` was cut)
        super().__init__(*args, **kwargs)

    def _shown_keys(self, screen) -> tuple:
        """Everything compose() reads from the bindings: equal tuples give an equal footer."""
        app = screen.app
        palette = app.COMMAND_PALETTE_BINDING
        return tuple((binding.key, app.get_key_display(binding), binding.action, binding.description,
                      binding.tooltip, id(binding.group), enabled, tooltip)
                     for key, (_node, binding, enabled, tooltip) in screen.active_bindings.items()
                     if binding.show or key == palette)

    def bindings_changed(self, screen) -> None:
        if self.is_attached and screen is self.screen and screen.app.app_focus:
            keys = self._shown_keys(screen)
            if self._bindings_ready and keys == self._composed_keys:
                return
            self._composed_keys = keys  # the recompose now scheduled shows these (or newer ones, signalled again)
        super().bindings_changed(screen)

    def compose(self):
        # Textual's footer starts empty and composes its keys after the screen's first paint: a second
        # layout and paint of every screen as it opens. The screen's bindings are there at compose; if they
        # change once its widgets mount (focus), bindings_changed composes again.
        self._bindings_ready = True
        # the keys composed before were just removed; their watches on `compact` stay until it changes
        forget_watches(self, lambda node: node.is_attached)
        self._composed_keys = self._shown_keys(self.screen)
        for widget in super().compose():
            if isinstance(widget, FooterKey) and widget.action in getattr(self.screen, "FOOTER_HIDDEN", ()):
                continue  # the key still works; the screen gives its room in 80 columns to its own keys
            if isinstance(widget, FooterKey):
                bound = "compact" in (widget._reactive_connect or {})
                compact = self.compact if bound else _KEY_COMPACT_DEFAULT
                # an attribute already set is not initialised (nor watched) again at mount
                widget._reactive_compact = compact
                widget.set_class(compact, "-compact", update=False)
            yield widget
