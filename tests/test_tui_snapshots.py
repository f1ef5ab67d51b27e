"""Snapshots of the main screens with the shipped sample, at 80×24 (PuTTY's default) and 120×40."""

from __future__ import annotations

import pytest

from ita_tui.tui.app import ItaApp
from ita_tui.tui.screens.measure import MeasureScreen
from ita_tui.tui.screens.memo import MemoScreen
from ita_tui.tui.screens.year import YearScreen

SIZES = [(80, 24), (120, 40)]


def _app(sample_records, tmp_path):
    return ItaApp(sample_records, "th", out_root=tmp_path / "out")


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_overview(snap_compare, sample_records, tmp_path, size):
    assert snap_compare(_app(sample_records, tmp_path), terminal_size=size)


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_year(snap_compare, sample_records, tmp_path, size):
    async def open_year(pilot):
        pilot.app.push_screen(YearScreen(2566))
        await pilot.pause()
    assert snap_compare(_app(sample_records, tmp_path), terminal_size=size, run_before=open_year)


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_measure_form(snap_compare, sample_records, tmp_path, size):
    async def open_measure(pilot):
        pilot.app.push_screen(MeasureScreen(2566, "2566/measures/02-public-forum.toml"))
        await pilot.pause()
    assert snap_compare(_app(sample_records, tmp_path), terminal_size=size, run_before=open_measure)


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_memo_form(snap_compare, sample_records, tmp_path, size):
    async def open_memo(pilot):
        pilot.app.push_screen(MemoScreen(2566))
        await pilot.pause()
    assert snap_compare(_app(sample_records, tmp_path), terminal_size=size, run_before=open_memo)
