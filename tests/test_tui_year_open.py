"""Opening a fiscal year does only the work its screen needs: counted calls, not timings (speed is in
bench/tui.py)."""

from __future__ import annotations

import pytest
import textual.widgets._data_table as data_table_module
from rich.text import Text
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


async def test_opening_a_year_draws_its_footer_keys_at_the_first_paint(sample_records, tmp_path):
    """Textual's footer composed empty, then again with the keys after the screen's first paint: a second
    layout and paint of the whole screen. Ours has its keys from the start."""
    from ita_tui.tui.widgets.footer import ItaFooter

    app = ItaApp(sample_records, "th", out_root=tmp_path / "out")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        app.push_screen(YearScreen(2566))
        await pilot.pause()
        footer = app.screen.query_one(ItaFooter)
        assert footer._drawn is not None and {"ctrl+s", "f6", "f7"} <= {key[0] for key in footer._drawn[0]}


CELLS = [Text("1"), Text(""), Text("ล่าช้า!", style="bold"), Text("ผู้ใหญ่บ้านน้ำใส"), Text("✗1 !2"),
         Text.assemble(("✗", "bold red"), (" ", ""), ("!", "yellow")), Text("● ชื่อ…"), Text("漢字"),
         Text("trailing  "), Text("สำนักปลัด, กองคลัง", style="italic"), Text("[b]not markup[/b]"),
         Text("a\u200db"), Text("two\nlines"), Text("tab\there"), Text("much too long for its column"),
         Text("right", justify="right")]


async def test_cells_are_drawn_as_textual_draws_them():
    """FixedWidthTable builds one-line cells itself; every cell (fits or not, styled, Thai, wide, cursor,
    hover, zebra) must come out as Textual's DataTable draws it: the same segments in the same styles."""
    from textual.app import App

    from ita_tui.tui.widgets.fixed_width_table import FixedWidthTable

    class OneTable(App):
        def compose(self):
            table = FixedWidthTable(cursor_type="row", zebra_stripes=True)
            for index, width in enumerate((3, 12, 20)):
                table.add_column(f"c{index}", width=width)
            for start in range(len(CELLS)):
                table.add_row(*(CELLS[(start + offset) % len(CELLS)] for offset in range(3)))
            yield table

    app = OneTable()
    async with app.run_test(size=(60, 30)) as pilot:
        await pilot.pause()
        table = app.query_one(FixedWidthTable)
        compared = 0
        for row in range(table.row_count):
            row_style = table._get_row_style(row, table.rich_style)
            for column, column_object in enumerate(table.ordered_columns):
                width = column_object.get_render_width(table)
                for cursor in (False, True):
                    for hover in (False, True):
                        table._cell_render_cache.clear()
                        ours = table._render_cell(row, column, row_style, width, cursor, hover)
                        table._cell_render_cache.clear()
                        theirs = DataTable._render_cell(table, row, column, row_style, width, cursor, hover)
                        assert ours == theirs, (row, column, cursor, hover)
                        compared += 1
        assert compared == len(CELLS) * 3 * 4


async def test_opening_a_year_lays_it_out_once_for_its_size(sample_records, monkeypatch, tmp_path):
    """Textual lays a new screen out, then sends it a Resize to the size it was just laid out at and lays
    it (and the screen below it) out again. Counted: full layouts of any screen while the year opens."""
    from textual._compositor import Compositor

    reflows = _Counted(monkeypatch, Compositor, "reflow")
    app = ItaApp(sample_records, "th", out_root=tmp_path / "out")
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        reflows.calls = 0
        app.push_screen(YearScreen(2566))
        await pilot.pause()
        await pilot.pause()
        # the first layout, and the one Textual asks for as every widget learns its size (virtual_size)
        assert reflows.calls <= 3  # was 5: the first layout, then as the widgets learn their sizes


async def test_the_year_list_follows_a_terminal_resized_while_it_is_open(sample_records, tmp_path):
    app = ItaApp(sample_records, "th", out_root=tmp_path / "out")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        app.push_screen(YearScreen(2566))
        await pilot.pause()
        table = app.screen.query_one("#measures", DataTable)
        assert "owners" not in [column.value for column in table.columns]
        await pilot.resize_terminal(130, 40)
        await pilot.pause()
        await pilot.pause()
        assert "owners" in [column.value for column in table.columns]
        assert table.region.width == 130 and app.screen.query_one("#problems").region.width == 130
        await pilot.resize_terminal(80, 24)
        await pilot.pause()
        await pilot.pause()
        assert "owners" not in [column.value for column in table.columns]
        assert table.region.width == 80


async def test_coming_back_with_nothing_changed_sets_nothing_again(sample_records, monkeypatch, tmp_path):
    """A Static's update and the panel's options each ask Textual for a new layout of the screen."""
    from textual.widgets import Static

    from ita_tui.tui.widgets.problems import ProblemsPanel

    app = ItaApp(sample_records, "th", out_root=tmp_path / "out")
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        app.push_screen(YearScreen(2566))
        await pilot.pause()
        app.open_measure(2566, EDITED)
        await pilot.pause()
        updates = _Counted(monkeypatch, Static, "update")
        shows = _Counted(monkeypatch, ProblemsPanel, "show")
        app.pop_screen()
        await pilot.pause()
        assert isinstance(app.screen, YearScreen)
        assert (updates.calls, shows.calls) == (0, 0)


