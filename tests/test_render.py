"""The PDFs: exact text layer, official geometry, tables that split, templates that cannot run code."""

from __future__ import annotations

import io
import re
import shutil
import subprocess
import sys

import fpdf
import pypdf
import pytest

from ita_tui.render.build import EvidenceRefused, render_year
from ita_tui.render.layout import LAYOUTS_DIR
from ita_tui.store import load_records
from ita_tui.thai.digits import to_thai_digits

from .conftest import SAMPLE_RECORDS

A4_PORTRAIT = (595.28, 841.89)


def _reader(data: bytes) -> pypdf.PdfReader:
    return pypdf.PdfReader(io.BytesIO(data))


def _compact(text: str) -> str:
    return re.sub(r"\s+", "", text)


@pytest.fixture(scope="module")
def sample():
    records = load_records(SAMPLE_RECORDS).records
    rendered = render_year(records, 2566)
    reader = _reader(rendered.pdf)
    return records, rendered, reader, [page.extract_text() for page in reader.pages]


def test_fpdf2_is_the_exact_version_the_text_layer_fix_was_made_for():
    assert fpdf.__version__ == "2.8.9"


def _drawn_lines_of(text: str, drawn: list) -> list | None:
    """The drawn lines that make up *text*, in drawing order: a table cell continues on the next page after
    the repeated header, so its lines need not be next to each other in the page's text, only in order."""
    target = _compact(text)
    within = [item for item in drawn if target in _compact(item.text)]  # a name inside "(นาย…)"
    if within:
        return within[:1]
    for first, item in enumerate(drawn):
        if not target.startswith(_compact(item.text)):
            continue
        used, position = [], 0
        for line in drawn[first:]:
            piece = _compact(line.text)
            if piece and target.startswith(piece, position):
                used.append(line)
                position += len(piece)
                if position == len(target):
                    return used
    return None


def test_every_line_of_every_record_copies_out_of_the_pdf(sample):
    records, rendered, _, pages = sample
    year = records.years[2566]
    texts = [year.memo.subject, year.memo.addressee, year.memo.closing]
    for measure in year.measures:
        texts += [measure.title, measure.recommendation, measure.timeline.text, *measure.steps, *measure.owners]
        texts += [result.text for result in measure.results]
    texts += [person.name for person in records.agency.officials] + [p.position for p in records.agency.officials]
    not_drawn, not_extracted = [], []
    for text in texts:
        lines = _drawn_lines_of(to_thai_digits(text), rendered.drawn)
        if lines is None:
            not_drawn.append(text)
            continue
        not_extracted += [(line.page, line.text) for line in lines
                          if _compact(line.text) not in _compact(pages[line.page - 1])]
    assert not_drawn == [] and not_extracted == []


def test_a_cell_item_split_across_pages_still_copies_out_line_by_line(tmp_path):
    from tests.conftest import RecordsBuilder
    builder = RecordsBuilder(tmp_path / "records")
    long_item = " ".join(f"ผลการดำเนินงานช่วงที่ {n} ติดตามและประเมินผลเสนอต่อผู้บริหาร" for n in range(1, 151))
    builder.measure(extra=f'[[results]]\ntext = "{long_item}"\n')
    rendered = render_year(load_records(builder.root).records, 2566, ("report",))
    pages = [page.extract_text() for page in _reader(rendered.pdf).pages]
    lines = _drawn_lines_of(to_thai_digits(long_item), rendered.drawn)
    assert lines is not None and len({line.page for line in lines}) >= 2  # the item itself crosses a page
    assert _compact(to_thai_digits(long_item)) not in _compact("".join(pages))  # so not one piece of text
    assert all(_compact(line.text) in _compact(pages[line.page - 1]) for line in lines)


def test_text_layer_has_no_zero_width_spaces_controls_or_glyph_garbage(sample):
    text = "".join(sample[3])
    assert "\u200b" not in text
    assert not re.search(r"[\x00-\x08\x0b-\x1f\x7f]", text)
    assert "ดำเนินการ" in text and "ตำบล" in text


@pytest.mark.parametrize("hard_word", ["ดำเนินการ", "ปั้น", "ฝั่ง", "ป่า", "ญี่ปุ่น", "น้ำ", "ผู้บังคับบัญชา", "ปิ่นฟื้น"])
def test_hard_thai_words_extract_exactly(hard_word, tmp_path):
    from tests.conftest import RecordsBuilder
    builder = RecordsBuilder(tmp_path / "records")
    builder.measure(**{"ประชุมคณะทำงานแล้ว": f"คำทดสอบ {hard_word} จบ"})
    records = load_records(builder.root).records
    text = "".join(page.extract_text() for page in _reader(render_year(records, 2566, ("report",)).pdf).pages)
    assert f"คำทดสอบ {hard_word} จบ" in text


