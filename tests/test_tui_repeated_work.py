"""The app does not redo work that did not change: counted calls, not timings (speed is in bench/tui.py)."""

from __future__ import annotations

from textual.widgets._footer import FooterKey

from ita_tui.tui.app import ItaApp
from ita_tui.tui.screens.year import YearScreen
from ita_tui.tui.widgets.footer import ItaFooter


class _Counter:
    """Wraps a method of a class and counts its calls (monkeypatch undoes it)."""

    def __init__(self, monkeypatch, owner, name):
        self.calls = 0
        original = getattr(owner, name)

        def counted(*args, **kwargs):
            self.calls += 1
            return original(*args, **kwargs)

        monkeypatch.setattr(owner, name, counted)


async def test_the_footer_is_one_widget_whatever_its_keys(sample_records, tmp_path):
    """Textual's footer mounts, styles and lays out a widget per key (a fifth of a screen's opening)."""
    app = ItaApp(sample_records, "th", out_root=tmp_path / "out")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        app.push_screen(YearScreen(2566))
        await pilot.pause()
        footer = app.screen.query_one(ItaFooter)
        assert list(footer.children) == [] and not app.screen.query(FooterKey)
        assert {"ctrl+s", "f6", "f7"} <= {key.key for key in footer.shown()}


async def test_the_footer_is_drawn_again_only_when_its_keys_change(sample_records, monkeypatch, tmp_path):
    draws = _Counter(monkeypatch, ItaFooter, "render")
    app = ItaApp(sample_records, "th", out_root=tmp_path / "out")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        draws.calls = 0
        app.push_screen(YearScreen(2566))
        await pilot.pause()
        await pilot.pause()
        assert draws.calls == 1  # drawn with the screen's keys at its first paint
        await pilot.press("down", "up")
        await pilot.pause()
        assert draws.calls == 1
        app.pop_screen()
        await pilot.pause()
        assert draws.calls == 1  # the overview's footer still shows the overview's keys


WARM_UP_SCRIPT = """
import asyncio, sys
from ita_tui.tui.app import ItaApp

async def main():
    app = ItaApp(sys.argv[1], "th", out_root=sys.argv[2])
    loaded_at_start = "fpdf" in sys.modules
    async with app.run_test(size=(80, 24)) as pilot:
        while app.export_warm_up is None:
            await pilot.pause()
        app.export_warm_up.join(60)
        print(loaded_at_start, "fpdf" in sys.modules, "ita_tui.render.build" in sys.modules)

asyncio.run(main())
"""


def test_the_pdf_stack_loads_in_the_background_after_the_first_screen(sample_records, tmp_path):
    """Importing fpdf2 and HarfBuzz was most of the first F5's wait; the app starts without them."""
    import subprocess
    import sys

    result = subprocess.run([sys.executable, "-c", WARM_UP_SCRIPT, str(sample_records), str(tmp_path / "out")],
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["False", "True", "True"]


async def test_coming_back_from_a_form_rewrites_only_the_edited_row(sample_records, monkeypatch, tmp_path):
    from textual.widgets import DataTable

    from ita_tui.tui.widgets.thai_text import ThaiInput

    edited = "2566/measures/02-public-forum.toml"
    app = ItaApp(sample_records, "th", out_root=tmp_path / "out")
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        year = YearScreen(2566)
        app.push_screen(year)
        await pilot.pause()
        added = _Counter(monkeypatch, DataTable, "add_row")
        updated = _Counter(monkeypatch, DataTable, "update_cell")
        app.open_measure(2566, edited)
        await pilot.pause()
        app.screen.query_one("#title", ThaiInput).value = "ชื่อใหม่ของมาตรการ"
        app.screen.apply_now()
        app.pop_screen()
        await pilot.pause()
        table = year.query_one("#measures", DataTable)
        assert added.calls == 0
        assert 1 <= updated.calls <= len(table.columns)
        assert any("ชื่อใหม่ของมาตรการ" in cell.plain for cell in table.get_row(edited))
        assert all("ชื่อใหม่" not in cell.plain for key in table.rows if key.value != edited
                   for cell in table.get_row(key))
