"""Opening a fiscal year does only the work its screen needs: counted calls, not timings (speed is in
bench/tui.py)."""

from __future__ import annotations

import textual.widgets._data_table as data_table_module
from textual.widgets import DataTable

from ita_tui.tui.app import ItaApp
from ita_tui.tui.screens.year import YearScreen
from ita_tui.tui.widgets.thai_text import ThaiInput

EDITED = "2566/measures/02-public-forum.toml"


class _CountedMeasure:
    """Counts DataTable's cell measuring (textual.render.measure as the table module calls it)."""

    def __init__(self, monkeypatch):
        self.calls = 0
        original = data_table_module.measure

        def counted(*args, **kwargs):
            self.calls += 1
            return original(*args, **kwargs)

        monkeypatch.setattr(data_table_module, "measure", counted)


async def test_opening_a_year_measures_no_cell_of_the_list(sample_records, monkeypatch, tmp_path):
    """Every column of the list has a set width: measuring each row's cells (Textual does, on idle) sized
    nothing. Only the column headers are measured, once each as the columns are added."""
    measured = _CountedMeasure(monkeypatch)
    app = ItaApp(sample_records, "th", out_root=tmp_path / "out")
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        measured.calls = 0
        app.push_screen(YearScreen(2566))
        await pilot.pause()
        await pilot.pause()
        table = app.screen.query_one("#measures", DataTable)
        assert table.row_count == 4
        assert measured.calls <= len(table.columns)


async def test_coming_back_after_an_edit_measures_no_cell_of_the_list(sample_records, monkeypatch, tmp_path):
    """A title made shorter made Textual measure every title of the column again."""
    measured = _CountedMeasure(monkeypatch)
    app = ItaApp(sample_records, "th", out_root=tmp_path / "out")
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        year = YearScreen(2566)
        app.push_screen(year)
        await pilot.pause()
        app.open_measure(2566, EDITED)
        await pilot.pause()
        app.screen.query_one("#title", ThaiInput).value = "สั้น"
        app.screen.apply_now()
        measured.calls = 0
        app.pop_screen()
        await pilot.pause()
        await pilot.pause()
        assert any("สั้น" in cell.plain for cell in year.query_one("#measures", DataTable).get_row(EDITED))
        assert measured.calls == 0


class _Counted:
    """Wraps a module's function and counts its calls (monkeypatch undoes it)."""

    def __init__(self, monkeypatch, module, name):
        self.calls = 0
        original = getattr(module, name)

        def counted(*args, **kwargs):
            self.calls += 1
            return original(*args, **kwargs)

        monkeypatch.setattr(module, name, counted)


async def test_opening_a_year_again_builds_none_of_its_rows(sample_records, monkeypatch, tmp_path):
    """The rows' texts (titles cut to the column between Thai clusters) are built once: a year opened
    again, with nothing changed, reuses them."""
    from ita_tui.tui import year_columns

    app = ItaApp(sample_records, "th", out_root=tmp_path / "out")
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        app.push_screen(YearScreen(2566))
        await pilot.pause()
        first = [[cell.plain for cell in app.screen.query_one("#measures", DataTable).get_row_at(index)]
                 for index in range(4)]
        app.pop_screen()
        await pilot.pause()
        cut = _Counted(monkeypatch, year_columns, "one_line")
        app.push_screen(YearScreen(2566))
        await pilot.pause()
        again = [[cell.plain for cell in app.screen.query_one("#measures", DataTable).get_row_at(index)]
                 for index in range(4)]
        assert again == first
        assert cut.calls == 0


async def test_rows_built_in_one_language_are_not_shown_in_the_other(sample_records, tmp_path):
    """The rows are reused across screens (and apps in one process): the words in them follow the language."""
    shown = {}
    for language in ("th", "en"):
        app = ItaApp(sample_records, language, out_root=tmp_path / "out")
        async with app.run_test(size=(120, 40)) as pilot:
            await pilot.pause()
            app.push_screen(YearScreen(2566))
            await pilot.pause()
            table = app.screen.query_one("#measures", DataTable)
            shown[language] = {table.get_row_at(index)[2].plain for index in range(table.row_count)}
    assert shown["en"] <= {"planned", "in progress", "done", "LATE", "cancelled"}
    assert not shown["th"] & shown["en"]


async def test_opening_a_year_composes_its_footer_once(sample_records, monkeypatch, tmp_path):
    """Textual's footer composed empty, then again with the keys after the screen's first paint: a second
    layout and paint of the whole screen. Ours has its keys from the start."""
    from textual.widgets import Footer
    from textual.widgets._footer import FooterKey

    composes = _Counted(monkeypatch, Footer, "compose")
    app = ItaApp(sample_records, "th", out_root=tmp_path / "out")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        composes.calls = 0
        app.push_screen(YearScreen(2566))
        await pilot.pause()
        await pilot.pause()
        assert composes.calls == 1
        assert {"ctrl+s", "f6", "f7"} <= {key.key for key in app.screen.query(FooterKey)}
