"""Compound words ICU would tear apart at a line end (ส่ง|เสริม, รับผิด|ชอบ), and where a phrase may break.

ICU's Thai dictionary has none of the compounds of official writing, so every ICU break between two Thai
letters is checked against a segmentation that knows them: ICU's pieces are regrouped into the fewest
words of the compound list (newmm's maximal matching, on ICU's boundaries), and only the boundaries of
that grouping stay break opportunities.

The list (data/compounds_th.txt: the 37 k entries of PyThaiNLP's CC0 words_th.txt that ICU splits, made by
tools/build_compounds.py) is read on first use and kept for the process (≈ 10–20 ms once). nlpo3, the
Rust newmm, was measured as the alternative: same quality on the sample, but ≈ 0.4 s to load its dictionary.
"""

from __future__ import annotations

from collections.abc import Container, Sequence
from functools import lru_cache
from pathlib import Path

DATA = Path(__file__).resolve().parent / "data"
# compounds_th.txt is generated; compounds_added.txt holds the project's additions (words_th.txt lacks them)
COMPOUND_FILES = (DATA / "compounds_th.txt", DATA / "compounds_added.txt")
MAX_PIECES = 8  # a compound spans at most this many ICU pieces (ผู้|มี|ส่วน|ได้|ส่วน|เสีย is 6)
MAX_LETTERS = 40  # and at most this many characters


class CompoundWords:
    """The compound lists as a set of UTF-8 byte strings: building bytes objects costs about half of what
    decoding 37 k words into Python strings does, and only a render's few thousand candidates are encoded."""

    def __init__(self, blobs: list[bytes]):
        self._words = frozenset(word for blob in blobs for word in blob.split())

    def __contains__(self, word: str) -> bool:
        return word.encode("utf-8") in self._words

    def __len__(self) -> int:
        return len(self._words)


@lru_cache(maxsize=1)
def compound_words() -> CompoundWords:
    """The shipped compound lists, read once per process."""
    return CompoundWords([path.read_bytes() for path in COMPOUND_FILES])


def group_pieces(pieces: Sequence[str], words: Container[str], joinable: Sequence[bool]) -> list[int]:
    """Ends (piece indices) of the fewest-words grouping of *pieces*: a group of several pieces must be one
    of *words*, and pieces i-1 and i may only be grouped if *joinable[i]*. Of equally short groupings the
    one whose words come longest first wins ("ดำเนินการ|ตาม", not "ดำเนิน|การตาม")."""
    count = len(pieces)
    fewest = [0] * (count + 1)  # fewest words covering pieces[i:]
    first_end = list(range(1, count + 2))  # where the first word of that grouping ends
    for start in range(count - 1, -1, -1):
        fewest[start] = fewest[start + 1] + 1
        text = pieces[start]
        for end in range(start + 2, min(count, start + MAX_PIECES) + 1):
            if not joinable[end - 1]:
                break
            text += pieces[end - 1]
            if len(text) > MAX_LETTERS:
                break
            if text in words and fewest[end] + 1 <= fewest[start]:
                fewest[start], first_end[start] = fewest[end] + 1, end
    ends = []
    position = 0
    while position < count:
        position = first_end[position]
        ends.append(position)
    return ends
