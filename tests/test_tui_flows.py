"""The app as staff use it: edit and save, conflicts, problem jumps, the quit guard, export, $EDITOR."""

from __future__ import annotations

import difflib
import sys
import textwrap


from ita_tui.tui.app import ItaApp
from ita_tui.tui.dialogs import ChoiceDialog
from ita_tui.tui.journal import Journal
from ita_tui.tui.screens.measure import MeasureScreen
from ita_tui.tui.screens.memo import MemoScreen
from ita_tui.tui.screens.year import YearScreen
from ita_tui.tui.widgets.problems import ProblemsPanel
from ita_tui.tui.widgets.thai_text import ThaiInput, ThaiTextArea

MEASURE_1 = "2566/measures/01-public-private-interest.toml"


def _app(records, tmp_path, **kwargs) -> ItaApp:
    return ItaApp(records, "th", out_root=tmp_path / "out", **kwargs)


def _fake_editor(tmp_path, monkeypatch, body: str) -> None:
    """$EDITOR becomes a Python script acting on the file named by its first argument."""
    script = tmp_path / "fake_editor.py"
    script.write_text("import sys\npath = sys.argv[1]\n" + textwrap.dedent(body), encoding="utf-8")
    monkeypatch.setenv("EDITOR", f"{sys.executable} {script}")
    monkeypatch.delenv("VISUAL", raising=False)


REPLACE_2565_BY_2566 = """
    text = open(path, encoding="utf-8").read()
    open(path, "w", encoding="utf-8").write(text.replace("มีนาคม ๒๕๖๕", "มกราคม ๒๕๖๖"))
"""


def _retitle(screen: MeasureScreen, title: str) -> None:
    screen.query_one("#title", ThaiInput).value = title
    screen.apply_now()


async def _show(pilot, app, screen):
    app.push_screen(screen)
    await pilot.pause()
    return screen


async def _save(pilot, screen=None) -> None:
    """Apply what the form shows (if any), press Ctrl+S and let the app settle."""
    if screen is not None:
        screen.apply_now()
    await pilot.press("ctrl+s")
    await pilot.pause()


async def _open_measure(pilot, app, file=MEASURE_1) -> MeasureScreen:
    app.open_measure(2566, file)
    await pilot.pause()
    assert isinstance(app.screen, MeasureScreen)
    return app.screen


async def test_editing_a_title_and_saving_changes_exactly_that_line(sample_records, tmp_path):
    before = (sample_records / MEASURE_1).read_text(encoding="utf-8")
    app = _app(sample_records, tmp_path)
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await _open_measure(pilot, app)
        _retitle(screen, "ชื่อใหม่ของมาตรการ")
        assert "●" in app.sub_title
        await _save(pilot)
        assert app.session.modified_files() == []
    after = (sample_records / MEASURE_1).read_text(encoding="utf-8")
    changed = [line for line in difflib.ndiff(before.splitlines(), after.splitlines()) if line[:1] in "+-"]
    assert changed == ['- title = "การสร้างฐานความคิดการแยกแยะประโยชน์ส่วนตัวและประโยชน์ส่วนรวม"',
                       '+ title = "ชื่อใหม่ของมาตรการ"']


async def test_typing_is_applied_after_a_pause_and_rechecked(sample_records, tmp_path):
    app = _app(sample_records, tmp_path)
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await _open_measure(pilot, app)
        results = screen.query_one("#results", ThaiTextArea)
        results.text = results.text.replace("ในเดือนมีนาคม ๒๕๖๕", "ในเดือนมกราคม ๒๕๖๖")  # before the memo
        await pilot.pause(0.5)
        panel = screen.query_one(ProblemsPanel)
        assert [f.rule_id for f in panel.findings] == []
        assert app.session.modified_files() == [MEASURE_1]


async def test_saving_over_a_file_changed_on_disk_asks_and_reload_keeps_theirs(sample_records, tmp_path):
    path = sample_records / MEASURE_1
    app = _app(sample_records, tmp_path)
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await _open_measure(pilot, app)
        _retitle(screen, "ของฉัน")
        theirs = path.read_text(encoding="utf-8").replace("order = 1", "order = 1\nstatus = \"done\"")
        path.write_text(theirs, encoding="utf-8")
        await _save(pilot)
        assert isinstance(app.screen, ChoiceDialog)
        assert path.read_text(encoding="utf-8") == theirs
        app.screen.dismiss("reload")
        await pilot.pause()
        assert app.session.modified_files() == []
        assert not isinstance(app.screen, MeasureScreen)  # the form showing my dropped edits was closed
    assert path.read_text(encoding="utf-8") == theirs


