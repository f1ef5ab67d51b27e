"""The year's measure list at the terminal's width: which columns fit, and each measure's cells.

At 80 columns the list shows number, mark, state and title; from WIDE_FROM cells the mark column counts the
errors and warnings ("✗1 !2") and owners, quarters and results are added. The title takes the width left, cut with "…" between whole Thai clusters (DataTable
crops at the column edge mid-word, with no sign that anything is missing).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from rich.cells import cell_len
from rich.text import Text
from textual.widgets import DataTable

from ..i18n import current_language, t
from ..model.findings import Severity
from ..model.progress import MeasureProgress, State, year_progress
from .display import one_line

WIDE_FROM = 100  # cells inside the list's border from which the extra columns are shown
TITLE_MIN = 16
OWNERS_WIDTH = 16


@dataclass(frozen=True)
class Layout:
    keys: tuple[str, ...]
    widths: dict  # key → width in cells (without the table's cell padding)


def layout_for(inner_width: int) -> Layout:
    """The columns for a list *inner_width* cells wide (inside its border, scrollbar included)."""
    widths = {"number": 3, "status": 4,
              "progress": max(cell_len(t("col.progress")), *(cell_len(t(f"state.{s.value}")) for s in State))}
    keys = ["number", "status", "progress", "title"]
    if inner_width >= WIDE_FROM:
        widths["status"] = max(cell_len(t("col.status")), len("✗1 !2"))
        widths["owners"] = OWNERS_WIDTH
        widths["quarters"] = max(cell_len(t("col.quarters")), len("1,2,3,4"))
        widths["results"] = max(cell_len(t("col.results")), 2)
        keys += ["owners", "quarters", "results"]
    padding = 2 * len(keys)  # DataTable pads each column by one cell on each side
    widths["title"] = max(TITLE_MIN, inner_width - padding - sum(widths.values()))
    return Layout(tuple(keys), widths)


def set_columns(table: DataTable, layout: Layout) -> None:
    table.clear(columns=True)
    for key in layout.keys:
        table.add_column(t(f"col.{key}"), key=key, width=layout.widths[key])


def inner_width(table: DataTable, fallback: int, laid_out: bool = True) -> int:
    """Cells a row may use: inside the border, less the vertical scrollbar's room (kept even when hidden,
    so the columns do not change as measures are added). *fallback*: the terminal's width, used when the
    table is not laid out (yet, or at that width: *laid_out* False)."""
    width = table.content_region.width if table.size.width and laid_out else fallback - 2
    return width - table.styles.scrollbar_size_vertical


def year_rows(layout: Layout, year, findings: list, modified_files: set, today) -> list[tuple[str, tuple]]:
    """Each measure's file and cells, in list order."""
    findings_by_file: dict[str, list] = {}
    for finding in findings:
        findings_by_file.setdefault(finding.file, []).append(finding)
    rows = []
    for number, item in enumerate(year_progress(year, today).measures, start=1):
        file = item.measure.origin.file
        rows.append((file, measure_cells(layout, number, item, findings_by_file.get(file, []),
                                         file in modified_files)))
    return rows


def measure_cells(layout: Layout, number: int, item: MeasureProgress, findings: list, modified: bool) -> tuple:
    """The row's cells. Built once for each distinct row and then reused: opening a 200-measure year again,
    or coming back to it from a form, built and cut 200 titles (most of the screen's own work) that had not
    changed. The cells are never modified once shown (a changed row gets new ones)."""
    measure = item.measure
    errors = sum(1 for f in findings if f.severity is Severity.ERROR)
    warnings = sum(1 for f in findings if f.severity is Severity.WARNING)
    return _cells(current_language(), layout.keys, tuple(layout.widths.items()), number, measure.title,
                  tuple(measure.owners), item.state, tuple(item.quarters), item.results, errors, warnings, modified)


@lru_cache(maxsize=4096)  # rows: twenty years of 200 measures, at one width
def _cells(language: str, keys: tuple, widths: tuple, number: int, title: str, owners: tuple, state: State,
           quarters: tuple, results: int, errors: int, warnings: int, modified: bool) -> tuple:
    """Everything a row shows comes in through the arguments (the language too: the words are looked up)."""
    widths = dict(widths)
    wide = "owners" in keys
    mark = Text()
    if errors:
        mark.append(f"✗{errors}" if wide else "✗", style="bold red")
    if warnings and (wide or not errors):
        mark.append((" " if errors else "") + (f"!{warnings}" if wide else "!"), style="yellow")
    if not errors and not warnings:
        mark.append("✓", style="green")
    title = ("● " if modified else "") + one_line(title or t("year.untitled"))
    cells = {
        "number": Text(str(number)),
        "status": mark,
        "progress": Text(t(f"state.{state.value}"), style="bold" if state is State.LATE else ""),
        "title": Text(one_line(title, widths["title"])),
    }
    if wide:
        cells.update({
            "owners": Text(one_line(", ".join(owners), widths["owners"])),
            "quarters": Text(",".join(str(quarter) for quarter in quarters) or "—"),
            "results": Text(str(results)),
        })
    return tuple(cells[key] for key in keys)
