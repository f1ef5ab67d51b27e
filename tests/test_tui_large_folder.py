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


async def _year_problems(app, pilot) -> ProblemsPanel:
    app.push_screen(YearScreen(2566))
    await pilot.pause()
    return app.screen.query_one(ProblemsPanel)


async def test_a_long_problems_list_fills_its_capped_panel_and_scrolls_to_the_last_finding(records_builder,
                                                                                        tmp_path):
    _many_measures_without_steps(records_builder)
    app = ItaApp(records_builder.root, "en", out_root=tmp_path / "out")
    async with app.run_test(size=(80, 24)) as pilot:
        panel = await _year_problems(app, pilot)
        assert len(panel.findings) >= MEASURES
        assert panel.outer_size.height == 8  # max-height: the panel does not grow with its list
        panel.focus()
        await pilot.press("end")
        await pilot.pause()
        assert panel.highlighted == len(panel.options) - 1
        assert panel.scroll_offset.y == panel.max_scroll_y > 0


async def test_past_the_first_findings_a_more_line_lists_them_all(records_builder, tmp_path):
    """Textual measures every option of a list at each layout: the panel lists SHOWN_AT_ONCE findings and a
    line that lists the rest on Enter, so nothing is out of reach."""
    from ita_tui.tui.widgets.problems import SHOWN_AT_ONCE

    _many_measures_without_steps(records_builder)
    app = ItaApp(records_builder.root, "en", out_root=tmp_path / "out")
    async with app.run_test(size=(80, 24)) as pilot:
        panel = await _year_problems(app, pilot)
        hidden = len(panel.findings) - SHOWN_AT_ONCE
        assert hidden > 0 and panel.option_count == SHOWN_AT_ONCE + 1
        assert panel.get_option_at_index(SHOWN_AT_ONCE).prompt.plain == f"… {hidden} more (Enter lists them all)"
        panel.focus()
        await pilot.press("end", "enter")
        await pilot.pause()
        assert panel.option_count == len(panel.findings)
        assert panel.highlighted == SHOWN_AT_ONCE  # on the first finding the line stood for
        last = panel.findings[-1]
        await pilot.press("end", "enter")  # the last finding: Enter jumps to its measure
        await pilot.pause()
        from ita_tui.tui.screens.measure import MeasureScreen

        assert isinstance(app.screen, MeasureScreen) and app.screen.file == last.file


async def test_problems_are_listed_in_the_order_of_the_measures_not_of_their_file_names(records_builder,
                                                                                       tmp_path):
    """Moved with `u`, a measure keeps its file name: measure 2 in 01-... and measure 1 in 02-... are
    listed 1 then 2, as the year's list shows them (and 10 after 9, not after 1)."""
    from tests.conftest import MINIMAL_MEASURE

    for number, name in ((2, "01-test"), (1, "02-test"), (10, "03-test")) + tuple(
            (n, f"{n + 1:02d}-test") for n in range(3, 10)):
        records_builder.write(f"2566/measures/{name}.toml", MINIMAL_MEASURE.replace(
            "order = 1", f"order = {number}").replace('steps = ["แต่งตั้งคณะทำงาน"]\n', ""))
    app = ItaApp(records_builder.root, "th", out_root=tmp_path / "out")
    async with app.run_test(size=(120, 40)) as pilot:
        app.push_screen(YearScreen(2566))
        await pilot.pause()
        panel = app.screen.query_one(ProblemsPanel)
        numbers = [app.session.list_undo.number_of(2566, f.file) for f in panel.findings
                   if f.file.startswith("2566/measures/")]
        assert numbers == sorted(numbers) and numbers[0] == 1 and numbers[-1] == 10
