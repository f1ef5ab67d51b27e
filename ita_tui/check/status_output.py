"""`ita status`: a year's progress per measure, then totals, as aligned text or as JSON."""

from __future__ import annotations

import json
import unicodedata

from ..i18n import tr
from ..model.progress import STATES, YearProgress
from ..thai.dates import format_thai_date
from ..thai.hygiene import visible


def _width(text: str) -> int:
    """Terminal cells of *text*: Thai vowels and tone marks above or below take none."""
    return sum(0 if unicodedata.combining(char) or unicodedata.category(char) in ("Mn", "Me") else 1
               for char in text)


def _pad(text: str, cells: int) -> str:
    return text + " " * max(0, cells - _width(text))


def _quarters(quarters: list[int]) -> str:
    return ",".join(f"Q{quarter}" for quarter in quarters) or "—"


def status_as_text(progress: YearProgress, lang: str) -> str:
    columns = [tr("status.col.order", lang), tr("status.col.state", lang), tr("status.col.quarters", lang),
               tr("status.col.results", lang), tr("status.col.title", lang)]
    rows = [[str(item.measure.order), tr(f"state.{item.state.value}", lang), _quarters(item.quarters),
             str(item.results), visible(" ".join(item.measure.title.split())) or tr("year.untitled", lang)]
            for item in progress.measures]
    widths = [max(_width(row[index]) for row in [columns, *rows]) for index in range(4)]
    lines = [tr("status.heading", lang, year=progress.fiscal_year,
                day=format_thai_date(progress.day, digits="arabic") if lang == "th" else progress.day.isoformat())]
    for row in [columns, *rows]:
        lines.append("  ".join(_pad(cell, width) for cell, width in zip(row, widths)) + "  " + row[4])
    totals = progress.totals
    lines.append(tr("status.totals", lang, count=len(progress.measures),
                    states=" · ".join(f"{tr(f'state.{state.value}', lang)} {totals[state.value]}"
                                      for state in STATES if totals[state.value] or state.value != "cancelled")))
    return "\n".join(lines) + "\n"


def status_as_json(progress: YearProgress) -> str:
    data = {
        "fiscal_year": progress.fiscal_year,
        "as_of": progress.day.isoformat(),
        "measures": [
            {"order": item.measure.order, "file": item.measure.origin.file, "title": item.measure.title,
             "quarters": item.quarters, "results": item.results, "state": item.state.value}
            for item in progress.measures
        ],
        "totals": progress.totals,
    }
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"
