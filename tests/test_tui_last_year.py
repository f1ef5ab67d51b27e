"""Last year beside this year (F3) and copying a field from it (F8): read only, in sight at 80×24 and
beside the form at 120 columns, and a copy is an ordinary unsaved edit."""

from __future__ import annotations

from textual.widgets import Input, TextArea

from ita_tui.tui.app import ItaApp
from ita_tui.tui.dialogs import ChoiceDialog
from ita_tui.tui.screens.last_year_picker import LastYearPicker
from ita_tui.tui.screens.measure import MeasureScreen
from ita_tui.tui.widgets.last_year import LastYearPanel
from ita_tui.tui.widgets.thai_text import ThaiInput, ThaiTextArea
from tests.test_tui_search import ARABIC_RESULT, LAST_YEAR_MEASURE, _screen_text, _with_last_year

SMALL, WIDE = (80, 24), (120, 40)
THIS_YEAR_MEASURE = "2566/measures/01-public-private-interest.toml"


async def _open(pilot, app, file=THIS_YEAR_MEASURE) -> MeasureScreen:
    app.open_measure(int(file[:4]), file)
    await pilot.pause()
    return app.screen


async def test_f3_shows_last_years_measure_of_the_same_title_read_only_above_the_form(sample_records, tmp_path):
    _with_last_year(sample_records)
    app = ItaApp(sample_records, "th", out_root=tmp_path / "out")
    async with app.run_test(size=SMALL) as pilot:
        form = await _open(pilot, app)
        await pilot.press("f3")
        await pilot.pause()
        panel = form.query_one(LastYearPanel)
        assert form.last_year_file == LAST_YEAR_MEASURE
        assert not panel.query(Input) and not panel.query(TextArea)  # nothing in it can be edited
        shown = _screen_text(app)
        assert "ปี 2565 มาตรการที่ 1" in shown and "ชื่อเดียวกัน" in shown
        assert ARABIC_RESULT in "".join(str(static.render()) for static in panel.query(".last-year-text"))
        title = form.query_one("#title", ThaiInput)
        assert panel.region.bottom <= title.region.y < 24  # above the form, and the form still in sight
        await pilot.press("f3")
        await pilot.pause()
        assert not form.query(LastYearPanel)


async def test_at_120_columns_last_year_stands_beside_the_form(sample_records, tmp_path):
    _with_last_year(sample_records)
    app = ItaApp(sample_records, "en", out_root=tmp_path / "out")
    async with app.run_test(size=WIDE) as pilot:
        form = await _open(pilot, app)
        await pilot.press("f3")
        await pilot.pause()
        panel = form.query_one(LastYearPanel)
        title = form.query_one("#title", ThaiInput)
        assert title.region.right <= panel.region.x and title.region.width >= 50
        assert panel.region.y >= 1 and "all saved" in _screen_text(app).splitlines()[0]  # the header shows


async def test_f8_copies_a_field_as_an_unsaved_edit_that_undo_takes_back(sample_records, tmp_path):
    _with_last_year(sample_records)
    last_year = sample_records / LAST_YEAR_MEASURE
    last_year.write_text(last_year.read_text(encoding="utf-8").replace(
        'recommendation = "', 'recommendation = "ข้อเสนอของปีที่แล้ว '), encoding="utf-8")
    app = ItaApp(sample_records, "th", out_root=tmp_path / "out")
    async with app.run_test(size=SMALL) as pilot:
        form = await _open(pilot, app)
        area = form.query_one("#recommendation", ThaiTextArea)
        before = area.text
        await pilot.press("f3")
        area.focus()
        await pilot.press("f8")
        await pilot.pause(0.5)
        assert area.text.startswith("ข้อเสนอของปีที่แล้ว ")
        assert app.session.modified_files() == [THIS_YEAR_MEASURE] and "●" in app.sub_title
        assert any("ยังไม่บันทึก" in n.message for n in app._notifications)
        await pilot.press("ctrl+z")
        assert area.text == before
        await pilot.press("f8", "ctrl+s")
        await pilot.pause()
    assert 'recommendation = "ข้อเสนอของปีที่แล้ว ' in (sample_records / THIS_YEAR_MEASURE).read_text(encoding="utf-8")


async def test_copying_results_asks_first_because_they_carry_last_years_dates(sample_records, tmp_path):
    _with_last_year(sample_records)
    app = ItaApp(sample_records, "en", out_root=tmp_path / "out")
    async with app.run_test(size=SMALL) as pilot:
        form = await _open(pilot, app)
        results = form.query_one("#results", ThaiTextArea)
        before = results.text
        await pilot.press("f3")
        results.focus()
        await pilot.press("f8")
        await pilot.pause()
        assert isinstance(app.screen, ChoiceDialog) and "last year's dates" in _screen_text(app)
        await pilot.press("enter")  # Enter alone answers Cancel
        await pilot.pause()
        assert results.text == before
        await pilot.press("f8")
        await pilot.pause()
        await pilot.press("left", "enter")
        await pilot.pause(0.5)
        assert results.text.split("\n")[0] == "15 มี.ค. 64 | " + ARABIC_RESULT
        assert any("2 items copied" in n.message for n in app._notifications)
        assert THIS_YEAR_MEASURE in app.session.modified_files()


