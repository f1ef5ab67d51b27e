"""Values that are present but impossible or inconsistent with each other (ranges, years, references)."""

from __future__ import annotations

import difflib
import posixpath
from collections import Counter
from collections.abc import Iterator

from ..model.findings import Finding, Severity
from ..model.records import Records
from ..store.schema import MEASURE_STATUSES
from ..thai.dates import fiscal_year_range


def score_and_years(records: Records) -> Iterator[Finding]:
    for year in records.years.values():
        file = year.origin.file
        score = year.previous_ita.score
        if score is not None and not 0 <= score <= 100:
            yield Finding("score-out-of-range", Severity.ERROR, file, ("previous_ita", "score"), {"score": score})
        declared = year.declared_fiscal_year
        if declared is not None and declared != year.fiscal_year:
            yield Finding("fiscal-year-mismatch", Severity.ERROR, file, ("fiscal_year",),
                          {"declared": declared, "folder": year.fiscal_year})
        previous = year.previous_ita.fiscal_year
        if previous is not None and previous != year.fiscal_year - 1:
            yield Finding("previous-year-not-last", Severity.WARNING, file, ("previous_ita", "fiscal_year"),
                          {"previous": previous, "expected": year.fiscal_year - 1})


def timelines(records: Records) -> Iterator[Finding]:
    for year in records.years.values():
        first_day, last_day = fiscal_year_range(year.fiscal_year)
        for measure in year.measures:
            timeline = measure.timeline
            file = measure.origin.file
            for index, quarter in enumerate(timeline.quarters):
                if quarter not in (1, 2, 3, 4):
                    yield Finding("quarter-out-of-range", Severity.ERROR, file, ("timeline", "quarters", index),
                                  {"quarter": quarter})
            if timeline.start and timeline.end and timeline.start > timeline.end:
                yield Finding("timeline-reversed", Severity.ERROR, file, ("timeline", "start"),
                              {"start": timeline.start.isoformat(), "end": timeline.end.isoformat()})
            for key in ("start", "end"):
                day = getattr(timeline, key)
                if day and not first_day <= day <= last_day:
                    yield Finding("date-outside-fiscal-year", Severity.WARNING, file, ("timeline", key),
                                  {"date": day.isoformat(), "fiscal_year": year.fiscal_year})
            for index, result in enumerate(measure.results):
                if result.date and not first_day <= result.date <= last_day:
                    yield Finding("date-outside-fiscal-year", Severity.ERROR, file, ("results", index, "date"),
                                  {"date": result.date.isoformat(), "fiscal_year": year.fiscal_year})


def references(records: Records) -> Iterator[Finding]:
    roster = Counter(official.id for official in records.agency.officials)
    for official in records.agency.officials:
        if official.id and roster[official.id] > 1:
            yield Finding("duplicate-id", Severity.ERROR, official.origin.file, official.origin.key_path + ("id",),
                          {"id": official.id})
    for year in records.years.values():
        for index, official_id in enumerate(year.memo.signatories):
            if official_id not in roster:
                suggestion = difflib.get_close_matches(official_id, list(roster), n=1)
                yield Finding("unknown-official", Severity.ERROR, year.origin.file, ("memo", "signatories", index),
                              {"id": official_id, "suggestion": suggestion[0] if suggestion else ""},
                              message="unknown-official-suggest" if suggestion else "")
        orders = Counter(measure.order for measure in year.measures)
        for measure in year.measures:
            if orders[measure.order] > 1:
                yield Finding("duplicate-order", Severity.WARNING, measure.origin.file, ("order",),
                              {"order": measure.order})
            if measure.status and measure.status not in MEASURE_STATUSES:
                suggestion = difflib.get_close_matches(measure.status, MEASURE_STATUSES, n=1)
                yield Finding("unknown-status", Severity.WARNING, measure.origin.file, ("status",),
                              {"status": measure.status, "allowed": ", ".join(MEASURE_STATUSES),
                               "suggestion": suggestion[0] if suggestion else ""},
                              message="unknown-status-suggest" if suggestion else "")


def outside_by_its_text(evidence: str) -> bool:
    """An absolute path, a drive letter or one that climbs out with "..": outside without looking at disk."""
    normalized = posixpath.normpath(evidence.replace("\\", "/"))
    return evidence.startswith(("/", "\\")) or normalized.startswith("..") or ":" in evidence[:3]


def evidence_paths(records: Records) -> Iterator[Finding]:
    """Evidence is a URL or a path inside the records folder; never an absolute path or one that climbs out.
    (Links leading out are found on disk by the runner, with the renderer's own rule.)"""
    for year in records.years.values():
        for measure in year.measures:
            for index, evidence in enumerate(measure.evidence):
                if "://" not in evidence and outside_by_its_text(evidence):
                    yield Finding("evidence-outside-records", Severity.ERROR, measure.origin.file,
                                  ("evidence", index), {"path": evidence})


def orders_and_budgets(records: Records) -> Iterator[Finding]:
    """A measure's order counts from 1; a budget is never negative."""
    for year in records.years.values():
        for measure in year.measures:
            if measure.order <= 0:
                yield Finding("order-not-positive", Severity.ERROR, measure.origin.file, ("order",),
                              {"order": measure.order})
            budget = measure.budget
            if budget is not None and budget.amount is not None and budget.amount < 0:
                amount = int(budget.amount) if budget.amount.is_integer() else budget.amount
                yield Finding("budget-negative", Severity.ERROR, measure.origin.file, ("budget", "amount"),
                              {"amount": amount})


RULES = (score_and_years, timelines, references, evidence_paths, orders_and_budgets)
