import datetime as dt

import pytest

from ita_tui.thai.dates import (
    be_from_ce, ce_from_be, find_dates, find_fiscal_years, fiscal_year_of, fiscal_year_range,
    format_thai_date, parse_thai_date, quarter_of, quarter_range,
)
from ita_tui.thai.digits import to_arabic_digits, to_thai_digits


def test_digits_convert_both_ways_and_leave_other_text_alone():
    assert to_thai_digits("ITA 2566: 83.59") == "ITA ๒๕๖๖: ๘๓.๕๙"
    assert to_arabic_digits("๘๓.๕๙ คะแนน") == "83.59 คะแนน"


def test_be_and_ce_years():
    assert be_from_ce(2023) == 2566
    assert ce_from_be(2566) == 2023


@pytest.mark.parametrize("day, fiscal_year", [
    (dt.date(2022, 9, 30), 2565),
    (dt.date(2022, 10, 1), 2566),
    (dt.date(2022, 12, 31), 2566),
    (dt.date(2023, 1, 1), 2566),
    (dt.date(2023, 9, 30), 2566),
    (dt.date(2023, 10, 1), 2567),
])
def test_fiscal_year_turns_over_on_the_first_of_october(day, fiscal_year):
    assert fiscal_year_of(day) == fiscal_year


def test_fiscal_year_range_runs_october_to_september():
    assert fiscal_year_range(2566) == (dt.date(2022, 10, 1), dt.date(2023, 9, 30))


@pytest.mark.parametrize("day, quarter", [
    (dt.date(2022, 10, 1), 1), (dt.date(2022, 12, 31), 1), (dt.date(2023, 1, 1), 2),
    (dt.date(2023, 3, 31), 2), (dt.date(2023, 4, 1), 3), (dt.date(2023, 7, 1), 4), (dt.date(2023, 9, 30), 4),
])
def test_quarters_of_the_fiscal_year(day, quarter):
    assert quarter_of(day) == quarter


def test_quarter_ranges_cross_the_calendar_year():
    assert quarter_range(2566, 1) == (dt.date(2022, 10, 1), dt.date(2022, 12, 31))
    assert quarter_range(2566, 2) == (dt.date(2023, 1, 1), dt.date(2023, 3, 31))
    assert quarter_range(2566, 4) == (dt.date(2023, 7, 1), dt.date(2023, 9, 30))
    with pytest.raises(ValueError):
        quarter_range(2566, 5)


def test_memo_date_format_is_day_full_month_be_year_in_thai_digits():
    assert format_thai_date(dt.date(2023, 2, 2)) == "๒ กุมภาพันธ์ ๒๕๖๖"
    assert format_thai_date(dt.date(2023, 2, 2), digits="arabic") == "2 กุมภาพันธ์ 2566"
    assert format_thai_date(dt.date(2022, 10, 15), abbreviated=True) == "๑๕ ต.ค. ๖๕"
    assert format_thai_date(dt.date(2023, 7, 1)).split()[1] == "กรกฎาคม"


@pytest.mark.parametrize("written, expected", [
    ("๒ กุมภาพันธ์ ๒๕๖๖", dt.date(2023, 2, 2)),
    ("2 ก.พ. 66", dt.date(2023, 2, 2)),
    ("๑๕ ต.ค. ๖๖", dt.date(2023, 10, 15)),
    ("31 ธันวาคม พ.ศ. 2565", dt.date(2022, 12, 31)),
    ("1/10/2565", dt.date(2022, 10, 1)),
    ("2023-02-02", dt.date(2023, 2, 2)),
])
def test_parsing_the_dates_people_type(written, expected):
    assert parse_thai_date(written) == expected


@pytest.mark.parametrize("nonsense", ["", "กุมภาพันธ์", "30 กุมภาพันธ์ 2566", "hello", "2 ก.พ."])
def test_parsing_rejects_what_is_not_one_day(nonsense):
    with pytest.raises(ValueError):
        parse_thai_date(nonsense)


def test_month_and_year_in_text_is_the_whole_month():
    [mention] = find_dates("จัดอบรม ในเดือนมีนาคม ๒๕๖๕ แล้ว")
    assert (mention.start, mention.end) == (dt.date(2022, 3, 1), dt.date(2022, 3, 31))
    assert mention.text == "มีนาคม ๒๕๖๕"


def test_fiscal_years_named_in_text():
    [mention] = find_fiscal_years("ภายในไตรมาสที่ ๓ ของปีงบประมาณ พ.ศ. ๒๕๖๕")
    assert mention.fiscal_year_be == 2565
    assert find_fiscal_years("ปีงบประมาณ 2566")[0].fiscal_year_be == 2566