def test_memo_is_a4_portrait_and_report_a4_landscape(sample):
    reader = sample[2]
    report_start = reader.get_destination_page_number(reader.outline[1])
    memo_pages, report_pages = reader.pages[:report_start], reader.pages[report_start:]
    assert len(memo_pages) >= 1 and len(report_pages) >= 2
    for page in memo_pages:
        assert (float(page.mediabox.width), float(page.mediabox.height)) == pytest.approx(A4_PORTRAIT, abs=0.1)
    for page in report_pages:
        assert (float(page.mediabox.width), float(page.mediabox.height)) == pytest.approx(A4_PORTRAIT[::-1], abs=0.1)


def test_fonts_are_embedded(sample):
    reader = sample[2]
    embedded = set()
    for page in reader.pages:
        for font in page["/Resources"]["/Font"].values():
            font = font.get_object()
            descriptor = font["/DescendantFonts"][0].get_object()["/FontDescriptor"]
            if "/FontFile2" in descriptor:
                embedded.add(str(font["/BaseFont"]))
    assert any("Sarabun" in name and "Bold" not in name for name in embedded)
    assert any("SarabunBold" in name for name in embedded)


def test_signatories_in_order_with_rank_above_name(sample):
    text = "".join(sample[3])
    positions = [text.index(name) for name in ("(นางบุญญาดา ศรีสุข)", "(จรินทร์ ออมทรัพย์วัฒนา)", "(นายปราโมช สิงห์กุล)")]
    assert positions == sorted(positions)
    assert text.index("จ่าเอก") < positions[1]


def test_thai_digits_and_be_date_in_the_memo(sample):
    first_page = sample[3][0]
    assert "๒ กุมภาพันธ์ ๒๕๖๖" in first_page
    assert "๘๓.๕๙ คะแนน" in first_page and "ระดับ B" in first_page
    assert "83.59" not in first_page


def test_page_numbers_start_on_page_two_of_each_document(sample):
    pages = sample[3]
    assert "- ๑ -" not in pages[0]
    report_start = next(i for i, text in enumerate(pages) if "รายงานผลการดำเนินการตามมาตรการส่งเสริม" in text and i > 0)
    assert all(f"- {to_thai_digits(str(n))} -" in pages[i] for n, i in enumerate(range(1, report_start), start=2))
    assert "- ๒ -" not in pages[report_start].split("\n")[0]
    assert pages[report_start + 1].lstrip().startswith("- ๒ -")


def test_metadata_and_bookmarks(sample):
    reader = sample[2]
    assert reader.metadata.author == "องค์การบริหารส่วนตำบลโคกไม้ลาย"
    assert "บันทึกข้อความ" in reader.metadata.title
    assert [item.title for item in reader.outline] == ["บันทึกข้อความ", "รายงานผลการดำเนินการตามมาตรการ"]
    assert reader.trailer["/Root"]["/Lang"] == "th-TH"


def _long_row_records(tmp_path, results: int):
    from tests.conftest import RecordsBuilder
    builder = RecordsBuilder(tmp_path / "records")
    long_results = "".join(f'[[results]]\ntext = "ผลการดำเนินงานลำดับ {n} ติดตามและประเมินผลการดำเนินงานรายไตรมาสเสนอต่อผู้บริหาร"\n'
                           for n in range(1, results + 1))
    builder.measure(extra=long_results)
    return load_records(builder.root).records


def test_a_row_taller_than_a_page_splits_with_the_header_on_every_page(tmp_path):
    records = _long_row_records(tmp_path, 60)
    reader = _reader(render_year(records, 2566, ("report",)).pdf)
    pages = [page.extract_text() for page in reader.pages]
    table_pages = [text for text in pages if "ผลการดำเนินงานลำดับ" in text]
    assert len(table_pages) >= 3
    assert all("ขั้นตอน/วิธีการปฏิบัติ" in text and "ข้อเสนอแนะ" in text for text in table_pages)
    everything = "".join(pages)
    found = [n for n in range(1, 61) if f"ผลการดำเนินงานลำดับ {to_thai_digits(str(n))} ติดตาม" in everything]
    assert found == list(range(1, 61))


