"""Thai editing: the cursor moves by visible cell, Delete removes a whole cell, Backspace one code point."""

from __future__ import annotations

from textual.app import App, ComposeResult

from ita_tui.thai.cells import next_cell, next_word, previous_cell, previous_word, snap_to_cell
from ita_tui.tui.widgets.thai_text import ThaiInput, ThaiTextArea


def test_cells_step_over_marks():
    text = "ผู้รับ"
    assert next_cell(text, 0) == 3 and previous_cell(text, 3) == 0
    assert snap_to_cell(text, 2) == 0 and next_cell(text, len(text)) == len(text)


def test_words_follow_the_thai_segmenter():
    text = "ดำเนินการจัดอบรม แล้ว"
    assert next_word(text, 0) == 6  # ดำเนิน|การ
    assert previous_word(text, len(text)) == text.index("แล้ว")


class _Form(App):
    def compose(self) -> ComposeResult:
        yield ThaiInput("ผู้รับ", id="line")
        yield ThaiTextArea("ผู้รับผิดชอบ", id="area")


async def test_input_right_arrow_moves_a_whole_cell_and_delete_removes_it():
    app = _Form()
    async with app.run_test() as pilot:
        line = app.query_one("#line", ThaiInput)
        line.focus()
        line.cursor_position = 0
        await pilot.press("right")
        assert line.cursor_position == 3
        await pilot.press("left")
        assert line.cursor_position == 0
        await pilot.press("delete")
        assert line.value == "รับ"


async def test_input_backspace_removes_one_code_point():
    app = _Form()
    async with app.run_test() as pilot:
        line = app.query_one("#line", ThaiInput)
        line.focus()
        line.cursor_position = 3
        await pilot.press("backspace")
        assert line.value == "ผูรับ"


async def test_focusing_an_input_does_not_select_it_so_typing_never_wipes_it():
    app = _Form()
    async with app.run_test() as pilot:
        line = app.query_one("#line", ThaiInput)
        line.focus()
        await pilot.press("end", "ก")
        assert line.value == "ผู้รับก"


async def test_text_area_moves_and_deletes_by_cell_and_backspaces_by_code_point():
    app = _Form()
    async with app.run_test() as pilot:
        area = app.query_one("#area", ThaiTextArea)
        area.focus()
        area.move_cursor((0, 0))
        await pilot.press("right")
        assert area.cursor_location == (0, 3)
        area.move_cursor((0, 2))  # inside ผู้: snapped to the cell start
        assert area.cursor_location == (0, 0)
        await pilot.press("delete")
        assert area.text == "รับผิดชอบ"
        area.text = "ผู้รับ"
        area.move_cursor((0, 3))
        await pilot.press("backspace")
        assert area.text == "ผูรับ"
