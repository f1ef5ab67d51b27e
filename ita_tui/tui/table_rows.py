"""Filling a DataTable from a list of rows while touching only the rows that differ.

Coming back to a 200-measure year after editing one measure rewrites that measure's row, not 200: clearing
and adding every row again made the table measure every cell's width again, the cost of opening the year.
"""

from __future__ import annotations

from weakref import WeakKeyDictionary

from rich.text import Text
from textual.widgets import DataTable

Row = tuple[str, tuple]  # (row key, cells)
_SHOWN: WeakKeyDictionary = WeakKeyDictionary()  # table → the rows it shows, as last given


def _same_cell(one, other) -> bool:
    """Rich's Text equality ignores the base style ("3" in red equals "3" in green): compare it too."""
    if isinstance(one, Text) and isinstance(other, Text):
        return one.plain == other.plain and str(one.style) == str(other.style) and one.spans == other.spans
    return one == other


def show_rows(table: DataTable, rows: list[Row]) -> int:
    """Make *table* show *rows* in this order; returns how many rows had to be written."""
    shown = _SHOWN.get(table)
    written = 0
    if shown is not None and table.row_count == len(shown) and [key for key, _ in shown] == [key for key, _ in rows]:
        columns = list(table.columns)
        for (key, cells), (_, old_cells) in zip(rows, shown):
            if cells is old_cells:  # year_columns reuses a row it built before: nothing in it changed
                continue
            changed = [index for index, (cell, old) in enumerate(zip(cells, old_cells)) if not _same_cell(cell, old)]
            for index in changed:
                table.update_cell(key, columns[index], cells[index], update_width=True)
            written += bool(changed)
    else:
        table.clear()
        if hasattr(table, "add_keyed_rows"):  # FixedWidthTable: all rows in one go
            table.add_keyed_rows(rows)
        else:
            for key, cells in rows:
                table.add_row(*cells, key=key)
        written = len(rows)
    _SHOWN[table] = list(rows)
    return written
