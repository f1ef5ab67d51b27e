"""Where a finding is, in the clerk's words: "มาตรการที่ 2 «title»" rather than a file path."""

from __future__ import annotations

from collections.abc import Mapping

from ..i18n import t
from ..model.findings import Finding
from ..model.records import Records
from .display import one_line


def finding_place(finding: Finding, records: Records, title_width: int = 24, with_year: bool = True,
                  shelved: Mapping | None = None) -> str:
    """The measure (number and title), the memo of a year, or the agency a finding is about; the file
    path only for a file the app does not know as any of them. *shelved*: the store's years not read,
    whose summaries know their measures (reading a year to name one of its findings is not worth it)."""
    parts = finding.file.split("/")
    if finding.file == "agency.toml":
        return t("place.agency")
    if parts[0].isdigit() and int(parts[0]) in records.years:
        fiscal_year = int(parts[0])
        if finding.file.endswith("report.toml"):
            return t("place.memo", year=fiscal_year)
        shelf = (shelved or {}).get(fiscal_year)
        if shelf is not None:
            found = shelf.summary.place_of(finding.file)
        else:
            found = next(((number, measure.title) for number, measure in
                          enumerate(records.years[fiscal_year].measures, start=1)
                          if measure.origin.file == finding.file), None)
        if found is not None:
            number, title = found
            place = t("place.measure", number=number, title=one_line(title, title_width) or t("year.untitled"))
            return f"{fiscal_year} {place}" if with_year else place
    return one_line(finding.file)  # file names are record data too: shown literally
