"""The compound list is searched by bisection over its sorted lines (loading it is one split, not a set of
37 k decoded words): that search must answer exactly what a plain set of the same words answers."""

from __future__ import annotations

from ita_tui.thai.compounds import (COMPOUND_FILES, NOTHING, PREFIX, WORD, CompoundWords, compound_words,
                                    group_pieces)
from ita_tui.thai.segment import _is_thai_letter, line_segments

SENTENCES = [
    "การประชุมคณะทำงานเพื่อจัดทำมาตรการส่งเสริมคุณธรรมและความโปร่งใสของหน่วยงาน",
    "ผู้รับผิดชอบจัดทำแผนงานประจำปีโดยให้ผู้มีส่วนได้ส่วนเสียมีส่วนร่วมแสดงความคิดเห็น",
    "ระยะเวลาดำเนินการตามข้อกำหนดของผู้อำนวยการกองคลังและหน่วยงานภาครัฐ",
]


def _listed_words() -> list[str]:
    return [word.decode("utf-8") for path in COMPOUND_FILES for word in path.read_bytes().split()]


def test_the_generated_list_is_sorted_by_utf8_bytes_as_bisection_needs():
    lines = COMPOUND_FILES[0].read_bytes().split()
    assert lines == sorted(lines)


def test_every_listed_compound_is_found_and_its_beginnings_are_prefixes():
    words = compound_words()
    listed = _listed_words()
    assert all(word in words for word in listed)
    for word in listed[::50] + ["ผู้มีส่วนได้ส่วนเสีย"]:
        assert words.probe(word) == WORD
        assert all(words.probe(word[:end]) in (PREFIX, WORD) for end in range(1, len(word)))


def test_lookups_answer_as_a_plain_set_of_the_same_words():
    words = compound_words()
    listed = _listed_words()
    as_set = set(listed)
    for word in listed[::7]:
        for candidate in (word[:-1], word[1:], word + "ก", word[: len(word) // 2], "ฮฮ" + word):
            assert (candidate in words) == (candidate in as_set), candidate
    assert words.probe("ฮฮฮฮฮฮ") == NOTHING and "" not in words


def test_grouping_is_the_same_with_the_bisected_list_and_with_a_set():
    as_set = set(_listed_words())
    for sentence in SENTENCES:
        pieces = line_segments(sentence)
        joinable = [False] + [_is_thai_letter(before[-1]) and _is_thai_letter(after[0])
                              for before, after in zip(pieces, pieces[1:])]
        assert group_pieces(pieces, compound_words(), joinable) == group_pieces(pieces, as_set, joinable)


def test_the_projects_additions_are_words_and_prefixes_too():
    words = CompoundWords(b"", "ผู้อำนวยการกอง\n".encode("utf-8"))
    assert "ผู้อำนวยการกอง" in words
    assert words.probe("ผู้อำนวย") == PREFIX
    assert words.probe("อำนวย") == NOTHING