async def test_f8_before_f3_or_outside_a_field_says_what_to_do(sample_records, tmp_path):
    _with_last_year(sample_records)
    app = ItaApp(sample_records, "en", out_root=tmp_path / "out")
    async with app.run_test(size=SMALL) as pilot:
        form = await _open(pilot, app)
        await pilot.press("f8")
        await pilot.pause()
        assert any("F3" in n.message for n in app._notifications)
        await pilot.press("f3")
        form.query_one(LastYearPanel).focus()
        await pilot.press("f8")
        await pilot.pause()
        assert any("Put the cursor in the field" in n.message for n in app._notifications)
        assert app.session.modified_files() == []


async def test_the_first_year_has_no_last_year_and_says_so(sample_records, tmp_path):
    app = ItaApp(sample_records, "en", out_root=tmp_path / "out")
    async with app.run_test(size=SMALL) as pilot:
        form = await _open(pilot, app)
        await pilot.press("f3")
        await pilot.pause()
        assert not form.query(LastYearPanel)
        assert any("No earlier fiscal year than 2566" in n.message for n in app._notifications)


async def test_without_a_title_match_the_user_chooses_last_years_measure(sample_records, tmp_path):
    _with_last_year(sample_records)
    measure = sample_records / THIS_YEAR_MEASURE
    measure.write_text(measure.read_text(encoding="utf-8").replace(
        'title = "การสร้างฐานความคิดการแยกแยะประโยชน์ส่วนตัวและประโยชน์ส่วนรวม"', 'title = "ลดการใช้กระดาษ"'),
        encoding="utf-8")
    app = ItaApp(sample_records, "th", out_root=tmp_path / "out")
    async with app.run_test(size=SMALL) as pilot:
        form = await _open(pilot, app)
        await pilot.press("f3")
        await pilot.pause()
        assert isinstance(app.screen, LastYearPicker)
        await pilot.press(*"๒.", "enter")  # "2." typed in Thai digits narrows the list to measure 2
        await pilot.pause()
        assert app.screen is form and form.last_year_file == "2565/measures/02-public-forum.toml"
        assert "ปี 2565 มาตรการที่ 2" in _screen_text(app) and "เลือกเอง" in _screen_text(app)
        form.query_one(LastYearPanel).focus()
        await pilot.press("enter")  # Enter on the panel: choose another
        await pilot.pause()
        assert isinstance(app.screen, LastYearPicker)
        await pilot.press("down", "down")
        await pilot.press("escape")
        await pilot.pause()
        assert form.last_year_file == "2565/measures/02-public-forum.toml"


async def test_f3_and_f8_are_in_the_measure_forms_help(sample_records, tmp_path):
    from ita_tui.tui.dialogs import HelpDialog

    app = ItaApp(sample_records, "en", out_root=tmp_path / "out")
    async with app.run_test(size=SMALL) as pilot:
        await _open(pilot, app)
        await pilot.press("f1")
        await pilot.pause()
        assert isinstance(app.screen, HelpDialog)
        assert {("f3", "Last year"), ("f8", "Copy from last year")} <= set(app.screen.keys)


async def test_the_palette_offers_last_year_over_a_measure_only(sample_records, tmp_path):
    _with_last_year(sample_records)
    app = ItaApp(sample_records, "en", out_root=tmp_path / "out")
    async with app.run_test(size=SMALL) as pilot:
        await pilot.press("ctrl+p", *"last year")
        await pilot.pause(0.5)
        assert "Last year" not in _screen_text(app)
        await pilot.press("escape")
        form = await _open(pilot, app)
        await pilot.press("ctrl+p", *"last year")
        await pilot.pause(0.5)
        assert "Last year" in _screen_text(app)
        await pilot.press("enter")
        await pilot.pause()
        assert app.screen is form and form.query(LastYearPanel)


async def test_copying_a_value_this_year_already_has_says_so_and_changes_nothing(sample_records, tmp_path):
    _with_last_year(sample_records)
    app = ItaApp(sample_records, "en", out_root=tmp_path / "out")
    async with app.run_test(size=SMALL) as pilot:
        form = await _open(pilot, app)
        await pilot.press("f3")
        form.query_one("#recommendation").focus()
        await pilot.press("f8")
        await pilot.pause(0.5)
        assert any("already has last year's value" in n.message for n in app._notifications)
        assert app.session.modified_files() == []
