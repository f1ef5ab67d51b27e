"""Contradictions inside the text: the errors of the seed memo (dates and years from another fiscal
year, one measure's results copied into another, a phrase written twice)."""

from __future__ import annotations

import re
from collections.abc import Iterator

from ..model.findings import Finding, Severity
from ..model.records import Measure, Records
from ..model.walk import measure_texts
from ..thai.dates import find_dates, find_fiscal_years, fiscal_year_range
from ..thai.segment import word_boundaries

_DATED_FIELDS = {"results": Severity.ERROR, "timeline": Severity.WARNING, "steps": Severity.WARNING}


def dates_in_text(records: Records) -> Iterator[Finding]:
    """A date written in a result (or step, or timeline) that lies wholly outside the record's fiscal year."""
    for year in records.years.values():
        first_day, last_day = fiscal_year_range(year.fiscal_year)
        for measure in year.measures:
            for origin, field, text in measure_texts(measure):
                if field not in _DATED_FIELDS:
                    continue
                for mention in find_dates(text):
                    if mention.end < first_day or mention.start > last_day:
                        yield Finding("date-outside-fiscal-year", _DATED_FIELDS[field], origin.file,
                                      origin.key_path, {"date": mention.text, "fiscal_year": year.fiscal_year,
                                                        "offset": mention.offset},
                                      message="text-date-outside-fiscal-year")


def fiscal_years_in_text(records: Records) -> Iterator[Finding]:
    """"ปีงบประมาณ พ.ศ. ๒๕๖๕" inside a 2566 measure (the memo may name last year's ITA: not checked there)."""
    for year in records.years.values():
        for measure in year.measures:
            for origin, field, text in measure_texts(measure):
                for mention in find_fiscal_years(text):
                    if mention.fiscal_year_be != year.fiscal_year:
                        yield Finding("other-fiscal-year", Severity.WARNING, origin.file, origin.key_path,
                                      {"named": mention.fiscal_year_be, "fiscal_year": year.fiscal_year,
                                       "offset": mention.offset})


_NOT_TEXT = re.compile(r"[\s\u200b.,;:!?\"'“”‘’()\[\]/\-–—]+")
SIMILARITY_THRESHOLD = 0.85
_SHINGLE = 4


def _shingles(text: str) -> frozenset[str]:
    compact = _NOT_TEXT.sub("", text)
    return frozenset(compact[i:i + _SHINGLE] for i in range(max(len(compact) - _SHINGLE + 1, 1)))


def _similarity(a: frozenset[str], b: frozenset[str]) -> float:
    smaller, larger = sorted((len(a), len(b)))
    if not larger or smaller / larger < SIMILARITY_THRESHOLD:
        return 0.0  # Jaccard cannot reach the threshold: skip the set work
    return len(a & b) / len(a | b)


def _compared_fields(measure: Measure) -> dict[str, str]:
    return {
        "steps": "\n".join(measure.steps),
        "results": "\n".join(result.text for result in measure.results),
        "recommendation": measure.recommendation,
    }


def copied_between_measures(records: Records) -> Iterator[Finding]:
    """Steps, results or recommendation of one measure (nearly) identical to an earlier measure's."""
    for year in records.years.values():
        earlier: list[tuple[Measure, dict[str, frozenset[str]]]] = []
        for measure in year.measures:
            fields = {name: _shingles(text) for name, text in _compared_fields(measure).items() if len(text) >= 20}
            for field, shingles in fields.items():
                for other, other_fields in earlier:
                    if field in other_fields:
                        similarity = _similarity(shingles, other_fields[field])
                        if similarity >= SIMILARITY_THRESHOLD:
                            yield Finding("copied-from-measure", Severity.WARNING, measure.origin.file, (field,),
                                          {"field": field, "other_order": other.order,
                                           "other_file": other.origin.file, "percent": round(similarity * 100)})
                            break
            earlier.append((measure, fields))


# A run of at least three characters that is written again right away, or after และ / หรือ / กับ.
_REPEATED = re.compile(r"(\S{3,}?)(\s*(?:และ|หรือ|กับ)?\s*)\1")
_THAI_LETTER = re.compile(r"[\u0e01-\u0e2e]")


def repeated_phrases(records: Records) -> Iterator[Finding]:
    """"ผู้บังคับบัญชาและผู้บังคับบัญชา": the same words twice in a row (whole words only)."""
    for year in records.years.values():
        for measure in year.measures:
            for origin, field, text in measure_texts(measure):
                for phrase, offset in repeated_runs(text):
                    yield Finding("repeated-phrase", Severity.WARNING, origin.file, origin.key_path,
                                  {"phrase": phrase, "offset": offset})


def repeated_runs(text: str) -> list[tuple[str, int]]:
    """Each phrase written twice in a row in *text*, with its offset; both copies must be whole words."""
    found = []
    position = 0
    boundaries: set[int] | None = None
    while True:
        match = _REPEATED.search(text, position)
        if not match:
            return found
        phrase = match[1]
        second_start = match.end() - len(phrase)
        if _THAI_LETTER.search(phrase) and len(phrase) >= 4:
            if boundaries is None:
                boundaries = set(word_boundaries(text))
            if {match.start(), match.end(1), second_start, match.end()} <= boundaries:
                found.append((text[match.start():match.end()], match.start()))
                position = match.end()
                continue
        position = match.start() + 1


RULES = (dates_in_text, fiscal_years_in_text, copied_between_measures, repeated_phrases)
