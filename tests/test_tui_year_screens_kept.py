"""A year opened again from the overview is the screen it was, brought up to date, not a new one: a new
screen is most of the cost of opening a year (speed in bench/tui.py), and the clerk keeps their row."""

from __future__ import annotations

import gc
import shutil
import weakref

from textual.widgets import DataTable

from ita_tui.tui import year_screens
from ita_tui.tui.app import ItaApp
from ita_tui.tui.screens.measure import MeasureScreen
from ita_tui.tui.screens.overview import OverviewScreen
from ita_tui.tui.screens.year import YearScreen
from ita_tui.tui.session import Session
from ita_tui.tui.widgets.thai_text import ThaiInput
from tests.test_check_incremental import messy_records  # noqa: F401 (a fixture)
from tests.test_store_lazy_years import aged  # noqa: F401 (a fixture)

EDITED = "2566/measures/02-public-forum.toml"


def _with_years(sample_records, *years: int):
    """The sample with copies of its year 2566 as other years."""
    for year in years:
        shutil.copytree(sample_records / "2566", sample_records / str(year))
        report = sample_records / str(year) / "report.toml"
        report.write_text(report.read_text(encoding="utf-8").replace("fiscal_year = 2566", f"fiscal_year = {year}",
                                                                     1), encoding="utf-8")
    return sample_records


async def _open_year(app, pilot, fiscal_year: int) -> YearScreen:
    overview = app.screen
    assert isinstance(overview, OverviewScreen)
    table = overview.query_one("#years", DataTable)
    table.move_cursor(row=table.get_row_index(str(fiscal_year)))
    await pilot.press("enter")
    await pilot.pause()
    assert isinstance(app.screen, YearScreen) and app.screen.fiscal_year == fiscal_year
    return app.screen


async def _back(app, pilot) -> None:
    app.pop_screen()
    await pilot.pause()


async def _opened_wider(app, pilot, fiscal_year: int) -> DataTable:
    """The terminal made 130×40 on the overview, then the year opened: its list at the new width."""
    await pilot.resize_terminal(130, 40)
    await pilot.pause()
    year = await _open_year(app, pilot, fiscal_year)
    await pilot.pause()
    table = year.query_one("#measures", DataTable)
    assert "owners" in [column.value for column in table.columns]  # the wide layout's column
    assert table.region.width == 130
    return table


async def test_a_year_opened_again_is_its_screen_brought_up_to_date(sample_records, monkeypatch, tmp_path):
    composed = []
    original = YearScreen.compose
    monkeypatch.setattr(YearScreen, "compose", lambda self: composed.append(self) or original(self))
    app = ItaApp(sample_records, "th", out_root=tmp_path / "out")
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        first = await _open_year(app, pilot, 2566)
        app.push_screen(MeasureScreen(2566, EDITED))
        await pilot.pause()
        app.screen.query_one("#title", ThaiInput).value = "ชื่อใหม่ของมาตรการ"
        app.screen.apply_now()
        await _back(app, pilot)
        await _back(app, pilot)
        again = await _open_year(app, pilot, 2566)
        assert again is first and composed == [first]
        assert any("ชื่อใหม่ของมาตรการ" in cell.plain for cell in again.query_one("#measures", DataTable).get_row(EDITED))


async def test_the_clerk_finds_the_row_they_were_on(sample_records, tmp_path):
    app = ItaApp(sample_records, "th", out_root=tmp_path / "out")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await _open_year(app, pilot, 2566)
        await pilot.press("down", "down")
        await _back(app, pilot)
        year = await _open_year(app, pilot, 2566)
        assert year.query_one("#measures", DataTable).cursor_row == 2


async def test_a_year_opened_again_after_the_terminal_was_resized_fits_the_new_size(sample_records, tmp_path):
    app = ItaApp(sample_records, "th", out_root=tmp_path / "out")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await _open_year(app, pilot, 2566)
        await _back(app, pilot)
        await _opened_wider(app, pilot, 2566)


async def test_only_the_years_opened_last_are_kept(sample_records, monkeypatch, tmp_path):
    monkeypatch.setattr(year_screens, "KEPT", 2)
    app = ItaApp(_with_years(sample_records, 2564, 2565), "th", out_root=tmp_path / "out")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        oldest = weakref.ref(await _open_year(app, pilot, 2564))
        await _back(app, pilot)
        for fiscal_year in (2565, 2566):
            await _open_year(app, pilot, fiscal_year)
            await _back(app, pilot)
        assert app.year_screens.kept() == [2565, 2566]
        assert not app.is_screen_installed("year-2564")
        for _ in range(20):  # its widgets' timers stop as it is removed
            await pilot.pause(0.05)
            gc.collect()
            if oldest() is None:
                break
        assert oldest() is None


async def test_a_new_session_starts_with_new_screens(sample_records, tmp_path):
    """The first run replaces the session (agency.toml written): a screen of the old one is not shown."""
    app = ItaApp(sample_records, "th", out_root=tmp_path / "out")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        before = await _open_year(app, pilot, 2566)
        await _back(app, pilot)
        app.session = Session(sample_records, "th")
        after = await _open_year(app, pilot, 2566)
        assert after is not before


