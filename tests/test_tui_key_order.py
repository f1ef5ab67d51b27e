"""Keys that arrive in one burst (a paste, a slow SSH link) are applied in the order they were typed.

Textual 8.2.8 inserts printable characters in the focused widget's own queue but lets bound keys
(Backspace, Delete, arrows, Home/End, word motion) bubble to the app first, so a burst `ก า Backspace ข`
came out as `กา` (upstream Textual issue #6605, open PR #6631). These tests post a whole burst without
waiting between keys, the way the terminal driver does, and check the text.
"""

from __future__ import annotations

import unicodedata

import pytest
from textual import events
from textual.app import App, ComposeResult
from textual.keys import REPLACED_KEYS, _character_to_key as character_to_key, _get_unicode_name_from_key

from ita_tui.tui.widgets.thai_text import ThaiInput, ThaiTextArea


def key_event(key: str) -> events.Key:
    """The event the terminal driver makes for *key*: a character carries itself (Thai marks too)."""
    if len(key) == 1:
        return events.Key(key if key.isalnum() else character_to_key(key), key)
    original = REPLACED_KEYS.get(key, key)
    try:
        char = unicodedata.lookup(_get_unicode_name_from_key(original))
    except KeyError:
        char = None
    return events.Key(key, char)


async def send_burst(app: App, pilot, keys: list[str]) -> None:
    """Post every key to the app at once (no waiting in between), then let the app settle."""
    for key in keys:
        event = key_event(key)
        event.set_sender(app)
        app._driver.send_message(event)
    for _ in range(5):
        await pilot.pause()


class _Fields(App):
    def compose(self) -> ComposeResult:
        yield ThaiInput(id="line")
        yield ThaiTextArea(id="area")


async def _typed_in_input(start: str, cursor: int, keys: list[str]) -> str:
    app = _Fields()
    async with app.run_test() as pilot:
        line = app.query_one("#line", ThaiInput)
        line.focus()
        line.value = start
        line.cursor_position = cursor
        await pilot.pause()
        await send_burst(app, pilot, keys)
        return line.value


async def _typed_in_area(start: str, location: tuple[int, int], keys: list[str]) -> str:
    app = _Fields()
    async with app.run_test() as pilot:
        area = app.query_one("#area", ThaiTextArea)
        area.focus()
        area.text = start
        area.move_cursor(location)
        await pilot.pause()
        await send_burst(app, pilot, keys)
        return area.text


BURSTS = [
    # (what the field held, cursor, keys of one burst, what the user meant)
    ("", 0, ["ก", "า", "backspace", "ข"], "กข"),
    ("abc", 3, ["home", "Z"], "Zabc"),
    ("abc", 0, ["end", "Z"], "abcZ"),
    ("ab", 2, ["left", "delete", "X"], "aX"),
    ("ab", 2, ["left", "left", "right", "X"], "aXb"),
    ("", 0, ["ผ", "ู", "้", "left", "ก"], "กผู้"),
    ("ผู้รับ", 0, ["delete", "right", "ก"], "รักบ"),
    ("ดำเนินการ จัด", 13, ["ctrl+left", "ก"], "ดำเนินการ กจัด"),
    ("ab cd", 0, ["ctrl+right", "ctrl+right", "X"], "ab cdX"),
    ("ab cd", 5, ["ctrl+w", "X"], "ab X"),
]


@pytest.mark.parametrize("start, cursor, keys, meant", BURSTS)
async def test_a_burst_in_an_input_is_applied_in_order(start, cursor, keys, meant):
    assert await _typed_in_input(start, cursor, keys) == meant


@pytest.mark.parametrize("start, cursor, keys, meant", BURSTS)
async def test_a_burst_in_a_text_area_is_applied_in_order(start, cursor, keys, meant):
    assert await _typed_in_area(start, (0, cursor), keys) == meant


async def test_a_burst_across_lines_of_a_text_area_is_applied_in_order():
    assert await _typed_in_area("ab\ncd", (1, 2), ["up", "X", "down", "backspace", "Y"]) == "abX\ncY"
    assert await _typed_in_area("", (0, 0), ["a", "enter", "b", "backspace", "c"]) == "a\nc"


async def test_a_burst_in_the_measure_form_and_the_command_palette_is_applied_in_order(sample_records, tmp_path):
    from textual.command import CommandInput

    from ita_tui.tui.app import ItaApp

    app = ItaApp(sample_records, "th", out_root=tmp_path / "out")
    async with app.run_test(size=(80, 24)) as pilot:
        app.open_measure(2566, "2566/measures/01-public-private-interest.toml")
        await pilot.pause()
        title = app.screen.query_one("#title", ThaiInput)
        title.focus()
        title.value = "abc"
        title.cursor_position = 3
        await send_burst(app, pilot, ["home", "Z", "end", "ก", "า", "backspace", "ข"])
        assert title.value == "Zabcกข"
        await pilot.press("ctrl+p")
        await pilot.pause()
        search = app.screen.query_one(CommandInput)
        await send_burst(app, pilot, ["ก", "า", "backspace", "ข", "home", "Z"])
        assert search.value == "Zกข"


async def test_tab_in_a_burst_moves_on_before_the_next_characters(sample_records, tmp_path):
    from ita_tui.tui.app import ItaApp
    from ita_tui.tui.screens.memo import MemoScreen

    app = ItaApp(sample_records, "th", out_root=tmp_path / "out")
    async with app.run_test(size=(80, 24)) as pilot:
        app.push_screen(MemoScreen(2566))
        await pilot.pause()
        number, date = app.screen.query_one("#number", ThaiInput), app.screen.query_one("#date", ThaiInput)
        number.focus()
        number.value, date.value = "", ""
        await pilot.pause()
        await send_burst(app, pilot, ["1", "tab", "2", "shift+tab", "3"])
        assert (number.value, date.value) == ("13", "2")


async def _typed_then(key: str, sample_records, tmp_path):
    """Open measure 1, put the cursor at the end of its title and send `X Y Z <key>` as one burst."""
    from ita_tui.tui.app import ItaApp
    from ita_tui.tui.screens.year import YearScreen

    app = ItaApp(sample_records, "th", out_root=tmp_path / "out")
    async with app.run_test(size=(80, 24)) as pilot:
        app.push_screen(YearScreen(2566))
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        title = app.screen.query_one("#title", ThaiInput)
        assert title.has_focus
        await send_burst(app, pilot, ["end", "X", "Y", "Z", key])
        return app, title.value, app.screen


async def test_ctrl_s_at_the_end_of_a_burst_saves_what_was_typed_before_it(sample_records, tmp_path):
    app, title, _ = await _typed_then("ctrl+s", sample_records, tmp_path)
    assert title.endswith("XYZ")
    saved = next((sample_records / "2566/measures").glob("01-*.toml")).read_text(encoding="utf-8")
    assert "XYZ" in saved and not app.session.modified_files()


async def test_ctrl_q_at_the_end_of_a_burst_asks_about_what_was_typed_before_it(sample_records, tmp_path):
    from ita_tui.tui.dialogs import ChoiceDialog

    app, title, screen = await _typed_then("ctrl+q", sample_records, tmp_path)
    assert title.endswith("XYZ")
    assert isinstance(screen, ChoiceDialog) and app.return_code is None  # "save / discard / cancel?", not gone
