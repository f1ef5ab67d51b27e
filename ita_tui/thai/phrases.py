"""Stretches of text a line must never break inside: names and protected vocabulary, dates, numbers with
their words, quoted names.

No segmenter keeps "๑๕ ตุลาคม ๒๕๖๖", "พ.ศ. ๒๕๖๖" or "ต่อ ๒๐๔" together, and all of them cut proper names
(นา|งบุญญา|ดา): the typing guide wants each of these on one line, so they are the project's own rules.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from .dates import MONTHS_ABBR, MONTHS_FULL

_DIGITS = "[0-9๐-๙]"
_NUMBER = rf"{_DIGITS}[0-9๐-๙.,:/]*"
_MONTH = "|".join(re.escape(month) for month in sorted(MONTHS_FULL + MONTHS_ABBR, key=len, reverse=True))
_YEAR_LABEL = r"(?:ปีงบประมาณ\s*)?(?:พ\.\s?ศ\.|ค\.\s?ศ\.)|ปีงบประมาณ|ปี"
UNITS = ("คะแนน", "บาท", "ราย", "ครั้ง", "คน", "วัน", "เดือน", "ปี", "แห่ง", "มาตรการ", "ชั่วโมง", "เรื่อง",
         "หน้า", "ฉบับ", "โครงการ", "กิจกรรม", "%")
_UNIT = "|".join(re.escape(unit) for unit in sorted(UNITS, key=len, reverse=True))

STICKY = re.compile("|".join([
    # day – month – year: "๑๕ ตุลาคม ๒๕๖๖", "๑ ต.ค. ๖๕", "พฤศจิกายน ๒๕๖๖", "มีนาคม พ.ศ. ๒๕๖๖"
    rf"(?:{_DIGITS}{{1,2}}\s*)?(?:{_MONTH})\s*(?:(?:พ\.\s?ศ\.|ค\.\s?ศ\.)\s*)?{_DIGITS}{{2,4}}(?!{_DIGITS})",
    rf"{_DIGITS}{{1,2}}\s*(?:{_MONTH})",
    # era or fiscal year + year: "พ.ศ. ๒๕๖๖", "ปีงบประมาณ พ.ศ. ๒๕๖๖", "ปีงบประมาณ ๒๕๖๖"
    rf"(?:{_YEAR_LABEL})\s*{_DIGITS}{{2,4}}(?!{_DIGITS})",
    # telephone and extension: "โทร. ๐ ๓๗๒๑ ๘๓๒๖", "ต่อ ๒๐๔"
    rf"(?:โทรศัพท์|โทรสาร|โทร\.?|ต่อ|Tel\.?|Fax\.?)\s*{_DIGITS}+(?:[ -]{_DIGITS}+)*",
    # a number with its unit: "๘๓.๕๙ คะแนน", "๑,๒๐๐ บาท", "๘๐ %"
    rf"{_NUMBER}\s*(?:{_UNIT})",
    # quoted names: "Smart Country", “รายงานการประชุม”
    r'"[^"\n]{1,40}"', "\u201c[^\u201d\n]{1,40}\u201d", "\u2018[^\u2019\n]{1,40}\u2019", "«[^»\n]{1,40}»",
]))


# Every stretch STICKY finds holds a digit or an opening quote: a text without one is not scanned.
_STICKY_NEEDS = re.compile('[0-9๐-๙"\u201c\u2018«]')


def sticky_spans(text: str) -> Iterable[tuple[int, int]]:
    """(start, end) of each date, numbered phrase and quoted name in *text*."""
    if not _STICKY_NEEDS.search(text):
        return ()
    return ((match.start(), match.end()) for match in STICKY.finditer(text))


class PhraseIndex:
    """Occurrences of a fixed set of phrases (names, protected vocabulary) found in one pass over a text:
    phrases are indexed by their first two characters."""

    def __init__(self, phrases: Iterable[str]):
        self.phrases = tuple(sorted({phrase for phrase in phrases if len(phrase) >= 2}, key=len, reverse=True))
        self._by_start: dict[str, list[str]] = {}
        for phrase in self.phrases:
            self._by_start.setdefault(phrase[:2], []).append(phrase)

    def spans(self, text: str) -> list[tuple[int, int]]:
        """(start, end) of the longest phrase starting at each offset where one starts, by offset. The
        offsets come from str.find of each phrase start (a scan in C), not from a walk over every offset."""
        found = []
        for key, candidates in self._by_start.items():
            start = text.find(key)
            while start >= 0:
                for phrase in candidates:
                    if text.startswith(phrase, start):
                        found.append((start, start + len(phrase)))
                        break
                start = text.find(key, start + 1)
        found.sort()
        return found


def read_phrase_list(text: str) -> list[str]:
    """Phrases of a vocabulary file: one a line; blank lines and lines starting with # are skipped."""
    return [line.strip() for line in text.splitlines() if line.strip() and not line.lstrip().startswith("#")]
