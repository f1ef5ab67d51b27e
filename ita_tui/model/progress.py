"""How far each measure of a fiscal year has come: planned, in progress, done or late.

Pure: the day the progress is judged on is passed in (`reference_day`), never read from the clock, so the
checker, `ita status` and the app agree and tests can name any day.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from enum import Enum

from ..thai.dates import fiscal_year_range, quarter_range
from .records import FiscalYear, Measure


class State(str, Enum):
    PLANNED = "planned"
    IN_PROGRESS = "in-progress"
    DONE = "done"
    LATE = "late"
    CANCELLED = "cancelled"


STATES = tuple(State)


def reference_day(year: FiscalYear, today: dt.date) -> dt.date:
    """The day a year's progress is judged on: today while the year runs, else the memo's date (the report
    speaks as of that day), else the day after the year once it is over (or today before it starts)."""
    return judged_day(year.fiscal_year, year.memo.date, today)


def judged_day(fiscal_year: int, memo_date: dt.date | None, today: dt.date) -> dt.date:
    """`reference_day` from the two things it needs of a year: a year's progress (and its late measures)
    change only when this day does, so a finished year's summary holds from one day to the next."""
    first_day, last_day = fiscal_year_range(fiscal_year)
    if first_day <= today <= last_day:
        return today
    if memo_date is not None:
        return memo_date
    return min(today, last_day + dt.timedelta(days=1))


def planned_quarters(measure: Measure) -> list[int]:
    return sorted({quarter for quarter in measure.timeline.quarters if quarter in (1, 2, 3, 4)})


def planned_end(measure: Measure, fiscal_year: int) -> dt.date | None:
    """The last day of the measure's plan: its last planned quarter, else its end date; None if unplanned."""
    quarters = planned_quarters(measure)
    if quarters:
        return quarter_range(fiscal_year, quarters[-1])[1]
    return measure.timeline.end


def has_results(measure: Measure) -> bool:
    return any(result.text.strip() for result in measure.results)


@dataclass(frozen=True)
class MeasureProgress:
    measure: Measure
    quarters: list[int]
    results: int  # results written so far (non-empty)
    state: State


def measure_progress(measure: Measure, fiscal_year: int, day: dt.date) -> MeasureProgress:
    """The state of one measure on *day* (see `reference_day`). A plan whose quarters (or end date) have all
    ended with no result is late; results before then mean in progress; after it, done. An explicit status
    of done or cancelled wins."""
    results = sum(1 for result in measure.results if result.text.strip())
    status = measure.status.strip()
    quarters = planned_quarters(measure)  # planned_end's, computed once: the overview does this for every measure
    end = (quarter_range(fiscal_year, quarters[-1])[1] if quarters else measure.timeline.end) or \
        fiscal_year_range(fiscal_year)[1]
    if status == "cancelled":
        state = State.CANCELLED
    elif status == "done":
        state = State.DONE
    elif results:
        state = State.DONE if day > end else State.IN_PROGRESS
    elif day > end:
        state = State.LATE
    elif status == "in-progress":
        state = State.IN_PROGRESS
    else:
        state = State.PLANNED
    return MeasureProgress(measure, quarters, results, state)


@dataclass(frozen=True)
class YearProgress:
    fiscal_year: int
    day: dt.date
    measures: list[MeasureProgress]

    def count(self, state: State) -> int:
        return sum(1 for progress in self.measures if progress.state is state)

    @property
    def totals(self) -> dict[str, int]:
        return {state.value: self.count(state) for state in STATES}


def year_progress(year: FiscalYear, today: dt.date) -> YearProgress:
    day = reference_day(year, today)
    return YearProgress(year.fiscal_year, day,
                        [measure_progress(measure, year.fiscal_year, day) for measure in year.measures])
