"""Search across all years (Ctrl+F): a clerk finds a phrase whatever digits they type, sees where it is,
and Enter puts the cursor on it in its form; Escape goes back to where they were."""

from __future__ import annotations

import shutil

from textual.widgets import DataTable, Input

from ita_tui.model.search import SearchIndex
from ita_tui.store import load_records
from ita_tui.tui.app import ItaApp
from ita_tui.tui.dialogs import HelpDialog
from ita_tui.tui.screens.measure import MeasureScreen
from ita_tui.tui.screens.memo import MemoScreen
from ita_tui.tui.screens.search import SearchScreen
from ita_tui.tui.screens.year import YearScreen
from ita_tui.tui.widgets.thai_text import ThaiInput, ThaiTextArea

SMALL = (80, 24)
LAST_YEAR_MEASURE = "2565/measures/01-public-private-interest.toml"
ARABIC_RESULT = "จัดอบรมครั้งที่ 2 ในเดือนมีนาคม 2564 ที่ห้องประชุม"


def _with_last_year(records) -> None:
    """2566 copied as 2565, its first measure's first result written with Arabic digits and a date."""
    shutil.copytree(records / "2566", records / "2565")
    report = records / "2565/report.toml"
    report.write_text(report.read_text(encoding="utf-8").replace("fiscal_year = 2566", "fiscal_year = 2565")
                      .replace("fiscal_year = 2565\nscore", "fiscal_year = 2564\nscore"), encoding="utf-8")
    measure = records / LAST_YEAR_MEASURE
    text = measure.read_text(encoding="utf-8")
    first_result = text[text.index('[[results]]\ntext = "'):].split("\n")[1]
    measure.write_text(text.replace(first_result, f'text = "{ARABIC_RESULT}"\ndate = 2021-03-15'), encoding="utf-8")


async def _search(pilot, app, query: str) -> SearchScreen:
    await pilot.press("ctrl+f")
    await pilot.pause()
    screen = app.screen
    assert isinstance(screen, SearchScreen)
    await screen.workers.wait_for_complete()
    await pilot.pause()
    screen.query_one("#search-query", Input).value = query
    await pilot.pause(0.3)
    return screen


def _screen_text(app) -> str:
    return "\n".join(strip.text for strip in app.screen._compositor.render_strips())


def test_the_index_finds_every_kind_of_text_with_its_place(sample_records):
    _with_last_year(sample_records)
    index = SearchIndex(load_records(sample_records).records)
    hit = index.search("มีนาคม ๒๕๖๔").hits[0]
    assert (hit.place.fiscal_year, hit.place.measure_number, hit.place.field) == (2565, 1, "results")
    assert hit.place.text[hit.start:hit.end] == "มีนาคม 2564"
    fields = {hit.place.field for hit in index.search("พ.ศ.", limit=1000).hits}
    assert {"subject", "timeline", "recommendation"} <= fields
    assert index.search("สำนักปลัด").hits[0].place.field in ("owners", "recommendation")
    assert {hit.place.fiscal_year for hit in index.search("2566", limit=1000).hits} == {2566, 2565}


async def test_a_thai_digit_query_finds_arabic_digits_and_enter_puts_the_cursor_on_it(sample_records, tmp_path):
    _with_last_year(sample_records)
    app = ItaApp(sample_records, "th", out_root=tmp_path / "out")
    async with app.run_test(size=SMALL) as pilot:
        screen = await _search(pilot, app, "มีนาคม ๒๕๖๔")
        table = screen.query_one("#search-results", DataTable)
        assert table.row_count == 1
        shown = _screen_text(app)
        assert "[มีนาคม 2564]" in shown  # the match is marked by brackets, not by colour alone
        assert "2565 · มาตรการที่ 1" in shown
        assert "พบ 1 แห่ง" in shown
        await pilot.press("enter")
        await pilot.pause()
        form = app.screen
        assert isinstance(form, MeasureScreen) and form.file == LAST_YEAR_MEASURE
        results = form.query_one("#results", ThaiTextArea)
        assert results.has_focus
        row, column = results.cursor_location
        line = results.document.get_line(row)
        assert row == 0 and line[column:].startswith("มีนาคม 2564")
        assert results.selected_text == "มีนาคม 2564"
        assert line.startswith("15 มี.ค. 64 | ")  # the result's date is shown before its text


