"""The key footer: one widget drawing one line, where Textual's Footer is a container of a widget per key.

Textual 8.2.8's Footer mounts, styles and lays out a FooterKey widget for each key (ten on most screens: a
fifth of the cost of opening a screen) and composes them all again whenever the screen's bindings change
(as focus moves between a form's fields), leaving the old keys in its watches (textual#6666). Here the
keys are drawn as one line, again only when what it shows changed. It looks as Textual's compact footer
does: each key in the theme's footer-key colours, its description after a space, one space between keys,
the command palette's key at the right end after a thin rule; a disabled key is dim. A click on a key
presses it (a disabled one rings the bell), as on Textual's.
"""

from __future__ import annotations

from dataclasses import dataclass
from weakref import WeakKeyDictionary

from rich.cells import cell_len
from rich.style import Style
from rich.text import Text
from textual import events
from textual.widget import Widget

PALETTE_RULE = "▏"
_APP_KEY_PLACES: WeakKeyDictionary = WeakKeyDictionary()  # app → {action: place on the line}


@dataclass(frozen=True)
class ShownKey:
    """A key as the footer shows it: cells start..end of the footer's line."""
    key: str
    action: str
    description: str
    enabled: bool
    start: int
    end: int
    palette: bool = False


class ItaFooter(Widget):
    ALLOW_SELECT = False
    COMPONENT_CLASSES = {"footer-key--key", "footer-key--description", "footer--palette-rule"}
    DEFAULT_CSS = """
    ItaFooter {
        dock: bottom;
        height: 1;
        color: $footer-foreground;
        background: $footer-background;
        .footer-key--key {
            color: $footer-key-foreground;
            background: $footer-key-background;
            text-style: bold;
        }
        .footer-key--description {
            color: $footer-description-foreground;
            background: $footer-description-background;
        }
        .footer--palette-rule {
            color: $foreground 20%;
        }
    }
    """

    _drawn: tuple | None = None  # what the line was last drawn from (keys, width, hovered)
    _hovered: int | None = None  # index in shown() of the key under the mouse

    def on_mount(self) -> None:
        self.screen.bindings_updated_signal.subscribe(self, self._bindings_changed)

    def _bindings_changed(self, screen) -> None:
        if screen is self.screen and (self._drawn is None or self._keys(screen) != self._drawn[0]):
            self.refresh()

    def _keys(self, screen) -> tuple:
        """(key, key display, action, description, enabled) of each key shown, the palette's last: one per
        action (its first binding), in the screen's order, without the screen's FOOTER_HIDDEN."""
        app = screen.app
        hidden = getattr(screen, "FOOTER_HIDDEN", ())
        palette_key = app.COMMAND_PALETTE_BINDING if app.ENABLE_COMMAND_PALETTE else None
        keys, actions, palette, app_actions = [], set(), (), set()
        for key, (node, binding, enabled, _tooltip) in screen.active_bindings.items():
            shown = (binding.key, app.get_key_display(binding), binding.action, binding.description, enabled)
            if key == palette_key:
                palette = (shown,)
            elif binding.show and binding.action not in actions and binding.action not in hidden:
                actions.add(binding.action)
                keys.append(shown)
                if node is app:
                    app_actions.add(binding.action)
        # Textual lists the focused widget's keys first: as Tab moved into a text area, F6 and F7 jumped to
        # the front of the line. The screen's own keys come first; the app's keep, on every screen, the
        # places they had the first time the app showed them (on the overview).
        places = _APP_KEY_PLACES.setdefault(app, {})
        for shown in keys:
            if shown[2] in app_actions:
                places.setdefault(shown[2], len(places))
        keys.sort(key=lambda shown: (shown[2] in app_actions, places.get(shown[2], 0)))
        return tuple(keys) + palette

    def shown(self) -> list[ShownKey]:
        """The keys on the line as it is drawn at the footer's width (tests, clicks)."""
        return self._lay_out(self._keys(self.screen), self.size.width or self.app.size.width)[1]

    def _lay_out(self, keys: tuple, width: int) -> tuple[list, list[ShownKey]]:
        """The line's parts (text, part, key index) and where each key is."""
        palette_key = self.app.COMMAND_PALETTE_BINDING if self.app.ENABLE_COMMAND_PALETTE else None
        parts, shown, x = [], [], 0
        for index, (key, display, action, description, enabled) in enumerate(keys):
            is_palette = key == palette_key and index == len(keys) - 1
            if is_palette:
                room = cell_len(display) + (1 + cell_len(description) if description else 0)
                # a cell left free at the end, as Textual's footer leaves it (a terminal that draws a
                # Thai vowel wider than it is counted does not wrap the line)
                x_palette = max(x, width - room - 2)
                parts.append((" " * (x_palette - x), "gap", None))
                parts.append((PALETTE_RULE, "rule", None))
                x = x_palette + 1
            elif index:
                parts.append((" ", "gap", None))
                x += 1
            start = x
            parts.append((display, "key", index))
            x += cell_len(display)
            if description:
                parts.append((" " + description, "description", index))
                x += 1 + cell_len(description)
            shown.append(ShownKey(key, action, description, enabled, start, x, is_palette))
        return parts, shown

    def render(self) -> Text:
        keys = self._keys(self.screen)
        width = self.size.width
        self._drawn = (keys, width, self._hovered)
        parts, shown = self._lay_out(keys, width)
        key_style = self.get_component_rich_style("footer-key--key")
        description_style = self.get_component_rich_style("footer-key--description")
        rule_style = self.get_component_rich_style("footer--palette-rule")
        dim, hover = Style(dim=True), Style(reverse=True)
        line = Text(no_wrap=True, overflow="crop", end="")
        for text, part, index in parts:
            style = {"key": key_style, "description": description_style, "rule": rule_style}.get(part, Style())
            if index is not None and not keys[index][4]:
                style += dim
            if index is not None and index == self._hovered:
                style += hover
            line.append(text, style)
        return line

    def _key_at(self, x: int) -> int | None:
        for index, shown_key in enumerate(self.shown()):
            if shown_key.start <= x < shown_key.end:
                return index
        return None

    def on_mouse_move(self, event: events.MouseMove) -> None:
        hovered = self._key_at(event.x)
        if hovered != self._hovered:
            self._hovered = hovered
            self.refresh()

    def on_leave(self, event: events.Leave) -> None:
        if self._hovered is not None:
            self._hovered = None
            self.refresh()

    def on_mouse_down(self, event: events.MouseDown) -> None:
        index = self._key_at(event.x)
        if index is None:
            return
        shown_key = self.shown()[index]
        if shown_key.enabled:
            self.app.simulate_key(shown_key.key)
        else:
            self.app.bell()
