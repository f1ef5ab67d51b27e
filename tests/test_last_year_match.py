"""Which of last year's measures goes beside this year's: the same title, as a reader sees it, or a
clearly most similar one; anything uncertain is left for the user to choose."""

from __future__ import annotations

from ita_tui.model.last_year import NEAR_TITLE, SAME_TITLE, matching_measure, previous_fiscal_year
from ita_tui.model.records import FiscalYear, Measure, Records

LAST_YEAR = [Measure(1, "การสร้างฐานความคิดการแยกแยะประโยชน์ส่วนตัวและประโยชน์ส่วนรวม"),
             Measure(2, "การเปิดโอกาสให้เกิดการมีส่วนร่วม ปี ๒๕๖๕"),
             Measure(3, "มาตรการส่งเสริมคุณธรรม"),
             Measure(4, "มาตรการส่งเสริมคุณธรรม")]


def test_the_exact_title_is_the_match():
    assert matching_measure(LAST_YEAR, LAST_YEAR[0].title) == (LAST_YEAR[0], SAME_TITLE)


def test_a_title_that_differs_only_in_digits_or_spaces_is_the_same_title():
    assert matching_measure(LAST_YEAR, "การเปิดโอกาสให้เกิดการมีส่วนร่วม  ปี 2565") == (LAST_YEAR[1], SAME_TITLE)
    assert matching_measure(LAST_YEAR, "การเปิดโอกาสให้เกิดการมีส่วนร่วมปี๒๕๖๕") == (LAST_YEAR[1], SAME_TITLE)


def test_a_clearly_most_similar_title_is_a_near_match():
    assert matching_measure(LAST_YEAR, "การสร้างฐานความคิดในการแยกแยะประโยชน์ส่วนตัวและประโยชน์ส่วนรวม") == (
        LAST_YEAR[0], NEAR_TITLE)


def test_two_measures_with_the_title_or_none_alike_leave_the_choice_to_the_user():
    assert matching_measure(LAST_YEAR, "มาตรการส่งเสริมคุณธรรม") == (None, "")
    assert matching_measure(LAST_YEAR, "ลดการใช้กระดาษ") == (None, "")
    assert matching_measure(LAST_YEAR, "") == (None, "")
    assert matching_measure([], "อะไรก็ได้") == (None, "")


def test_the_previous_year_is_the_latest_earlier_one_and_the_first_year_has_none():
    records = Records(years={2563: FiscalYear(2563), 2565: FiscalYear(2565), 2566: FiscalYear(2566)})
    assert previous_fiscal_year(records, 2566) == 2565
    assert previous_fiscal_year(records, 2565) == 2563
    assert previous_fiscal_year(records, 2563) is None