async def test_an_arabic_digit_query_finds_thai_digits_in_a_title_like_input(sample_records, tmp_path):
    app = ItaApp(sample_records, "en", out_root=tmp_path / "out")
    async with app.run_test(size=SMALL) as pilot:
        screen = await _search(pilot, app, "2566")
        places = {(hit.place.field, hit.place.measure_number) for hit in screen.hits}
        assert ("subject", None) in places and ("timeline", 1) in places
        table = screen.query_one("#search-results", DataTable)
        table.move_cursor(row=next(i for i, hit in enumerate(screen.hits) if hit.place.field == "subject"))
        table.focus()
        await pilot.press("enter")
        await pilot.pause()
        memo = app.screen
        assert isinstance(memo, MemoScreen)
        subject = memo.query_one("#subject", ThaiInput)
        assert subject.has_focus and subject.value[subject.cursor_position:].startswith("๒๕๖๖")


async def test_escape_goes_back_where_the_search_was_opened(sample_records, tmp_path):
    app = ItaApp(sample_records, "th", out_root=tmp_path / "out")
    async with app.run_test(size=SMALL) as pilot:
        app.push_screen(YearScreen(2566))
        await pilot.pause()
        year = app.screen
        await _search(pilot, app, "ประชุม")
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen is year


async def test_a_hit_in_the_form_the_search_was_opened_from_goes_back_to_that_form(sample_records, tmp_path):
    app = ItaApp(sample_records, "th", out_root=tmp_path / "out")
    async with app.run_test(size=SMALL) as pilot:
        app.open_measure(2566, "2566/measures/02-public-forum.toml")
        await pilot.pause()
        form = app.screen
        form.query_one("#title", ThaiInput).focus()
        screen = await _search(pilot, app, "ไตรมาสที่ ๓")
        assert {hit.place.file for hit in screen.hits} == {"2566/measures/02-public-forum.toml"}
        await pilot.press("enter")
        await pilot.pause()
        assert app.screen is form and sum(isinstance(s, MeasureScreen) for s in app.screen_stack) == 1
        area = form.query_one("#recommendation", ThaiTextArea)
        assert area.has_focus and area.selected_text == "ไตรมาสที่ ๓"


async def test_search_text_from_the_records_is_shown_literally(records_builder, tmp_path):
    records_builder.measure(**{'"แต่งตั้งคณะทำงาน"': '"[bold]แต่งตั้ง[/bold] \\u001b[31mคณะทำงาน"'})
    app = ItaApp(records_builder.root, "th", out_root=tmp_path / "out")
    async with app.run_test(size=SMALL) as pilot:
        await _search(pilot, app, "คณะทำงาน")
        shown = _screen_text(app)
        assert "[bold]แต่งตั้ง[/bold]" in shown and "␛" in shown


async def test_many_hits_say_how_many_and_nothing_is_cut_at_80_columns(sample_records, tmp_path):
    _with_last_year(sample_records)
    app = ItaApp(sample_records, "en", out_root=tmp_path / "out")
    async with app.run_test(size=SMALL) as pilot:
        screen = await _search(pilot, app, "zzz")
        assert screen.hits == [] and "0 matches" in _screen_text(app)
        await _search(pilot, app, "ก")
        shown = _screen_text(app)
        assert "matches, the first 200 shown" in shown
        place = screen.query_one("#search-place")
        assert place.region.bottom <= 23 and place.region.width >= 78


