"""Numbers and names typed into free text must agree with the records: last year's ITA score and grade, the
number of measures, and the fiscal year in a heading. The seed's memo said 83.59 and its report 83.99.

Each rule looks only at what is unmistakably that thing (a number next to a score word in a sentence about
the ITA; a grade letter after ระดับ; a count right before มาตรการ), and stays quiet on targets ("ไม่น้อยกว่า
85 คะแนน"), full marks, other assessments, indicator scores, and sentences about another year. Thai digits
are read as Arabic ones (same length, so offsets hold).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from ..model.findings import Finding, Severity
from ..model.grade import grade_for_score
from ..model.records import FiscalYear, Records
from ..model.walk import year_texts
from ..thai.digits import to_arabic_digits

_SKIPPED_FIELDS = frozenset({"number", "body_template", "owners", "status", "evidence", "budget"})
_HAS_DIGIT = re.compile(r"[0-9๐-๙]")

# What makes a sentence about the ITA (and not a satisfaction survey or a training test).
_ITA_CONTEXT = re.compile(r"ITA|ประเมินคุณธรรม|ผลการประเมิน(?!ความพึงพอใจ)|คะแนน")
_ITA_NAMED = re.compile(r"ITA|ประเมินคุณธรรม|ผลการประเมิน(?!ความพึงพอใจ)")
# Between the ITA words and the number, these mean another score is meant.
_OTHER_SCORE = re.compile(r"ตัวชี้วัด|IIT|EIT|OIT|แบบวัด|ดัชนี|ความพึงพอใจ|อบรม|ทดสอบ|สอบ|ประเด็น")
# Right before the number: a target, full marks, a difference — not a result.
_NOT_A_RESULT_BEFORE = re.compile(r"(?:เต็ม|น้อยกว่า|ต่ำกว่า|มากกว่า|สูงกว่า|เกิน|เป้า|เกณฑ์|ผ่าน|ร้อยละ|เพิ่ม|ลด|จาก"
                                  r"|ห่าง|ต่าง|ขั้นต่ำ)[^0-9]{0,12}$")
_NOT_A_RESULT_AFTER = re.compile(r"\s*(?:%|ร้อยละ|ขึ้นไป|บาท|คน|ครั้ง|หน้า|วัน|เดือน|ปี|ราย|แห่ง|เรื่อง|ข้อ|ชั่วโมง|นาที"
                                 r"|คะแนน\s*(?:เต็ม|ขึ้นไป))")

_NUMBER = re.compile(r"(?<![0-9.,/:\-])(?P<value>[0-9]{1,3}(?:\.[0-9]{1,2})?)(?![0-9]|[.,:/\-][0-9])")
_SCORE_AFTER = re.compile(r"\s*คะแนน")
# Words that may stand between a score word and its number: "คะแนน ITA รวมเท่ากับ 83.59".
_SCORE_BEFORE = re.compile(r"(?:คะแนน|ผลการประเมิน|ITA)(?:\s|[:=()]|ITA|ของหน่วยงาน|ของ|รวม|เฉลี่ย|ที่ได้รับ|ที่ได้|ได้รับ"
                           r"|ได้|เท่ากับ|คือ|อยู่ที่|ประมาณ|ทั้งสิ้น|ทั้งหมด|คะแนน|ผลการประเมิน)*$")
_YEAR = re.compile(r"(?<![0-9])(?P<year>2[45][0-9]{2})(?![0-9])")
_WINDOW = 200
_SENTENCE_END = re.compile(r"\n|นั้น\s|ดังนี้")


def _sentence_start(text: str, position: int) -> int:
    window_start = max(0, position - _WINDOW)
    last_break = None
    for last_break in _SENTENCE_END.finditer(text, window_start, position):
        pass
    return last_break.end() if last_break else window_start


def _context_start(text: str, position: int, pattern: re.Pattern) -> int | None:
    """Where the nearest ITA words before *position* begin (within the same sentence), or None."""
    start = _sentence_start(text, position)
    found = None
    for found in pattern.finditer(text, start, position):
        pass
    return None if found is None else found.start()


def _about_year(text: str, context: int, start: int, end: int, expected: int) -> bool:
    """Whether the words around a number speak of *expected* (or name no year at all)."""
    before = list(_YEAR.finditer(text, context, start))
    if before:
        return int(before[-1]["year"]) == expected
    after = _YEAR.search(text, end, min(len(text), end + 30))
    return after is None or int(after["year"]) == expected


def _agrees(written: str, stored: float) -> bool:
    """83.6 and 84 agree with 83.59 (a rounding of it, written with fewer decimals); 83.99 does not."""
    decimals = len(written.split(".")[1]) if "." in written else 0
    return abs(stored - float(written)) <= 0.5 * 10 ** -decimals + 1e-9


def _score_mentions(text: str) -> Iterator[re.Match]:
    for match in _NUMBER.finditer(text):
        if float(match["value"]) > 100:
            continue
        before = text[max(0, match.start() - 60):match.start()]
        if not (_SCORE_AFTER.match(text, match.end()) or _SCORE_BEFORE.search(before)):
            continue
        if _NOT_A_RESULT_BEFORE.search(before) or _NOT_A_RESULT_AFTER.match(text, match.end()):
            continue
        yield match


def _scores(year: FiscalYear, text: str) -> Iterator[tuple[str, dict]]:
    """A score written next to ITA words that is not last year's stored score (error: the seed's flaw)."""
    score, previous = year.previous_ita.score, year.previous_ita.fiscal_year
    if score is None or "คะแนน" not in text and "ผลการประเมิน" not in text and "ITA" not in text:
        return
    for match in _score_mentions(text):
        context = _context_start(text, match.start(), _ITA_NAMED)
        if context is None or _OTHER_SCORE.search(text, _sentence_start(text, match.start()), match.start()):
            continue
        if previous is not None and not _about_year(text, context, match.start(), match.end(), previous):
            continue
        if not _agrees(match["value"], score):
            yield "prose-score-mismatch", {"written": match["value"], "score": f"{score:.2f}",
                                           "offset": match.start()}


_GRADE = re.compile(r"ระดับ\s*[\"“'‘(]?\s*(?P<grade>AA|A|B|C|D|E|F)(?![A-Za-z0-9])")
_TARGET_BEFORE = re.compile(r"(?:เป้า|เกณฑ์|น้อยกว่า|ต่ำกว่า|มากกว่า|สูงกว่า)[^0-9]{0,20}$")


def _grades(year: FiscalYear, text: str) -> Iterator[tuple[str, dict]]:
    """A grade letter after ระดับ in a sentence about the ITA that is not the grade of the stored score."""
    score, previous = year.previous_ita.score, year.previous_ita.fiscal_year
    if score is None or "ระดับ" not in text:
        return
    grade = grade_for_score(score)
    for match in _GRADE.finditer(text):
        context = _context_start(text, match.start() + 1, _ITA_CONTEXT)
        if context is None or _OTHER_SCORE.search(text, _sentence_start(text, match.start()), match.start()):
            continue
        if _TARGET_BEFORE.search(text, max(0, match.start() - 30), match.start()) or \
                re.match(r"\s*ขึ้นไป", text[match.end():]):
            continue
        if previous is not None and not _about_year(text, context, match.start(), match.end(), previous):
            continue
        if match["grade"] != grade:
            yield "prose-grade-mismatch", {"written": match["grade"], "grade": grade, "score": f"{score:.2f}",
                                           "offset": match.start("grade")}


_COUNT = re.compile(r"(?P<count>[0-9]{1,3})\s*มาตรการ(?!ย่อย)")
_COUNT_WORD_BEFORE = re.compile(r"จำนวน\s*$")
_COUNT_ENDS = re.compile(r"\s|$|[,.;:)\]]|ดังนี้|ได้แก่|คือ|ที่|ซึ่ง|และ|โดย|ประกอบ|ด้วยกัน|ทั้งหมด|ตาม|เพื่อ|ไว้|แล้ว")
_ORDINAL_BEFORE = re.compile(r"(?:ที่|ข้อ|\.)\s*$")


def _counts(year: FiscalYear, text: str) -> Iterator[tuple[str, dict]]:
    """"จำนวน ๔ มาตรการ" when the year has another number of measures (a list number or "มาตรการที่ ๔" is
    not a count; neither is a count in a sentence about another year)."""
    if "มาตรการ" not in text:
        return
    count = len(year.measures)
    for match in _COUNT.finditer(text):
        before = text[max(0, match.start() - 12):match.start()]
        counted = _COUNT_WORD_BEFORE.search(before) or _COUNT_ENDS.match(text, match.end())
        if not counted or _ORDINAL_BEFORE.search(before) or match.start() > 0 and text[match.start() - 1].isdigit():
            continue
        if not _about_year(text, max(0, match.start() - 80), match.start(), match.end(), year.fiscal_year):
            continue
        if int(match["count"]) != count:
            yield "prose-count-mismatch", {"written": match["count"], "count": count, "offset": match.start()}


_SEVERITY = {"prose-score-mismatch": Severity.ERROR, "prose-grade-mismatch": Severity.ERROR,
             "prose-count-mismatch": Severity.WARNING}


def prose_agrees_with_records(records: Records) -> Iterator[Finding]:
    """Score, grade and count of measures in every free text, read in one pass over the texts."""
    for year in records.years.values():
        for origin, keys, field, text in year_texts(year):
            if field in _SKIPPED_FIELDS or not text or not _HAS_DIGIT.search(text) and "ระดับ" not in text:
                continue
            text = to_arabic_digits(text)
            for check in (_scores, _grades, _counts):
                for rule_id, params in check(year, text):
                    yield Finding(rule_id, _SEVERITY[rule_id], origin.file, origin.key_path + keys, params)


_HEADING_YEAR = re.compile(r"(?:ปีงบประมาณ|ปี|พ\.\s?ศ\.)\s*(?:พ\.\s?ศ\.\s*)?(?P<first>2[45][0-9]{2})(?![0-9])"
                           r"(?:\s*[-–—]\s*(?:พ\.\s?ศ\.\s*)?(?P<last>2[45][0-9]{2})(?![0-9]))?")


def years_in_headings(records: Records) -> Iterator[Finding]:
    """The memo's subject or a measure's title naming a year other than the record's (a range such as
    "พ.ศ. ๒๕๖๖–๒๕๗๐" is fine when it holds the year; last year's ITA may be named after ITA words)."""
    for year in records.years.values():
        headings = [(year.origin, ("memo", "subject"), year.memo.subject)]
        headings += [(measure.origin, ("title",), measure.title) for measure in year.measures]
        for origin, keys, heading in headings:
            if not heading or not _HAS_DIGIT.search(heading):
                continue
            text = to_arabic_digits(heading)
            for match in _HEADING_YEAR.finditer(text):
                first, last = int(match["first"]), int(match["last"] or match["first"])
                if first <= year.fiscal_year <= last:
                    continue
                if first == year.previous_ita.fiscal_year and _ITA_NAMED.search(text, 0, match.start()):
                    continue
                yield Finding("heading-other-fiscal-year", Severity.WARNING, origin.file, origin.key_path + keys,
                              {"named": match.group(0), "fiscal_year": year.fiscal_year, "offset": match.start()})


RULES = (prose_agrees_with_records, years_in_headings)
