"""Compound words ICU would tear apart at a line end (ส่ง|เสริม, รับผิด|ชอบ), and where a phrase may break.

ICU's Thai dictionary has none of the compounds of official writing, so every ICU break between two Thai
letters is checked against a segmentation that knows them: ICU's pieces are regrouped into the fewest
words of the compound list (newmm's maximal matching, on ICU's boundaries), and only the boundaries of
that grouping stay break opportunities.

The list (data/compounds_th.txt: the 37 k entries of PyThaiNLP's CC0 words_th.txt that ICU splits, made by
tools/build_compounds.py, sorted by UTF-8 bytes) is read on first use and searched by bisection: loading
is a file read and a split into bytes (≈ 3 ms; a set of 37 k decoded words cost ≈ 15–30 ms of every cold
`ita render`), and the sorted order also says when no compound starts with a candidate, so grouping
stops early. nlpo3, the Rust newmm, was measured as the alternative: same quality on the sample, but
≈ 0.4 s to load its dictionary.
"""

from __future__ import annotations

from bisect import bisect_left, insort
from collections.abc import Container, Sequence
from functools import lru_cache
from pathlib import Path

DATA = Path(__file__).resolve().parent / "data"
# compounds_th.txt is generated; compounds_added.txt holds the project's additions (words_th.txt lacks them)
COMPOUND_FILES = (DATA / "compounds_th.txt", DATA / "compounds_added.txt")
MAX_PIECES = 8  # a compound spans at most this many ICU pieces (ผู้|มี|ส่วน|ได้|ส่วน|เสีย is 6)
MAX_LETTERS = 40  # and at most this many characters
NOTHING, PREFIX, WORD = 0, 1, 2  # what a candidate is to the compound list (see CompoundWords.probe)


class CompoundWords:
    """The compound lists as one list of UTF-8 byte strings in byte order, searched by bisection: loading
    is a split (no decoding, no hashing of 37 k words), and the order also tells when no compound starts
    with a candidate. The project's few additions are inserted in order."""

    def __init__(self, sorted_blob: bytes, added: bytes = b""):
        self.sorted_words = sorted_blob.split()
        for word in added.split():
            if self._at(word) != word:
                insort(self.sorted_words, word)

    def _at(self, key: bytes) -> bytes:
        """The first listed word not less than *key* (b"" if none)."""
        words = self.sorted_words
        at = bisect_left(words, key)
        return words[at] if at < len(words) else b""

    def __contains__(self, word: str) -> bool:
        return self.probe(word) == WORD

    def __len__(self) -> int:
        return len(self.sorted_words)

    def probe(self, text: str) -> int:
        """WORD, PREFIX (only longer compounds start with *text*) or NOTHING."""
        key = text.encode("utf-8")
        found = self._at(key)
        if not key or not found.startswith(key):
            return NOTHING
        return WORD if len(found) == len(key) else PREFIX


@lru_cache(maxsize=1)
def compound_words() -> CompoundWords:
    """The shipped compound lists, read once per process."""
    generated, added = COMPOUND_FILES
    return CompoundWords(generated.read_bytes(), added.read_bytes())


def group_pieces(pieces: Sequence[str], words: Container[str], joinable: Sequence[bool]) -> list[int]:
    """Ends (piece indices) of the fewest-words grouping of *pieces*: a group of several pieces must be one
    of *words*, and pieces i-1 and i may only be grouped if *joinable[i]*. Of equally short groupings the
    one whose words come longest first wins ("ดำเนินการ|ตาม", not "ดำเนิน|การตาม"). With CompoundWords,
    a candidate is looked up by bisection and stops growing as soon as no compound starts with it."""
    listed = getattr(words, "sorted_words", None)
    listed_count = len(listed) if listed is not None else 0
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
            if listed is None:
                is_word = text in words
            else:  # CompoundWords.probe, inline: this loop is most of a render's line breaking
                key = text.encode("utf-8")
                at = bisect_left(listed, key)
                if at == listed_count or not listed[at].startswith(key):
                    break
                is_word = len(listed[at]) == len(key)
            if is_word and fewest[end] + 1 <= fewest[start]:
                fewest[start], first_end[start] = fewest[end] + 1, end
    ends = []
    position = 0
    while position < count:
        position = first_end[position]
        ends.append(position)
    return ends
