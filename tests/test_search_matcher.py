"""The search matcher: what a Thai reader sees as the same text matches, and every match points at the
original characters, so the cursor lands on what was found."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from ita_tui.thai.search import find_matches, fold, fold_query, folded_with_origins


def found(query: str, text: str) -> list[str]:
    return [text[start:end] for start, end in find_matches(fold_query(query), text)]


def test_thai_digits_find_arabic_digits_and_back():
    assert found("๒๕๖๖", "ปีงบประมาณ พ.ศ. 2566") == ["2566"]
    assert found("2566", "ปีงบประมาณ พ.ศ. ๒๕๖๖") == ["๒๕๖๖"]
    assert found("๒5๖6", "2566 และ ๒๕๖๖") == ["2566", "๒๕๖๖"]


def test_latin_is_matched_without_case():
    assert found("ITA", "ผลการประเมิน ita และ Ita") == ["ita", "Ita"]
    assert found("line", "LINE Official") == ["LINE"]


def test_sara_am_matches_nikhahit_plus_sara_aa_and_the_whole_vowel_is_the_match():
    decomposed = "น\u0e49\u0e4d\u0e32ประปา"  # น้ + ํ + า: how some keyboards and PDFs give "น้ำ"
    assert found("น้ำ", decomposed) == [decomposed[:4]]
    assert found("น\u0e4d\u0e49\u0e32", "ค่าน้ำประปา") == ["น้ำ"]  # nikhahit typed before the tone
    assert found("นำ\u0e49", "ค่าน้ำประปา") == ["น้ำ"]  # the tone typed after SARA AM
    assert found("ดำเนิน", "ด\u0e4d\u0e32เนินการ") == ["ด\u0e4d\u0e32เนิน"]


def test_a_match_of_a_spelling_that_folds_to_one_character_covers_all_of_it():
    text = "ค่าน\u0e4d\u0e49\u0e32ประปา"  # น + ํ + ้ + า
    assert find_matches(fold_query("น้ำ"), text) == [(3, 7)]
    assert find_matches(fold_query("ำ"), text) == [(4, 7)]
    assert find_matches(fold_query("ประปา"), text) == [(7, 12)]


def test_invisible_characters_do_not_break_a_match_and_stay_inside_it():
    text = "ประ\u200bชุม คณะ\ufeffทำงาน"
    assert found("ประชุม", text) == ["ประ\u200bชุม"]
    assert found("คณะทำงาน", text) == ["คณะ\ufeffทำงาน"]


def test_runs_of_white_space_match_one_space():
    assert found("ประชุม คณะ", "ประชุม\n  คณะทำงาน") == ["ประชุม\n  คณะ"]
    assert found("  ประชุม  ", "การประชุม") == ["ประชุม"]


def test_precomposed_and_decomposed_latin_accents_match():
    assert found("café", "Cafe\u0301 corner") == ["Cafe\u0301"]
    assert found("cafe\u0301", "CAFÉ") == ["CAFÉ"]


def test_positions_after_a_length_changing_fold_point_at_the_original_text():
    text = "น้ำ\u200b ๒๕๖๖  ค่าน้ำ 2566"
    matches = find_matches(fold_query("2566"), text)
    assert [text[start:end] for start, end in matches] == ["๒๕๖๖", "2566"]
    assert matches[1] == (text.index("2566"), len(text))


def test_matches_do_not_overlap_and_an_empty_query_finds_nothing():
    assert found("aa", "aaaa") == ["aa", "aa"]
    assert find_matches(fold_query("   "), "ก ข") == []
    assert found("ไม่มี", "ประชุมคณะทำงาน") == []


THAI_AND_FRIENDS = st.text(alphabet=st.sampled_from(
    list("กขนดท่้๊๋ัิีึืุูเแโําํ๐๑๒๕9aAÉé ") + ["\u200b", "\n", "\u00a0", "\u0301", "Σ", "ς", "İ"]), max_size=40)


@settings(max_examples=300, deadline=None)
@given(THAI_AND_FRIENDS)
def test_the_fast_fold_and_the_mapped_fold_agree(text):
    folded, spans = folded_with_origins(text)
    assert fold(text) == folded
    assert len(spans) == len(folded)
    assert all(0 <= start < end <= len(text) for start, end in spans)


@settings(max_examples=300, deadline=None)
@given(THAI_AND_FRIENDS, st.integers(0, 40), st.integers(1, 8))
def test_a_piece_of_any_text_is_found_where_it_is(text, start, length):
    query = fold_query(text[start:start + length])
    matches = find_matches(query, text)
    for match_start, match_end in matches:
        assert query in fold(text[match_start:match_end])  # whole characters: may hold a bit more
    assert len(matches) == (fold(text).count(query) if query else 0)
