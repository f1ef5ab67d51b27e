"""The words of many texts at once, each word written as one character: a rule can then look for a word
sequence written twice with one regular expression instead of a Python loop over every word.

One ICU word breaker over all the texts joined by a paragraph separator (a break before and after it in
every ICU word rule set, so each text is segmented exactly as on its own) costs about half of one breaker a
text: creating a breaker costs as much as segmenting a short text. The segmenter is the same as
`segment.word_boundaries`'s, so the words are the same (tests/test_rules_repeated_fast.py compares them).
"""

from __future__ import annotations

import re
import sys
from collections.abc import Sequence

from icu4py.breakers import WordBreaker

TEXT_SEPARATOR = "\u2029"  # PARAGRAPH SEPARATOR: ICU breaks before and after it (WB3a, WB3b)
_CODES_END = "\n"  # the separator's code; `.` in a pattern does not match it
_FIRST_CODE = 0x100  # codes below are left for the caller's fixed words
_BATCH_CHARACTERS = 200_000  # about this many characters a WordBreaker
_BEYOND_UTF16_UNIT = re.compile("[\U00010000-\U0010ffff]")


class _WordCodes(dict):
    """word → its code: one character per distinct word, "" for a whitespace word (rules skip those)."""

    def __missing__(self, word: str) -> str:
        if word == TEXT_SEPARATOR:
            code = _CODES_END
        elif word.isspace():
            code = ""
        elif _FIRST_CODE + len(self) <= sys.maxunicode:
            code = chr(_FIRST_CODE + len(self))
        else:
            raise _OutOfCodes
        self[word] = code
        return code


class _OutOfCodes(Exception):
    """More distinct words in one batch than characters to stand for them."""


def word_codes(texts: Sequence[str], fixed: dict[str, str]) -> list[str | None]:
    """For each text, its non-space words as a string of one character a word: equal words have equal
    characters (within one call), *fixed* words have the code given there (characters below U+0100, never
    a newline). None for a text this cannot code: one that holds the separator itself, or a character
    beyond U+FFFF (`segment.word_boundaries` counts those twice, so its words are not these)."""
    coded: list[str | None] = [None] * len(texts)
    batch: list[int] = []
    size = 0
    for index, text in enumerate(texts):
        if TEXT_SEPARATOR in text or _BEYOND_UTF16_UNIT.search(text):
            continue
        batch.append(index)
        size += len(text) + 1
        if size >= _BATCH_CHARACTERS:
            _code_batch(texts, batch, fixed, coded)
            batch, size = [], 0
    if batch:
        _code_batch(texts, batch, fixed, coded)
    return coded


def _code_batch(texts: Sequence[str], batch: list[int], fixed: dict[str, str], coded: list[str | None]) -> None:
    codes = _WordCodes(fixed)
    joined = TEXT_SEPARATOR.join(texts[index] for index in batch)
    words = WordBreaker(joined, "th") if joined else ()
    try:
        per_text = "".join(map(codes.__getitem__, words)).split(_CODES_END)
    except _OutOfCodes:  # the texts stay uncoded: read one by one
        return
    if len(per_text) != len(batch):  # the separator joined to a neighbour: never seen; be exact anyway
        return
    for index, text_codes in zip(batch, per_text):
        coded[index] = text_codes
