"""A DataTable whose columns all have a set width: it never measures its cells.

Textual 8.2.8's DataTable measures every new row's cells (on idle after `add_row`) and, when an updated cell
got narrower, every cell of its column, to size columns that are "auto" width. A column given a width
ignores what was measured, so for the year's list (every column sized by year_columns.layout_for) that was
a tenth of opening a 200-measure year spent on nothing. Rows with a label or an automatic height still
take Textual's way (their height comes from measuring).
"""

from __future__ import annotations

from textual.geometry import Size
from textual.widgets import DataTable


class FixedWidthTable(DataTable):
    def _columns_fixed(self) -> bool:
        return not any(column.auto_width for column in self.columns.values())

    def _update_dimensions(self, new_rows) -> None:
        rows = self.rows
        plain = all(row is None or (row.label is None and not row.auto_height)
                    for row in map(rows.get, new_rows))
        if not (plain and self._columns_fixed()):
            super()._update_dimensions(new_rows)
            return
        # What Textual's _update_dimensions ends with, without the measuring before it.
        width = sum(column.get_render_width(self) for column in self.columns.values())
        header_height = self.header_height if self.show_header else 0
        self.virtual_size = Size(width + self._row_label_column_width, self._total_row_height + header_height)

    def _update_column_widths(self, updated_cells) -> None:
        if not self._columns_fixed():
            super()._update_column_widths(updated_cells)
            return
        self._require_update_dimensions = True  # as Textual's does after measuring: the size is set again