def _custom_layout(tmp_path, edit) -> str:
    folder = tmp_path / "layout"
    shutil.copytree(LAYOUTS_DIR, folder, ignore=shutil.ignore_patterns("*/"))
    for name in ("memo.toml", "report.toml"):
        path = folder / name
        path.write_text(edit(path.read_text(encoding="utf-8")), encoding="utf-8")
    return str(folder)


def test_arabic_digits_when_the_layout_says_so(tmp_path):
    layout = _custom_layout(tmp_path, lambda text: text.replace('digits = "thai"', 'digits = "arabic"'))
    records = load_records(SAMPLE_RECORDS).records
    first_page = _reader(render_year(records, 2566, ("memo",), layout).pdf).pages[0].extract_text()
    assert "2 กุมภาพันธ์ 2566" in first_page and "83.59" in first_page


def test_templates_cannot_reach_attributes_or_run_code(tmp_path):
    hostile = "{agency.__class__.__mro__} {measure_count!r} {__import__('os').system('touch pwned')}"
    layout = _custom_layout(tmp_path, lambda text: text.replace(
        '"รายละเอียดปรากฏตามสิ่งที่ส่งมาด้วย"', '"' + hostile.replace('"', '\\"') + '"'))
    records = load_records(SAMPLE_RECORDS).records
    text = "".join(p.extract_text() for p in _reader(render_year(records, 2566, ("memo",), layout).pdf).pages)
    assert "{agency.__class__.__mro__}" in text
    assert "<class" not in text and not (tmp_path / "pwned").exists()


def test_characters_the_font_lacks_are_replaced_visibly_and_reported(tmp_path):
    from tests.conftest import RecordsBuilder
    builder = RecordsBuilder(tmp_path / "records")
    builder.measure(**{"ประชุมคณะทำงานแล้ว": "ประชุม 🎉 会议 แล้ว"})
    rendered = render_year(load_records(builder.root).records, 2566, ("report",))
    assert {"🎉", "会", "议"} <= rendered.missing_characters
    assert "ประชุม" in _reader(rendered.pdf).pages[-1].extract_text()


def test_evidence_pdfs_are_appended_with_a_bookmark_and_paths_out_are_refused(tmp_path):
    from tests.conftest import RecordsBuilder
    builder = RecordsBuilder(tmp_path / "records")
    annex = render_year(load_records(SAMPLE_RECORDS).records, 2566, ("memo",)).pdf
    builder.write_bytes("2566/evidence/annex.pdf", annex)
    from PIL import Image
    photo = builder.root / "2566/evidence/photo.png"
    Image.new("RGB", (400, 300), "red").save(photo)
    builder.write_bytes("2566/evidence/minutes.docx", b"PK")
    builder.measure(**{"order = 1": 'order = 1\nevidence = ["2566/evidence/annex.pdf", "2566/evidence/photo.png", '
                                    '"2566/evidence/minutes.docx"]'})
    store = load_records(builder.root)
    plain_pages = render_year(store.records, 2566).pages
    rendered = render_year(store.records, 2566, evidence_root=builder.root)
    reader = _reader(rendered.pdf)
    assert len(reader.pages) == rendered.pages == plain_pages + 1 + len(_reader(annex).pages)
    assert rendered.evidence_not_attached == ["2566/evidence/minutes.docx"]
    titles = [item.title for item in reader.outline]
    caption = "ภาคผนวก ๑. 2566/evidence/photo.png"  # layout digits for the number; the path keeps its own
    assert caption in titles and "ภาคผนวก ๑. 2566/evidence/annex.pdf" in titles
    photo_page = reader.pages[reader.get_destination_page_number(reader.outline[titles.index(caption)])]
    assert caption in photo_page.extract_text()
    assert photo_page["/Resources"]["/XObject"]
    assert reader.outline[-1].title.startswith("ภาคผนวก ๑.")
    builder.measure(**{"order = 1": 'order = 1\nevidence = ["../../outside.pdf"]'})
    with pytest.raises(EvidenceRefused):
        render_year(load_records(builder.root).records, 2566, evidence_root=builder.root)


def test_render_streams_to_stdout_and_says_the_year_is_a_draft(tmp_path):
    result = subprocess.run([sys.executable, "-m", "ita_tui", "render", "2566", "--records", str(SAMPLE_RECORDS),
                             "-o", "-", "--lang", "en"], capture_output=True, cwd=tmp_path)
    assert result.returncode == 0
    assert result.stdout.startswith(b"%PDF-")
    assert b"draft" in result.stderr
    assert len(_reader(result.stdout).pages) >= 4


