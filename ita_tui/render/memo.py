"""บันทึกข้อความ: emblem, title, header with dotted leaders, body from a template, closing, signatures."""

from __future__ import annotations

from ..model.records import FiscalYear, Records
from ..thai.dates import format_thai_date
from .canvas import BASELINE_RATIO, Canvas
from .layout import CM, Layout
from .flow import begin_document, fill_layout_text, flow_paragraphs


def draw_memo(canvas: Canvas, layout: Layout, records: Records, year: FiscalYear) -> None:
    values = begin_document(canvas, layout, records, year, "บันทึกข้อความ")
    sizes = layout.section("sizes")
    line_height = sizes["line_height"]
    _draw_title(canvas, layout)
    _draw_header(canvas, layout, records, year, values)
    if year.memo.paragraphs is not None:
        flow_paragraphs(canvas, layout, year, year.memo.paragraphs, values, from_template=False)
    else:
        template = layout.template(year.memo.body_template or "default")
        flow_paragraphs(canvas, layout, year, template.get("paragraphs", []), values, from_template=True)
    if year.memo.closing:
        canvas.y += layout.section("closing").get("space_before", 6)
        # the closing line travels with the first signature: no page of signatures alone
        canvas.ensure_room(line_height + _signature_block_height(layout, records, year, 0))
        canvas.paragraph(year.memo.closing, size=sizes["body"], line_height=line_height, x=canvas.left,
                         width=canvas.text_width, first_indent=layout.cm("closing", "indent_cm"))
    _draw_signatures(canvas, layout, records, year)


def _draw_title(canvas: Canvas, layout: Layout) -> None:
    emblem = layout.section("emblem")
    top = canvas.y
    height = float(emblem.get("height_cm", 1.5)) * CM
    if emblem.get("file"):
        canvas.emblem(layout.asset_path(emblem["file"]), canvas.left, top, height)
    title = canvas.prepare(layout.get("header", "title"), "bold")
    size = layout.get("sizes", "title")
    width = canvas.width(title, "bold", size)
    canvas.draw_text(title, "bold", size, canvas.left + (canvas.text_width - width) / 2, top + height * 0.78)
    canvas.y = top + height + 4


def _header_row(canvas: Canvas, layout: Layout, label: str, value: str, x: float, x_end: float,
                value_style: str = "regular") -> float:
    """Bold label, value (wrapping under itself), dotted leader to *x_end*; returns where the value ended."""
    header = layout.section("header")
    sizes = layout.section("sizes")
    label_size, value_size = sizes["label"], sizes["body"]
    row_height = header.get("header_line_height", 24)
    label = canvas.prepare(label, "bold")
    label_width = canvas.width(label, "bold", label_size)
    baseline = canvas.y + row_height * BASELINE_RATIO
    canvas.draw_text(label, "bold", label_size, x, baseline)
    value_x = x + label_width + header.get("label_gap", 5)
    value = canvas.prepare(value, value_style)
    from .lines import break_lines

    lines = break_lines(value, canvas.measure(value_style, value_size), x_end - value_x) if value else []
    end_x = value_x
    for index, line in enumerate(lines):
        if index:
            canvas.y += row_height
            baseline = canvas.y + row_height * BASELINE_RATIO
        canvas.draw_line(line, value_style, value_size, value_x, baseline, x_end - value_x, justify=False)
        end_x = value_x + line.width
    if header.get("dots", True):
        canvas.dotted_leader(end_x + 3, x_end, baseline)
    return end_x


def _draw_header(canvas: Canvas, layout: Layout, records: Records, year: FiscalYear, values: dict) -> None:
    header = layout.section("header")
    row_height = header.get("header_line_height", 24)
    agency_value = fill_layout_text(layout, header.get("agency_value", "{agency}"), values)
    _header_row(canvas, layout, header["agency_label"], agency_value, canvas.left, canvas.right)
    canvas.y += row_height
    date_x = canvas.left + canvas.text_width * header.get("date_column", 0.45)
    number = fill_layout_text(layout, header.get("number_value", "{document_prefix}/{number}"), values)
    top = canvas.y
    _header_row(canvas, layout, header["number_label"], number, canvas.left, date_x - 6)
    canvas.y = top
    date_text = format_thai_date(year.memo.date, digits="arabic") if year.memo.date else ""
    _header_row(canvas, layout, header["date_label"], date_text, date_x, canvas.right)
    canvas.y += row_height
    _header_row(canvas, layout, header["subject_label"], year.memo.subject, canvas.left, canvas.right)
    canvas.y += row_height + layout.section("sizes").get("paragraph_space", 6)
    sizes = layout.section("sizes")
    label_style = "bold" if header.get("addressee_bold", True) else "regular"
    label = canvas.prepare(header["addressee_label"], label_style)
    baseline = canvas.y + sizes["line_height"] * BASELINE_RATIO
    canvas.draw_text(label, label_style, sizes["body"], canvas.left, baseline)
    value_x = canvas.left + canvas.width(label, label_style, sizes["body"]) + header.get("label_gap", 5)
    canvas.paragraph(year.memo.addressee, size=sizes["body"], line_height=sizes["line_height"], x=value_x,
                     width=canvas.right - value_x)


def _signature_lines(records: Records, official_id: str) -> list[str]:
    official = records.agency.official(official_id)
    if official is None:
        return [f"({official_id})"]
    lines = ([official.rank] if official.rank else []) + [official.name_in_parentheses]
    return lines + [part for part in official.position.split("\n") if part]


def _signature_space(layout: Layout, index: int) -> float:
    signature = layout.section("signature")
    space = signature.get("space_before", 64)
    if index:
        space += signature.get("block_gap", 18) - layout.get("sizes", "line_height")
    return space


def _signature_block_height(layout: Layout, records: Records, year: FiscalYear, index: int) -> float:
    if index >= len(year.memo.signatories):
        return 0.0
    lines = _signature_lines(records, year.memo.signatories[index])
    return _signature_space(layout, index) + layout.get("sizes", "line_height") * len(lines)


def _draw_signatures(canvas: Canvas, layout: Layout, records: Records, year: FiscalYear) -> None:
    """Stacked blocks, each kept on one page: room to sign, rank line, (name), position; all centred."""
    sizes = layout.section("sizes")
    line_height = sizes["line_height"]
    center = layout.cm("signature", "center_cm")
    for index, official_id in enumerate(year.memo.signatories):
        official = records.agency.official(official_id)
        lines = _signature_lines(records, official_id)
        space = _signature_space(layout, index)
        canvas.ensure_room(_signature_block_height(layout, records, year, index))
        canvas.y += space - (line_height if official and official.rank else 0)
        for text in lines:
            prepared = canvas.prepare(text)
            width = canvas.width(prepared, "regular", sizes["body"])
            x = min(max(center - width / 2, canvas.left), canvas.right - width)
            if official and official.rank and text == official.rank:
                name = canvas.prepare(official.name_in_parentheses)
                name_width = canvas.width(name, "regular", sizes["body"])
                x = center - name_width / 2  # the rank stands where the signature line starts
            canvas.draw_text(prepared, "regular", sizes["body"], x, canvas.y + line_height * BASELINE_RATIO)
            canvas.y += line_height
