"""What a form writes is what the user changed: an edit undone is no edit; a value that does not parse is
never replaced silently by the old one."""

from __future__ import annotations

from ita_tui.tui.app import ItaApp
from ita_tui.tui.screens.measure import MeasureScreen
from ita_tui.tui.widgets.thai_text import ThaiTextArea

MEASURE = "2566/measures/01-test.toml"


async def test_typing_into_an_empty_field_and_deleting_it_is_no_edit(records_builder, tmp_path):
    path = records_builder.root / MEASURE
    before = path.read_bytes()
    assert b"evidence" not in before
    app = ItaApp(records_builder.root, "en", out_root=tmp_path / "out")
    async with app.run_test(size=(80, 24)) as pilot:
        app.push_screen(MeasureScreen(2566, MEASURE))
        await pilot.pause()
        screen = app.screen
        evidence = screen.query_one("#evidence", ThaiTextArea)
        evidence.focus()
        await pilot.press("a")
        screen.apply_now()
        assert app.session.has_unsaved
        await pilot.press("backspace")
        screen.apply_now()
        await pilot.pause()
        assert not app.session.has_unsaved
        assert app.sub_title == "all saved"
        await pilot.press("ctrl+s")
        await pilot.pause()
    assert path.read_bytes() == before