def test_strict_refuses_a_year_with_errors(tmp_path):
    result = subprocess.run([sys.executable, "-m", "ita_tui", "render", "2566", "--records", str(SAMPLE_RECORDS),
                             "--strict", "--lang", "en"], capture_output=True, cwd=tmp_path, text=True)
    assert result.returncode == 1 and "--strict" in result.stderr
    assert not (tmp_path / "out").exists()


def test_default_output_is_merged_plus_separate_files(tmp_path):
    result = subprocess.run([sys.executable, "-m", "ita_tui", "render", "2566", "--records", str(SAMPLE_RECORDS)],
                            capture_output=True, cwd=tmp_path, text=True)
    assert result.returncode == 0, result.stderr
    names = sorted(p.name for p in (tmp_path / "out" / "2566").iterdir())
    assert names == ["ita-2566.pdf", "memo-2566.pdf", "report-2566.pdf"]
    merged = _reader((tmp_path / "out/2566/ita-2566.pdf").read_bytes())
    memo = _reader((tmp_path / "out/2566/memo-2566.pdf").read_bytes())
    report = _reader((tmp_path / "out/2566/report-2566.pdf").read_bytes())
    assert len(merged.pages) == len(memo.pages) + len(report.pages)


def test_proper_names_are_never_broken_across_lines():
    from ita_tui.render.lines import break_lines
    text = "ขอขอบคุณนางบุญญาดา ศรีสุข หัวหน้าสำนักปลัดองค์การบริหารส่วนตำบลโคกไม้ลาย และนายปราโมช สิงห์กุล"
    names = ("นางบุญญาดา ศรีสุข", "องค์การบริหารส่วนตำบลโคกไม้ลาย", "นายปราโมช สิงห์กุล")
    inside = {offset for name in names for offset in range(text.index(name) + 1, text.index(name) + len(name))}
    for width in range(max(map(len, names)), 60):
        lines = break_lines(text, len, width, keep_whole=names)
        starts, position = [], 0
        for line in lines:
            starts.append(position)
            position += len("".join(line.pieces))
        assert position == len(text)
        assert not set(starts) & inside, width
    unprotected = {width for width in range(30, 60)
                   if any(offset in inside for offset in _line_starts(break_lines(text, len, width)))}
    assert unprotected  # without keep_whole the segmenter does cut names: the protection is doing work


def _line_starts(lines):
    starts, position = [], 0
    for line in lines:
        starts.append(position)
        position += len("".join(line.pieces))
    return starts


def test_braces_written_in_a_record_paragraph_are_printed_as_written(tmp_path):
    from tests.conftest import RecordsBuilder
    builder = RecordsBuilder(tmp_path / "records")
    report = (builder.root / "2566/report.toml").read_text(encoding="utf-8")
    builder.write("2566/report.toml", report + '\n[report]\nintro = ["ราคา {x} บาท", "{measure_list}"]\n')
    text = "".join(p.extract_text() for p in _reader(render_year(load_records(builder.root).records, 2566,
                                                                 ("report",)).pdf).pages)
    assert "ราคา {x} บาท" in text and "มาตรการทดสอบ" in text


def test_an_unknown_placeholder_in_a_layout_is_a_layout_error_naming_the_file(tmp_path):
    from ita_tui.render.layout import LayoutError
    layout = _custom_layout(tmp_path, lambda text: text.replace("{agency} อำเภอ{district}", "{agncy} อำเภอ{district}"))
    with pytest.raises(LayoutError, match=r"report.toml: unknown placeholder \{agncy\}"):
        render_year(load_records(SAMPLE_RECORDS).records, 2566, ("report",), layout)


def test_numbers_stay_with_their_unit_label_and_conjunction():
    from ita_tui.render.lines import layout_segments
    pieces = layout_segments("ซึ่งมีคะแนน ๘๓.๕๙ คะแนน ในปี พ.ศ. ๒๕๖๖ ไตรมาสที่ ๒ หรือ ๓ แล้ว")
    assert "๘๓.๕๙ คะแนน " in pieces
    assert any(piece.startswith("พ.ศ. ๒๕๖๖") for piece in pieces)
    assert any(piece.endswith("หรือ ๓ ") for piece in pieces)


def test_thai_digits_never_touch_paths_urls_or_codes():
    from ita_tui.render.text import printable
    assert printable("ดู 2566/evidence/a1.pdf และ https://x.go.th/2566 รหัส O42") == \
        "ดู 2566/evidence/a1.pdf และ https://x.go.th/2566 รหัส O42"
    assert printable("วันที่ 15/03/2566 จำนวน 12 คน") == "วันที่ ๑๕/๐๓/๒๕๖๖ จำนวน ๑๒ คน"
