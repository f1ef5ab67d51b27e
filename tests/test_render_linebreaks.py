"""Thai line breaking for print: compounds, protected vocabulary, dates and numbers are never torn apart at a
line end, and a piece wider than the line still never overflows."""

from __future__ import annotations

import pytest

from ita_tui.render.lines import break_lines, layout_segments
from tests.conftest import SAMPLE_RECORDS

# The compounds issue 9 found split at line ends in the sample's report (ICU's dictionary has none of them).
REPORT_COMPOUNDS = ("ส่งเสริม", "รับผิดชอบ", "หน่วยงาน", "ผู้มีส่วนได้ส่วนเสีย", "ความคิดเห็น", "แผนงาน",
                    "มีส่วนร่วม", "ส่วนตัว", "ข้อกำหนด", "ระยะเวลา", "ประจำปี")


def _line_starts(text, lines):
    starts, position = [], 0
    for line in lines:
        starts.append(position)
        position += len("".join(line.pieces))
    assert position == len(text)
    return starts


def _torn(text: str, phrase: str, starts) -> bool:
    start = text.index(phrase)
    return any(start < offset < start + len(phrase) for offset in starts)


@pytest.mark.parametrize("compound", REPORT_COMPOUNDS)
def test_a_compound_is_never_torn_at_any_line_width(compound):
    text = f"โดยให้มีการดำเนินการ{compound}และติดตามผลทุกไตรมาส"
    for width in range(len(compound), len(text)):
        starts = _line_starts(text, break_lines(text, len, width))
        assert not _torn(text, compound, starts), (compound, width)


def test_the_sample_render_tears_no_compound_and_no_protected_phrase():
    from ita_tui.render.audit import recorded_breaks
    from ita_tui.render.build import render_year
    from ita_tui.render.layout import load_layout
    from ita_tui.render.vocabulary import protected_vocabulary
    from ita_tui.store import load_records

    with recorded_breaks() as broken:
        render_year(load_records(SAMPLE_RECORDS).records, 2566)
    phrases = set(REPORT_COMPOUNDS) | set(protected_vocabulary(load_layout("report")))
    torn = [(phrase, text[max(0, offset - 10):offset] + "|" + text[offset:offset + 10])
            for text, breaks in ((item.text, item.breaks) for item in broken)
            for offset in breaks for phrase in phrases
            if any(start < offset < start + len(phrase) for start in _occurrences(text, phrase))]
    assert sum(len(item.breaks) for item in broken) > 100  # the audit does see the report's line breaks
    assert torn == []


def _occurrences(text, phrase):
    start = text.find(phrase)
    while start >= 0:
        yield start
        start = text.find(phrase, start + 1)


@pytest.mark.parametrize("text, phrase", [
    ("ได้ดำเนินการเมื่อวันที่ ๑๕ ตุลาคม ๒๕๖๖ เรียบร้อยแล้ว", "๑๕ ตุลาคม ๒๕๖๖"),
    ("ผลการดำเนินการในเดือนพฤศจิกายน ๒๕๖๖ เรียบร้อยแล้ว", "พฤศจิกายน ๒๕๖๖"),
    ("จัดประชุมเมื่อ ๑ ต.ค. ๖๕ ที่ห้องประชุม", "๑ ต.ค. ๖๕"),
    ("รายงานผลประจำปีงบประมาณ พ.ศ. ๒๕๖๖ ของหน่วยงาน", "ปีงบประมาณ พ.ศ. ๒๕๖๖"),
    ("สอบถามได้ที่สำนักปลัด โทร. ๐ ๓๗๒๑ ๘๓๒๖ ต่อ ๒๐๔ ในเวลาราชการ", "โทร. ๐ ๓๗๒๑ ๘๓๒๖"),
    ("สอบถามได้ที่สำนักปลัด โทร. ๐ ๓๗๒๑ ๘๓๒๖ ต่อ ๒๐๔ ในเวลาราชการ", "ต่อ ๒๐๔"),
    ("ผลการประเมินได้คะแนน ๘๓.๕๙ คะแนน จากคะแนนเต็ม", "๘๓.๕๙ คะแนน"),
    ("มีผู้ร้องเรียนทั้งหมด ๑๒ ราย ในปีนี้", "๑๒ ราย"),
    ("ใช้งบประมาณ ๑,๒๐๐ บาท ในการจัดอบรม", "๑,๒๐๐ บาท"),
    ("จัดประชุมประจำเดือน ๓ ครั้ง ต่อปี", "๓ ครั้ง"),
    ("ผู้ตอบแบบสอบถามพึงพอใจ ๘๐ % ของทั้งหมด", "๘๐ %"),
    ("ภายใต้แนวคิด “Smart Country” ของรัฐบาล", "“Smart Country”"),
    ('ภายใต้แนวคิด "Smart Country" ของรัฐบาล', '"Smart Country"'),
])
def test_dates_numbers_and_quoted_names_stay_with_their_words(text, phrase):
    for width in range(len(phrase) + 6, len(text)):  # (a label such as ที่ may join the phrase)
        assert not _torn(text, phrase, _line_starts(text, break_lines(text, len, width))), width