async def test_keep_mine_after_a_conflict_writes_mine_over_the_version_shown(sample_records, tmp_path):
    path = sample_records / MEASURE_1
    app = _app(sample_records, tmp_path)
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await _open_measure(pilot, app)
        _retitle(screen, "ของฉัน")
        path.write_text(path.read_text(encoding="utf-8") + "# ของเขา\n", encoding="utf-8")
        await _save(pilot)
        assert "ของฉัน" in app.screen.detail
        app.screen.dismiss("mine")
        await pilot.pause()
    text = path.read_text(encoding="utf-8")
    assert 'title = "ของฉัน"' in text and "# ของเขา" not in text


async def test_enter_on_a_problem_opens_the_measure_at_the_field_and_line(sample_records, tmp_path):
    app = _app(sample_records, tmp_path)
    async with app.run_test(size=(100, 30)) as pilot:
        await _show(pilot, app, YearScreen(2566))
        panel = app.screen.query_one(ProblemsPanel)
        index = next(i for i, f in enumerate(panel.findings) if f.rule_id == "repeated-phrase")
        panel.focus()
        panel.highlighted = index
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, MeasureScreen)
        assert app.screen.file == "2566/measures/02-public-forum.toml"
        assert app.focused.id == "results"
        assert app.focused.cursor_location == (2, 0)


async def test_quitting_with_unsaved_changes_asks_and_cancel_keeps_everything(sample_records, tmp_path):
    before = (sample_records / MEASURE_1).read_bytes()
    app = _app(sample_records, tmp_path)
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await _open_measure(pilot, app)
        _retitle(screen, "ยังไม่บันทึก")
        await pilot.press("ctrl+q")
        await pilot.pause()
        assert isinstance(app.screen, ChoiceDialog)
        await pilot.press("escape")
        await pilot.pause()
        assert app.is_running and app.session.modified_files() == [MEASURE_1]
    assert (sample_records / MEASURE_1).read_bytes() == before


async def test_quit_without_changes_exits_at_once(sample_records, tmp_path):
    app = _app(sample_records, tmp_path)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("ctrl+q")
        await pilot.pause()
    assert app.return_code == 0


async def test_export_key_writes_the_pdfs_and_says_how_to_fetch_them(sample_records, tmp_path):
    app = _app(sample_records, tmp_path)
    async with app.run_test(size=(100, 30)) as pilot:
        await _show(pilot, app, YearScreen(2566))
        await pilot.press("f5")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert isinstance(app.screen, ChoiceDialog)
        fetch_line = next(line for line in app.screen.detail.splitlines() if line.startswith("scp "))
        assert fetch_line.endswith("/out/2566/ita-2566.pdf .")
    names = sorted(p.name for p in (tmp_path / "out" / "2566").iterdir())
    assert names == ["ita-2566.pdf", "memo-2566.pdf", "report-2566.pdf"]


async def test_editor_round_trip_replaces_the_field_and_rechecks(sample_records, tmp_path, monkeypatch):
    _fake_editor(tmp_path, monkeypatch, REPLACE_2565_BY_2566)
    app = _app(sample_records, tmp_path)
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await _open_measure(pilot, app)
        screen.query_one("#results").focus()
        await pilot.press("f4")
        await pilot.pause()
        assert "มกราคม ๒๕๖๖" in screen.query_one("#results", ThaiTextArea).text
        assert "date-outside-fiscal-year" not in [f.rule_id for f in screen.query_one(ProblemsPanel).findings]


async def test_memo_date_typed_in_thai_is_stored_as_a_toml_date(sample_records, tmp_path):
    app = _app(sample_records, tmp_path)
    async with app.run_test(size=(100, 30)) as pilot:
        await _show(pilot, app, MemoScreen(2566))
        app.screen.query_one("#date", ThaiInput).value = "๑๕ มี.ค. ๖๖"
        await _save(pilot, app.screen)
    assert "date = 2023-03-15" in (sample_records / "2566/report.toml").read_text(encoding="utf-8")


