"""A folder with many measures and many findings: what the app skips measuring to stay fast must not change
what the user can see and reach."""

from __future__ import annotations

from ita_tui.tui.app import ItaApp
from ita_tui.tui.screens.year import YearScreen
from ita_tui.tui.widgets.problems import ProblemsPanel
from tests.conftest import MINIMAL_MEASURE

MEASURES = 60


def _many_measures_without_steps(records_builder) -> None:
    for order in range(1, MEASURES + 1):
        text = MINIMAL_MEASURE.replace("order = 1", f"order = {order}").replace(
            'title = "มาตรการทดสอบ"', f'title = "มาตรการทดสอบที่ {order}"').replace(
            'steps = ["แต่งตั้งคณะทำงาน"]\n', "")
        records_builder.write(f"2566/measures/{order:02d}-test.toml", text)


async def test_a_long_problems_list_fills_its_capped_panel_and_scrolls_to_the_last_finding(records_builder,
                                                                                        tmp_path):
    _many_measures_without_steps(records_builder)
    app = ItaApp(records_builder.root, "en", out_root=tmp_path / "out")
    async with app.run_test(size=(80, 24)) as pilot:
        app.push_screen(YearScreen(2566))
        await pilot.pause()
        panel = app.screen.query_one(ProblemsPanel)
        assert len(panel.findings) >= MEASURES
        assert panel.outer_size.height == 8  # max-height: the panel does not grow with its list
        panel.focus()
        await pilot.press("end")
        await pilot.pause()
        assert panel.highlighted == len(panel.options) - 1
        assert panel.scroll_offset.y == panel.max_scroll_y > 0
