"""Results against the calendar: after the memo, outside the plan, and plans whose time ran out (late)."""

from __future__ import annotations

import datetime as dt

from ita_tui.check import run_checks
from ita_tui.model.findings import Severity
from ita_tui.store import load_records

AFTER_THE_YEAR = dt.date(2026, 11, 30)  # the sample's year is over: it is judged on its memo date, 2 Feb 2023


def _found(root, rule_id: str, today: dt.date = AFTER_THE_YEAR) -> list:
    return [f for f in run_checks(load_records(root), today=today).findings if f.rule_id == rule_id]


def _dated_result(date: str, text: str = "ประชุมคณะทำงานแล้ว") -> dict[str, str]:
    return {'text = "ประชุมคณะทำงานแล้ว"': f'text = "{text}"\ndate = {date}'}


def test_a_result_dated_after_the_memo_is_an_error_on_its_date_line(records_builder):
    records_builder.measure(**_dated_result("2023-03-15"))
    [finding] = _found(records_builder.root, "result-after-memo")
    assert finding.severity is Severity.ERROR and finding.params == {"date": "2023-03-15", "memo": "2023-02-02"}
    assert finding.line == 12  # the `date = ` line, not the [[results]] header


def test_a_result_whose_text_names_a_later_month_is_reported_at_that_month(records_builder):
    records_builder.measure(**{"ประชุมคณะทำงานแล้ว": "ประชุมแล้วเมื่อมีนาคม ๒๕๖๖"})
    [finding] = _found(records_builder.root, "result-after-memo")
    assert finding.params["date"] == "มีนาคม ๒๕๖๖"
    assert (finding.line, finding.col) == (11, 8 + len("ประชุมแล้วเมื่อ") + 1)


def test_results_on_or_before_the_memo_date_are_not_after_it(records_builder):
    records_builder.measure(**_dated_result("2023-02-02", "ประชุมแล้วเมื่อมกราคม ๒๕๖๖"))
    assert _found(records_builder.root, "result-after-memo") == []


def test_a_result_after_the_fiscal_year_is_only_outside_the_year_not_also_after_the_memo(records_builder):
    records_builder.measure(**_dated_result("2023-10-15"))
    assert _found(records_builder.root, "result-after-memo") == []
    assert [f.rule_id for f in _found(records_builder.root, "date-outside-fiscal-year")] == [
        "date-outside-fiscal-year"]


def _planned(quarters: str = "", extra: str = "") -> dict[str, str]:
    return {'text = "ปีงบประมาณ พ.ศ. ๒๕๖๖"': f'text = "ปีงบประมาณ พ.ศ. ๒๕๖๖"\n{quarters}{extra}'}


def test_a_result_outside_the_planned_quarters_is_a_note(records_builder):
    records_builder.measure(**_planned("quarters = [2]\n"), **_dated_result("2022-11-15"))
    [finding] = _found(records_builder.root, "result-outside-plan")
    assert finding.severity is Severity.INFO and finding.params["quarter"] == 1 and finding.params["plan"] == "Q2"


def test_a_result_outside_the_planned_dates_is_a_note(records_builder):
    records_builder.measure(**_planned(extra="start = 2022-12-01\nend = 2022-12-31\n"),
                            **_dated_result("2022-11-15"))
    [finding] = _found(records_builder.root, "result-outside-plan")
    assert finding.params["plan"] == "2022-12-01–2022-12-31"


def test_a_result_inside_its_plan_or_in_an_unplanned_measure_is_no_note(records_builder):
    records_builder.measure(**_planned("quarters = [1, 2]\n"), **_dated_result("2022-11-15"))
    assert _found(records_builder.root, "result-outside-plan") == []
    records_builder.measure(**_dated_result("2022-11-15"))
    assert _found(records_builder.root, "result-outside-plan") == []


def _no_result(quarters: str) -> dict[str, str]:
    return {**_planned(quarters), 'text = "ประชุมคณะทำงานแล้ว"': 'text = ""'}


def test_a_measure_whose_quarters_ended_before_the_memo_with_no_result_is_late(records_builder):
    records_builder.measure(**_no_result("quarters = [1]\n"))  # Q1 ended 31 Dec 2022; memo 2 Feb 2023
    [finding] = _found(records_builder.root, "measure-late")
    assert finding.severity is Severity.WARNING and finding.params["end"] == "2022-12-31"
    assert finding.line == 9  # the quarters line


def test_a_measure_is_not_late_before_its_last_quarter_ends(records_builder):
    records_builder.measure(**_no_result("quarters = [1, 2]\n"))  # Q2 runs to 31 Mar 2023
    assert _found(records_builder.root, "measure-late") == []


def test_a_running_year_is_judged_today_not_on_its_memo_date(records_builder):
    records_builder.measure(**_no_result("quarters = [2]\n"))
    assert _found(records_builder.root, "measure-late", today=dt.date(2023, 3, 31)) == []
    assert len(_found(records_builder.root, "measure-late", today=dt.date(2023, 4, 1))) == 1


def test_a_measure_with_a_result_or_without_a_plan_is_never_late(records_builder):
    records_builder.measure(**_planned("quarters = [1]\n"))
    assert _found(records_builder.root, "measure-late") == []
    records_builder.measure(**{'text = "ประชุมคณะทำงานแล้ว"': 'text = ""'})
    assert _found(records_builder.root, "measure-late") == []


def test_the_shipped_sample_has_no_timeline_findings(sample_records):
    for rule_id in ("result-after-memo", "result-outside-plan", "measure-late"):
        assert _found(sample_records, rule_id) == []


def test_a_finished_year_without_a_memo_date_has_no_day_to_be_late_on(records_builder):
    records_builder.write("2566/report.toml", (records_builder.root / "2566/report.toml").read_text(
        encoding="utf-8").replace("date = 2023-02-02\n", ""))
    records_builder.measure(**_no_result("quarters = [1]\n"))
    assert _found(records_builder.root, "measure-late") == []
    assert len(_found(records_builder.root, "measure-late", today=dt.date(2023, 1, 2))) == 1  # while it runs
