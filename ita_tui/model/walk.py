"""Every piece of free text in the records with the place it came from, for rules that read all text."""

from __future__ import annotations

from collections.abc import Iterator

from .records import FiscalYear, Measure, Origin, Records


def measure_texts(measure: Measure) -> Iterator[tuple[Origin, str, str]]:
    """(origin, field name, text) for each text of a measure; field names match the TOML keys."""
    origin = measure.origin
    yield origin.child("title"), "title", measure.title
    for index, step in enumerate(measure.steps):
        yield origin.child("steps", index), "steps", step
    for index, owner in enumerate(measure.owners):
        yield origin.child("owners", index), "owners", owner
    yield origin.child("timeline", "text"), "timeline", measure.timeline.text
    for index, result in enumerate(measure.results):
        yield origin.child("results", index, "text"), "results", result.text
    yield origin.child("recommendation"), "recommendation", measure.recommendation
    yield origin.child("status"), "status", measure.status
    if measure.budget is not None:
        yield origin.child("budget"), "budget", measure.budget.note
    for index, path in enumerate(measure.evidence):
        yield origin.child("evidence", index), "evidence", path


def year_texts(year: FiscalYear) -> Iterator[tuple[Origin, str, str]]:
    origin = year.origin
    memo = year.memo
    for key in ("number", "subject", "addressee", "body_template", "closing"):
        value = getattr(memo, key)
        if value:
            yield origin.child("memo", key), key, value
    for index, paragraph in enumerate(memo.paragraphs or []):
        yield origin.child("memo", "paragraphs", index), "paragraphs", paragraph
    for index, paragraph in enumerate(year.report_intro or []):
        yield origin.child("report", "intro", index), "intro", paragraph
    for measure in year.measures:
        yield from measure_texts(measure)


def all_texts(records: Records) -> Iterator[tuple[Origin, str, str]]:
    agency = records.agency
    for key in ("name", "division", "district", "province", "phone", "document_prefix"):
        yield agency.origin.child(key), key, getattr(agency, key)
    for official in agency.officials:
        for key in ("id", "title", "rank", "name", "position"):
            yield official.origin.child(key), key, getattr(official, key)
    for year in records.years.values():
        yield from year_texts(year)
