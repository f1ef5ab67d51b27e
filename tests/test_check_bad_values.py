"""Bad values and broken files give exactly the findings a reader needs: one per problem, at its line."""

from __future__ import annotations

import os

import pytest

from ita_tui.check import run_checks
from ita_tui.model.findings import Severity
from ita_tui.store import load_records

MEASURE = "2566/measures/01-test.toml"


def _findings(root):
    return run_checks(load_records(root)).findings


def _rules(root) -> list[tuple[str, str, int]]:
    return [(f.rule_id, f.file, f.line) for f in _findings(root)]


@pytest.mark.parametrize("line, rule", [
    ("order = -3", "order-not-positive"),
    ("order = 0", "order-not-positive"),
])
def test_zero_or_negative_order_is_an_error(records_builder, line, rule):
    records_builder.measure(**{"order = 1": line})
    found = [f for f in _findings(records_builder.root) if f.rule_id == rule]
    assert [(f.severity, f.line) for f in found] == [(Severity.ERROR, 1)]


def test_negative_budget_is_an_error_and_zero_is_not(records_builder):
    records_builder.measure(**{'recommendation = "ควรติดตามผล"': 'recommendation = "ควรติดตามผล"\nbudget = -3'})
    found = [f for f in _findings(records_builder.root) if f.rule_id == "budget-negative"]
    assert [(f.severity, f.line, f.params["amount"]) for f in found] == [(Severity.ERROR, 6, -3)]
    records_builder.measure(**{'recommendation = "ควรติดตามผล"': 'recommendation = "ควรติดตามผล"\nbudget = 0'})
    assert [f for f in _findings(records_builder.root) if f.rule_id == "budget-negative"] == []


def test_a_negative_amount_in_a_budget_table_is_an_error(records_builder):
    records_builder.measure(extra="\n[budget]\namount = -500.5\nnote = \"งบ\"\n")
    found = [f for f in _findings(records_builder.root) if f.rule_id == "budget-negative"]
    assert [f.line for f in found] == [14]


def test_a_score_of_the_wrong_type_is_reported_once_as_a_type_mismatch(records_builder):
    text = (records_builder.root / "2566/report.toml").read_text(encoding="utf-8")
    records_builder.write("2566/report.toml", text.replace("score = 80.5", 'score = "eighty"'))
    found = [(f.rule_id, f.key_path) for f in _findings(records_builder.root)]
    assert found == [("type-mismatch", ("previous_ita", "score"))]


@pytest.mark.parametrize("relative", ["2566/report.toml", "agency.toml"])
def test_a_file_that_does_not_parse_is_one_finding(records_builder, relative):
    text = (records_builder.root / relative).read_text(encoding="utf-8")
    records_builder.write(relative, text.replace('"ทดสอบ ระบบ"', '"ทดสอบ ระบบ').replace('"รายงาน"', '"รายงาน'))
    assert [(rule, file) for rule, file, _ in _rules(records_builder.root)] == [("file-toml-syntax", relative)]


def test_a_quoted_unknown_key_is_reported_at_its_own_line(records_builder):
    records_builder.measure(**{"order = 1": 'order = 1\n"ผู้\\u0e15รวจ" = "ก"'})
    found = [f for f in _findings(records_builder.root) if f.rule_id == "unknown-key"]
    assert [(f.params["key"], f.line, f.col) for f in found] == [("ผู้ตรวจ", 2, 1)]


def test_a_quoted_unknown_key_inside_a_table_is_reported_at_its_own_line(records_builder):
    records_builder.measure(extra='\n[[results]]\ntext = "ข"\n"วัน\\tที่" = 2023-01-01\n')
    found = [f for f in _findings(records_builder.root) if f.rule_id == "unknown-key"]
    assert [(f.line, f.col) for f in found] == [(15, 1)]


def test_an_unclosed_multi_line_string_is_placed_where_it_opens(records_builder):
    records_builder.measure(extra='\nnote = """\nไม่ได้ปิด\nจนจบไฟล์\n')
    (finding,) = _findings(records_builder.root)
    assert (finding.rule_id, finding.line, finding.col) == ("file-toml-syntax", 13, 8)


def test_an_error_at_the_end_of_the_document_is_placed_on_the_last_line(records_builder):
    records_builder.measure(extra="\n[timeline2]\nquarters = [1, 2,\n  3")
    (finding,) = _findings(records_builder.root)
    assert finding.rule_id == "file-toml-syntax"
    assert (finding.line, finding.col) == (15, 4)


def test_a_line_of_equals_signs_inside_a_multi_line_string_is_not_a_merge_conflict(records_builder):
    records_builder.measure(**{'recommendation = "ควรติดตามผล"':
                               'recommendation = """\nหัวข้อ\n=======\n>>>>>>> ลูกศร\nเนื้อหา"""'})
    assert "file-merge-conflict" not in [rule for rule, _, _ in _rules(records_builder.root)]


def test_a_lone_separator_line_outside_strings_is_not_a_conflict_either(records_builder):
    records_builder.measure(extra="\n=======\n")
    rules = [rule for rule, _, _ in _rules(records_builder.root)]
    assert rules == ["file-toml-syntax"]


def test_a_real_conflict_is_still_named_at_its_first_marker(records_builder):
    records_builder.measure(**{'title = "มาตรการทดสอบ"':
                               '<<<<<<< HEAD\ntitle = "ของฉัน"\n=======\ntitle = "ของเขา"\n>>>>>>> other'})
    assert ("file-merge-conflict", MEASURE, 2) in _rules(records_builder.root)


def test_an_evidence_symlink_out_of_the_records_folder_is_flagged(records_builder, tmp_path):
    outside = tmp_path / "secret.pdf"
    outside.write_bytes(b"%PDF-1.4\n")
    (records_builder.root / "2566/evidence").mkdir(parents=True)
    os.symlink(outside, records_builder.root / "2566/evidence/report.pdf")
    records_builder.measure(**{'recommendation = "ควรติดตามผล"':
                               'recommendation = "ควรติดตามผล"\nevidence = ["2566/evidence/report.pdf"]'})
    found = [f for f in _findings(records_builder.root) if f.rule_id == "evidence-outside-records"]
    assert [(f.file, f.line) for f in found] == [(MEASURE, 6)]