async def test_adding_and_deleting_a_measure(sample_records, tmp_path):
    app = _app(sample_records, tmp_path)
    async with app.run_test(size=(100, 30)) as pilot:
        await _show(pilot, app, YearScreen(2566))
        await pilot.press("a")
        await pilot.pause()
        assert isinstance(app.screen, MeasureScreen)
        new_file = app.screen.file
        assert (sample_records / new_file).exists()
        await pilot.press("escape")
        await pilot.pause()
        table = app.screen.query_one("#measures")
        table.move_cursor(row=4)
        await pilot.press("d")
        await pilot.pause()
        app.screen.dismiss("yes")
        await pilot.pause()
    assert not (sample_records / new_file).exists()
    assert len(list((sample_records / "2566/measures").glob("*.toml"))) == 4


async def test_reordering_swaps_only_the_order_lines(sample_records, tmp_path):
    app = _app(sample_records, tmp_path)
    async with app.run_test(size=(100, 30)) as pilot:
        await _show(pilot, app, YearScreen(2566))
        await pilot.press("n")
        await pilot.pause()
        await _save(pilot)
    first = (sample_records / MEASURE_1).read_text(encoding="utf-8")
    second = (sample_records / "2566/measures/02-public-forum.toml").read_text(encoding="utf-8")
    assert "\norder = 2\n" in first and "\norder = 1\n" in second


async def test_unsaved_edits_are_journalled_and_cleared_by_saving(sample_records, tmp_path):
    journal = Journal(sample_records, tmp_path / "journal")
    app = _app(sample_records, tmp_path, journal=journal)
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await _open_measure(pilot, app)
        _retitle(screen, "ยังไม่บันทึก")
        pending = journal.pending()
        assert list(pending) == [MEASURE_1]
        assert 'title = "ยังไม่บันทึก"' in pending[MEASURE_1].read_text(encoding="utf-8")
        await _save(pilot)
        assert journal.pending() == {}


async def test_help_lists_the_live_bindings_of_the_screen(sample_records, tmp_path):
    app = _app(sample_records, tmp_path)
    async with app.run_test(size=(100, 30)) as pilot:
        await _show(pilot, app, YearScreen(2566))
        await pilot.press("f1")
        await pilot.pause()
        descriptions = [description for _, description in app.screen.keys]
        assert "เพิ่มมาตรการ" in descriptions and "บันทึก" in descriptions
        assert "เปิด" in descriptions  # Enter, although the focused table shadows it


async def test_keys_can_be_remapped_from_the_config(sample_records, tmp_path):
    from ita_tui.tui.config import Config
    app = _app(sample_records, tmp_path, config=Config(keymap={"save": "f6"}))
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await _open_measure(pilot, app)
        _retitle(screen, "บันทึกด้วย F6")
        await pilot.press("f6")
        await pilot.pause()
    assert 'title = "บันทึกด้วย F6"' in (sample_records / MEASURE_1).read_text(encoding="utf-8")


async def test_quit_without_saving_drops_the_journal_too(sample_records, tmp_path):
    journal = Journal(sample_records, tmp_path / "journal")
    app = _app(sample_records, tmp_path, journal=journal)
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await _open_measure(pilot, app)
        _retitle(screen, "ทิ้ง")
        await pilot.press("ctrl+q")
        await pilot.pause()
        app.screen.dismiss("discard")
        await pilot.pause()
    assert journal.pending() == {}


async def test_memo_body_written_out_replaces_the_template_and_empty_restores_it(sample_records, tmp_path):
    app = _app(sample_records, tmp_path)
    async with app.run_test(size=(100, 30)) as pilot:
        await _show(pilot, app, MemoScreen(2566))
        app.screen.query_one("#paragraphs", ThaiTextArea).text = "ย่อหน้าแรก\n{measure_list}"
        await _save(pilot, app.screen)
        assert app.session.records.years[2566].memo.paragraphs == ["ย่อหน้าแรก", "{measure_list}"]
        app.screen.query_one("#paragraphs", ThaiTextArea).text = ""
        await _save(pilot, app.screen)
    text = (sample_records / "2566/report.toml").read_text(encoding="utf-8")
    assert "paragraphs" not in text


