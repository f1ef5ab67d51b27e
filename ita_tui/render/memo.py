"""บันทึกข้อความ: emblem, title, header with dotted leaders, body from a template, closing, signatures."""

from __future__ import annotations

from ..model.records import FiscalYear, Records
from ..thai.dates import format_thai_date
from .canvas import BASELINE_RATIO, Canvas
from .layout import CM, Layout
from .lines import break_lines
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
    lines = break_lines(value, canvas.measure(value_style, value_size), x_end - value_x) if value else []
    end_x = value_x
    for index, line in enumerate(lines or [None]):
        if index:
            canvas.y += row_height
            baseline = canvas.y + row_height * BASELINE_RATIO
        if line is not None:
            canvas.draw_line(line, value_style, value_size, value_x, baseline, x_end - value_x, justify=False)
            end_x = value_x + line.width
        if header.get("dots", True):  # on every line of the value, the wrapped ones included
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
    """The first signer's block centred on the signature line; the approval chain after it either stacked
    the same way or, more compactly as agencies do, two blocks side by side (layout data). Every block is
    kept whole on one page: room to sign, rank line, (name), position."""
    signature = layout.section("signature")
    signers = year.memo.signatories
    if not signers:
        return
    _draw_block_row(canvas, layout, records, [signers[0]], [layout.cm("signature", "center_cm")],
                    _signature_space(layout, 0))
    chain = signers[1:]
    if signature.get("chain", "stacked") == "columns":
        centers = [float(center) * CM for center in signature.get("chain_centers_cm", [7.0, 15.0])]
        space = signature.get("chain_space_before", signature.get("space_before", 64))
        for row in range(0, len(chain), len(centers)):
            _draw_block_row(canvas, layout, records, chain[row:row + len(centers)], centers, space)
    else:
        for index, official_id in enumerate(chain, start=1):
            _draw_block_row(canvas, layout, records, [official_id], [layout.cm("signature", "center_cm")],
                            _signature_space(layout, index))


def _draw_block_row(canvas: Canvas, layout: Layout, records: Records, official_ids: list[str],
                    centers: list[float], space: float) -> None:
    """Signature blocks side by side, each centred on its centre and no wider than its share of the text
    block; the row is kept whole on one page. A rank stands above the name, in the signing room."""
    sizes = layout.section("sizes")
    line_height = sizes["line_height"]
    measure = canvas.measure("regular", sizes["body"])
    column_width = canvas.text_width / len(centers) if len(centers) > 1 else canvas.text_width
    blocks = []
    for official_id, center in zip(official_ids, centers):
        official = records.agency.official(official_id)
        rank = canvas.prepare(official.rank) if official and official.rank else ""
        lines = [line.text for text in _signature_lines(records, official_id) if not (rank and text == official.rank)
                 for line in break_lines(canvas.prepare(text), measure, column_width, keep_whole=canvas.keep_whole)]
        blocks.append((center, rank, lines))
    canvas.ensure_room(space + line_height * max(len(lines) for _, _, lines in blocks))
    top = canvas.y + space
    for center, rank, lines in blocks:
        half = column_width / 2
        low, high = max(center - half, canvas.left), min(center + half, canvas.right)
        if rank:  # the rank stands where the signature line starts, above the name
            name_width = canvas.width(lines[0], "regular", sizes["body"])
            canvas.draw_text(rank, "regular", sizes["body"], max(center - name_width / 2, low),
                             top - line_height + line_height * BASELINE_RATIO)
        for row, text in enumerate(lines):
            width = canvas.width(text, "regular", sizes["body"])
            x = min(max(center - width / 2, low), high - width)
            canvas.draw_text(text, "regular", sizes["body"], x, top + row * line_height + line_height * BASELINE_RATIO)
    canvas.y = top + line_height * max(len(lines) for _, _, lines in blocks)