def test_the_protected_vocabulary_is_data_and_an_agency_extends_it_beside_its_layout(tmp_path):
    import shutil

    from ita_tui.render.layout import LAYOUTS_DIR, load_layout
    from ita_tui.render.vocabulary import protected_vocabulary

    shared = protected_vocabulary(load_layout("memo"))
    assert "ผู้มีส่วนได้ส่วนเสีย" in shared and "หัวหน้าสำนักปลัด" in shared and "จ่าเอก" in shared
    agency = tmp_path / "agency"
    agency.mkdir()
    for name in ("memo.toml", "report.toml"):
        shutil.copy(LAYOUTS_DIR / name, agency / name)
    (agency / "vocabulary.txt").write_text("# our projects\nโครงการหนองน้ำใสใจสะอาด\n", encoding="utf-8")
    extended = protected_vocabulary(load_layout("memo", str(agency)))
    assert set(shared) < set(extended) and "โครงการหนองน้ำใสใจสะอาด" in extended
    text = "ปีนี้ได้ดำเนินโครงการหนองน้ำใสใจสะอาดร่วมกับชุมชน"
    unprotected = [width for width in range(20, 40)
                   if _torn(text, "โครงการหนองน้ำใสใจสะอาด", _line_starts(text, break_lines(text, len, width)))]
    assert unprotected  # the segmenter alone would split it
    for width in range(len("โครงการหนองน้ำใสใจสะอาด"), len(text)):
        lines = break_lines(text, len, width, keep_whole=extended)
        assert not _torn(text, "โครงการหนองน้ำใสใจสะอาด", _line_starts(text, lines)), width


def test_a_kept_whole_piece_wider_than_the_line_breaks_at_word_boundaries_and_never_overflows():
    phrase = "องค์การบริหารส่วนตำบลโคกไม้ลาย"
    text = f"ติดต่อ{phrase}ได้ทุกวัน"
    lines = break_lines(text, len, 12, keep_whole=(phrase,))
    assert all(line.width <= 12 for line in lines)
    starts = _line_starts(text, lines)
    inside = [offset - text.index(phrase) for offset in starts if text.index(phrase) < offset < text.index(phrase) + len(phrase)]
    from ita_tui.thai.segment import line_segments
    icu_boundaries, position = set(), 0
    for piece in line_segments(phrase):
        position += len(piece)
        icu_boundaries.add(position)
    assert inside and set(inside) <= icu_boundaries  # split where ICU allows, not between clusters


def test_compound_checking_keeps_breaks_outside_compounds():
    from ita_tui.thai.segment import line_segments, phrase_segments
    text = "การประชุมคณะทำงานเพื่อจัดทำมาตรการส่งเสริมคุณธรรมและความโปร่งใสของหน่วยงาน"
    joined = phrase_segments(text)
    assert "".join(joined) == text
    assert "ส่งเสริม" in joined and "หน่วยงาน" in joined
    assert len(joined) >= len(line_segments(text)) // 2  # still enough break opportunities to justify


def test_numbers_pieces_still_merge_as_before():
    pieces = layout_segments("ซึ่งมีคะแนน ๘๓.๕๙ คะแนน ในปี พ.ศ. ๒๕๖๖ ไตรมาสที่ ๒ หรือ ๓ แล้ว")
    assert any(piece.startswith("๘๓.๕๙ คะแนน") for piece in pieces)
