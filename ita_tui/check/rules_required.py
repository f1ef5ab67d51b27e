"""Required content: what a measure, a memo and an agency cannot be printed without."""

from __future__ import annotations

from collections.abc import Iterator

from ..model.findings import Finding, Severity
from ..model.records import Measure, Origin, Records

MEASURE_REQUIRED = ("title", "steps", "owners", "timeline", "results", "recommendation")


# Where an empty value is written, below its field: `[timeline]` with `text = ""` is reported on the text
# line, results on the first result's text (the locator falls back to the field when there is none).
_EMPTY_VALUE_PLACE = {"timeline": ("text",), "results": (0, "text")}


def _missing(origin: Origin, field: str, severity: Severity = Severity.ERROR, place: tuple = (),
             **params) -> Finding:
    return Finding("required-missing", severity, origin.file, origin.key_path + (field,) + place,
                   {"field": field, **params})


def _measure_field_is_empty(measure: Measure, field: str) -> bool:
    if field == "timeline":
        return measure.timeline.is_empty
    if field == "results":
        return not any(result.text.strip() for result in measure.results)
    value = getattr(measure, field)
    if isinstance(value, list):
        return not any(item.strip() for item in value)
    return not value.strip()


def measures_missing_fields(records: Records) -> Iterator[Finding]:
    for year in records.years.values():
        for measure in year.measures:
            for field in MEASURE_REQUIRED:
                if _measure_field_is_empty(measure, field):
                    yield _missing(measure.origin, field, place=_EMPTY_VALUE_PLACE.get(field, ()))
            for index, step in enumerate(measure.steps):
                if not step.strip():
                    yield Finding("empty-item", Severity.WARNING, measure.origin.file, ("steps", index),
                                  {"field": "steps"})
            for index, result in enumerate(measure.results):
                if not result.text.strip():
                    yield Finding("empty-item", Severity.WARNING, measure.origin.file, ("results", index, "text"),
                                  {"field": "results"})


def memo_missing_fields(records: Records) -> Iterator[Finding]:
    for year in records.years.values():
        memo_origin = year.origin.child("memo")
        memo = year.memo
        if memo.number is None:
            yield _missing(memo_origin, "number")
        elif not memo.number.strip():
            yield Finding("memo-number-blank", Severity.INFO, year.origin.file, ("memo", "number"),
                          {"prefix": records.agency.document_prefix})
        if memo.date is None:
            yield _missing(memo_origin, "date")
        for field in ("subject", "addressee"):
            if not getattr(memo, field).strip():
                yield _missing(memo_origin, field)
        if not memo.signatories:
            yield _missing(memo_origin, "signatories")
        if year.previous_ita.score is None:
            yield _missing(year.origin.child("previous_ita"), "score")
        if year.previous_ita.fiscal_year is None:
            yield _missing(year.origin.child("previous_ita"), "fiscal_year")


def agency_missing_fields(records: Records) -> Iterator[Finding]:
    agency = records.agency
    for field in ("name", "district", "province"):
        if not getattr(agency, field).strip():
            yield _missing(agency.origin, field)
    for official in agency.officials:
        for field in ("id", "name", "position"):
            if not getattr(official, field).strip():
                yield _missing(official.origin, field)


RULES = (measures_missing_fields, memo_missing_fields, agency_missing_fields)
