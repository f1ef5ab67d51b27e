"""Progress through the year: each measure's state on a given day, `ita status`, and the app's columns."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from ita_tui.cli import main
from ita_tui.model.progress import State, measure_progress, reference_day, year_progress
from ita_tui.model.records import FiscalYear, Measure, Memo, Result, Timeline
from ita_tui.store import load_records

FY = 2566  # 1 Oct 2022 – 30 Sep 2023; Q1 ends 31 Dec 2022, Q2 31 Mar 2023, Q3 30 Jun 2023


def _measure(quarters=(), results=(), status="", end=None) -> Measure:
    return Measure(order=1, title="มาตรการ", timeline=Timeline(text="ตลอดปี", quarters=list(quarters), end=end),
                   results=[Result(text) for text in results], status=status)


@pytest.mark.parametrize("measure, day, state", [
    (_measure(quarters=[1]), dt.date(2022, 12, 31), State.PLANNED),  # the last planned day: not yet late
    (_measure(quarters=[1]), dt.date(2023, 1, 1), State.LATE),
    (_measure(quarters=[1, 3]), dt.date(2023, 1, 1), State.PLANNED),  # Q3 is still ahead
    (_measure(end=dt.date(2023, 2, 1)), dt.date(2023, 2, 2), State.LATE),
    (_measure(quarters=[2], results=["ประชุมแล้ว"]), dt.date(2023, 2, 1), State.IN_PROGRESS),
    (_measure(quarters=[2], results=["ประชุมแล้ว"]), dt.date(2023, 4, 1), State.DONE),
    (_measure(quarters=[1], status="in-progress"), dt.date(2022, 11, 1), State.IN_PROGRESS),
    (_measure(quarters=[1], status="done"), dt.date(2023, 4, 1), State.DONE),
    (_measure(quarters=[1], status="cancelled"), dt.date(2023, 4, 1), State.CANCELLED),
    (_measure(results=["  "]), dt.date(2023, 2, 1), State.PLANNED),  # a blank result is no result
    (_measure(), dt.date(2023, 9, 1), State.PLANNED),  # no plan: the whole year is its plan
])
def test_a_measures_state_on_a_day(measure, day, state):
    assert measure_progress(measure, FY, day).state is state


def test_a_year_in_progress_is_judged_today_a_past_one_on_its_memo_date():
    year = FiscalYear(FY, memo=Memo(date=dt.date(2023, 2, 2)))
    assert reference_day(year, dt.date(2023, 5, 1)) == dt.date(2023, 5, 1)
    assert reference_day(year, dt.date(2026, 11, 30)) == dt.date(2023, 2, 2)
    assert reference_day(FiscalYear(FY), dt.date(2026, 11, 30)) == dt.date(2023, 10, 1)  # after the year
    assert reference_day(FiscalYear(FY), dt.date(2021, 1, 1)) == dt.date(2021, 1, 1)  # before it starts


def test_year_totals_count_each_state():
    year = FiscalYear(FY, measures=[_measure(quarters=[1]), _measure(quarters=[1], results=["ทำแล้ว"]),
                                    _measure(quarters=[4])])
    totals = year_progress(year, dt.date(2023, 1, 15)).totals
    assert totals == {"planned": 1, "in-progress": 0, "done": 1, "late": 1, "cancelled": 0}


def _late_records(records_builder):
    """One measure planned for Q1 with no result, one with a result: judged on the memo date (2 Feb 2023)."""
    records_builder.measure(**{'text = "ประชุมคณะทำงานแล้ว"': 'text = ""', 'text = "ปีงบประมาณ พ.ศ. ๒๕๖๖"':
                               'text = "ปีงบประมาณ พ.ศ. ๒๕๖๖"\nquarters = [1]'})
    second = (records_builder.root / "2566/measures/01-test.toml").read_text(encoding="utf-8")
    records_builder.write("2566/measures/02-done.toml", second.replace("order = 1", "order = 2").replace(
        'text = ""', 'text = "ประชุมแล้ว"').replace("มาตรการทดสอบ", "มาตรการที่สอง"))
    return records_builder.root


def test_ita_status_lists_each_measure_then_totals(records_builder, capsys):
    root = _late_records(records_builder)
    assert main(["status", "2566", "--records", str(root), "--lang", "en"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0] == "Fiscal year 2566: progress as of 2023-02-02"
    assert lines[2].split()[:4] == ["1", "LATE", "Q1", "0"] and lines[2].endswith("มาตรการทดสอบ")
    assert lines[3].split()[:4] == ["2", "done", "Q1", "1"] and lines[3].endswith("มาตรการที่สอง")
    assert lines[-1] == "2 measures: planned 0 · in progress 0 · done 1 · LATE 1"


def test_ita_status_as_json(records_builder, capsys):
    root = _late_records(records_builder)
    assert main(["status", "--records", str(root), "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["fiscal_year"] == 2566 and data["as_of"] == "2023-02-02"
    assert [(m["order"], m["quarters"], m["results"], m["state"]) for m in data["measures"]] == [
        (1, [1], 0, "late"), (2, [1], 1, "done")]
    assert data["totals"]["late"] == 1 and data["totals"]["done"] == 1


def test_ita_status_in_thai_and_for_a_missing_year(records_builder, capsys):
    root = _late_records(records_builder)
    assert main(["status", "2566", "--records", str(root), "--lang", "th"]) == 0
    out = capsys.readouterr().out
    assert "ล่าช้า!" in out and out.splitlines()[-1].startswith("รวม 2 มาตรการ")
    assert main(["status", "2599", "--records", str(root), "--lang", "en"]) == 2
    assert "2599" in capsys.readouterr().err


async def test_the_year_screen_and_the_overview_show_progress_without_colour(records_builder, tmp_path,
                                                                             monkeypatch):
    from ita_tui.tui import clock
    from ita_tui.tui.app import ItaApp
    from ita_tui.tui.screens.year import YearScreen

    root = _late_records(records_builder)
    monkeypatch.setattr(clock, "today", lambda: dt.date(2023, 2, 10))  # the year is running: judged today
    app = ItaApp(root, "en", out_root=tmp_path / "out")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        years = app.screen.query_one("#years")
        assert str(years.get_cell_at((0, years.get_column_index("col.done-late")))) == "1/1"
        app.push_screen(YearScreen(2566))
        await pilot.pause()
        table = app.screen.query_one("#measures")
        column = table.get_column_index("progress")
        assert [str(table.get_cell_at((row, column))) for row in range(2)] == ["LATE", "done"]


def test_the_shipped_sample_is_in_progress_on_its_memo_date(sample_records):
    year = load_records(sample_records).records.years[2566]
    progress = year_progress(year, dt.date(2026, 11, 30))
    assert progress.day == dt.date(2023, 2, 2) and progress.count(State.IN_PROGRESS) == 4


def test_the_app_reports_a_late_measure_like_ita_check_does(records_builder):
    from ita_tui.check import run_checks
    from ita_tui.tui.session import Session

    session = Session(_late_records(records_builder))  # the app's incremental check
    assert [f.file for f in session.findings if f.rule_id == "measure-late"] == ["2566/measures/01-test.toml"]
    assert [f.file for f in run_checks(session.store).findings if f.rule_id == "measure-late"] == [
        "2566/measures/01-test.toml"]
