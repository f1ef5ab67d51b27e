"""The measures report: centred titles, intro paragraphs, and the table whose header repeats on every page
and whose rows split cleanly across pages however tall they are."""

from __future__ import annotations

from dataclasses import dataclass

from ..model.records import FiscalYear, Measure, Records
from ..templating import fill
from ..thai.dates import format_thai_date
from .canvas import BASELINE_RATIO, Canvas
from .layout import Layout
from .lines import Line, break_lines
from .flow import begin_document, fill_layout_text, flow_paragraphs

MIN_LINES_BEFORE_SPLIT = 2  # a row starts on a new page rather than leave fewer lines at the bottom


@dataclass
class CellLine:
    line: Line
    prefix: str = ""  # item number drawn before the first line of an item
    prefix_x: float = 0.0


def draw_report(canvas: Canvas, layout: Layout, records: Records, year: FiscalYear) -> None:
    values = begin_document(canvas, layout, records, year, "รายงาน")
    sizes = layout.section("sizes")
    template = layout.template("default")
    for title in template.get("title_lines", []):
        _centered_bold(canvas, fill_layout_text(layout, title, values), sizes["title"], sizes["line_height"])
    if year.report_intro is not None:
        flow_paragraphs(canvas, layout, year, year.report_intro, values, from_template=False)
    else:
        flow_paragraphs(canvas, layout, year, template.get("paragraphs", []), values, from_template=True)
    canvas.y += sizes.get("paragraph_space", 6) * 2
    table = Table(canvas, layout)
    titles = [fill_layout_text(layout, title, values) for title in template.get("table_title_lines", [])]
    # keep with next: the table's title travels with its header and the first lines of its first row
    title_lines = sum(len(break_lines(canvas.prepare(title, "bold"), canvas.measure("bold", sizes["title"]),
                                      canvas.text_width)) for title in titles)
    canvas.ensure_room(title_lines * sizes["line_height"] + sizes.get("paragraph_space", 6)
                       + table.opening_height(year))
    for title in titles:
        _centered_bold(canvas, title, sizes["title"], sizes["line_height"])
    canvas.y += sizes.get("paragraph_space", 6)
    table.draw(year)


def _centered_bold(canvas: Canvas, text: str, size: float, line_height: float) -> None:
    canvas.paragraph(text, style="bold", size=size, line_height=line_height, x=canvas.left,
                     width=canvas.text_width, align="center")


