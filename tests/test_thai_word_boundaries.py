"""Word boundaries are offsets into the Python string: a character outside the Basic Multilingual Plane
(an emoji) is one character here and two code units in ICU, which must not shift the boundaries after it."""

from __future__ import annotations

from ita_tui.check.rules_consistency import REPEATED_RUNS_MEMO, repeated_runs
from ita_tui.thai.segment import word_boundaries


def test_boundaries_after_an_emoji_fall_between_the_same_words_as_without_it():
    text = "😀 ประชุมคณะ ประชุมคณะ"
    bounds = word_boundaries(text)
    assert bounds[-1] == len(text)
    pieces = [text[a:b] for a, b in zip(bounds, bounds[1:])]
    assert pieces == ["😀", " ", "ประชุม", "คณะ", " ", "ประชุม", "คณะ"]


def test_a_phrase_written_twice_is_found_in_a_text_that_also_holds_an_emoji():
    REPEATED_RUNS_MEMO.clear()
    assert repeated_runs("ประชุมคณะ ประชุมคณะ") == (("ประชุมคณะ ประชุมคณะ", 0),)
    assert repeated_runs("😀 ประชุมคณะ ประชุมคณะ") == (("ประชุมคณะ ประชุมคณะ", 2),)
