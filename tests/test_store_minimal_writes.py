"""A save writes only what the user changed: no added keys, no reformatted neighbours, nothing for a no-op."""

from __future__ import annotations

import difflib

from ita_tui.model.records import Result
from ita_tui.tui.session import Session

MEASURE = "2566/measures/01-test.toml"
REPORT = "2566/report.toml"

BARE_MEASURE = 'title = "มาตรการ"\nsteps = ["ก"]\n'


def _measure(session: Session):
    return session.records.years[2566].measures[0]


def _changed_lines(before: str, after: str) -> list[str]:
    return [line for line in difflib.ndiff(before.splitlines(), after.splitlines()) if line[:1] in "+-"]


def test_a_no_edit_save_of_a_measure_without_order_or_timeline_writes_nothing(records_builder):
    path = records_builder.write(MEASURE, BARE_MEASURE)
    session = Session(records_builder.root)
    session.update_measure(_measure(session))
    assert session.save_all().saved == []
    assert path.read_text(encoding="utf-8") == BARE_MEASURE


def test_editing_only_the_title_adds_no_order_and_no_timeline(records_builder):
    path = records_builder.write(MEASURE, BARE_MEASURE)
    session = Session(records_builder.root)
    measure = _measure(session)
    measure.title = "ชื่อใหม่"
    session.update_measure(measure)
    session.save_all()
    assert path.read_text(encoding="utf-8") == BARE_MEASURE.replace("มาตรการ", "ชื่อใหม่")


def test_moving_a_measure_without_order_still_writes_its_new_order(records_builder):
    path = records_builder.write(MEASURE, BARE_MEASURE)
    session = Session(records_builder.root)
    measure = _measure(session)
    measure.order = 5
    session.update_measure(measure)
    session.save_all()
    assert "order = 5" in path.read_text(encoding="utf-8")


def test_a_no_edit_save_of_a_report_without_memo_tables_writes_nothing(records_builder):
    path = records_builder.write(REPORT, "fiscal_year = 2566\n")
    session = Session(records_builder.root)
    session.update_memo(session.records.years[2566])
    assert session.save_all().saved == []
    assert path.read_text(encoding="utf-8") == "fiscal_year = 2566\n"


def test_ticking_a_signatory_off_and_on_again_writes_nothing(records_builder):
    text = records_builder.root.joinpath(REPORT).read_text(encoding="utf-8").replace(
        'signatories = ["a"]', 'signatories = ["a", "b"]')
    path = records_builder.write(REPORT, text)
    session = Session(records_builder.root)
    year = session.records.years[2566]
    year.memo.signatories = ["a"]
    session.update_memo(year)
    year.memo.signatories = ["a", "b"]
    session.update_memo(year)
    assert session.save_all().saved == []
    assert path.read_text(encoding="utf-8") == text


def test_removing_a_signatory_keeps_the_array_on_one_line(records_builder):
    text = records_builder.root.joinpath(REPORT).read_text(encoding="utf-8").replace(
        'signatories = ["a"]', 'signatories = ["a", "b", "c"]')
    path = records_builder.write(REPORT, text)
    session = Session(records_builder.root)
    year = session.records.years[2566]
    year.memo.signatories = ["a", "c"]
    session.update_memo(year)
    session.save_all()
    assert _changed_lines(text, path.read_text(encoding="utf-8")) == [
        '- signatories = ["a", "b", "c"]', '+ signatories = ["a", "c"]']


THREE_RESULTS = """\
order = 1
title = "มาตรการ"

[[results]]
text = "หนึ่ง"

[[results]]
text = "สอง"

[[results]]
text = "สาม"
"""


def test_inserting_a_result_keeps_the_blank_lines_between_untouched_tables(records_builder):
    path = records_builder.write(MEASURE, THREE_RESULTS)
    session = Session(records_builder.root)
    measure = _measure(session)
    measure.results.insert(1, Result("หนึ่งครึ่ง"))
    session.update_measure(measure)
    session.save_all()
    assert path.read_text(encoding="utf-8") == THREE_RESULTS.replace(
        '[[results]]\ntext = "สอง"', '[[results]]\ntext = "หนึ่งครึ่ง"\n\n[[results]]\ntext = "สอง"')


def test_appending_a_result_separates_it_with_a_blank_line_like_the_others(records_builder):
    path = records_builder.write(MEASURE, THREE_RESULTS)
    session = Session(records_builder.root)
    measure = _measure(session)
    measure.results.append(Result("สี่"))
    session.update_measure(measure)
    session.save_all()
    assert path.read_text(encoding="utf-8") == THREE_RESULTS + '\n[[results]]\ntext = "สี่"\n'


def test_deleting_the_trailing_results_leaves_one_newline_at_the_end(records_builder):
    path = records_builder.write(MEASURE, THREE_RESULTS)
    session = Session(records_builder.root)
    measure = _measure(session)
    del measure.results[1:]
    session.update_measure(measure)
    session.save_all()
    assert path.read_text(encoding="utf-8") == THREE_RESULTS.split('\n[[results]]\ntext = "สอง"')[0]


def test_deleting_a_middle_result_removes_only_its_lines(records_builder):
    path = records_builder.write(MEASURE, THREE_RESULTS)
    session = Session(records_builder.root)
    measure = _measure(session)
    del measure.results[1]
    session.update_measure(measure)
    session.save_all()
    assert path.read_text(encoding="utf-8") == THREE_RESULTS.replace('[[results]]\ntext = "สอง"\n\n', "")


def test_a_store_save_whose_values_equal_the_loaded_ones_writes_nothing(records_builder):
    text = "order = 1\ntitle = 'มาตรการ'\n"
    path = records_builder.write(MEASURE, text)
    from ita_tui.store import load_records

    store = load_records(records_builder.root)
    store.set_value(MEASURE, ("title",), "มาตรการ")  # same value, other quoting
    assert store.is_modified(MEASURE) is False
    assert store.save(MEASURE) is False
    assert path.read_text(encoding="utf-8") == text
