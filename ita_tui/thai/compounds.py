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

from bisect import bisect_left
from collections.abc import Container, Sequence
from functools import lru_cache
from pathlib import Path

DATA = Path(__file__).resolve().parent / "data"
# compounds_th.txt is generated; compounds_added.txt holds the project's additions (words_th.txt lacks them)
COMPOUND_FILES = (DATA / "compounds_th.txt", DATA / "compounds_added.txt")
MAX_PIECES = 8  # a compound spans at most this many ICU pieces (ผู้|มี|ส่วน|ได้|ส่วน|เสีย is 6)
MAX_LETTERS = 40  # and at most this many characters
NOTHING, PREFIX, WORD = 0, 1, 2  # what a candidate is to a word list (see SortedWords.probe)


class SortedWords:
    """Words sorted by their UTF-8 bytes, one a line, kept as a list of bytes and searched by bisection:
    splitting the file is all the loading there is (no decoding, no hashing of 37 k words)."""

    def __init__(self, blob: bytes):
        self._words = blob.split()

    def probe(self, key: bytes) -> int:
        """WORD if *key* is one of the words, PREFIX if only longer words start with it, else NOTHING."""
        words = self._words
        at = bisect_left(words, key)
        if at == len(words) or not words[at].startswith(key):
            return NOTHING
        return WORD if len(words[at]) == len(key) else PREFIX


class CompoundWords:
    """The compound lists: the generated list searched in place (SortedWords), the short list of the
    project's additions as a set. Words are looked up as UTF-8 bytes."""

    def __init__(self, sorted_blob: bytes, added: bytes = b""):
        self._sorted = SortedWords(sorted_blob)
        self._added = frozenset(added.split())
        self._added_prefixes = frozenset(word[:end] for word in self._added for end in range(1, len(word) + 1))

    def __contains__(self, word: str) -> bool:
        return self.probe(word) == WORD

    def probe(self, text: str) -> int:
        """WORD, PREFIX (only longer compounds start with *text*) or NOTHING: grouping stops extending a
        candidate once no compound starts with it."""
        key = text.encode("utf-8")
        if key in self._added:
            return WORD
        found = self._sorted.probe(key)
        return PREFIX if found == NOTHING and key in self._added_prefixes else found


@lru_cache(maxsize=1)
def compound_words() -> CompoundWords:
    """The shipped compound lists, read once per process."""
    generated, added = COMPOUND_FILES
    return CompoundWords(generated.read_bytes(), added.read_bytes())


def group_pieces(pieces: Sequence[str], words: Container[str], joinable: Sequence[bool]) -> list[int]:
    """Ends (piece indices) of the fewest-words grouping of *pieces*: a group of several pieces must be one
    of *words*, and pieces i-1 and i may only be grouped if *joinable[i]*. Of equally short groupings the
    one whose words come longest first wins ("ดำเนินการ|ตาม", not "ดำเนิน|การตาม"). With a *words* that
    can `probe` (CompoundWords), a candidate stops growing as soon as no word starts with it."""
    probe = getattr(words, "probe", None)
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
            if probe is None:
                is_word = text in words
            else:
                found = probe(text)
                if found == NOTHING:
                    break
                is_word = found == WORD
            if is_word and fewest[end] + 1 <= fewest[start]:
                fewest[start], first_end[start] = fewest[end] + 1, end
    ends = []
    position = 0
    while position < count:
        position = first_end[position]
        ends.append(position)
    return ends
