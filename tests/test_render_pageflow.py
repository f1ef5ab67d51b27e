"""Page flow per the official typing guide: justified lines that end on the margin, page numbers about 3 cm
down, dotted leaders like typed dots, headings kept with what follows, no single line of a paragraph at
the foot or head of a page, the memo's continuation word and its compact approval chain."""

from __future__ import annotations

import io
import re

import pytest
from pypdf import PdfReader

from ita_tui.render.build import render_year
from ita_tui.render.layout import CM
from ita_tui.store import load_records
from tests.conftest import SAMPLE_RECORDS


@pytest.fixture(scope="module")
def sample_pdf():
    return PdfReader(io.BytesIO(render_year(load_records(SAMPLE_RECORDS).records, 2566).pdf))


def _run_advance(operators: str, widths: dict[str, int], size: float) -> float:
    """Points the pen moves over the TJ run of *operators* (glyph advances minus TJ adjustments)."""
    run = re.search(r"\[(.*)\] TJ", operators).group(1)
    total = 0.0
    for token in re.findall(r"<[0-9A-F]+>|-?\d+(?:\.\d+)?", run):
        if token.startswith("<"):
            codes = token[1:-1]
            total += sum(widths[codes[i:i + 4]] for i in range(0, len(codes), 4))
        else:
            total -= float(token)
    return total * size / 1000


def test_a_justified_line_ends_within_a_tenth_of_a_point_of_the_margin():
    from ita_tui.render.canvas import Canvas
    from ita_tui.render.glyphs import draw_pieces
    from ita_tui.render.layout import load_layout
    from ita_tui.render.lines import break_lines, cluster_spacing

    canvas = Canvas()
    canvas.begin_part(load_layout("report"), "test")
    face = canvas.face("regular")
    size = 10.9
    text = canvas.prepare("องค์การบริหารส่วนตำบลโคกไม้ลายจึงได้มีการดำเนินการขับเคลื่อนมาตรการส่งเสริมคุณธรรม"
                          "และความโปร่งใส ประจำปีงบประมาณ พ.ศ. ๒๕๖๖ ขึ้น โดยแสดงความก้าวหน้าหรือผลการดำเนินการ"
                          "ตามมาตรการเพื่อส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน มีข้อมูลรายละเอียด" * 3)
    width = canvas.text_width
    checked = 0
    for line in break_lines(text, canvas.measure("regular", size), width):
        if line.last:
            continue
        pieces = list(line.pieces)
        pieces[-1] = pieces[-1].rstrip()
        shaped = [face.shape(piece) for piece in pieces]
        gap = cluster_spacing(line, width, sum(s.cluster_count for s in shaped), size)
        assert gap > 0
        operators = draw_pieces(face, size, [(s, 0.0) for s in shaped], 0.0, 100.0, gap)
        widths = {f"{glyph.code:04X}": glyph.width_1000 for s in shaped for glyph in s.glyphs}
        assert abs(_run_advance(operators, widths, size) - (width - line.indent)) <= 0.1
        checked += 1
    assert checked >= 2


def _texts_with_positions(page) -> list[tuple[str, float, float]]:
    found = []

    def visit(text, cm, tm, font, size):
        if text.strip():
            found.append((text.strip(), tm[4], tm[5]))  # draw_text ends labels with a space glyph

    page.extract_text(visitor_text=visit)
    return found


def _page_number(page) -> tuple[str, float, float]:
    numbers = [(text, x, y) for text, x, y in _texts_with_positions(page) if re.fullmatch(r"\s*-\s*[๐-๙]+\s*-\s*", text)]
    assert len(numbers) == 1, _texts_with_positions(page)[:3]
    return numbers[0]


LONG_MEMO = """
[memo]
number = "๑๒๓"
date = 2023-02-02
subject = "รายงาน"
addressee = "นายก"
closing = "จึงเรียนมาเพื่อโปรดทราบ"
signatories = ["a"]
paragraphs = [PARAGRAPHS]
"""


