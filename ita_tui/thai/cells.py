"""Cursor arithmetic over visible cells: a Thai cell is a base with its marks ("ผู้" = 3 code points).

Used by the TUI's text widgets so ←/→ never land inside a cell, forward delete removes a whole cell,
and word motion stops at Thai word boundaries.
"""

from __future__ import annotations

from .segment import is_combining, word_boundaries


def next_cell(text: str, index: int) -> int:
    """Offset of the cell after the one at *index* (len(text) at the end)."""
    if index >= len(text):
        return len(text)
    index += 1
    while index < len(text) and is_combining(text[index]):
        index += 1
    return index


def previous_cell(text: str, index: int) -> int:
    """Offset of the cell before *index* (0 at the start)."""
    if index <= 0:
        return 0
    index -= 1
    while index > 0 and is_combining(text[index]):
        index -= 1
    return index


def snap_to_cell(text: str, index: int) -> int:
    """*index* moved back to the start of the cell it falls in."""
    index = max(0, min(index, len(text)))
    while 0 < index < len(text) and is_combining(text[index]):
        index -= 1
    return index


def next_word(text: str, index: int) -> int:
    """Start of the next word after *index*, skipping spaces (Thai words from the segmenter)."""
    for boundary in word_boundaries(text):
        if boundary > index and (boundary == len(text) or not text[boundary].isspace()):
            return boundary
    return len(text)


def previous_word(text: str, index: int) -> int:
    """Start of the word before *index*."""
    previous = 0
    for boundary in word_boundaries(text):
        if boundary >= index:
            break
        if boundary < len(text) and not text[boundary].isspace():
            previous = boundary
    return previous


# A cut never leaves a following vowel (ะ า ำ ๅ ๆ ฯ) without its consonant, nor a leading vowel (เ แ โ ใ ไ) without
# the consonant it is written before; marks are zero-width and stay with their base (see next_cell).
_NOT_FIRST_AFTER_CUT = set("ะาำๅๆฯ")
_NOT_LAST_BEFORE_CUT = set("เแโใไ")


def clip_cells(text: str, width: int, ellipsis: str = "…") -> str:
    """*text* cut to at most *width* terminal cells, ending with *ellipsis* when cut: at a cell boundary
    where no Thai vowel or mark is torn from its consonant (a table cell, a title in a message)."""
    from rich.cells import cell_len

    if cell_len(text) <= width:
        return text
    room = width - cell_len(ellipsis)
    cut, used, index = 0, 0, 0
    while index < len(text):
        end = next_cell(text, index)
        used += cell_len(text[index:end])
        if used > room:
            break
        index = end
        if end < len(text) and text[end] not in _NOT_FIRST_AFTER_CUT and text[end - 1] not in _NOT_LAST_BEFORE_CUT:
            cut = end
    return text[:cut].rstrip() + ellipsis if room > 0 else ellipsis[:max(width, 0)]
