"""Where a finding is, in the clerk's words: "มาตรการที่ 2 «title»" rather than a file path."""

from __future__ import annotations

from ..i18n import t
from ..model.findings import Finding
from ..model.records import Records
from .display import one_line


def finding_place(finding: Finding, records: Records, title_width: int = 24, with_year: bool = True) -> str:
    """The measure (number and title), the memo of a year, or the agency a finding is about; the file
    path only for a file the app does not know as any of them."""
    parts = finding.file.split("/")
    if finding.file == "agency.toml":
        return t("place.agency")
    if parts[0].isdigit() and int(parts[0]) in records.years:
        year = records.years[int(parts[0])]
        if finding.file.endswith("report.toml"):
            return t("place.memo", year=year.fiscal_year)
        for number, measure in enumerate(year.measures, start=1):
            if measure.origin.file == finding.file:
                title = one_line(measure.title, title_width) or t("year.untitled")
                place = t("place.measure", number=number, title=title)
                return f"{year.fiscal_year} {place}" if with_year else place
    return one_line(finding.file)  # file names are record data too: shown literally