def _long_memo(builder, paragraphs: int = 12) -> PdfReader:
    report = builder.root.joinpath("2566/report.toml").read_text(encoding="utf-8")
    head = report[:report.index("[memo]")]
    text = ", ".join(['"ตามที่หน่วยงานได้ดำเนินการตามมาตรการส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน '
                      'โดยมีการประชุมคณะทำงานเพื่อติดตามผลการดำเนินการอย่างต่อเนื่องทุกไตรมาส และรายงานผล'
                      'ต่อผู้บังคับบัญชาตามลำดับชั้น เพื่อให้การดำเนินงานเป็นไปอย่างมีประสิทธิภาพ"'] * paragraphs)
    builder.write("2566/report.toml", head + LONG_MEMO.replace("PARAGRAPHS", text))
    return PdfReader(io.BytesIO(render_year(load_records(builder.root).records, 2566, ("memo",)).pdf))


def _numbered_pages(reader):
    return [page for page in reader.pages
            if any(re.fullmatch(r"\s*-\s*[๐-๙]+\s*-\s*", text) for text, _, _ in _texts_with_positions(page))]


def test_page_numbers_sit_about_three_centimetres_down_with_the_body_below(sample_pdf, records_builder):
    pages = _numbered_pages(sample_pdf) + _numbered_pages(_long_memo(records_builder))
    assert {float(page.mediabox.width) < float(page.mediabox.height) for page in pages} == {True, False}
    for page in pages:
        height = float(page.mediabox.height)
        _, _, baseline = _page_number(page)
        assert abs((height - baseline) - 3 * CM) <= 0.3 * CM
        below = [y for text, x, y in _texts_with_positions(page)
                 if not re.fullmatch(r"\s*-\s*[๐-๙]+\s*-\s*", text)]
        assert below and max(below) < baseline - 12  # the body starts under the number


def _leaders(operators: str) -> list[tuple[float, float, float, float, float]]:
    """(dot size, pitch, x_start, x_end, y) of each dotted leader drawn on a page."""
    return [(float(size), float(pitch), float(x_start), float(x_end), float(y)) for size, pitch, x_start, y, x_end
            in re.findall(r"q 0 g ([\d.]+) w 1 J \[0 ([\d.]+)\] 0 d ([\d.]+) ([\d.]+) m ([\d.]+) [\d.]+ l S Q",
                          operators)]


def test_memo_header_dots_look_typed_and_run_to_the_margin_on_every_header_line(sample_pdf):
    page = sample_pdf.pages[0]
    operators = page.get_contents().get_data().decode("latin-1")
    leaders = _leaders(operators)
    right_margin = float(page.mediabox.width) - 2 * CM
    # ส่วนราชการ, ที่, วันที่, and both lines of the sample's wrapped subject
    assert len(leaders) == 5
    assert sum(abs(x_end - right_margin) < 0.05 for _, _, _, x_end, _ in leaders) == 4
    for size, pitch, x_start, x_end, _ in leaders:
        assert 0.8 <= size <= 1.4 and 2.2 <= pitch <= 3.5  # a typed full stop of 16 pt TH Sarabun
        dots = (x_end - x_start) / pitch
        assert abs(dots - round(dots)) < 0.01  # the last dot sits on the end, not a fraction of a gap short


def _text_runs(reader) -> list[tuple[int, float, float, float]]:
    """(page index, x, baseline, end x) of every TJ run the render drew, from the fonts' glyph widths."""
    from ita_tui.render import glyphs

    widths = {}
    for face_cache in _FACE_CACHES:
        for shaped in face_cache.values():
            for glyph in shaped.glyphs:
                widths[f"{glyph.code:04X}"] = glyph.width_1000
    runs = []
    for index, page in enumerate(reader.pages):
        operators = page.get_contents().get_data().decode("latin-1")
        for match in re.finditer(r"BT /F\d+ ([\d.]+) Tf 1 0 0 1 ([\d.]+) ([\d.]+) Tm (?:/Span <<[^>]*>>> BDC )?"
                                 r"(\[.*?\] TJ)", operators):
            size, x, y = (float(value) for value in match.groups()[:3])
            runs.append((index, x, y, x + _run_advance(match.group(4), widths, size)))
    return runs