async def test_ctrl_f_is_in_the_help_of_every_screen_and_in_the_palette(sample_records, tmp_path):
    app = ItaApp(sample_records, "en", out_root=tmp_path / "out")
    async with app.run_test(size=SMALL) as pilot:
        for screen in (None, YearScreen(2566), MeasureScreen(2566, "2566/measures/02-public-forum.toml")):
            if screen is not None:
                app.push_screen(screen)
                await pilot.pause()
            await pilot.press("f1")
            await pilot.pause()
            assert isinstance(app.screen, HelpDialog)
            assert ("^f", "Search all years") in app.screen.keys
            await pilot.press("escape")
        await pilot.press("ctrl+p")
        await pilot.pause()
        await pilot.press(*"search all")
        await pilot.pause(0.5)
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, SearchScreen)


async def test_down_down_enter_in_one_burst_opens_the_third_hit(sample_records, tmp_path):
    """Over a slow link the arrows and Enter arrive together: Enter must not overtake the arrows."""
    from .test_tui_key_order import send_burst

    app = ItaApp(sample_records, "th", out_root=tmp_path / "out")
    async with app.run_test(size=SMALL) as pilot:
        screen = await _search(pilot, app, "2566")
        assert screen.query_one("#search-results", DataTable).row_count == 5  # the memo, then measures 1-4
        await send_burst(app, pilot, ["down", "down", "enter"])
        form = app.screen
        assert isinstance(form, MeasureScreen) and form.file.startswith("2566/measures/02-")


async def test_the_cursor_lands_on_the_match_after_characters_shown_as_stand_ins(records_builder, tmp_path):
    records_builder.measure(**{'title = "มาตรการทดสอบ"': 'title = "ต้น\\u202eกลาง ท้ายสุด"',
                               '"แต่งตั้งคณะทำงาน"': '"ขั้น\\u001bหนึ่ง\\nต่อ\\u202eอีก ท้ายสุด"'})
    app = ItaApp(records_builder.root, "th", out_root=tmp_path / "out")
    async with app.run_test(size=SMALL) as pilot:
        screen = await _search(pilot, app, "ท้ายสุด")
        assert [hit.place.field for hit in screen.hits] == ["title", "steps"]
        await pilot.press("enter")
        await pilot.pause()
        title = app.screen.query_one("#title", ThaiInput)
        assert title.value == "ต้น⟨U+202E⟩กลาง ท้ายสุด"
        assert title.has_focus and title.value[title.cursor_position:] == "ท้ายสุด"
        await pilot.press("escape")
        await pilot.pause()
        screen = await _search(pilot, app, "ท้ายสุด")
        await pilot.press("down", "enter")
        await pilot.pause()
        steps = app.screen.query_one("#steps", ThaiTextArea)
        assert steps.document.get_line(0) == "ขั้น␛หนึ่ง ⏎ ต่อ⟨U+202E⟩อีก ท้ายสุด"
        assert steps.has_focus and steps.selected_text == "ท้ายสุด"


async def test_text_typed_just_before_ctrl_f_in_one_burst_is_searched(sample_records, tmp_path):
    from tests.test_tui_key_order import send_burst

    app = ItaApp(sample_records, "th", out_root=tmp_path / "out")
    async with app.run_test(size=SMALL) as pilot:
        app.open_measure(2566, "2566/measures/02-public-forum.toml")
        await pilot.pause()
        await send_burst(app, pilot, ["end", *"XYZ", "ctrl+f"])
        screen = app.screen
        assert isinstance(screen, SearchScreen)
        await screen.workers.wait_for_complete()
        screen.query_one("#search-query", Input).value = "xyz"
        for _ in range(50):  # the search runs after a pause in typing, in a worker (slower on a busy machine)
            await pilot.pause(0.1)
            await screen.workers.wait_for_complete()
            if screen.hits:
                break
        assert [hit.place.field for hit in screen.hits] == ["title"]
