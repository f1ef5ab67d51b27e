"""A screen closed leaves nothing alive behind it: a clerk opens hundreds of forms a day in one session.

Textual keeps a widget's watch on a longer-lived object until the watched attribute changes again
(textual#6666): Header watches the app's title, TextArea the app's theme. Neither changes in a session,
so every form closed kept its header and text areas (~6,000 objects).
"""

from __future__ import annotations

import gc
import weakref

from textual.widgets import DataTable

from ita_tui.tui.app import ItaApp
from ita_tui.tui.screens.measure import MeasureScreen
from ita_tui.tui.screens.year import YearScreen
from ita_tui.tui.widgets.problems import ProblemsPanel

EDITED = "2566/measures/02-public-forum.toml"


async def _alive(pilot, references: list) -> list[str]:
    """What is still alive once the screen's timers (a cursor's blink, every half second) have stopped."""
    for _ in range(20):
        await pilot.pause(0.05)
        gc.collect()
        alive = sorted(type(reference()).__name__ for reference in references if reference() is not None)
        if not alive:
            break
    return alive


async def _closed(app, pilot, screen) -> list:
    """Weak references to *screen* and every widget in it, taken while it is shown, then the screen closed."""
    app.push_screen(screen)
    await pilot.pause()
    references = [weakref.ref(screen)] + [weakref.ref(widget) for widget in screen.query("*")]
    assert len(references) > 10
    app.pop_screen()
    await pilot.pause()
    await pilot.pause()
    return references


async def test_a_measure_form_closed_leaves_none_of_its_widgets_alive(sample_records, tmp_path):
    app = ItaApp(sample_records, "th", out_root=tmp_path / "out")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        app.push_screen(YearScreen(2566))
        await pilot.pause()
        references = await _closed(app, pilot, MeasureScreen(2566, EDITED))
        assert await _alive(pilot, references) == []


async def test_a_year_closed_leaves_none_of_its_widgets_alive(sample_records, tmp_path):
    app = ItaApp(sample_records, "th", out_root=tmp_path / "out")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        references = await _closed(app, pilot, YearScreen(2566))
        assert await _alive(pilot, references) == []


async def test_the_footer_keys_keep_their_places_as_focus_moves(sample_records, tmp_path):
    """Textual lists the focused widget's keys first: tabbing into a text area moved F6 and F7 to the front
    of the line, and back again on the next field; a form opened on a text area (from a problem) showed
    them first from the start."""
    from ita_tui.tui.widgets.footer import ItaFooter

    app = ItaApp(sample_records, "th", out_root=tmp_path / "out")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        on_the_overview = [key.key for key in app.screen.query_one(ItaFooter).shown()]
        app.push_screen(YearScreen(2566))
        await pilot.pause()
        app.open_measure(2566, EDITED)
        await pilot.pause()
        footer = app.screen.query_one(ItaFooter)
        for _ in range(8):
            await pilot.press("tab")
            await pilot.pause()
            assert [key.key for key in footer.shown()] == on_the_overview, type(app.screen.focused).__name__
