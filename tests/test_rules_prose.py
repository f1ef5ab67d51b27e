"""Numbers and names typed into free text agree with the records: score, grade, count of measures, and the
fiscal year in a heading. The minimal records: last year's (2565) score 80.5 → grade B, one measure."""

from __future__ import annotations

import pytest

from ita_tui.check import run_checks
from ita_tui.model.findings import Severity
from ita_tui.store import load_records
from tests.conftest import MINIMAL_REPORT

PROSE_RULES = ("prose-score-mismatch", "prose-grade-mismatch", "prose-count-mismatch", "heading-other-fiscal-year")


def _prose_findings(root) -> list:
    return [f for f in run_checks(load_records(root)).findings if f.rule_id in PROSE_RULES]


def _memo_paragraph(records_builder, paragraph: str) -> None:
    records_builder.write("2566/report.toml", MINIMAL_REPORT.replace(
        'closing = ', f'paragraphs = ["{paragraph}"]\nclosing = '))


FIRING = [  # (paragraph, rule, the value as read, where the finding points)
    # the seed's flaw: the score typed again, wrongly
    ("ผลการประเมิน ITA ประจำปีงบประมาณ พ.ศ. ๒๕๖๕ ได้ ๘๓.๙๙ คะแนน", "prose-score-mismatch", "83.99", "๘๓.๙๙"),
    ("ได้คะแนน ITA 79.5 จากคะแนนเต็ม 100 คะแนน", "prose-score-mismatch", "79.5", "79.5"),
    ("การประเมินคุณธรรมและความโปร่งใส (ITA) ซึ่งมีคะแนน ๗๕.๐๐ คะแนน", "prose-score-mismatch", "75.00", "๗๕"),
    ("ผลการประเมิน ITA ของหน่วยงานเท่ากับ 90", "prose-score-mismatch", "90", "90"),
    ("ผลการประเมิน ITA อยู่ในระดับ A", "prose-grade-mismatch", "A", "A" + "\n"),
    ("โดยมีผลการประเมินระดับ “C”", "prose-grade-mismatch", "C", "C”"),
    ("ได้กำหนดมาตรการไว้ จำนวน ๔ มาตรการ ดังนี้", "prose-count-mismatch", "4", "๔"),
    ("ขับเคลื่อนทั้ง 3 มาตรการ", "prose-count-mismatch", "3", "3"),
]


@pytest.mark.parametrize("paragraph, rule_id, written, at", FIRING)
def test_a_number_or_grade_that_disagrees_with_the_records_is_found_in_the_memo(records_builder, paragraph,
                                                                                  rule_id, written, at):
    _memo_paragraph(records_builder, paragraph)
    [finding] = _prose_findings(records_builder.root)
    assert (finding.rule_id, finding.params["written"]) == (rule_id, written)
    assert finding.file == "2566/report.toml" and finding.key_path == ("memo", "paragraphs", 0)
    assert finding.col == len('paragraphs = ["') + (paragraph + "\n").index(at) + 1  # at the value itself


AGREEING_OR_OTHER_NUMBERS = [
    "ผลการประเมิน ITA ประจำปีงบประมาณ พ.ศ. ๒๕๖๕ ได้ ๘๐.๕๐ คะแนน จากคะแนนเต็ม ๑๐๐ คะแนน ระดับ B",
    "ได้คะแนน ITA 80.5 คะแนน",
    "ได้คะแนน ITA 81 คะแนน",  # rounded, not different
    "เป้าหมาย ผลการประเมิน ITA ไม่น้อยกว่า 85 คะแนน หรือระดับ A ขึ้นไป",  # a target
    "ผลการประเมิน ITA ปี 2564 ได้ 70.25 คะแนน และปี 2565 ได้ 80.50 คะแนน",  # another year's score
    "ผลการประเมิน ITA ตัวชี้วัดที่ 9 การเปิดเผยข้อมูล ได้ 95.00 คะแนน",  # an indicator's score
    "ผลการประเมิน ITA เพิ่มขึ้น 5.5 คะแนน",  # a difference
    "ผลการประเมินความพึงพอใจ 4.5 คะแนน ระดับ A",  # another assessment
    "ใช้งบประมาณ 15,000 บาท ตามผลการประเมิน ITA",  # budget
    "ติดต่อ โทร. ๐ ๓๗๒๑ ๘๓๒๖ ต่อ ๑๑ เรื่องคะแนน ITA",  # phone
    "ประชุมเมื่อวันที่ ๕ มีนาคม ๒๕๖๖ เรื่องผลการประเมิน ITA",  # dates
    "รายงานผลการประเมิน ITA จำนวน ๑๒ หน้า",  # page count
    "ดำเนินการจำนวน 1 มาตรการ",  # the right count
    "มาตรการที่ 4 และข้อ 3 มาตรการส่งเสริมคุณธรรม",  # ordinals and list numbers
    "ปีงบประมาณ 2565 มี 3 มาตรการ",  # a count of another year
    "ข้าราชการระดับ 8 และระดับ C ของถนน",  # no ITA words: not a grade
]


