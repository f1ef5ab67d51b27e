"""Each rule fires on the smallest input that shows the problem, and stays quiet on the fixed input."""

from __future__ import annotations

import pytest

from ita_tui.check import run_checks
from ita_tui.model.findings import Severity
from ita_tui.store import load_records


def _rules(root) -> dict[str, list]:
    report = run_checks(load_records(root))
    found: dict[str, list] = {}
    for finding in report.findings:
        found.setdefault(finding.rule_id, []).append(finding)
    return found


def test_the_minimal_records_are_clean(records_builder):
    assert _rules(records_builder.root) == {}


@pytest.mark.parametrize("field, replacement", [
    ("title", ('title = "มาตรการทดสอบ"', 'title = ""')),
    ("steps", ('steps = ["แต่งตั้งคณะทำงาน"]', "steps = []")),
    ("owners", ('owners = ["สำนักปลัด"]', "")),
    ("recommendation", ('recommendation = "ควรติดตามผล"', 'recommendation = "  "')),
    ("timeline", ('text = "ปีงบประมาณ พ.ศ. ๒๕๖๖"', "")),
    ("results", ('text = "ประชุมคณะทำงานแล้ว"', 'text = ""')),
])
def test_each_required_measure_field_is_reported_when_empty(records_builder, field, replacement):
    records_builder.measure(**{replacement[0]: replacement[1]})
    missing = _rules(records_builder.root)["required-missing"]
    assert [f.params["field"] for f in missing] == [field]
    assert missing[0].severity is Severity.ERROR


def test_memo_requires_number_date_subject_addressee_signatory_and_score(records_builder):
    records_builder.write("2566/report.toml", "fiscal_year = 2566\n[memo]\n")
    fields = sorted(f.params["field"] for f in _rules(records_builder.root)["required-missing"])
    assert fields == ["addressee", "date", "fiscal_year", "number", "score", "signatories", "subject"]


def test_a_blank_memo_number_is_only_a_note_to_write_it_by_hand(records_builder):
    records_builder.write("2566/report.toml",
                         (records_builder.root / "2566/report.toml").read_text().replace('"๑๒๓"', '""'))
    [note] = _rules(records_builder.root)["memo-number-blank"]
    assert note.severity is Severity.INFO and note.params["prefix"] == "ทส ๐๐๐๐๑"


def test_score_out_of_range(records_builder):
    report = (records_builder.root / "2566/report.toml").read_text()
    records_builder.write("2566/report.toml", report.replace("score = 80.5", "score = 835.9"))
    [finding] = _rules(records_builder.root)["score-out-of-range"]
    assert finding.line == 5


def test_fiscal_year_folder_must_match_the_file(records_builder):
    report = (records_builder.root / "2566/report.toml").read_text()
    records_builder.write("2566/report.toml", report.replace("fiscal_year = 2566", "fiscal_year = 2567"))
    [finding] = _rules(records_builder.root)["fiscal-year-mismatch"]
    assert finding.params == {"declared": 2567, "folder": 2566}


def test_unknown_key_suggests_the_known_one_and_is_kept(records_builder):
    path = records_builder.measure(**{"recommendation =": "recomendation ="})
    found = _rules(records_builder.root)
    [unknown] = found["unknown-key"]
    assert unknown.params == {"key": "recomendation", "suggestion": "recommendation"}
    assert unknown.severity is Severity.WARNING and unknown.line == 5
    assert "recomendation" in path.read_text()


def test_result_dated_in_text_before_the_fiscal_year_is_an_error(records_builder):
    records_builder.measure(**{"ประชุมคณะทำงานแล้ว": "จัดอบรมในเดือนมีนาคม ๒๕๖๕"})
    [finding] = _rules(records_builder.root)["date-outside-fiscal-year"]
    assert finding.severity is Severity.ERROR and finding.params["date"] == "มีนาคม ๒๕๖๕"
    assert (finding.line, finding.col) == (11, 8 + len("จัดอบรมในเดือน") + 1)  # at the date itself


@pytest.mark.parametrize("written", ["๑๕ ต.ค. ๖๖", "15 ต.ค. 66", "30 กันยายน 2565", "2023-10-01"])
def test_result_dates_just_outside_the_fiscal_year_in_any_writing(records_builder, written):
    records_builder.measure(**{"ประชุมคณะทำงานแล้ว": f"ประชุมเมื่อ {written}"})
    assert "date-outside-fiscal-year" in _rules(records_builder.root)


