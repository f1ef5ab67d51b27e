"""The app starts on a large records folder without reading the years that did not change since the last
run: they are listed from their shelves (summary and findings), and read when the user opens one. Nothing
it shows may differ from what reading everything would show."""

from __future__ import annotations

import dataclasses
import datetime as dt
import os
import shutil
import time

import pytest

from ita_tui.check import run_checks
from ita_tui.model.summary import summarize_year
from ita_tui.store import load_records
from ita_tui.store.cache import RACY_SECONDS
from ita_tui.tui.session import Session
from tests.test_check_incremental import _as_compared, messy_records  # noqa: F401 (a fixture)

MEASURE = "2565/measures/02-public-forum.toml"


def _age_everything(root) -> None:
    old = time.time() - RACY_SECONDS - 60
    for path in root.rglob("*"):
        os.utime(path, (old, old), follow_symlinks=False)


def _full_check(root) -> list[tuple]:
    return _as_compared(run_checks(load_records(root)).findings)


@pytest.fixture
def aged(messy_records, tmp_path, monkeypatch):
    """The messy records, old enough to be trusted, after one start has shelved their years."""
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    _age_everything(messy_records)
    first = Session(messy_records, use_cache=True)
    assert first.records.years.unread() == []  # nothing shelved yet: everything read and checked
    return messy_records


def test_a_start_with_nothing_changed_reads_no_year_and_finds_the_same(aged):
    session = Session(aged, use_cache=True)
    assert session.records.years.unread() == [2565, 2566]
    assert session.store.sources.keys() == {"agency.toml"}
    assert _as_compared(session.findings) == _full_check(aged)


def test_the_overview_numbers_of_a_year_not_read_are_the_years_own(aged):
    session = Session(aged, use_cache=True)
    today = dt.date.today()
    shelved = {year: session.year_summary(year, today) for year in (2565, 2566)}
    assert session.records.years.unread() == [2565, 2566]
    for fiscal_year, summary in shelved.items():
        read = summarize_year(load_records(aged).records.years[fiscal_year], today)
        assert dataclasses.replace(summary, places=()) == dataclasses.replace(read, places=())
        assert set(summary.places) <= set(read.places)  # kept only for the measures with findings


def test_opening_a_year_reads_it_and_keeps_the_findings_whole(aged):
    session = Session(aged, use_cache=True)
    year = session.records.years[2566]
    assert session.records.years.unread() == [2565]
    assert len(year.measures) == 7 - 1  # 07-broken.toml does not load
    assert "2566/measures/01-public-private-interest.toml" in session.store.sources
    assert session.checks.years_checked == 0  # its findings came from the cache, not from the rules
    assert _as_compared(session.findings) == _full_check(aged)


def test_a_year_whose_file_changed_is_read_at_the_start(aged):
    measure = aged / MEASURE
    measure.write_text(measure.read_text(encoding="utf-8").replace("order = 2", "order = 1", 1), encoding="utf-8")
    old = time.time() - RACY_SECONDS - 30
    os.utime(measure, (old, old))
    session = Session(aged, use_cache=True)
    assert session.records.years.unread() == [2566]
    assert session.records.years.is_read(2565)
    assert _as_compared(session.findings) == _full_check(aged)


def test_a_file_changed_unseen_within_the_racy_window_is_not_trusted(aged):
    """A file saved in the second before its year was shelved may change again with the same size and
    time (coarse file-system clocks): such a shelf is never trusted."""
    measure = aged / MEASURE
    measure.write_text(measure.read_text(encoding="utf-8").replace("order = 2", "order = 3", 1), encoding="utf-8")
    Session(aged, use_cache=True)  # reads 2565 (changed) and shelves it, the file's time within the window
    status = measure.stat()
    measure.write_text(measure.read_text(encoding="utf-8").replace("order = 3", "order = 1", 1), encoding="utf-8")
    os.utime(measure, ns=(status.st_atime_ns, status.st_mtime_ns))  # same size, same time: unseen by stat
    session = Session(aged, use_cache=True)
    assert session.records.years.is_read(2565)
    assert _as_compared(session.findings) == _full_check(aged)


