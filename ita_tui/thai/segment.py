"""Where Thai text may break: one segmenter for the PDF line breaker, TUI wrapping and word motion.

ICU's dictionary-based line breaker gives break opportunities ("ดำเนิน|การ|จัด"); grapheme clusters
("ผู้" is three code points, one cell) come from ICU's character breaker, with a pure-Python fallback
for the Thai combining marks so the TUI never depends on a native call per keystroke.
"""

from __future__ import annotations

import unicodedata
from functools import lru_cache

from icu4py.breakers import CharacterBreaker, LineBreaker, WordBreaker

# Characters that never start a line: combining marks and the following vowels / repetition signs.
_NO_BREAK_BEFORE = set("ะาำๅๆฯ")
# Leading vowels never end a line.
_NO_BREAK_AFTER = set("เแโใไ")


def is_combining(char: str) -> bool:
    return unicodedata.combining(char) != 0 or unicodedata.category(char) in ("Mn", "Me")


@lru_cache(maxsize=4096)
def line_segments(text: str) -> tuple[str, ...]:
    """Split *text* into pieces between which a line may break (trailing spaces stay on their piece)."""
    if not text:
        return ()
    pieces = list(LineBreaker(text, "th"))
    merged: list[str] = []
    for piece in pieces:
        if merged and (piece[0] in _NO_BREAK_BEFORE or is_combining(piece[0]) or merged[-1][-1] in _NO_BREAK_AFTER):
            merged[-1] += piece
        else:
            merged.append(piece)
    return tuple(merged)


def _is_thai_letter(char: str) -> bool:
    return "\u0e01" <= char <= "\u0e4e" and char not in "\u0e3f\u0e2f\u0e46"


@lru_cache(maxsize=8192)
def phrase_segments(text: str) -> tuple[str, ...]:
    """Line-break pieces for print: ICU's, but between two Thai letters a break only where a segmentation
    with compound words (ส่งเสริม, รับผิดชอบ, ระยะเวลา) also has a boundary, so no compound is torn at a
    line end. The compound list is loaded on first use."""
    from .compounds import compound_words, group_pieces

    pieces = line_segments(text)
    if len(pieces) < 2:
        return pieces

    joinable = [False] + [_is_thai_letter(before[-1]) and _is_thai_letter(after[0])
                          for before, after in zip(pieces, pieces[1:])]
    if not any(joinable):
        return pieces
    ends = group_pieces(pieces, compound_words(), joinable)
    starts = [0] + ends[:-1]
    return tuple("".join(pieces[start:end]) for start, end in zip(starts, ends))


def word_boundaries(text: str) -> list[int]:
    """Offsets of every word boundary in *text* (0 and len(text) included), for word-wise cursor motion.
    Summed from the words' lengths: ICU's own offsets count UTF-16 code units, and an emoji (two of them)
    shifted every boundary after it by one."""
    bounds = [0]
    for word in WordBreaker(text, "th") if text else ():
        bounds.append(bounds[-1] + len(word))
    return bounds


def words(text: str) -> list[str]:
    return list(WordBreaker(text, "th")) if text else []


def clusters(text: str) -> list[str]:
    """Grapheme clusters: a base character with all the marks that sit on it."""
    return list(CharacterBreaker(text, "th")) if text else []


def cluster_starts(text: str) -> list[int]:
    """Offsets at which a visible cell starts; a fast path for the TUI cursor (no ICU call)."""
    starts = []
    for index, char in enumerate(text):
        if index == 0 or not is_combining(char):
            starts.append(index)
    return starts
