"""Thai word wrap everywhere on screen: labels, lists, problem messages and text areas.

Rich (`rich._wrap.words`) and Textual's TextArea (`textual._wrap.chunks`) find wrap points with a
whitespace regex, so a Thai sentence (no spaces between words) is cut mid-word. Both are replaced by
the same segmenter the PDF line breaker uses, for text that contains Thai; other text is untouched.
These are private functions of pinned versions; tests/test_tui_wrapping.py fails if they change.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

import rich._wrap
import textual._wrap

from ..thai.segment import line_segments

_THAI = re.compile("[\u0e00-\u0e7f]")
_original_rich_words = rich._wrap.words
_original_textual_chunks = textual._wrap.chunks


def _segments(text: str) -> Iterable[tuple[int, int, str]]:
    position = 0
    for piece in line_segments(text):
        yield position, position + len(piece), piece
        position += len(piece)


def thai_words(text: str) -> Iterable[tuple[int, int, str]]:
    """Rich's word splitter, with Thai break opportunities."""
    if not _THAI.search(text):
        return _original_rich_words(text)
    return _segments(text)


def thai_chunks(text: str) -> Iterable[tuple[int, int, str]]:
    """Textual's TextArea chunk splitter, with Thai break opportunities."""
    if not _THAI.search(text):
        return _original_textual_chunks(text)
    return _segments(text)


def install() -> None:
    rich._wrap.words = thai_words
    textual._wrap.chunks = thai_chunks