def test_a_new_or_removed_measure_file_makes_its_year_read(aged):
    (aged / "2565" / "measures" / "03-integrity-measures-risk.toml").unlink()
    session = Session(aged, use_cache=True)
    assert session.records.years.unread() == [2566]
    assert _as_compared(session.findings) == _full_check(aged)


def test_evidence_that_appeared_makes_its_year_read_and_the_finding_go(aged):
    assert "evidence-missing" in {f.rule_id for f in Session(aged, use_cache=True).findings}
    (aged / "evidence").mkdir()
    (aged / "evidence" / "missing.pdf").write_bytes(b"%PDF")
    session = Session(aged, use_cache=True)
    assert session.records.years.unread() == [2565]
    assert "evidence-missing" not in {f.rule_id for f in session.findings}


def test_a_changed_agency_makes_every_year_read(aged):
    agency = aged / "agency.toml"
    agency.write_text(agency.read_text(encoding="utf-8") + "\n# a comment\n", encoding="utf-8")
    session = Session(aged, use_cache=True)
    assert session.records.years.unread() == []


def test_a_new_day_reads_only_the_year_that_runs(messy_records, tmp_path, monkeypatch):
    """Progress and late measures are judged on today only while a year runs; a finished year's summary
    holds from one day to the next."""
    from ita_tui.store import shelf

    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    shutil.copytree(messy_records / "2566", messy_records / "2567")  # runs 1 Oct 2023 – 30 Sep 2024
    report = messy_records / "2567" / "report.toml"
    report.write_text(report.read_text(encoding="utf-8").replace("fiscal_year = 2566", "fiscal_year = 2567", 1)
                      .replace("date = ", "# date = "), encoding="utf-8")
    _age_everything(messy_records)
    monkeypatch.setattr(shelf, "today", lambda: dt.date(2024, 3, 1))
    Session(messy_records, use_cache=True)
    assert Session(messy_records, use_cache=True).records.years.unread() == [2565, 2566, 2567]
    monkeypatch.setattr(shelf, "today", lambda: dt.date(2024, 3, 2))
    session = Session(messy_records, use_cache=True)
    assert session.records.years.unread() == [2565, 2566]
    assert session.checks.years_checked == 1


def test_new_code_makes_every_year_read(aged, monkeypatch):
    from ita_tui.store import shelf

    monkeypatch.setattr(shelf, "code_fingerprint", lambda: "a changed rule")
    assert Session(aged, use_cache=True).records.years.unread() == []


def test_a_linked_year_folder_is_never_shelved(aged):
    (aged / "2565").rename(aged / "real-2565")
    (aged / "2565").symlink_to(aged / "real-2565")
    Session(aged, use_cache=True)
    assert Session(aged, use_cache=True).records.years.unread() == [2566]


def test_unsaved_edits_of_a_year_not_read_come_back_from_the_journal(aged, tmp_path):
    from ita_tui.tui.journal import Journal

    journal = Journal(aged, tmp_path / "journal")
    session = Session(aged, journal=journal, use_cache=True)
    year = session.records.years[2565]
    measure = year.measures[0]
    measure.title = "ชื่อที่ยังไม่บันทึก"
    session.update_measure(measure)
    again = Session(aged, journal=Journal(aged, tmp_path / "journal"), use_cache=True)
    assert 2565 in again.records.years.unread()
    restored, kept = again.restore_journal()
    assert (restored, kept) == ([measure.origin.file], [])
    assert again.records.years[2565].measures[0].title == "ชื่อที่ยังไม่บันทึก"


def test_the_command_line_reads_everything(aged):
    store = load_records(aged, use_cache=True)
    assert dict(store.records.years).keys() == {2565, 2566} and not store.shelved


def test_after_a_pull_the_shelved_years_whose_files_changed_are_read(aged):
    session = Session(aged, use_cache=True)
    measure = aged / MEASURE
    measure.write_text(measure.read_text(encoding="utf-8").replace("order = 2", "order = 1", 1), encoding="utf-8")
    assert session.store.read_changed_years() == [2565]
    assert session.records.years.unread() == [2566]
    assert _as_compared(session.findings) == _full_check(aged)


