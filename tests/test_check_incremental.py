"""The app re-checks only what changed, and gets exactly what a full `ita check` would find."""

from __future__ import annotations

import copy
import shutil

import pytest

from ita_tui.check import run_checks
from ita_tui.model.records import Result
from ita_tui.store.edit import create_measure, delete_measure
from ita_tui.tui.session import Session

MEASURE_1 = "2566/measures/01-public-private-interest.toml"
MEASURE_2 = "2566/measures/02-public-forum.toml"


def _as_compared(findings) -> list[tuple]:
    return sorted((f.rule_id, f.severity.value, f.file, tuple(map(str, f.key_path)), repr(sorted(f.params.items())),
                   f.line, f.col, f.message) for f in findings)


def _same_as_a_full_check(session: Session) -> None:
    assert _as_compared(session.findings) == _as_compared(run_checks(session.store).findings)


@pytest.fixture
def messy_records(sample_records):
    """The sample with a second year and one of every kind of trouble the rules compare across files."""
    shutil.copytree(sample_records / "2566", sample_records / "2565")
    report = sample_records / "2565" / "report.toml"
    report.write_text(report.read_text(encoding="utf-8").replace("fiscal_year = 2566", "fiscal_year = 2565", 1),
                      encoding="utf-8")
    measures = sample_records / "2566" / "measures"
    copied = (measures / "01-public-private-interest.toml").read_text(encoding="utf-8")
    (measures / "05-copy.toml").write_text(copied.replace("order = 1", "order = 5", 1), encoding="utf-8")
    (measures / "06-same-order.toml").write_text(
        copied.replace("order = 1", 'order = 2\nevidence = ["evidence/missing.pdf"]', 1), encoding="utf-8")
    (measures / "07-broken.toml").write_text('order = 7\ntitle = "unterminated\n', encoding="utf-8")
    agency = sample_records / "agency.toml"
    agency.write_text(agency.read_text(encoding="utf-8") +
                      '\n[[officials]]\nid = "boonyada"\nname = ""\nposition = "ซ้ำ\u200b"\n', encoding="utf-8")
    return sample_records


def test_loading_finds_what_a_full_check_finds(messy_records):
    session = Session(messy_records)
    rules = {f.rule_id for f in session.findings}
    assert {"copied-from-measure", "duplicate-order", "evidence-missing", "file-toml-syntax", "duplicate-id",
            "required-missing", "date-outside-fiscal-year"} <= rules
    _same_as_a_full_check(session)


def test_after_each_kind_of_edit_the_findings_are_a_full_checks(messy_records):
    session = Session(messy_records)
    year = session.records.years[2566]

    first = copy.deepcopy(next(m for m in year.measures if m.origin.file == MEASURE_1))
    first.results.append(Result("ดำเนินการแล้วเมื่อ ๑ มกราคม ๒๕๖๐"))  # a date outside the year
    first.title = ""
    session.update_measure(first)
    session.recheck()
    _same_as_a_full_check(session)

    second = copy.deepcopy(next(m for m in year.measures if m.origin.file == MEASURE_2))
    second.results = copy.deepcopy(first.results)  # now copies measure 1's results
    session.update_measure(second)
    session.recheck()
    _same_as_a_full_check(session)

    memo_year = copy.deepcopy(session.records.years[2566])
    memo_year.memo.subject = ""
    memo_year.measures = session.records.years[2566].measures
    session.update_memo(memo_year)
    session.recheck()
    _same_as_a_full_check(session)

    added = create_measure(session.store, 2566, title="ใหม่")
    session.recheck()
    _same_as_a_full_check(session)

    delete_measure(session.store, next(m for m in session.records.years[2566].measures
                                       if m.origin.file.endswith("05-copy.toml")))
    session.recheck()
    _same_as_a_full_check(session)

    outcome = session.save_all()
    assert MEASURE_1 in outcome.saved
    session.recheck()
    _same_as_a_full_check(session)

    (messy_records / MEASURE_2).write_text((messy_records / MEASURE_2).read_text(encoding="utf-8") + "\n[[bad",
                                           encoding="utf-8")
    session.reload(MEASURE_2)
    _same_as_a_full_check(session)
    assert added.origin.file in {m.origin.file for m in session.records.years[2566].measures}


def test_an_edit_rechecks_one_file_and_its_year_only(messy_records):
    session = Session(messy_records)
    other_year = session.checks._year_findings[2565]
    measure = copy.deepcopy(session.records.years[2566].measures[0])
    measure.title = "ชื่อใหม่"
    session.update_measure(measure)
    session.recheck()
    assert (session.checks.files_checked, session.checks.years_checked) == (1, 1)
    assert session.checks._year_findings[2565] is other_year


def test_nothing_changed_nothing_checked(messy_records):
    session = Session(messy_records)
    session.recheck()
    assert (session.checks.files_checked, session.checks.years_checked) == (0, 0)


def test_a_save_rechecks_only_the_saved_file(messy_records):
    """Saving moves no finding's text, but the positions are re-read from the saved file."""
    session = Session(messy_records)
    measure = copy.deepcopy(session.records.years[2566].measures[0])
    measure.steps.insert(0, "ขั้นตอนแรกที่เพิ่มเข้ามา")
    session.update_measure(measure)
    session.recheck()
    assert session.save_all().saved == [measure.origin.file]
    session.recheck()
    assert (session.checks.files_checked, session.checks.years_checked) == (1, 1)
    _same_as_a_full_check(session)


def test_a_second_start_with_nothing_changed_checks_nothing(messy_records, tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    first = Session(messy_records, use_cache=True)
    assert first.checks.years_checked == 2
    second = Session(messy_records, use_cache=True)
    assert second.checks.years_checked == 0
    assert _as_compared(second.findings) == _as_compared(first.findings)
    _same_as_a_full_check(second)


def test_a_start_rechecks_the_year_whose_file_changed_and_looks_for_evidence_again(messy_records, tmp_path,
                                                                                  monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    Session(messy_records, use_cache=True)
    measure = messy_records / "2565" / "measures" / "02-public-forum.toml"
    measure.write_text(measure.read_text(encoding="utf-8").replace("order = 2", "order = 1", 1), encoding="utf-8")
    (messy_records / "evidence").mkdir()
    (messy_records / "evidence" / "missing.pdf").write_bytes(b"%PDF")
    again = Session(messy_records, use_cache=True)
    assert again.checks.years_checked == 1
    assert "evidence-missing" not in {f.rule_id for f in again.findings}
    _same_as_a_full_check(again)


def test_new_checker_code_makes_the_kept_findings_stale(messy_records, tmp_path, monkeypatch):
    from ita_tui.check import incremental

    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    Session(messy_records, use_cache=True)
    monkeypatch.setattr(incremental, "code_fingerprint", lambda: "a changed rule")
    assert Session(messy_records, use_cache=True).checks.years_checked == 2
