"""The protected vocabulary of a layout: layouts/vocabulary.txt plus the layout folder's own vocabulary.txt.

Phrases are read as printed text, so they are converted to the layout's digit style like every record
text. A list is read once per (folder, file version) per process.
"""

from __future__ import annotations

from pathlib import Path

from ..thai.phrases import read_phrase_list
from .layout import LAYOUTS_DIR, Layout, LayoutError

VOCABULARY_FILE = "vocabulary.txt"
_READ: dict[tuple[Path, int], tuple[str, ...]] = {}


def _phrases(path: Path) -> tuple[str, ...]:
    key = (path, path.stat().st_mtime_ns)
    if key not in _READ:
        try:
            _READ[key] = tuple(read_phrase_list(path.read_text(encoding="utf-8")))
        except (OSError, UnicodeDecodeError) as error:
            raise LayoutError(f"{path}: cannot read the protected vocabulary ({error})") from None
    return _READ[key]


def protected_vocabulary(layout: Layout) -> tuple[str, ...]:
    """Every phrase the layout's documents never break inside (the shared list, then the layout's own)."""
    phrases: list[str] = []
    for folder in dict.fromkeys((LAYOUTS_DIR.resolve(), layout.folder.resolve())):
        path = folder / VOCABULARY_FILE
        if path.is_file():
            phrases.extend(_phrases(path))
    return tuple(phrases)
