"""A DataTable whose columns all have a set width, for lists of one-line Text cells (the year's measures).

Two costs of Textual 8.2.8's DataTable that such a table does not need, each about a tenth of opening a
200-measure year:
- It measures every new row's cells (on idle after `add_row`) and, when an updated cell got narrower, every
  cell of its column, to size "auto" width columns. A column given a width ignores what was measured.
- It draws each cell through Rich's general layout (Styled(Padding(cell)) → render_lines: wrap, justify,
  split and crop), ~0.2 ms a cell. A one-line Text that fits its column needs only its own segments
  between the padding; `_cell_line` builds the same segments directly (tests/test_tui_year_open.py
  compares the two, so an upgrade that changes Textual's drawing fails there).
Anything else (labels, automatic heights, text that wraps or does not fit, the header) takes Textual's way.
`add_keyed_rows` adds many rows in one go (Textual's add_row sorts the columns, re-validates the cursor and
asks for an idle pass once per row: 200 rows took longer than building them).
"""

from __future__ import annotations

from itertools import zip_longest

from rich.cells import cell_len
from rich.segment import Segment
from rich.style import Style
from rich.text import Text
from textual.geometry import Size
from textual.widgets import DataTable
from textual.widgets._data_table import DuplicateKey, Row, RowKey


def fits_one_line(cell: object, room: int) -> bool:
    """A Text Rich would lay out as it is: one line, no tab, within *room* cells, left as it comes."""
    if not isinstance(cell, Text) or cell.justify not in (None, "default"):
        return False
    plain = cell.plain
    if "\n" in plain or "\t" in plain or cell_len(plain) > room:
        return False
    # Rich's wrap trims trailing whitespace from text longer (in code points) than the room
    return len(plain) <= room or plain == plain.rstrip()


def _cell_line(console, cell: Text, room: int, padding: int, pre_style: Style, post_style: Style) -> list:
    """What Textual draws for *cell* (fits_one_line) padded to its column: Text.__rich_console__'s segments
    (its join makes the base style a span), Rich's padding to *room* cells, then the cell padding, with the
    table's styles before and after."""
    segments = list(Text("\n").join([cell]).render(console))
    width = cell_len(cell.plain)
    null = Style.null()
    if width < room:
        segments.append(Segment(" " * (room - width), null))
    if padding:
        segments = [Segment(" " * padding, null), *segments, Segment(" " * padding, null)]
    return [list(Segment.apply_style(segments, style=pre_style, post_style=post_style))]


class FixedWidthTable(DataTable):
    def add_keyed_rows(self, rows) -> None:
        """`add_row(*cells, key=key)` for each (key, cells) of *rows*, one line high, with no label: what
        Textual's add_row does per row (tests/test_tui_year_open.py compares them), with the cursor, the
        update count and the idle request settled once at the end."""
        columns = self.ordered_columns
        was_empty = self.row_count == 0
        for key, cells in rows:
            row_key = RowKey(key)
            if row_key in self._row_locations:
                raise DuplicateKey(f"The row key {row_key!r} already exists.")
            if len(cells) > len(columns):
                raise ValueError("More values provided than there are columns.")
            self._row_locations[row_key] = self.row_count
            self._data[row_key] = {column.key: cell for column, cell in zip_longest(columns, cells)}
            self.rows[row_key] = Row(row_key, 1, None, False)
            self._new_rows.add(row_key)
        if not rows:
            return
        self._require_update_dimensions = True
        self.cursor_coordinate = self.cursor_coordinate
        if was_empty and len(self.columns) > 0 and self.show_cursor and self.cursor_type != "none":
            self._highlight_cursor()  # as add_row does when the first row makes a cell to highlight
        self._update_count += 1
        self.check_idle()

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

    def _render_cell(self, row_index: int, column_index: int, base_style: Style, width: int,
                     cursor: bool = False, hover: bool = False):
        """Textual's _render_cell (same cache, same key, same styles), with one-line cells built directly."""
        if row_index < max(self.fixed_rows, 0) or column_index < max(self.fixed_columns, 0):
            return super()._render_cell(row_index, column_index, base_style, width, cursor, hover)
        row_key = self._row_locations.get_key(row_index)
        column_key = self._column_locations.get_key(column_index)
        cache_key = (row_key, column_key, base_style, cursor, hover, self._show_hover_cursor, self._update_count,
                     self._pseudo_class_state)
        lines = self._cell_render_cache.get(cache_key)
        if lines is not None:
            return lines
        row = self.rows.get(row_key)
        cell = self._data.get(row_key, {}).get(column_key)
        room = width - 2 * self.cell_padding
        if row is None or row.height != 1 or not fits_one_line(cell, room):  # (the app's console justifies none)
            return super()._render_cell(row_index, column_index, base_style, width, cursor, hover)
        component_style, post_style = self._get_styles_to_render_cell(
            False, False, False, hover, cursor, self.show_cursor, self._show_hover_cursor,
            self.cursor_foreground_priority == "css", self.cursor_background_priority == "css")
        pre_style = base_style + Style.from_meta({"row": row_index, "column": column_index}) + component_style
        lines = _cell_line(self.app.console, cell, room, self.cell_padding, pre_style, post_style)
        self._cell_render_cache[cache_key] = lines
        return lines