async def test_a_broken_file_is_listed_and_left_untouched_while_the_rest_works(sample_records, tmp_path):
    broken = sample_records / "2566/measures/03-integrity-measures-risk.toml"
    broken.write_text("<<<<<<< HEAD\norder = 3\n=======\norder = 4\n>>>>>>> theirs\n", encoding="utf-8")
    before = broken.read_bytes()
    app = _app(sample_records, tmp_path)
    async with app.run_test(size=(100, 30)) as pilot:
        await _show(pilot, app, YearScreen(2566))
        assert app.screen.query_one("#measures").row_count == 3
        rules = [f.rule_id for f in app.screen.query_one(ProblemsPanel).findings]
        assert "file-merge-conflict" in rules
        screen = await _open_measure(pilot, app)
        _retitle(screen, "ยังทำงานได้")
        await _save(pilot)
    assert broken.read_bytes() == before
    assert 'title = "ยังทำงานได้"' in (sample_records / MEASURE_1).read_text(encoding="utf-8")


async def test_palette_finds_a_measure_by_part_of_its_thai_title(sample_records, tmp_path):
    from ita_tui.tui.commands import MeasureSearch
    app = _app(sample_records, tmp_path)
    async with app.run_test(size=(100, 30)) as pilot:
        provider = MeasureSearch(app.screen)
        hits = [hit async for hit in provider.search("ปรับปรุงระบบการทำงาน")]
        assert hits and "ปรับปรุงระบบการทำงาน" in str(hits[0].match_display)
        hits[0].command()
        await pilot.pause()
        assert isinstance(app.screen, MeasureScreen)
        assert app.screen.file == "2566/measures/04-smart-country.toml"


async def test_typing_a_field_back_to_what_it_was_leaves_the_file_unchanged(sample_records, tmp_path):
    before = (sample_records / MEASURE_1).read_bytes()
    app = _app(sample_records, tmp_path)
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await _open_measure(pilot, app)
        title = screen.query_one("#title", ThaiInput)
        original = title.value
        title.value = "ชั่วคราว"
        screen.apply_now()
        assert app.session.modified_files() == [MEASURE_1]
        title.value = original
        screen.apply_now()
        assert app.session.modified_files() == []
        await _save(pilot)
    assert (sample_records / MEASURE_1).read_bytes() == before


async def test_edits_left_by_a_crash_are_restored_on_the_next_start(sample_records, tmp_path):
    journal = Journal(sample_records, tmp_path / "journal")
    first = _app(sample_records, tmp_path, journal=journal)
    async with first.run_test(size=(100, 30)) as pilot:
        screen = await _open_measure(pilot, first)
        _retitle(screen, "แก้ก่อนไฟดับ")
    # the session ended without saving (a crash, a dropped SSH connection)
    assert "แก้ก่อนไฟดับ" not in (sample_records / MEASURE_1).read_text(encoding="utf-8")
    second = _app(sample_records, tmp_path, journal=Journal(sample_records, tmp_path / "journal"))
    async with second.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        assert isinstance(second.screen, ChoiceDialog)
        second.screen.dismiss("restore")
        await pilot.pause()
        assert second.session.records.years[2566].measures[0].title == "แก้ก่อนไฟดับ"
        assert second.session.modified_files() == [MEASURE_1]
        await _save(pilot)
    assert 'title = "แก้ก่อนไฟดับ"' in (sample_records / MEASURE_1).read_text(encoding="utf-8")
    assert Journal(sample_records, tmp_path / "journal").pending() == {}


async def test_journal_edits_are_not_applied_over_a_file_that_changed_since(sample_records, tmp_path):
    journal = Journal(sample_records, tmp_path / "journal")
    first = _app(sample_records, tmp_path, journal=journal)
    async with first.run_test(size=(100, 30)) as pilot:
        screen = await _open_measure(pilot, first)
        _retitle(screen, "ของฉัน")
    path = sample_records / MEASURE_1
    theirs = path.read_text(encoding="utf-8").replace("order = 1", "order = 1\nstatus = \"done\"")
    path.write_text(theirs, encoding="utf-8")
    second = _app(sample_records, tmp_path, journal=Journal(sample_records, tmp_path / "journal"))
    async with second.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        second.screen.dismiss("restore")
        await pilot.pause()
        assert second.session.modified_files() == []
    assert path.read_text(encoding="utf-8") == theirs
    assert list(Journal(sample_records, tmp_path / "journal").pending()) == [MEASURE_1]


async def test_returning_from_a_form_shows_the_edit_in_the_year_list(sample_records, tmp_path):
    app = _app(sample_records, tmp_path)
    async with app.run_test(size=(100, 30)) as pilot:
        await _show(pilot, app, YearScreen(2566))
        await pilot.press("enter")
        await pilot.pause()
        app.screen.query_one("#title", ThaiInput).value = "ชื่อที่แก้แล้ว"
        await pilot.press("escape")
        await pilot.pause()
        table = app.screen.query_one("#measures")
        title = str(table.get_cell_at((0, table.get_column_index("title"))))
        assert "ชื่อที่แก้แล้ว" in title and "●" in title


