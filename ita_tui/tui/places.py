"""Where a finding is, in the clerk's words: "มาตรการที่ 2 «title»" rather than a file path."""

from __future__ import annotations

from collections.abc import Mapping

from ..i18n import t
from ..model.findings import Finding
from ..model.records import Records
from .display import one_line


def measure_places(fiscal_year: int, records: Records, shelved: Mapping | None = None):
    """(file, number in the list, title) of a year's measures: from its shelf while it is not read (those
    with findings), else from the year."""
    shelf = (shelved or {}).get(fiscal_year)
    if shelf is not None:
        return shelf.summary.places
    return [(measure.origin.file, number, measure.title)
            for number, measure in enumerate(records.years[fiscal_year].measures, start=1)]


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
        found = next(((number, title) for file, number, title in measure_places(fiscal_year, records, shelved)
                      if file == finding.file), None)
        if found is not None:
            number, title = found
            place = t("place.measure", number=number, title=one_line(title, title_width) or t("year.untitled"))
            return f"{fiscal_year} {place}" if with_year else place
    return one_line(finding.file)  # file names are record data too: shown literally


def in_list_order(findings: list[Finding], records: Records, shelved: Mapping | None = None) -> list[Finding]:
    """Findings as the clerk meets their places: the agency, then per year its measures by their number in
    the list (not by file name: a measure moved with `u` keeps its file), then its memo; each file's in order."""
    numbers: dict[int, dict[str, int]] = {}

    def number_in_year(fiscal_year: int, file: str) -> int:
        if fiscal_year not in numbers:
            numbers[fiscal_year] = {file: number for file, number, _title in
                                    measure_places(fiscal_year, records, shelved)}
        return numbers[fiscal_year].get(file, 1 << 30)

    def key(indexed: tuple[int, Finding]) -> tuple:
        index, finding = indexed
        head, _, rest = finding.file.partition("/")
        if not (head.isdigit() and int(head) in records.years):
            return (0 if finding.file == "agency.toml" else 1, head, 0, 0, finding.file, index)
        if rest == "report.toml":
            return (1, head, 2, 0, "", index)
        return (1, head, 1, number_in_year(int(head), finding.file), finding.file, index)

    return [finding for _index, finding in sorted(enumerate(findings), key=key)]
