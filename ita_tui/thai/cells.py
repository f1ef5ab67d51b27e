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