@pytest.mark.parametrize("file", [MEASURE, "2565/report.toml"])
async def test_a_problem_of_a_year_not_read_opens_its_form(aged, tmp_path, file):
    from ita_tui.model.findings import Finding, Severity
    from ita_tui.tui.app import ItaApp
    from ita_tui.tui.screens.measure import MeasureScreen
    from ita_tui.tui.screens.memo import MemoScreen

    app = ItaApp(aged, "th", use_cache=True, out_root=tmp_path / "out")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert app.session.records.years.unread() == [2565, 2566]
        app.jump_to(Finding("required-missing", Severity.ERROR, file, ("title",), {}, 1, 1))
        await pilot.pause()
        assert isinstance(app.screen, MeasureScreen if file == MEASURE else MemoScreen)


def test_a_problem_of_a_year_not_read_names_its_measure_as_reading_it_would(aged):
    from ita_tui.i18n import set_language
    from ita_tui.tui.places import finding_place

    set_language("th")
    session = Session(aged, use_cache=True)
    shelved = [f for f in session.findings if f.file.startswith("2565/measures/")]
    places = [finding_place(f, session.records, shelved=session.store.shelved) for f in shelved]
    assert session.records.years.unread() == [2565, 2566] and shelved
    read = Session(aged)
    assert places == [finding_place(f, read.records) for f in shelved]
    assert all(place.startswith("2565 มาตรการที่ ") for place in places)


@pytest.mark.parametrize("output", ["text", "json"])
def test_ita_check_reads_only_what_changed_and_prints_what_a_full_check_prints(aged, capsys, monkeypatch,
                                                                                 output):
    from ita_tui.cli import main
    from ita_tui.store.folder import RecordStore

    def check() -> tuple[int, str]:
        code = main(["check", str(aged), "--lang", "th", "--format", output])
        return code, capsys.readouterr().out

    monkeypatch.setenv("ITA_CACHE", "0")
    full = check()
    monkeypatch.setenv("ITA_CACHE", "1")
    years_read = []
    original = RecordStore._load_year
    monkeypatch.setattr(RecordStore, "_load_year", lambda store, folder: years_read.append(folder.name) or
                        original(store, folder))
    assert check() == full
    assert years_read == []  # every year from its shelf
    (aged / MEASURE).write_text((aged / MEASURE).read_text(encoding="utf-8") + "\n", encoding="utf-8")
    assert check()[0] == full[0]
    assert years_read == ["2565"]


def test_a_year_read_because_its_shelf_was_too_fresh_is_shelved_anew(messy_records, tmp_path, monkeypatch):
    """Files saved just before a start make its shelves untrustworthy (racy); the next start reads those
    years, takes their findings from the cache, and must shelve them again, or they are read forever."""
    from types import SimpleNamespace

    from ita_tui.store import folder

    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    Session(messy_records, use_cache=True)  # the files are brand new
    later = time.time() + 60
    monkeypatch.setattr(folder, "time", SimpleNamespace(time=lambda: later))
    second = Session(messy_records, use_cache=True)
    assert second.records.years.unread() == [] and second.checks.years_checked == 0
    assert Session(messy_records, use_cache=True).records.years.unread() == [2565, 2566]


def test_a_new_year_is_shelved_for_the_next_start(aged, monkeypatch):
    from types import SimpleNamespace

    from ita_tui.store import folder
    from ita_tui.store.new_year import create_fiscal_year

    session = Session(aged, use_cache=True)
    create_fiscal_year(session.store, 2567, 2566, copy_measures=True)
    session.recheck()
    later = time.time() + 60
    monkeypatch.setattr(folder, "time", SimpleNamespace(time=lambda: later))
    Session(aged, use_cache=True)
    assert Session(aged, use_cache=True).records.years.unread() == [2565, 2566, 2567]


