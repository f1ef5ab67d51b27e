"""Bindings declared with catalogue keys as descriptions, translated when the widget is created."""

from __future__ import annotations

from dataclasses import replace

from ..i18n import t


def translate_bindings(node) -> None:
    """Replace each binding's description and tooltip (catalogue keys) with the current language's words."""
    mapping = node._bindings.key_to_bindings
    for key, bindings in list(mapping.items()):
        mapping[key] = [replace(binding, description=t(binding.description) if binding.description else "",
                                tooltip=t(binding.tooltip) if binding.tooltip else "")
                        for binding in bindings]


class TranslatedBindings:
    """Mixin for screens and widgets: call after Textual set up the node's bindings."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        translate_bindings(self)
