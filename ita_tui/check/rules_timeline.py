"""Results against the calendar: a report cannot claim what had not happened by its memo's date, results
should fall in the measure's own plan, and a plan whose time is over with nothing done is late.

`late_measures` needs the day it is judged on; the runner passes it in, so the rule stays pure.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator

from ..model.findings import Finding, Severity
from ..model.progress import State, measure_progress, planned_end, planned_quarters, reference_day
from ..model.records import Measure, Records
from ..thai.dates import find_dates, fiscal_year_range, format_thai_date, quarter_of


_HAS_DIGIT = re.compile(r"[0-9๐-๙]")


def _day(day: dt.date) -> str:
    return day.isoformat()


def results_after_memo(records: Records) -> Iterator[Finding]:
    """A result dated (in its `date` or in its text) after the memo that reports it: it had not happened
    yet when the report was signed. Dates outside the fiscal year are left to `date-outside-fiscal-year`."""
    for year in records.years.values():
        memo_date = year.memo.date
        if memo_date is None:
            continue
        last_day = fiscal_year_range(year.fiscal_year)[1]
        for measure in year.measures:
            for index, result in enumerate(measure.results):
                if result.date and memo_date < result.date <= last_day:
                    yield Finding("result-after-memo", Severity.ERROR, measure.origin.file,
                                  ("results", index, "date"), {"date": _day(result.date), "memo": _day(memo_date)})
                if not _HAS_DIGIT.search(result.text):
                    continue
                for mention in find_dates(result.text):
                    if memo_date < mention.start <= last_day:
                        yield Finding("result-after-memo", Severity.ERROR, measure.origin.file,
                                      ("results", index, "text"),
                                      {"date": mention.text, "memo": _day(memo_date), "offset": mention.offset})


def _outside_plan(measure: Measure, day: dt.date) -> bool:
    quarters = planned_quarters(measure)
    timeline = measure.timeline
    return bool((quarters and quarter_of(day) not in quarters) or (timeline.start and day < timeline.start)
                or (timeline.end and day > timeline.end))


def results_outside_plan(records: Records) -> Iterator[Finding]:
    """A result dated inside the fiscal year but outside the measure's planned quarters or dates: worth a look
    (the plan or the date may be wrong), not an error."""
    for year in records.years.values():
        first_day, last_day = fiscal_year_range(year.fiscal_year)
        for measure in year.measures:
            if not measure.timeline.quarters and not measure.timeline.start and not measure.timeline.end:
                continue
            for index, result in enumerate(measure.results):
                if result.date and first_day <= result.date <= last_day and _outside_plan(measure, result.date):
                    yield Finding("result-outside-plan", Severity.INFO, measure.origin.file,
                                  ("results", index, "date"),
                                  {"date": _day(result.date), "quarter": quarter_of(result.date),
                                   "plan": _plan_text(measure)})


def _plan_text(measure: Measure) -> str:
    parts = [",".join(f"Q{quarter}" for quarter in planned_quarters(measure))]
    timeline = measure.timeline
    if timeline.start or timeline.end:
        parts.append(f"{_day(timeline.start) if timeline.start else '…'}–{_day(timeline.end) if timeline.end else '…'}")
    return " ".join(part for part in parts if part)


def late_measures(records: Records, today: dt.date) -> Iterator[Finding]:
    """A measure whose planned quarters (or end date) have all passed on the year's reference day — the
    memo's date, or today while the year runs — with no result written: late. Before that, nothing; and
    nothing for a finished year with no memo date yet (there is no day its report speaks for)."""
    for year in records.years.values():
        first_day, last_day = fiscal_year_range(year.fiscal_year)
        if year.memo.date is None and not first_day <= today <= last_day:
            continue
        day = reference_day(year, today)
        for measure in year.measures:
            end = planned_end(measure, year.fiscal_year)
            if end is None or end >= day or measure_progress(measure, year.fiscal_year, day).state is not State.LATE:
                continue
            key = ("timeline", "quarters") if planned_quarters(measure) else ("timeline", "end")
            yield Finding("measure-late", Severity.WARNING, measure.origin.file, key,
                          {"end": _day(end), "day": _day(day), "end_th": format_thai_date(end, digits="arabic")})


RULES = (results_after_memo, results_outside_plan)
DATED_RULES = (late_measures,)  # called with the day they are judged on
