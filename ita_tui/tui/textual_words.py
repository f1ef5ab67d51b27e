"""Textual's own English words (a Select's "Dismiss menu", the palette's "Search for commands…" and its
keys) in the interface language: every string the user sees comes from our catalogue."""

from __future__ import annotations

from dataclasses import replace

from ..i18n import t

# Textual's binding descriptions → our catalogue keys
BINDING_WORDS = {
    "Dismiss menu": "key.close-menu",
    "Show menu": "key.open-menu",
    "Exit the command palette": "key.close-palette",
    "Go to bottom": "key.bottom",
    "Go to top": "key.top",
    "Next command": "key.next-command",
    "Previous command": "key.previous-command",
    "Next page": "key.next-page",
    "Previous page": "key.previous-page",
}


def _translate_class_bindings(cls) -> None:
    cls._merged_bindings = cls._merge_bindings()
    mapping = cls._merged_bindings.key_to_bindings
    for key, bindings in list(mapping.items()):
        mapping[key] = [replace(binding, description=t(BINDING_WORDS[binding.description]))
                        if binding.description in BINDING_WORDS else binding for binding in bindings]


def translate_textual_words() -> None:
    """Re-label the bindings of Textual's widgets we use, in the current language (called per app)."""
    from textual.command import CommandPalette
    from textual.widgets import Select
    from textual.widgets._select import SelectOverlay

    for cls in (SelectOverlay, Select, CommandPalette):
        _translate_class_bindings(cls)