@pytest.mark.parametrize("written", ["๑ ต.ค. ๖๕", "30 กันยายน 2566", "มีนาคม ๒๕๖๖", "2023-09-30"])
def test_result_dates_inside_the_fiscal_year_are_fine(records_builder, written):
    records_builder.measure(**{"ประชุมคณะทำงานแล้ว": f"ประชุมเมื่อ {written}"})
    assert "date-outside-fiscal-year" not in _rules(records_builder.root)


def test_toml_result_date_outside_the_fiscal_year(records_builder):
    records_builder.measure(extra="date = 2023-10-01\n")
    [finding] = _rules(records_builder.root)["date-outside-fiscal-year"]
    assert finding.line == 12


def test_another_fiscal_year_named_in_a_recommendation(records_builder):
    records_builder.measure(**{"ควรติดตามผล": "ดำเนินการภายในปีงบประมาณ พ.ศ. ๒๕๖๕"})
    [finding] = _rules(records_builder.root)["other-fiscal-year"]
    assert finding.params["named"] == 2565


def test_the_record_own_fiscal_year_named_in_text_is_fine(records_builder):
    records_builder.measure(**{"ควรติดตามผล": "ดำเนินการภายในปีงบประมาณ พ.ศ. ๒๕๖๖"})
    assert "other-fiscal-year" not in _rules(records_builder.root)


def test_results_copied_from_another_measure(records_builder):
    results = '[[results]]\ntext = "ดำเนินการจัดการประชุมคณะทำงานเพื่อจัดทำมาตรการส่งเสริมคุณธรรม"\n'
    records_builder.measure(extra=results)
    second = (records_builder.root / "2566/measures/01-test.toml").read_text().replace("order = 1", "order = 2")
    records_builder.write("2566/measures/02-copy.toml",
                          second.replace("ดำเนินการจัดการประชุม", "ดำเนินการจัดการประชุม ").replace(
                              "ควรติดตามผล", "ควรรายงานผู้บริหารทุกไตรมาส").replace("แต่งตั้งคณะทำงาน", "ประชุม"))
    [finding] = _rules(records_builder.root)["copied-from-measure"]
    assert finding.file == "2566/measures/02-copy.toml"
    assert finding.params["field"] == "results" and finding.params["other_order"] == 1


def test_one_short_common_step_is_not_a_copy(records_builder):
    second = (records_builder.root / "2566/measures/01-test.toml").read_text().replace("order = 1", "order = 2")
    second = second.replace('steps = ["แต่งตั้งคณะทำงาน"]', 'steps = ["แต่งตั้งคณะทำงาน", "ประชุมชี้แจงแนวทาง"]')
    second = second.replace("ควรติดตามผล", "ควรรายงานผู้บริหาร")  # an identical whole field would be a copy
    records_builder.write("2566/measures/02-other.toml", second.replace("ประชุมคณะทำงานแล้ว", "เผยแพร่ทางเว็บไซต์"))
    assert "copied-from-measure" not in _rules(records_builder.root)


def test_different_results_are_not_called_copies(records_builder):
    second = (records_builder.root / "2566/measures/01-test.toml").read_text().replace("order = 1", "order = 2")
    second = second.replace("แต่งตั้งคณะทำงาน", "ประชุมชี้แจงแนวทาง").replace("ควรติดตามผล", "ควรรายงานผู้บริหาร")
    records_builder.write("2566/measures/02-other.toml", second.replace(
        "ประชุมคณะทำงานแล้ว", "จัดทำสื่อประชาสัมพันธ์เผยแพร่ทางเว็บไซต์และเฟซบุ๊กของหน่วยงานครบทุกเดือน"))
    assert "copied-from-measure" not in _rules(records_builder.root)


def test_a_phrase_written_twice_in_a_row(records_builder):
    records_builder.measure(**{"ประชุมคณะทำงานแล้ว": "เสนอต่อผู้บังคับบัญชาและผู้บังคับบัญชา"})
    [finding] = _rules(records_builder.root)["repeated-phrase"]
    assert finding.params["phrase"] == "ผู้บังคับบัญชาและผู้บังคับบัญชา"


@pytest.mark.parametrize("text", ["หน่วยงานต่าง ๆ", "นานาชาติ", "ผู้บังคับบัญชาและผู้ใต้บังคับบัญชา", "การประชุมการประเมิน"])
def test_legitimate_repetition_is_not_flagged(records_builder, text):
    records_builder.measure(**{"ประชุมคณะทำงานแล้ว": text})
    assert "repeated-phrase" not in _rules(records_builder.root)