_FACE_CACHES: list[dict] = []


def _render_keeping_widths(records, documents=("memo", "report")) -> PdfReader:
    """Render, keeping each font's shaped texts so a test can turn glyph codes back into widths."""
    from ita_tui.render import canvas as canvas_module

    original = canvas_module.Canvas.face

    def face(self, style):
        found = original(self, style)
        if found._cache not in _FACE_CACHES:
            _FACE_CACHES.append(found._cache)
        return found

    canvas_module.Canvas.face = face
    try:
        _FACE_CACHES.clear()
        return PdfReader(io.BytesIO(render_year(records, 2566, documents).pdf))
    finally:
        canvas_module.Canvas.face = original


def test_no_line_of_the_sample_runs_past_the_right_margin():
    reader = _render_keeping_widths(load_records(SAMPLE_RECORDS).records)
    overshoots = [(page + 1, round(end - (float(reader.pages[page].mediabox.width) - 2 * CM), 2))
                  for page, x, y, end in _text_runs(reader)
                  if end > float(reader.pages[page].mediabox.width) - 2 * CM + 0.1]
    assert overshoots == []


def test_numbered_list_items_justify_like_paragraphs(records_builder):
    long_title = ("โครงการจัดทำมาตรการส่งเสริมคุณธรรมและความโปร่งใสของหน่วยงานและวิเคราะห์ความเสี่ยงการทุจริต"
                  "ในการปฏิบัติงานตามภารกิจหลักของหน่วยงานทั้งหมดทุกกระบวนการอย่างเป็นระบบ")
    records_builder.measure(**{'title = "มาตรการทดสอบ"': f'title = "{long_title}"'})
    reader = _render_keeping_widths(load_records(records_builder.root).records, ("memo",))
    right = float(reader.pages[0].mediabox.width) - 2 * CM
    runs = _text_runs(reader)
    number_at = 3 * CM + 2.5 * CM  # "๑. " stands at the list indent, the item's text hangs after it
    numbers = {y for page, x, y, end in runs if abs(x - number_at) < 0.01}
    list_x = min(x for page, x, y, end in runs if y in numbers and x > number_at + 1)
    item_lines = [end for page, x, y, end in runs if abs(x - list_x) < 0.01]
    assert len(item_lines) >= 3
    assert sum(abs(end - right) <= 0.1 for end in item_lines) == len(item_lines) - 1


def _page_texts(reader) -> list[str]:
    return [page.extract_text() for page in reader.pages]


def test_a_memo_that_continues_carries_the_next_pages_first_word_at_its_foot(records_builder):
    reader = _long_memo(records_builder)
    pages = _page_texts(reader)
    assert len(pages) >= 2
    for index, page in enumerate(reader.pages[:-1]):
        following = [(text, y) for text, x, y in _texts_with_positions(reader.pages[index + 1])
                     if not re.fullmatch(r"\s*-\s*[๐-๙]+\s*-\s*", text)]
        first_text = max(following, key=lambda item: item[1])[0]  # the topmost line under the page number
        markers = [(text, x, y) for text, x, y in _texts_with_positions(page) if text.startswith("/")]
        assert len(markers) == 1, markers
        text, x, y = markers[0]
        assert text.endswith("...") and first_text.startswith(text[1:-3])
        assert y < 2 * CM and x > float(page.mediabox.width) / 2  # at the foot, bottom right
    assert not any(text.startswith("/") for text, _, _ in _texts_with_positions(reader.pages[-1]))


