"""Esc and Enter sent together (a burst over a slow SSH link, PuTTY typing ahead) are Esc, then Enter.

Textual 8.2.8's input parser reads ESC followed by a carriage return as one unknown sequence: alone it
became Enter (the Esc lost: "back, then open" opened the selected item), and when another key's escape
sequence followed, it was re-issued with its ESC turned into a literal "^" key: Esc Enter Down in a form
typed "^" into the field, and Ctrl+S saved it. Alt+Enter sends the same bytes; the app binds nothing to it,
and a clerk's Esc is far more common. Other Alt combinations are left as Textual reads them (Esc Tab reads
as Shift+Tab, Esc Backspace as Ctrl+W: word deletion, as Alt+Backspace is in terminals).
"""

from __future__ import annotations

from textual import events
from textual._xterm_parser import XTermParser

ESC = "\x1b"
_ESCAPED_ENTER = {ESC + "\r": "\r", ESC + "\n": "\n"}


class BurstSafeParser(XTermParser):
    def _sequence_to_key_events(self, sequence: str, alt: bool = False):
        if sequence in _ESCAPED_ENTER:
            yield events.Key("escape", ESC)
            yield events.Key("enter", _ESCAPED_ENTER[sequence])
            return
        yield from super()._sequence_to_key_events(sequence, alt)


def use_burst_safe_parser() -> None:
    """The terminal drivers build their parser by the name they imported: give them this one."""
    from textual.drivers import linux_driver, linux_inline_driver

    linux_driver.XTermParser = BurstSafeParser
    linux_inline_driver.XTermParser = BurstSafeParser
