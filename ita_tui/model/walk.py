"""Every piece of free text in the records with the place it came from, for rules that read all text.

Each item is (origin of the record, key path inside it, field name, text): the full origin of a text is
`origin.child(*keys)`, built only for texts that have a finding (there are tens of thousands of texts).
"""

from __future__ import annotations

from collections.abc import Iterator

from .records import FiscalYear, Measure, Origin, Records

TextItem = tuple[Origin, tuple, str, str]


def measure_texts(measure: Measure) -> Iterator[TextItem]:
    """Each text of a measure; field names match the TOML keys."""
    origin = measure.origin
    yield origin, ("title",), "title", measure.title
    for index, step in enumerate(measure.steps):
        yield origin, ("steps", index), "steps", step
    for index, owner in enumerate(measure.owners):
        yield origin, ("owners", index), "owners", owner
    yield origin, ("timeline", "text"), "timeline", measure.timeline.text
    for index, result in enumerate(measure.results):
        yield origin, ("results", index, "text"), "results", result.text
    yield origin, ("recommendation",), "recommendation", measure.recommendation
    yield origin, ("status",), "status", measure.status
    if measure.budget is not None:
        yield origin, ("budget",), "budget", measure.budget.note
    for index, path in enumerate(measure.evidence):
        yield origin, ("evidence", index), "evidence", path


def year_texts(year: FiscalYear) -> Iterator[TextItem]:
    origin = year.origin
    memo = year.memo
    for key in ("number", "subject", "addressee", "body_template", "closing"):
        value = getattr(memo, key)
        if value:
            yield origin, ("memo", key), key, value
    for index, paragraph in enumerate(memo.paragraphs or []):
        yield origin, ("memo", "paragraphs", index), "paragraphs", paragraph
    for index, paragraph in enumerate(year.report_intro or []):
        yield origin, ("report", "intro", index), "intro", paragraph
    for measure in year.measures:
        yield from measure_texts(measure)


def all_texts(records: Records) -> Iterator[TextItem]:
    agency = records.agency
    for key in ("name", "division", "district", "province", "phone", "document_prefix"):
        yield agency.origin, (key,), key, getattr(agency, key)
    for official in agency.officials:
        for key in ("id", "title", "rank", "name", "position"):
            yield official.origin, (key,), key, getattr(official, key)
    for year in records.years.values():
        yield from year_texts(year)
