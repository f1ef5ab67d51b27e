"""The records as plain Python data: no I/O, no UI. Store, checker, renderers and TUI all share it."""

from .records import (
    Agency,
    Budget,
    FiscalYear,
    Measure,
    Memo,
    Official,
    Origin,
    PreviousIta,
    Records,
    Result,
    Timeline,
)
from .grade import grade_for_score

__all__ = [
    "Agency", "Budget", "FiscalYear", "Measure", "Memo", "Official", "Origin", "PreviousIta",
    "Records", "Result", "Timeline", "grade_for_score",
]