@pytest.mark.parametrize("toml_text, rule", [
    ('"ก\\u001b[2Jข"', "text-control-char"),
    ('"ก\\u202eข"', "text-bidi-control"),
    ('"ก\\u200bข"', "text-zero-width"),
    ('"\u0e48กข"', "text-orphan-mark"),
    ('"กข \u0e49ค"', "text-orphan-mark"),
    ('"ก\u0e48\u0e48ข"', "text-doubled-mark"),
])
def test_text_hygiene_problems_are_reported(records_builder, toml_text, rule):
    records_builder.measure(**{'"มาตรการทดสอบ"': toml_text})
    assert [f.line for f in _rules(records_builder.root)[rule]] == [2]


def test_signatory_missing_from_the_roster_suggests_the_closest(records_builder):
    report = (records_builder.root / "2566/report.toml").read_text()
    records_builder.write("2566/report.toml", report.replace('signatories = ["a"]', 'signatories = ["a", "aa"]'))
    [finding] = _rules(records_builder.root)["unknown-official"]
    assert finding.params["suggestion"] == "a"


def test_evidence_outside_the_records_folder_is_refused(records_builder):
    records_builder.measure(**{"order = 1": 'order = 1\nevidence = ["../../etc/passwd", "/etc/passwd", "https://example.org/a.pdf"]'})
    paths = [f.params["path"] for f in _rules(records_builder.root)["evidence-outside-records"]]
    assert paths == ["../../etc/passwd", "/etc/passwd"]


def test_missing_evidence_file_is_a_warning(records_builder):
    records_builder.measure(**{"order = 1": 'order = 1\nevidence = ["2566/evidence/a.pdf"]'})
    assert [f.params["path"] for f in _rules(records_builder.root)["evidence-missing"]] == ["2566/evidence/a.pdf"]
    records_builder.write_bytes("2566/evidence/a.pdf", b"%PDF-1.4\n")
    assert "evidence-missing" not in _rules(records_builder.root)


def test_quarters_and_status_are_checked(records_builder):
    records_builder.measure(**{'text = "ปีงบประมาณ พ.ศ. ๒๕๖๖"': 'text = "ทั้งปี"\nquarters = [1, 5]',
                               "order = 1": 'order = 1\nstatus = "doen"'})
    found = _rules(records_builder.root)
    assert found["quarter-out-of-range"][0].params["quarter"] == 5
    assert found["unknown-status"][0].params["suggestion"] == "done"


def test_the_shipped_sample_shows_the_seed_problems_and_nothing_else():
    from .conftest import SAMPLE_RECORDS
    report = run_checks(load_records(SAMPLE_RECORDS))
    summary = sorted((f.file.split("/")[-1], f.rule_id) for f in report.findings)
    assert summary == [
        ("01-public-private-interest.toml", "date-outside-fiscal-year"),
        ("02-public-forum.toml", "date-outside-fiscal-year"),
        ("02-public-forum.toml", "other-fiscal-year"),
        ("02-public-forum.toml", "repeated-phrase"),
        ("04-smart-country.toml", "copied-from-measure"),
        ("04-smart-country.toml", "copied-from-measure"),
        ("report.toml", "memo-number-blank"),
    ]


def test_results_copied_with_a_word_changed_are_still_found(records_builder):
    results = ('[[results]]\ntext = "จัดประชุมคณะทำงานเพื่อจัดทำมาตรการส่งเสริมคุณธรรมและความโปร่งใสของหน่วยงาน'
               'และวิเคราะห์ความเสี่ยงการทุจริตประจำปี"\n')
    records_builder.measure(extra=results)
    second = (records_builder.root / "2566/measures/01-test.toml").read_text().replace("order = 1", "order = 2")
    second = second.replace("จัดประชุมคณะทำงานเพื่อจัดทำ", "จัดประชุมคณะกรรมการเพื่อจัดทำ").replace(
        "ควรติดตามผล", "ควรรายงานผู้บริหารทุกไตรมาส").replace("แต่งตั้งคณะทำงาน", "ประชุม")
    records_builder.write("2566/measures/02-copy.toml", second)
    [finding] = _rules(records_builder.root)["copied-from-measure"]
    assert finding.params["field"] == "results" and 90 <= finding.params["percent"] < 100
