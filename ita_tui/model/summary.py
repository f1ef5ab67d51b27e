"""What the overview shows of a fiscal year, in a few numbers: kept between runs, so a large records folder
is listed without reading every year (see store/shelf.py)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from .progress import STATES, State, judged_day, year_progress
from .records import FiscalYear


@dataclass(frozen=True)
class YearSummary:
    fiscal_year: int
    day: dt.date  # the day its progress was judged on (progress.reference_day): it holds while that day does
    measures: int
    states: tuple[tuple[str, int], ...]  # (State value, measures in that state)
    score: float | None
    memo_date: dt.date | None
    places: tuple[tuple[str, int, str], ...] = ()  # (file, number in the list, title) of each measure

    def holds_on(self, today: dt.date) -> bool:
        return judged_day(self.fiscal_year, self.memo_date, today) == self.day

    def count(self, state: State) -> int:
        return dict(self.states).get(state.value, 0)


def summarize_year(year: FiscalYear, today: dt.date) -> YearSummary:
    progress = year_progress(year, today)
    return YearSummary(year.fiscal_year, progress.day, len(year.measures),
                       tuple((state.value, progress.count(state)) for state in STATES),
                       year.previous_ita.score, year.memo.date,
                       tuple((measure.origin.file, number, measure.title)
                             for number, measure in enumerate(year.measures, start=1)))
