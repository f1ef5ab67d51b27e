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


NO_BREAK = "\u00a0"
_GLUED = re.compile(r"[^ \t\n]*\u00a0[^ \t\n]*")  # a run joined by no-break spaces: one unbreakable piece


def _segments(text: str) -> Iterable[tuple[int, int, str]]:
    glued = [match.span() for match in _GLUED.finditer(text)] if NO_BREAK in text else []
    position = 0
    pending = ""
    for piece in line_segments(text):
        end = position + len(piece)
        pending += piece
        if not any(start < end < stop for start, stop in glued):  # no break inside a glued run
            yield end - len(pending), end, pending
            pending = ""
        position = end
    if pending:
        yield position - len(pending), position, pending


def keep_together(phrase: str) -> str:
    """*phrase* with no-break spaces: wrapped text never breaks inside it (a date, "ผู้ลงนาม 3 คน")."""
    return phrase.replace(" ", NO_BREAK)


def keep_phrases(text: str, separator: str = " · ", longest: int = 32) -> str:
    """A line of short phrases ("วันที่ ๒ กุมภาพันธ์ ๒๕๖๖ · ผู้ลงนาม 3 คน") that wraps between phrases only;
    a phrase longer than *longest* cells may still wrap inside (it could not fit a narrow screen)."""
    from rich.cells import cell_len

    return separator.join(keep_together(phrase) if cell_len(phrase) <= longest else phrase
                          for phrase in text.split(separator))


def thai_words(text: str) -> Iterable[tuple[int, int, str]]:
    """Rich's word splitter, with Thai break opportunities and none inside a run glued by no-break spaces."""
    if not _THAI.search(text) and NO_BREAK not in text:
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