async def test_a_broken_report_file_is_not_opened_for_editing_and_says_why(sample_records, tmp_path):
    report = sample_records / "2566/report.toml"
    report.write_text("<<<<<<< HEAD\nfiscal_year = 2566\n=======\n>>>>>>> x\n", encoding="utf-8")
    before = report.read_bytes()
    app = _app(sample_records, tmp_path)
    messages = []
    async with app.run_test(size=(100, 30)) as pilot:
        await _show(pilot, app, YearScreen(2566))
        original = app.notify
        app.notify = lambda message, **kw: (messages.append(message), original(message, **kw))
        await pilot.press("m")
        await pilot.pause()
        assert isinstance(app.screen, YearScreen)
        assert any("merge" in message and "2566/report.toml" in message for message in messages)
        await _save(pilot)
    assert report.read_bytes() == before


async def test_a_field_of_the_wrong_type_is_shown_disabled_and_never_overwritten(records_builder, tmp_path):
    path = records_builder.measure(**{'steps = ["แต่งตั้งคณะทำงาน"]': 'steps = "ขั้นตอนเดียวเขียนผิดชนิด"'})
    app = _app(records_builder.root, tmp_path)
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await _open_measure(pilot, app, "2566/measures/01-test.toml")
        assert screen.query_one("#steps").disabled
        _retitle(screen, "ชื่อใหม่")
        await _save(pilot)
    text = path.read_text(encoding="utf-8")
    assert 'steps = "ขั้นตอนเดียวเขียนผิดชนิด"' in text and 'title = "ชื่อใหม่"' in text


async def test_a_memo_value_of_the_wrong_type_is_never_overwritten(records_builder, tmp_path):
    report = records_builder.root / "2566/report.toml"
    report.write_text(report.read_text(encoding="utf-8").replace('subject = "รายงาน"', "subject = 2566"),
                      encoding="utf-8")
    app = _app(records_builder.root, tmp_path)
    async with app.run_test(size=(100, 30)) as pilot:
        await _show(pilot, app, MemoScreen(2566))
        assert app.screen.query_one("#subject").disabled
        app.screen.query_one("#number", ThaiInput).value = "๔๕๖"
        await _save(pilot, app.screen)
    text = report.read_text(encoding="utf-8")
    assert "subject = 2566" in text and 'number = "๔๕๖"' in text


async def test_f4_on_the_year_edits_the_whole_file_and_reloads_it(sample_records, tmp_path, monkeypatch):
    _fake_editor(tmp_path, monkeypatch, REPLACE_2565_BY_2566)
    app = _app(sample_records, tmp_path)
    async with app.run_test(size=(100, 30)) as pilot:
        await _show(pilot, app, YearScreen(2566))
        await pilot.press("f4")
        await pilot.pause()
        assert "มกราคม ๒๕๖๖" in app.session.records.years[2566].measures[0].results[0].text
        assert not [f for f in app.session.findings_for_file(MEASURE_1) if f.severity.value == "error"]
        assert app.session.modified_files() == []


async def test_a_file_broken_in_the_editor_is_reported_and_never_overwritten(sample_records, tmp_path, monkeypatch):
    _fake_editor(tmp_path, monkeypatch, "open(path, 'a', encoding='utf-8').write('title = = broken\\n')\n")
    app = _app(sample_records, tmp_path)
    async with app.run_test(size=(100, 30)) as pilot:
        await _show(pilot, app, YearScreen(2566))
        await pilot.press("f4")
        await pilot.pause()
        assert [f.rule_id for f in app.session.findings_for_file(MEASURE_1)] == ["file-toml-syntax"]
        assert len(app.session.records.years[2566].measures) == 3
        broken = (sample_records / MEASURE_1).read_bytes()
        await _save(pilot)
    assert (sample_records / MEASURE_1).read_bytes() == broken


async def test_delete_then_enter_does_not_delete(sample_records, tmp_path):
    app = _app(sample_records, tmp_path)
    async with app.run_test(size=(100, 30)) as pilot:
        await _show(pilot, app, YearScreen(2566))
        await pilot.press("d", "enter")
        await pilot.pause()
        assert isinstance(app.screen, YearScreen)
    assert (sample_records / MEASURE_1).exists()
