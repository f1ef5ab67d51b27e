"""Buddhist-Era years, Thai fiscal years and quarters, Thai date formatting and parsing.

A fiscal year (ปีงบประมาณ) N runs from 1 October of BE N-1 to 30 September of BE N.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from dataclasses import dataclass

from .digits import digits_in_style, to_arabic_digits

BE_OFFSET = 543

MONTHS_FULL = (
    "มกราคม", "กุมภาพันธ์", "มีนาคม", "เมษายน", "พฤษภาคม", "มิถุนายน",
    "กรกฎาคม", "สิงหาคม", "กันยายน", "ตุลาคม", "พฤศจิกายน", "ธันวาคม",
)
MONTHS_ABBR = (
    "ม.ค.", "ก.พ.", "มี.ค.", "เม.ย.", "พ.ค.", "มิ.ย.",
    "ก.ค.", "ส.ค.", "ก.ย.", "ต.ค.", "พ.ย.", "ธ.ค.",
)


def be_from_ce(year_ce: int) -> int:
    return year_ce + BE_OFFSET


def ce_from_be(year_be: int) -> int:
    return year_be - BE_OFFSET


def fiscal_year_of(day: dt.date) -> int:
    """The BE fiscal year that *day* belongs to."""
    return be_from_ce(day.year) + (1 if day.month >= 10 else 0)


@functools.lru_cache(maxsize=64)  # asked for every measure of every year by the overview's progress counts
def fiscal_year_range(fiscal_year_be: int) -> tuple[dt.date, dt.date]:
    """First and last day (inclusive) of BE fiscal year *fiscal_year_be*."""
    end_ce = ce_from_be(fiscal_year_be)
    return dt.date(end_ce - 1, 10, 1), dt.date(end_ce, 9, 30)


def quarter_of(day: dt.date) -> int:
    """Fiscal quarter 1–4: Q1 is ต.ค.–ธ.ค."""
    return ((day.month - 10) % 12) // 3 + 1


@functools.lru_cache(maxsize=256)
def quarter_range(fiscal_year_be: int, quarter: int) -> tuple[dt.date, dt.date]:
    if quarter not in (1, 2, 3, 4):
        raise ValueError(f"quarter must be 1-4, not {quarter}")
    start, _ = fiscal_year_range(fiscal_year_be)
    first_month_index = start.month - 1 + 3 * (quarter - 1)  # 0-based from January of start year
    year = start.year + first_month_index // 12
    month = first_month_index % 12 + 1
    last_month_index = first_month_index + 2
    last_year = start.year + last_month_index // 12
    last_month = last_month_index % 12 + 1
    return dt.date(year, month, 1), _last_day_of_month(last_year, last_month)


def _last_day_of_month(year: int, month: int) -> dt.date:
    if month == 12:
        return dt.date(year, 12, 31)
    return dt.date(year, month + 1, 1) - dt.timedelta(days=1)


def format_thai_date(day: dt.date, *, abbreviated: bool = False, digits: str = "thai",
                     with_era: bool = False) -> str:
    """"๒ กุมภาพันธ์ ๒๕๖๖" (memo style) or "๒ ก.พ. ๖๖" when *abbreviated*."""
    if abbreviated:
        text = f"{day.day} {MONTHS_ABBR[day.month - 1]} {be_from_ce(day.year) % 100:02d}"
    else:
        era = "พ.ศ. " if with_era else ""
        text = f"{day.day} {MONTHS_FULL[day.month - 1]} {era}{be_from_ce(day.year)}"
    return digits_in_style(text, digits)


@dataclass(frozen=True)
class DateMention:
    """A date written inside free text: a whole day, or a month when no day was written."""

    start: dt.date
    end: dt.date
    offset: int  # character offset of the mention in the text
    length: int
    text: str


_MONTH_NAMES = sorted(
    [(name, i + 1) for i, name in enumerate(MONTHS_FULL)]
    + [(name, i + 1) for i, name in enumerate(MONTHS_ABBR)]
    + [(name.replace(".", ". ").strip(), i + 1) for i, name in enumerate(MONTHS_ABBR) if name.count(".") > 1],
    key=lambda pair: -len(pair[0]),
)
_MONTH_BY_NAME = {name: number for name, number in _MONTH_NAMES}
_MONTH_ALTERNATION = "|".join(re.escape(name) for name, _ in _MONTH_NAMES)
_DIGIT = r"[0-9๐-๙]"
_MONTH_PATTERN = re.compile(_MONTH_ALTERNATION)
_DAY_BEFORE = re.compile(rf"(?P<day>{_DIGIT}{{1,2}})\s*$")
_YEAR_AFTER = re.compile(rf"\s*(?:พ\.\s?ศ\.\s*)?(?P<year>{_DIGIT}{{4}}|{_DIGIT}{{2}})(?!{_DIGIT})")
_ISO_PATTERN = re.compile(r"(?<![0-9])(?P<y>[0-9]{4})-(?P<m>[0-9]{2})-(?P<d>[0-9]{2})(?![0-9])")


def _year_ce_from_written(year_text: str) -> int | None:
    year = int(to_arabic_digits(year_text))
    if len(year_text) == 2:
        year += 2500  # "๖๖" → 2566
    if year >= 2400:
        return ce_from_be(year)
    if 1900 <= year <= 2200:
        return year
    return None


def find_dates(text: str) -> list[DateMention]:
    """Every date or month-and-year written in *text*, Thai or Arabic digits, full or abbreviated months."""
    mentions: list[DateMention] = []
    for month_match in _MONTH_PATTERN.finditer(text):  # month first: far cheaper than a leading optional day
        year_match = _YEAR_AFTER.match(text, month_match.end())
        if not year_match:
            continue
        year_ce = _year_ce_from_written(year_match["year"])
        if year_ce is None:
            continue
        month = _MONTH_BY_NAME[month_match.group()]
        day_match = _DAY_BEFORE.search(text, max(0, month_match.start() - 4), month_match.start())
        begin = day_match.start() if day_match else month_match.start()
        try:
            if day_match:
                start = end = dt.date(year_ce, month, int(to_arabic_digits(day_match["day"])))
            else:
                start = dt.date(year_ce, month, 1)
                end = _last_day_of_month(year_ce, month)
        except ValueError:
            continue
        mentions.append(DateMention(start, end, begin, year_match.end() - begin, text[begin:year_match.end()]))
    if "-" in text:
        for match in _ISO_PATTERN.finditer(text):
            try:
                day = dt.date(int(match["y"]), int(match["m"]), int(match["d"]))
            except ValueError:
                continue
            mentions.append(DateMention(day, day, match.start(), match.end() - match.start(), match.group()))
    mentions.sort(key=lambda mention: mention.offset)
    return mentions


def parse_thai_date(text: str) -> dt.date:
    """Parse one whole day as people type it: "๒ ก.พ. ๖๖", "2 กุมภาพันธ์ 2566", "2023-02-02", "2/2/2566"."""
    cleaned = to_arabic_digits(text.strip())
    slash = re.fullmatch(r"(\d{1,2})/(\d{1,2})/(\d{2}|\d{4})", cleaned)
    if slash:
        year_ce = _year_ce_from_written(slash[3])
        if year_ce is None:
            raise ValueError(f"not a date: {text!r}")
        return dt.date(year_ce, int(slash[2]), int(slash[1]))
    mentions = find_dates(cleaned)
    if len(mentions) == 1 and mentions[0].start == mentions[0].end and mentions[0].length == len(cleaned):
        return mentions[0].start
    raise ValueError(f"not a date: {text!r}")


_FISCAL_YEAR_PATTERN = re.compile(rf"ปีงบประมาณ\s*(?:พ\.\s?ศ\.\s*)?(?P<year>{_DIGIT}{{4}})(?!{_DIGIT})")


@dataclass(frozen=True)
class FiscalYearMention:
    fiscal_year_be: int
    offset: int
    length: int


def find_fiscal_years(text: str) -> list[FiscalYearMention]:
    """Fiscal years named in text ("ปีงบประมาณ พ.ศ. ๒๕๖๕")."""
    return [
        FiscalYearMention(int(to_arabic_digits(m["year"])), m.start(), m.end() - m.start())
        for m in _FISCAL_YEAR_PATTERN.finditer(text)
    ]