@pytest.mark.parametrize("paragraph", AGREEING_OR_OTHER_NUMBERS)
def test_agreeing_numbers_and_other_numbers_are_not_findings(records_builder, paragraph):
    _memo_paragraph(records_builder, paragraph)
    assert _prose_findings(records_builder.root) == []


def test_the_report_intro_and_measure_texts_are_read_too(records_builder):
    records_builder.write("2566/report.toml", MINIMAL_REPORT + '\n[report]\nintro = ["มีทั้งหมด ๒ มาตรการ"]\n')
    records_builder.measure(**{"ควรติดตามผล": "ผลการประเมิน ITA ปีที่แล้วได้ 83.99 คะแนน ควรติดตามผล"})
    found = {(f.rule_id, f.file, f.key_path) for f in _prose_findings(records_builder.root)}
    assert found == {("prose-count-mismatch", "2566/report.toml", ("report", "intro", 0)),
                     ("prose-score-mismatch", "2566/measures/01-test.toml", ("recommendation",))}


def test_score_and_grade_are_errors_a_count_is_a_warning(records_builder):
    _memo_paragraph(records_builder, "ผลการประเมิน ITA ได้ 90 คะแนน ระดับ A จำนวน 2 มาตรการ")
    severities = {f.rule_id: f.severity for f in _prose_findings(records_builder.root)}
    assert severities == {"prose-score-mismatch": Severity.ERROR, "prose-grade-mismatch": Severity.ERROR,
                          "prose-count-mismatch": Severity.WARNING}


@pytest.mark.parametrize("title, fires", [
    ("โครงการอบรมคุณธรรม ประจำปีงบประมาณ พ.ศ. ๒๕๖๕", True),
    ("โครงการอบรมคุณธรรม ปี 2567", True),
    ("โครงการอบรมคุณธรรม ประจำปีงบประมาณ พ.ศ. ๒๕๖๖", False),
    ("แผนปฏิบัติการป้องกันการทุจริต ๔ ปี (พ.ศ. ๒๕๖๕ – ๒๕๖๘)", False),  # a range holding the year
    ("แผนปฏิบัติการป้องกันการทุจริต (พ.ศ. ๒๕๖๗ – ๒๕๗๐)", True),
    ("ส่งเสริมคุณธรรม ๑๐ ประการ", False),
])
def test_a_measure_title_naming_another_year(records_builder, title, fires):
    records_builder.measure(**{'title = "มาตรการทดสอบ"': f'title = "{title}"'})
    found = [f for f in run_checks(load_records(records_builder.root)).findings
             if f.rule_id in ("heading-other-fiscal-year", "other-fiscal-year")]
    assert [f.rule_id for f in found] == (["heading-other-fiscal-year"] if fires else [])
    if fires:
        assert found[0].line == 2 and found[0].col > len('title = "')


def test_the_memo_subject_may_name_last_years_ita_but_not_another_year(records_builder):
    report = MINIMAL_REPORT.replace('subject = "รายงาน"', 'subject = "รายงานผลการประเมิน ITA ประจำปี ๒๕๖๕"')
    records_builder.write("2566/report.toml", report)
    assert _prose_findings(records_builder.root) == []
    records_builder.write("2566/report.toml", report.replace("ITA ประจำปี ๒๕๖๕", "ITA ประจำปี ๒๕๖๕ ปี ๒๕๖๔"))
    [finding] = _prose_findings(records_builder.root)
    assert finding.rule_id == "heading-other-fiscal-year" and finding.params["named"] == "ปี 2564"


def test_the_shipped_sample_and_its_default_memo_are_consistent(sample_records):
    assert _prose_findings(sample_records) == []


def test_the_default_memo_template_filled_with_the_records_agrees_with_them(sample_records):
    from ita_tui.render.layout import load_layout  # noqa: F401  (the template is layout data)
    import tomllib

    from ita_tui.model.grade import grade_for_score
    from tests.conftest import PROJECT_ROOT

    template = tomllib.loads((PROJECT_ROOT / "layouts/memo.toml").read_text(encoding="utf-8"))
    paragraphs = [paragraph.format(agency="อบต.", division="", district="", province="", fiscal_year=2566,
                                   previous_fiscal_year=2565, previous_score="๘๓.๕๙",
                                   previous_grade=grade_for_score(83.59), measure_count="๔",
                                   measure_list="")
                  for paragraph in template["templates"]["default"]["paragraphs"]]
    report = (sample_records / "2566/report.toml").read_text(encoding="utf-8")
    written = "paragraphs = [" + ", ".join(f'"{p}"' for p in paragraphs) + "]\n"
    (sample_records / "2566/report.toml").write_text(report.replace('body_template = "default"', written),
                                                     encoding="utf-8")
    assert _prose_findings(sample_records) == []
    (sample_records / "2566/report.toml").write_text(
        report.replace('body_template = "default"', written.replace("๘๓.๕๙", "๘๓.๙๙").replace("จำนวน ๔", "จำนวน ๕")),
        encoding="utf-8")
    assert sorted(f.rule_id for f in _prose_findings(sample_records)) == ["prose-count-mismatch",
                                                                         "prose-score-mismatch"]