def test_typing_in_a_linked_year_does_not_write_the_cache_at_every_check(aged, monkeypatch):
    from ita_tui.store.cache import ParseCache

    (aged / "2565").rename(aged / "real-2565")
    (aged / "2565").symlink_to(aged / "real-2565")
    session = Session(aged, use_cache=True)
    saves = []
    monkeypatch.setattr(ParseCache, "save", lambda cache, known: saves.append(known))
    session.recheck()
    session.recheck()
    assert saves == []


def test_a_pull_that_adds_and_deletes_files_is_taken_in(aged):
    session = Session(aged, use_cache=True)
    year = session.records.years[2566]  # read
    gone = year.measures[1].origin.file
    (aged / gone).unlink()
    added = aged / "2566" / "measures" / "09-new.toml"
    added.write_text((aged / year.measures[0].origin.file).read_text(encoding="utf-8").replace(
        "order = 1", "order = 9", 1), encoding="utf-8")
    shutil.copytree(aged / "2565", aged / "2567")
    report = aged / "2567" / "report.toml"
    report.write_text(report.read_text(encoding="utf-8").replace("fiscal_year = 2565", "fiscal_year = 2567", 1),
                      encoding="utf-8")
    taken = session.store.take_in_added_and_removed()
    session.recheck()
    assert set(taken) == {"2567", gone, "2566/measures/09-new.toml"}
    files = [m.origin.file for m in session.records.years[2566].measures]
    assert gone not in files and "2566/measures/09-new.toml" in files
    assert sorted(session.records.years) == [2565, 2566, 2567]
    assert _as_compared(session.findings) == _full_check(aged)


def test_agency_toml_changed_by_a_pull_is_taken_in_and_the_shelved_years_are_read(aged):
    session = Session(aged, use_cache=True)
    agency = aged / "agency.toml"
    agency.write_text(agency.read_text(encoding="utf-8") + '\n[[officials]]\nid = "new"\nname = "ใหม่"\n'
                      'position = "ปลัด"\n', encoding="utf-8")
    session.reload("agency.toml")  # crashed: agency.toml is no fiscal year's file
    assert session.records.years.unread() == []  # the shelves' findings were made with the old roster
    assert any(official.id == "new" for official in session.records.agency.officials)
    assert _as_compared(session.findings) == _full_check(aged)


async def test_f5_on_a_year_not_read_judges_its_files_as_they_are_now(aged, tmp_path):
    """A colleague's save after the start: the export reads the year and asks about its new error."""
    from ita_tui.tui.app import ItaApp
    from ita_tui.tui.dialogs import ChoiceDialog

    app = ItaApp(aged, "th", use_cache=True, out_root=tmp_path / "out")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert app.session.records.years.unread() == [2565, 2566]
        before = sum(1 for f in app.session.findings_for_year(2565) if f.severity.value == "error")
        measure = aged / MEASURE
        measure.write_text(measure.read_text(encoding="utf-8").replace(
            'text = "', 'text = "เมื่อมีนาคม ๒๕๖๐ ', 1), encoding="utf-8")
        app.screen.query_one("#years").move_cursor(row=1)
        app.action_export()
        await pilot.pause()
        assert isinstance(app.screen, ChoiceDialog)
        assert f"{before + 1}" in app.screen.question


async def test_search_reads_the_years_on_the_event_loop_and_finds_in_all_of_them(aged, tmp_path, monkeypatch):
    import threading

    from ita_tui.store.folder import RecordStore
    from ita_tui.tui.app import ItaApp

    threads = []
    original = RecordStore._read_unread_year
    monkeypatch.setattr(RecordStore, "_read_unread_year", lambda store, year: threads.append(
        threading.current_thread()) or original(store, year))
    app = ItaApp(aged, "th", use_cache=True, out_root=tmp_path / "out")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("ctrl+f")
        while app.screen.index is None:
            await pilot.pause(0.05)
        assert threads and set(threads) == {threading.main_thread()}
        assert {hit.place.fiscal_year for hit in app.screen.index.search("มาตรการ").hits} == {2565, 2566}
