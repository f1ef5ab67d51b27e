"""A page cursor over fpdf2: fonts, pages, page numbers, and drawing shaped lines and paragraphs.

y grows downwards from the top of the page in points (like reading); PDF coordinates are computed only
when drawing.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from fpdf import FPDF
from fpdf.enums import PDFResourceType

from ..templating import fill
from .glyphs import FontFace, draw_pieces
from .layout import Layout, LayoutError
from .lines import Line, break_lines, cluster_spacing, layout_segments
from .text import printable

STYLES = ("regular", "bold", "italic", "bold_italic")
_FPDF_STYLE = {"regular": "", "bold": "B", "italic": "I", "bold_italic": "BI"}
BASELINE_RATIO = 0.74  # baseline sits this far down a line box


@dataclass
class Part:
    """One document inside the PDF (memo, report, annex): its layout and its own page numbering."""

    layout: Layout
    first_page: int = 0
    pages: int = 0


@dataclass(frozen=True, slots=True)
class DrawnText:
    """One run of text as drawn on a page: what a reader copying that line out of the PDF should get."""

    page: int  # 1-based page of the whole PDF
    text: str
    x: float  # left edge and baseline, top-down points
    baseline_y: float
    size: float


@dataclass
class Canvas:
    pdf: FPDF = field(default_factory=lambda: FPDF(unit="pt", format="A4"))
    faces: dict[tuple[Path, str], FontFace] = field(default_factory=dict)
    part: Part | None = None
    y: float = 0.0
    missing_characters: set[str] = field(default_factory=set)
    _faces_by_style: dict[tuple[int, str], FontFace] = field(default_factory=dict)
    keep_whole: tuple[str, ...] = ()  # proper names never broken across lines (prepared text)
    drawn: list[DrawnText] = field(default_factory=list)  # every text run drawn, for text-layer checks
    _continued_page: int = 0  # a page whose foot waits for the first word of the next one ("/คำต่อ...")
    page_layouts: dict[int, Layout] = field(default_factory=dict)  # PDF page -> the layout it was drawn with

    def __post_init__(self) -> None:
        self.pdf.set_auto_page_break(False)
        self.pdf.set_margins(0, 0, 0)
        self.pdf.c_margin = 0

    # -- layout & pages ---------------------------------------------------------------------
    @property
    def layout(self) -> Layout:
        assert self.part is not None, "begin_part() first"
        return self.part.layout

    def begin_part(self, layout: Layout, bookmark: str) -> None:
        self.part = Part(layout)
        self.add_page(first=True)
        self.pdf.start_section(bookmark, level=0)

    @property
    def page_width(self) -> float:
        return self.pdf.w

    @property
    def page_height(self) -> float:
        return self.pdf.h

    @property
    def left(self) -> float:
        return self.layout.cm("page", "margin_left_cm")

    @property
    def right(self) -> float:
        return self.page_width - self.layout.cm("page", "margin_right_cm")

    @property
    def bottom(self) -> float:
        return self.page_height - self.layout.cm("page", "margin_bottom_cm")

    @property
    def text_width(self) -> float:
        return self.right - self.left

    def add_page(self, first: bool = False) -> None:
        page = self.layout.section("page")
        self.pdf.add_page(orientation="L" if page.get("orientation") == "landscape" else "P",
                          format=page.get("size", "A4"))
        self.part.pages += 1
        self.page_layouts[self.pdf.page] = self.layout
        self._continued_page = 0
        if first:
            self.part.first_page = self.pdf.page
            self.y = self.layout.cm("page", "margin_top_cm")
            return
        self.y = self.layout.cm("page", "continuation_top_cm")
        number = fill(page.get("page_number_format", "- {page} -"), {"page": self.part.pages})
        size = self.layout.get("sizes", "body")
        number = printable(number, self.layout.section("body").get("digits", "thai"))
        if "page_number_baseline_cm" in page:
            baseline = self.layout.cm("page", "page_number_baseline_cm")
        else:  # layouts written before the baseline was layout data
            baseline = self.layout.cm("page", "page_number_top_cm") + size
        self.draw_text(number, "regular", size, self.left + (self.text_width - self.width(number, "regular", size)) / 2,
                       baseline)
        if page.get("continuation_word", False):
            self._continued_page = self.pdf.page - 1

    def _continuation(self, text: str) -> None:
        """Typing-guide convention for documents of several pages: the foot of a page that continues
        carries, bottom right, the first word of the next page after a slash ("/ข้อความ...")."""
        page_number = self._continued_page
        self._continued_page = 0
        words = [piece for piece in layout_segments(text.strip(), self.keep_whole) if piece.strip()]
        if not words:
            return
        page = self.layout.section("page")
        size = self.layout.get("sizes", "body")
        marker = self.prepare(fill(page.get("continuation_format", "/{word}..."), {"word": words[0].strip()}))
        current = self.pdf.page
        self.pdf.page = page_number
        try:
            self.draw_text(marker, "regular", size, self.right - self.width(marker, "regular", size),
                           self.page_height - self.layout.cm("page", "continuation_baseline_cm", 1.3))
        finally:
            self.pdf.page = current

    def version_footers(self, version) -> None:
        """With `[page] version_footer = true`, the foot of each page of that layout says which recorded
        version it was printed from (render/footer.py); drawn last, so it also extracts last."""
        from .footer import footer_text

        current, part = self.pdf.page, self.part
        try:
            for number, layout in self.page_layouts.items():
                page = layout.section("page")
                if not page.get("version_footer", False):
                    continue
                self.part, self.pdf.page = Part(layout), number
                self._continued_page = 0
                size = float(page.get("version_footer_size", 8))
                text = footer_text(page, version)
                label, found, rest = text.partition(version.short_id)  # the id keeps its Latin digits
                text = self.prepare(label) + found + (self.prepare(rest) if rest else "")
                self.draw_text(text, "regular", size, self.left,
                               self.page_height - self.layout.cm("page", "version_footer_baseline_cm", 0.8))
        finally:
            self.pdf.page, self.part = current, part

    def ensure_room(self, height: float) -> bool:
        """Start a new page unless *height* more points fit; True if a page was added."""
        if self.y + height > self.bottom + 0.01:
            self.add_page()
            return True
        return False

    # -- fonts --------------------------------------------------------------------------------
    def face(self, style: str) -> FontFace:
        key = (id(self.layout), style)
        face = self._faces_by_style.get(key)
        if face is None:
            path = self.layout.font_path(style) or self.layout.font_path("regular")
            if (path, "") not in self.faces:
                family = f"f{len(self.faces)}"
                try:
                    self.pdf.add_font(family, "", str(path))
                except Exception as error:  # fontTools says why in its own words; the user needs the file
                    raise LayoutError(f"{path}: not a TrueType/OpenType font ({error})") from error
                self.pdf.set_font(family, "", 10)
                # Subsetting keeps outlines as they are, so their bounding boxes stay valid: without this,
                # fontTools expands and recompiles every used glyph on save (half of a memo's render time).
                self.pdf.current_font.ttfont.recalcBBoxes = False
                self.faces[(path, "")] = FontFace(self.pdf.current_font)
            face = self._faces_by_style[key] = self.faces[(path, "")]
        return face

    def emblem(self, path: Path, x: float, y: float, height: float) -> None:
        """Draw an SVG emblem (render/emblem.py: its drawing is cached per user, its parse per process)."""
        from .emblem import draw_emblem

        draw_emblem(self.pdf, path, x, y, height, LayoutError)

    def prepare(self, text: str, style: str = "regular") -> str:
        """Text as printed: layout digits, no invisible characters, a visible U+FFFD for what the font lacks."""
        face = self.face(style)
        text = printable(text, self.layout.section("body").get("digits", "thai"))
        if face.covers(text):
            return text
        out = []
        for char in text:
            if char == "\n" or face.has_char(char):
                out.append(char)
            else:
                self.missing_characters.add(char)
                out.append("\ufffd" if face.has_char("\ufffd") else "?")
        return "".join(out)

    def protect_names(self, names: list[str]) -> None:
        """Names and the layout's protected vocabulary (as printed, digits converted): line breaking keeps
        each whole."""
        from .vocabulary import protected_vocabulary

        digits = self.layout.section("body").get("digits", "thai")
        phrases = {printable(name, digits) for name in [*names, *protected_vocabulary(self.layout)] if name}
        self.keep_whole = tuple(sorted(phrases, key=len, reverse=True))

    def width(self, text: str, style: str, size: float) -> float:
        return self.face(style).width(text, size)

    def measure(self, style: str, size: float):
        face = self.face(style)
        return lambda text: face.width(text, size)

    # -- drawing ------------------------------------------------------------------------------
    def _out(self, operators: str, face: FontFace) -> None:
        if operators:
            self.pdf._resource_catalog.add(PDFResourceType.FONT, face.index, self.pdf.page)
            self.pdf._out(operators)

    def draw_text(self, text: str, style: str, size: float, x: float, baseline_y: float) -> None:
        """One line of prepared text, pen at x on the baseline *baseline_y* (top-down points).

        A label, list number or page number is followed by an (invisible) space glyph: MuPDF never infers a
        word space from a gap after a Thai letter, so "ที่" and the value drawn beside it would copy out as
        one word."""
        if self._continued_page:
            self._continuation(text)
        face = self.face(style)
        spaced = text if text[-1:].isspace() else text + " "
        self._out(draw_pieces(face, size, [(face.shape(spaced), 0.0)], x, self.page_height - baseline_y), face)
        self._record(text, x, baseline_y, size)

    def draw_line(self, line: Line, style: str, size: float, x: float, baseline_y: float, width: float,
                  justify: bool) -> None:
        if self._continued_page:
            self._continuation(line.text)
        face = self.face(style)
        pieces = list(line.pieces)
        if pieces:
            pieces[-1] = pieces[-1].rstrip()
        shaped = [(face.shape(piece), 0.0) for piece in pieces]
        gap = cluster_spacing(line, width, sum(s.cluster_count for s, _ in shaped), size) if justify else 0.0
        self._out(draw_pieces(face, size, shaped, x + line.indent, self.page_height - baseline_y, gap), face)
        self._record("".join(pieces), x + line.indent, baseline_y, size)

    def _record(self, text: str, x: float, baseline_y: float, size: float) -> None:
        if text.strip():
            self.drawn.append(DrawnText(self.pdf.page, text.strip(), x, baseline_y, size))

    def paragraph(self, text: str, *, style: str = "regular", size: float, line_height: float, x: float,
                  width: float, first_indent: float = 0.0, rest_indent: float = 0.0, justify: bool = False,
                  align: str = "left", prefix: str = "") -> None:
        """A paragraph that flows over pages. *prefix* ("๑. ") hangs before the text at *first_indent*."""
        text = self.prepare(text, style)
        measure = self.measure(style, size)
        if prefix:
            prefix = self.prepare(prefix, style)
            rest_indent = first_indent + measure(prefix)
            first_indent = rest_indent
        lines = break_lines(text, measure, width, first_indent, rest_indent, keep_whole=self.keep_whole)
        on_this_page = 0
        for index, line in enumerate(lines):
            if on_this_page == 0:
                on_this_page = self._lines_for_this_page(len(lines) - index, line_height)
            on_this_page -= 1
            baseline = self.y + line_height * BASELINE_RATIO
            if align == "center":
                line.indent = (width - line.width) / 2
            if prefix and index == 0:
                self.draw_text(prefix, style, size, x + rest_indent - measure(prefix), baseline)
            self.draw_line(line, style, size, x, baseline, width, justify)
            self.y += line_height

    def _lines_for_this_page(self, remaining: int, line_height: float) -> int:
        """How many of a paragraph's *remaining* lines to set before the page ends, starting a new page first
        if none should: never a single line at the foot (orphan) or at the head (widow) of a page."""
        fits = int((self.bottom - self.y + 0.01) // line_height)
        if fits >= remaining:
            return remaining
        take = fits - 1 if remaining - fits == 1 else fits  # leave two lines for the next page, not one
        if take >= 2:
            return take
        self.add_page()
        fits = int((self.bottom - self.y + 0.01) // line_height)
        if fits >= remaining:
            return remaining
        return max(1, fits - 1 if remaining - fits == 1 else fits)

    def dotted_leader(self, x_start: float, x_end: float, baseline_y: float) -> None:
        """จุดไข่ปลา: round dots like typed full stops, sitting on the baseline, the last one on *x_end*."""
        header = self.layout.section("header")
        pitch, size = header.get("dot_gap", 2.8), header.get("dot_size", 1.0)
        count = int((x_end - x_start) / pitch)
        if count < 2:
            return
        x_start = x_end - count * pitch
        y = self.page_height - baseline_y + header.get("dot_rise", size / 2)
        self.pdf._out(f"q 0 g {size:.2f} w 1 J [0 {pitch:.2f}] 0 d {x_start:.2f} {y:.2f} m {x_end:.2f} {y:.2f} l S Q")

    def rule(self, x1: float, y1: float, x2: float, y2: float, width: float = 0.5) -> None:
        h = self.page_height
        self.pdf._out(f"q 0 G {width:.2f} w {x1:.2f} {h - y1:.2f} m {x2:.2f} {h - y2:.2f} l S Q")

    def fill_rect(self, x: float, y: float, w: float, h: float, rgb: list[int]) -> None:
        r, g, b = (c / 255 for c in rgb)
        self.pdf._out(f"q {r:.3f} {g:.3f} {b:.3f} rg {x:.2f} {self.page_height - y - h:.2f} {w:.2f} {h:.2f} re f Q")