async def _made_ready(app, pilot) -> None:
    """Until the app has been idle after its start: the PDF stack loaded, then the cursor's year made."""
    for _ in range(200):
        if app.export_warm_up is not None and app.export_warm_up.done and app.year_screens.kept():
            break
        await pilot.pause(0.05)
    await pilot.pause()


async def test_the_year_under_the_cursor_is_made_ready_while_the_app_is_idle(aged, monkeypatch, tmp_path):
    """Listed from its shelf at the start, the newest year is read and its screen made once the app is
    idle (after the PDF stack's loading): its first opening neither reads it, nor cuts its titles, nor
    composes a screen."""
    from ita_tui.tui import year_columns

    app = ItaApp(aged, "th", use_cache=True, out_root=tmp_path / "out")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert 2566 in app.session.records.years.unread()
        await _made_ready(app, pilot)
        assert app.session.records.years.unread() == [2565]
        assert isinstance(app.screen, OverviewScreen)  # made, not shown
        cut_titles, composed = [], []
        monkeypatch.setattr(year_columns, "one_line", lambda *args: cut_titles.append(args) or args[0])
        monkeypatch.setattr(YearScreen, "compose", lambda self: composed.append(self) or iter(()))
        year = await _open_year(app, pilot, 2566)
        assert (cut_titles, composed) == ([], [])
        assert year.query_one("#measures", DataTable).row_count > 0


async def test_a_year_made_ready_shows_what_changed_before_it_was_opened(sample_records, tmp_path):
    """A measure edited from the overview's problems (its form opened directly), and the terminal made
    wider, between the year being made and being opened."""
    app = ItaApp(sample_records, "th", out_root=tmp_path / "out")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await _made_ready(app, pilot)
        assert app.year_screens.kept() == [2566]
        app.open_measure(2566, EDITED)
        await pilot.pause()
        app.screen.query_one("#title", ThaiInput).value = "ชื่อที่แก้จากหน้าแรก"
        app.screen.apply_now()
        await _back(app, pilot)
        table = await _opened_wider(app, pilot, 2566)
        assert any("ชื่อที่แก้จากหน้าแรก" in cell.plain for cell in table.get_row(EDITED))


async def test_a_wider_terminal_keeps_the_cursor_on_its_row_in_both_lists(sample_records, tmp_path):
    """Laying the columns out again for a new width cleared the list: the cursor went back to the first
    row, and Enter on the overview then opened another year than the one the clerk was on."""
    app = ItaApp(_with_years(sample_records, 2564, 2565), "th", out_root=tmp_path / "out")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        overview = app.screen
        await pilot.press("down")
        assert overview.selected_year() == 2565
        await pilot.resize_terminal(130, 40)
        await pilot.pause()
        await pilot.pause()
        assert overview.selected_year() == 2565
        await pilot.press("enter")
        await pilot.pause()
        year = app.screen
        assert isinstance(year, YearScreen) and year.fiscal_year == 2565
        await pilot.press("down", "down")
        await pilot.resize_terminal(80, 24)
        await pilot.pause()
        await pilot.pause()
        assert "owners" not in [column.value for column in year.query_one("#measures", DataTable).columns]
        assert year.query_one("#measures", DataTable).cursor_row == 2


async def test_a_kept_year_is_painted_at_its_first_showing_with_the_new_width_s_columns(sample_records,
                                                                                      monkeypatch, tmp_path):
    """Resized while it was kept hidden, the year showed the old width's columns for a moment (titles cut
    at the old length), then changed them."""
    from textual._compositor import Compositor

    app = ItaApp(sample_records, "th", out_root=tmp_path / "out")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        year = await _open_year(app, pilot, 2566)
        await _back(app, pilot)
        await pilot.resize_terminal(130, 40)
        await pilot.pause()
        painted_with = []
        original = Compositor.render_update

        def render_update(compositor, *args, **kwargs):
            if app.screen is year and not painted_with:
                painted_with.append([column.value for column in year.query_one("#measures", DataTable).columns])
            return original(compositor, *args, **kwargs)

        monkeypatch.setattr(Compositor, "render_update", render_update)
        await _open_year(app, pilot, 2566)
        assert painted_with and "owners" in painted_with[0]


async def test_a_year_the_cursor_rests_on_is_made_ready_and_one_it_passes_is_not(sample_records, monkeypatch,
                                                                                  tmp_path):
    app = ItaApp(_with_years(sample_records, 2563, 2564, 2565), "th", out_root=tmp_path / "out")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await _made_ready(app, pilot)
        assert app.year_screens.kept() == [2566]  # the cursor's year at the start
        await pilot.press("down", "down")  # passes 2565, rests on 2564
        await pilot.pause(0.8)
        assert app.year_screens.kept() == [2566, 2564]
        composed = []
        monkeypatch.setattr(YearScreen, "compose", lambda self: composed.append(self) or iter(()))
        year = await _open_year(app, pilot, 2564)
        assert composed == [] and year.query_one("#measures", DataTable).row_count == 4