class Table:
    def __init__(self, canvas: Canvas, layout: Layout):
        self.canvas = canvas
        self.layout = layout
        self.columns = layout.get("table", "columns")
        self.widths = [float(column["width_cm"]) * 72 / 2.54 for column in self.columns]
        scale = canvas.text_width / sum(self.widths)
        if scale < 1:
            self.widths = [width * scale for width in self.widths]
        self.x_positions = [canvas.left + sum(self.widths[:i]) for i in range(len(self.widths) + 1)]
        sizes = layout.section("sizes")
        self.size = sizes["table"]
        self.line_height = sizes["table_line_height"]
        self.padding = sizes["cell_padding"]
        self.table = layout.section("table")

    # -- content ----------------------------------------------------------------------------
    def _cell_width(self, index: int) -> float:
        return self.widths[index] - 2 * self.padding

    def _items(self, index: int, items: list[str], numbered: bool, style: str = "regular") -> list[CellLine]:
        """Items one per line; when numbered, every item's text hangs at the widest number's width."""
        canvas = self.canvas
        measure = canvas.measure(style, self.size)
        width = self._cell_width(index)
        number_format = self.table.get("item_number_format", "{number}. ")
        prefixes = [canvas.prepare(fill(number_format, {"number": n})) if numbered and len(items) > 1 else ""
                    for n in range(1, len(items) + 1)]
        hang = max((measure(prefix) for prefix in prefixes), default=0.0)
        lines: list[CellLine] = []
        for item, prefix in zip(items, prefixes):
            text = canvas.prepare(item, style)
            for position, line in enumerate(break_lines(text, measure, width, hang, hang,
                                                        keep_whole=canvas.keep_whole)):
                lines.append(CellLine(line, prefix if position == 0 else "", 0.0))
        return lines

    def _cell(self, index: int, field: str, number: int, measure: Measure) -> list[CellLine]:
        numbered = self.table.get("number_items", True)
        if field == "order":
            return self._items(index, [str(number)], False)
        if field == "title":
            title_prefix = fill(self.table.get("title_number_format", "{number}. "), {"number": number})
            text = self.canvas.prepare(measure.title)
            prefix = self.canvas.prepare(title_prefix)
            measure_width = self.canvas.measure("regular", self.size)
            hang = measure_width(prefix)
            return [CellLine(line, prefix if i == 0 else "", 0.0) for i, line in
                    enumerate(break_lines(text, measure_width, self._cell_width(index), hang, hang,
                                          keep_whole=self.canvas.keep_whole))]
        if field == "steps":
            return self._items(index, measure.steps, numbered)
        if field == "results":
            items = [result.text + (f" ({format_thai_date(result.date, abbreviated=True, digits='arabic')})"
                                    if result.date else "") for result in measure.results]
            return self._items(index, items, numbered)
        if field == "owners":
            return self._items(index, measure.owners, False)
        if field == "timeline":
            timeline = measure.timeline
            parts = [timeline.text] if timeline.text else []
            if not parts and timeline.quarters:
                parts.append("ไตรมาสที่ " + ", ".join(str(q) for q in timeline.quarters))
            if timeline.start or timeline.end:
                parts.append(" – ".join(format_thai_date(day, abbreviated=True, digits="arabic")
                                        for day in (timeline.start, timeline.end) if day))
            return self._items(index, ["\n".join(parts)], False)
        if field == "recommendation":
            return self._items(index, [measure.recommendation], False)
        if field == "budget":
            budget = measure.budget
            if budget is None:
                return []
            text = budget.note or (f"{budget.amount:,.2f} บาท" if budget.amount is not None else "")
            return self._items(index, [text], False)
        if field == "status":
            return self._items(index, [measure.status], False)
        return []

    # -- drawing ----------------------------------------------------------------------------
    def _header_lines(self) -> list[list[Line]]:
        canvas = self.canvas
        labels = [canvas.prepare(column["label"], "bold") for column in self.columns]
        measure = canvas.measure("bold", self.size)
        return [break_lines(label, measure, self._cell_width(i)) for i, label in enumerate(labels)]

    def _header_height(self, wrapped: list[list[Line]]) -> float:
        return max(len(lines) for lines in wrapped) * self.line_height + 2 * self.padding

    def opening_height(self, year: FiscalYear) -> float:
        """Header plus the first row's first lines (all of them if it has fewer than the minimum): what a
        title above the table must share its page with."""
        first_row = 0
        if year.measures:
            first_row = max(len(self._cell(i, column["field"], 1, year.measures[0]))
                            for i, column in enumerate(self.columns))
        lines = min(first_row, MIN_LINES_BEFORE_SPLIT) if first_row else 0
        return self._header_height(self._header_lines()) + lines * self.line_height + 2 * self.padding

    def _header(self) -> None:
        canvas = self.canvas
        wrapped = self._header_lines()
        height = self._header_height(wrapped)
        top = canvas.y
        canvas.fill_rect(self.x_positions[0], top, self.x_positions[-1] - self.x_positions[0], height,
                         self.table.get("header_fill", [230, 230, 230]))
        for index, lines in enumerate(wrapped):
            offset = (height - 2 * self.padding - len(lines) * self.line_height) / 2
            for row, line in enumerate(lines):
                line.indent = (self._cell_width(index) - line.width) / 2
                baseline = top + self.padding + offset + row * self.line_height + self.line_height * BASELINE_RATIO
                canvas.draw_line(line, "bold", self.size, self.x_positions[index] + self.padding, baseline,
                                 self._cell_width(index), justify=False)
        self._borders(top, top + height, close_top=True, close_bottom=True)
        canvas.y = top + height

    def _borders(self, top: float, bottom: float, close_top: bool, close_bottom: bool) -> None:
        width = self.table.get("border_width", 0.5)
        left, right = self.x_positions[0], self.x_positions[-1]
        for x in self.x_positions:
            self.canvas.rule(x, top, x, bottom, width)
        if close_top:
            self.canvas.rule(left, top, right, top, width)
        if close_bottom:
            self.canvas.rule(left, bottom, right, bottom, width)

    def draw(self, year: FiscalYear) -> None:
        canvas = self.canvas
        canvas.ensure_room(self.opening_height(year))
        self._header()
        for number, measure in enumerate(year.measures, start=1):
            cells = [self._cell(i, column["field"], number, measure) for i, column in enumerate(self.columns)]
            self._row(cells)

    def _row(self, cells: list[list[CellLine]]) -> None:
        """Draw a row, continuing on new pages (header repeated) while any cell has lines left."""
        canvas = self.canvas
        next_line = [0] * len(cells)
        first_chunk = True
        while True:
            remaining = max(len(lines) - start for lines, start in zip(cells, next_line))
            room = int((canvas.bottom - canvas.y - 2 * self.padding) // self.line_height)
            if room < min(remaining, MIN_LINES_BEFORE_SPLIT) or (first_chunk and room < remaining and room < MIN_LINES_BEFORE_SPLIT):
                canvas.add_page()
                self._header()
                continue
            chunk = min(room, max(remaining, 1))
            if remaining - chunk == 1 and chunk > MIN_LINES_BEFORE_SPLIT:
                chunk -= 1  # never a single line of the row alone at the head of the next page
            top = canvas.y
            for index, lines in enumerate(cells):
                x = self.x_positions[index] + self.padding
                for row, cell_line in enumerate(lines[next_line[index]:next_line[index] + chunk]):
                    baseline = top + self.padding + row * self.line_height + self.line_height * BASELINE_RATIO
                    if cell_line.prefix:
                        canvas.draw_text(cell_line.prefix, "regular", self.size, x + cell_line.prefix_x, baseline)
                    canvas.draw_line(cell_line.line, "regular", self.size, x, baseline, self._cell_width(index),
                                     justify=False)
                next_line[index] = min(len(lines), next_line[index] + chunk)
            bottom = top + chunk * self.line_height + 2 * self.padding
            self._borders(top, bottom, close_top=False, close_bottom=True)
            canvas.y = bottom
            first_chunk = False
            if all(start >= len(lines) for lines, start in zip(cells, next_line)):
                return
            canvas.add_page()
            self._header()
