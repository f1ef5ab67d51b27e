"""Which measure of the previous fiscal year goes with a measure of this year: the same title first.

Titles are carried from year to year (`ita new-year` copies them), then touched up: a digit style changed,
a space added. So: the exact title if exactly one measure has it; else the same title as a reader sees it
(folded as search folds it, spaces ignored); else a clearly most similar title. Anything less certain is
the user's choice.
"""

from __future__ import annotations

import difflib

from ..thai.search import fold
from .records import Measure, Records

SAME_TITLE = "same-title"
NEAR_TITLE = "near-title"
NEAR_ENOUGH = 0.75  # similarity of folded titles for a near match…
CLEAR_LEAD = 0.1  # …ahead of the next most similar by this much


def previous_fiscal_year(records: Records, fiscal_year: int) -> int | None:
    """The latest year before *fiscal_year* in the records (a skipped year is skipped), or None."""
    earlier = [year for year in records.years if year < fiscal_year]
    return max(earlier) if earlier else None


def _reading(title: str) -> str:
    return fold(title).replace(" ", "")


def matching_measure(measures: list[Measure], title: str) -> tuple[Measure | None, str]:
    """The measure among *measures* whose title goes with *title*, and how it was found; (None, "") when
    none is certain (no title, none alike, or two alike)."""
    if not title.strip():
        return None, ""
    exact = [measure for measure in measures if measure.title == title]
    if len(exact) == 1:
        return exact[0], SAME_TITLE
    if len(exact) > 1:
        return None, ""
    reading = _reading(title)
    alike = [measure for measure in measures if _reading(measure.title) == reading]
    if len(alike) == 1:
        return alike[0], SAME_TITLE
    if alike:
        return None, ""
    scored = sorted(((difflib.SequenceMatcher(None, reading, _reading(measure.title)).ratio(), index)
                     for index, measure in enumerate(measures)), reverse=True)
    if not scored or scored[0][0] < NEAR_ENOUGH:
        return None, ""
    if len(scored) > 1 and scored[1][0] > scored[0][0] - CLEAR_LEAD:
        return None, ""
    return measures[scored[0][1]], NEAR_TITLE