def test_the_report_has_no_continuation_words(sample_pdf):
    for page in sample_pdf.pages:
        assert not any(re.match(r"/\S+\.\.\.$", text) for text, _, _ in _texts_with_positions(page))


def test_the_table_title_travels_with_the_table_header_and_its_first_lines(sample_pdf):
    pages = _page_texts(sample_pdf)
    title = next(index for index, text in enumerate(pages) if any(
        line.startswith("รายงานผลการดำเนินการตามมาตรการส่งเสริมคุณธรรมและความโปร่งใส ประจำปีงบประมาณ")
        for line in text.splitlines()))
    assert "มาตรการที่ดำเนินการ" in pages[title] and "๑. การสร้างฐานความคิด" in pages[title]


def _pages_of_lines(canvas, draw):
    """Page of every line drawn by *draw()* (each paragraph line is one draw_line call)."""
    pages = []
    original = canvas.draw_line

    def recording(line, *args, **kwargs):
        pages.append(canvas.pdf.page)
        return original(line, *args, **kwargs)

    canvas.draw_line = recording
    draw()
    return pages


@pytest.mark.parametrize("lines_left", range(0, 8))
def test_no_single_line_of_a_paragraph_at_the_foot_or_head_of_a_page(lines_left):
    from collections import Counter

    from ita_tui.render.canvas import Canvas
    from ita_tui.render.layout import load_layout

    canvas = Canvas()
    canvas.begin_part(load_layout("memo"), "test")
    line_height = 19.5
    text = "ตามที่หน่วยงานได้ดำเนินการตามมาตรการส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน " * 6
    canvas.y = canvas.bottom - lines_left * line_height - 0.001

    def draw():
        canvas.paragraph(text, size=10.9, line_height=line_height, x=canvas.left, width=canvas.text_width,
                         justify=True)

    per_page = Counter(_pages_of_lines(canvas, draw))
    assert sum(per_page.values()) >= 5
    assert 1 not in per_page.values(), per_page


def test_the_sample_memo_fits_on_one_page_with_its_approval_chain_side_by_side():
    records = load_records(SAMPLE_RECORDS).records
    reader = PdfReader(io.BytesIO(render_year(records, 2566, ("memo",)).pdf))
    assert len(reader.pages) == 1
    positions = {text.strip(): (x, y) for text, x, y in _texts_with_positions(reader.pages[0])}
    jarin, pramot = positions["(จรินทร์ ออมทรัพย์วัฒนา)"], positions["(นายปราโมช สิงห์กุล)"]
    assert jarin[1] == pramot[1] and jarin[0] < pramot[0]  # one row, two columns
    assert positions["(นางบุญญาดา ศรีสุข)"][1] > jarin[1]  # the first signer above the chain


def test_a_stacked_approval_chain_keeps_every_signature_block_whole(tmp_path):
    from ita_tui.render.layout import LAYOUTS_DIR
    import shutil

    layout = tmp_path / "stacked"
    layout.mkdir()
    shutil.copy(LAYOUTS_DIR / "report.toml", layout / "report.toml")
    shutil.copy(LAYOUTS_DIR / "garuda.svg", layout / "garuda.svg")
    memo = (LAYOUTS_DIR / "memo.toml").read_text(encoding="utf-8")
    (layout / "memo.toml").write_text(memo.replace('chain = "columns"', 'chain = "stacked"'), encoding="utf-8")
    records = load_records(SAMPLE_RECORDS).records
    reader = PdfReader(io.BytesIO(render_year(records, 2566, ("memo",), str(layout)).pdf))
    assert len(reader.pages) == 2
    pages = [re.sub(r"\s+", "", text) for text in _page_texts(reader)]
    for official in records.agency.officials:
        block = re.sub(r"\s+", "", official.rank + official.name_in_parentheses + official.position)
        assert any(block in page for page in pages), official.name  # rank, name and position on one page
