"""What the memo and the report share: starting a document part, and flowing body paragraphs.

Layout templates are filled strictly (an unknown placeholder is a layout error naming the file);
paragraphs written in the records are printed as written, except the "{measure_list}" marker.
"""

from __future__ import annotations

from ..model.records import FiscalYear, Records
from ..templating import UnknownPlaceholder, fill
from .canvas import Canvas
from .layout import Layout, LayoutError
from .values import MEASURE_LIST, year_values


def fill_layout_text(layout: Layout, text: str, values: dict) -> str:
    try:
        return fill(text, values)
    except UnknownPlaceholder as unknown:
        raise LayoutError(f"{layout.folder / layout.name}: unknown placeholder {{{unknown.args[0]}}} "
                          f"(known: {', '.join(sorted(values))})") from None


def begin_document(canvas: Canvas, layout: Layout, records: Records, year: FiscalYear,
                   default_bookmark: str) -> dict:
    """Start a new part with its bookmark; proper names are protected from line breaks. Returns the
    placeholder values of the year."""
    values = year_values(records, year)
    canvas.begin_part(layout, fill_layout_text(layout, layout.get("metadata", "bookmark", default_bookmark), values))
    agency = records.agency
    canvas.protect_names([agency.name, agency.district, agency.province]
                         + [official.title + official.name for official in agency.officials]
                         + [official.name for official in agency.officials])
    return values


def flow_paragraphs(canvas: Canvas, layout: Layout, year: FiscalYear, paragraphs: list[str], values: dict,
                    from_template: bool) -> None:
    """Justified paragraphs with a first-line indent; "{measure_list}" becomes the numbered measure titles."""
    sizes = layout.section("sizes")
    body = layout.section("body")
    for paragraph in paragraphs:
        canvas.y += sizes.get("paragraph_space", 6)
        if paragraph == MEASURE_LIST:
            for number, measure in enumerate(year.measures, start=1):
                canvas.paragraph(measure.title, size=sizes["body"], line_height=sizes["line_height"],
                                 x=canvas.left, width=canvas.text_width,
                                 first_indent=layout.cm("body", "list_indent_cm"),
                                 prefix=fill(body.get("list_number_format", "{number}. "), {"number": number}),
                                 justify=body.get("justify", True))  # items justify like paragraphs
            continue
        text = fill_layout_text(layout, paragraph, values) if from_template else paragraph
        canvas.paragraph(text, size=sizes["body"], line_height=sizes["line_height"], x=canvas.left,
                         width=canvas.text_width, first_indent=layout.cm("body", "first_line_indent_cm"),
                         justify=body.get("justify", True))