async def test_coming_back_after_an_edit_shows_its_problems_and_title(sample_records, tmp_path):
    from ita_tui.tui.widgets.problems import ProblemsPanel

    app = ItaApp(sample_records, "th", out_root=tmp_path / "out")
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        year = YearScreen(2566)
        app.push_screen(year)
        await pilot.pause()
        panel = year.query_one(ProblemsPanel)
        before = [finding.rule_id for finding in panel.findings if finding.file == EDITED]
        app.open_measure(2566, EDITED)
        await pilot.pause()
        app.screen.query_one("#title", ThaiInput).value = ""
        app.screen.apply_now()
        app.pop_screen()
        await pilot.pause()
        after = [finding.rule_id for finding in panel.findings if finding.file == EDITED]
        assert len(after) > len(before)  # an empty title is a finding of its own
        app.open_measure(2566, EDITED)
        await pilot.pause()
        app.screen.query_one("#title", ThaiInput).value = "ชื่อที่ตั้งใหม่"
        app.screen.apply_now()
        app.pop_screen()
        await pilot.pause()
        assert [finding.rule_id for finding in panel.findings if finding.file == EDITED] == before
        assert before  # the sample's measure 2 has problems: the panel names it by its (new) title
        assert any("ชื่อที่ตั้งใหม่" in str(option.prompt) for option in panel.options)


async def test_opening_a_year_does_not_restyle_the_whole_screen(sample_records, monkeypatch, tmp_path):
    """Every widget is styled as it mounts; Textual restyled the whole screen again as it was first shown."""
    from textual.dom import DOMNode

    restyled = []
    original = DOMNode.update_node_styles

    def counted(self, *args, **kwargs):
        if isinstance(self, YearScreen):
            restyled.append(self)
        return original(self, *args, **kwargs)

    monkeypatch.setattr(DOMNode, "update_node_styles", counted)
    app = ItaApp(sample_records, "th", out_root=tmp_path / "out")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        app.push_screen(YearScreen(2566))
        await pilot.pause()
        await pilot.pause()
        assert restyled == []


async def test_rows_added_in_one_go_are_the_rows_add_row_adds():
    """FixedWidthTable.add_keyed_rows stands for add_row called per row: same rows, cells, keys, order,
    cursor and highlight message; a key given twice is refused the same way."""
    from textual.app import App
    from textual.widgets._data_table import DuplicateKey

    from ita_tui.tui.widgets.fixed_width_table import FixedWidthTable

    rows = [(f"row-{index}", (Text(str(index)), CELLS[index % len(CELLS)])) for index in range(30)]
    rows.append(("short", (Text("only one cell"),)))

    class TwoTables(App):
        highlighted: list = []

        def compose(self):
            for name in ("one-by-one", "in-one-go"):
                table = FixedWidthTable(id=name, cursor_type="row")
                table.add_column("n", width=4)
                table.add_column("text", width=20)
                yield table

        def on_data_table_row_highlighted(self, event):
            self.highlighted.append((event.data_table.id, event.cursor_row, event.row_key.value))

    app = TwoTables()
    async with app.run_test(size=(60, 30)) as pilot:
        await pilot.pause()
        one_by_one, in_one_go = app.query_one("#one-by-one"), app.query_one("#in-one-go")
        for key, cells in rows:
            one_by_one.add_row(*cells, key=key)
        in_one_go.add_keyed_rows(rows)
        await pilot.pause()
        for table in (one_by_one, in_one_go):
            assert [key.value for key in table.rows] == [key for key, _ in rows]
        assert [one_by_one.get_row_at(index) for index in range(len(rows))] == \
            [in_one_go.get_row_at(index) for index in range(len(rows))]
        assert [row.height for row in in_one_go.rows.values()] == [row.height for row in one_by_one.rows.values()]
        assert in_one_go.cursor_coordinate == one_by_one.cursor_coordinate
        assert in_one_go.virtual_size == one_by_one.virtual_size
        assert sorted(entry[1:] for entry in app.highlighted if entry[0] == "in-one-go") == \
            sorted(entry[1:] for entry in app.highlighted if entry[0] == "one-by-one") == [(0, "row-0")]
        with pytest.raises(DuplicateKey):
            in_one_go.add_keyed_rows([("row-3", (Text("again"),))])
        assert in_one_go.row_count == len(rows)


async def test_opening_a_measure_form_restyles_nothing_and_lays_it_out_once(sample_records, monkeypatch, tmp_path):
    """Textual gave the form's scrolling container the focus first (restyling the whole form), then again
    as the first field took it, restyled the screen as it was first shown, and laid it out a second time
    on the Resize it sends to the size just laid out."""
    from textual._compositor import Compositor
    from textual.dom import DOMNode

    from ita_tui.tui.screens.measure import MeasureScreen

    restyled = []
    original = DOMNode.update_node_styles

    def counted(self, *args, **kwargs):
        restyled.append(self)
        return original(self, *args, **kwargs)

    reflows = _Counted(monkeypatch, Compositor, "reflow")
    app = ItaApp(sample_records, "th", out_root=tmp_path / "out")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        app.push_screen(YearScreen(2566))
        await pilot.pause()
        monkeypatch.setattr(DOMNode, "update_node_styles", counted)
        reflows.calls = 0
        form = MeasureScreen(2566, EDITED)
        app.push_screen(form)
        await pilot.pause()
        await pilot.pause()
        assert form.focused is form.query_one("#title")
        big = [node for node in restyled if node is form or len(list(node.walk_children())) > 5]
        assert big == []  # focus moving between fields restyles those fields, not the form
        assert reflows.calls <= 3  # was 5: the first layout, then as the widgets learn their sizes
