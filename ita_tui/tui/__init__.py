"""The terminal app (Textual): screens own their behaviour, the store and checker own the data."""

from .wrapping import install as _install_thai_wrapping

_install_thai_wrapping()
