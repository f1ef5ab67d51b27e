"""Ctrl+Z undoes and Ctrl+Y redoes in every editable field, and on the year list the structural actions
(add, duplicate, delete, move, F4 edit of the file) until the next save (issue 10)."""

from __future__ import annotations

from ita_tui.thai.cells import snap_to_cell
from ita_tui.tui.screens.measure import MeasureScreen
from ita_tui.tui.screens.memo import MemoScreen
from ita_tui.tui.widgets.marked_list import MarkedSelectionList
from ita_tui.tui.widgets.thai_text import ThaiInput, ThaiTextArea
from tests.test_tui_flows import _open_measure, _show
from tests.test_tui_key_order import _Fields, send_burst
from tests.test_tui_usability import SMALL, _app


async def _states_in_input(keys: list[str], undo_presses: int) -> tuple[str, list[str]]:
    """Type *keys* into an empty single-line field in one burst, then press Ctrl+Z *undo_presses* times;
    returns the typed value and the value after each Ctrl+Z."""
    app = _Fields()
    async with app.run_test() as pilot:
        line = app.query_one("#line", ThaiInput)
        line.focus()
        await pilot.pause()
        await send_burst(app, pilot, keys)
        typed = line.value
        states = []
        for _ in range(undo_presses):
            await pilot.press("ctrl+z")
            states.append(line.value)
        return typed, states


async def test_a_single_line_field_undoes_word_by_word_and_redoes():
    app = _Fields()
    async with app.run_test() as pilot:
        line = app.query_one("#line", ThaiInput)
        line.focus()
        await pilot.press(*"ab cd")
        assert line.value == "ab cd"
        await pilot.press("ctrl+z")
        assert (line.value, line.cursor_position) == ("ab ", 3)
        await pilot.press("ctrl+z")
        assert line.value == ""
        await pilot.press("ctrl+z")  # nothing left to undo: nothing happens
        assert line.value == ""
        await pilot.press("ctrl+y")
        assert line.value == "ab "
        await pilot.press("ctrl+y")
        assert (line.value, line.cursor_position) == ("ab cd", 5)


async def test_a_deletion_run_is_one_step_and_the_cursor_comes_back():
    app = _Fields()
    async with app.run_test() as pilot:
        line = app.query_one("#line", ThaiInput)
        line.focus()
        await pilot.press(*"abcdef", "left", "left", "backspace", "backspace")
        assert line.value == "abef"
        await pilot.press("ctrl+z")
        assert (line.value, line.cursor_position) == ("abcdef", 4)
        await pilot.press("ctrl+y")
        assert (line.value, line.cursor_position) == ("abef", 2)


async def test_undo_in_a_single_line_field_keeps_the_order_of_a_burst():
    typed, states = await _states_in_input(["ก", "า", "backspace", "ข", "ctrl+z", "ค"], 0)
    # typing "กา", deleting "า", typing "ข", undoing it, typing "ค": each key in the order sent
    assert typed == "กค"
    typed, states = await _states_in_input(["ก", "า", "backspace", "ข"], 3)
    assert typed == "กข"
    assert states == ["ก", "กา", ""]


THAI_RUN = "ผู้ใหญ่บ้านที่นี่ได้ร่วมประชุมประจำเดือนกับคณะทำงานอย่างสม่ำเสมอทุกครั้ง"


async def test_an_undo_step_never_ends_inside_a_thai_cluster():
    typed, states = await _states_in_input(list(THAI_RUN), len(THAI_RUN))
    assert typed == THAI_RUN
    assert states[-1] == ""
    assert len(set(states)) > 2  # a long run without spaces is more than one step
    for value in states:
        assert THAI_RUN.startswith(value)
        assert snap_to_cell(THAI_RUN, len(value)) == len(value), value  # whole clusters only


async def test_a_paste_is_one_step():
    from textual import events

    app = _Fields()
    async with app.run_test() as pilot:
        line = app.query_one("#line", ThaiInput)
        line.focus()
        await pilot.press(*"ab")
        line.post_message(events.Paste("ใหม่ทั้งหมด"))
        await pilot.pause()
        assert line.value == "abใหม่ทั้งหมด"
        await pilot.press("ctrl+z")
        assert line.value == "ab"


async def test_a_form_field_undone_back_to_its_text_leaves_nothing_unsaved(sample_records, tmp_path):
    app = _app(sample_records, tmp_path)
    async with app.run_test(size=SMALL) as pilot:
        screen = await _show(pilot, app, MemoScreen(2566))
        subject = screen.query_one("#subject", ThaiInput)
        before = subject.value
        subject.focus()
        await pilot.press("end", *" ใหม่")
        screen.apply_now()
        assert app.session.modified_files() == ["2566/report.toml"]
        await pilot.press("ctrl+z", "ctrl+z")
        assert subject.value == before
        await pilot.press("ctrl+z")  # the loaded text is where undo stops
        assert subject.value == before
        screen.apply_now()
        assert app.session.modified_files() == []


async def test_a_text_area_undoes_typing_a_line_move_and_an_editor_edit(sample_records, tmp_path, monkeypatch):
    from tests.test_tui_flows import _fake_editor

    _fake_editor(tmp_path, monkeypatch, """
        open(path, "w", encoding="utf-8").write("แก้ในโปรแกรมอื่น\\n")
    """)
    app = _app(sample_records, tmp_path)
    async with app.run_test(size=SMALL) as pilot:
        screen = await _open_measure(pilot, app)
        steps = screen.query_one("#steps", ThaiTextArea)
        before = steps.text
        steps.focus()
        await pilot.press("f10")  # the first step moves down a line
        assert steps.text != before
        await pilot.press("ctrl+z")
        assert steps.text == before
        await pilot.press("ctrl+y")
        assert steps.text != before
        await pilot.press("ctrl+z")
        await pilot.press("f4")
        await pilot.pause()
        assert steps.text == "แก้ในโปรแกรมอื่น"
        await pilot.press("ctrl+z")
        assert steps.text == before
        title = screen.query_one("#title", ThaiInput)
        title_before = title.value
        title.focus()
        await pilot.press("f4")
        await pilot.pause()
        assert title.value == "แก้ในโปรแกรมอื่น"
        await pilot.press("ctrl+z")
        assert title.value == title_before


async def test_a_text_area_undoes_a_burst_in_order(sample_records, tmp_path):
    app = _app(sample_records, tmp_path)
    async with app.run_test(size=SMALL) as pilot:
        screen = await _open_measure(pilot, app)
        area = screen.query_one("#recommendation", ThaiTextArea)
        before = area.text
        area.focus()
        area.move_cursor((0, 0))
        await send_burst(app, pilot, ["ก", "ctrl+z", "ข"])
        assert area.text == "ข" + before
        await send_burst(app, pilot, ["ctrl+z"])
        assert area.text == before


async def test_ticks_and_the_signing_order_are_undone_in_their_list(sample_records, tmp_path):
    app = _app(sample_records, tmp_path)
    async with app.run_test(size=SMALL) as pilot:
        screen = await _show(pilot, app, MemoScreen(2566))
        signers = screen.query_one("#signatories", MarkedSelectionList)
        order, ticked = signers.values_in_order(), list(signers.selected)
        signers.focus()
        signers.highlighted = 0
        await pilot.press("f10")  # the first signer moves down
        await pilot.press("space")  # and the highlighted one is un-ticked
        assert (signers.values_in_order(), list(signers.selected)) != (order, ticked)
        await pilot.press("ctrl+z", "ctrl+z")
        assert signers.values_in_order() == order and sorted(signers.selected) == sorted(ticked)
        screen.apply_now()
        assert app.session.modified_files() == []
        await pilot.press("ctrl+y", "ctrl+y")
        assert signers.values_in_order() != order
        measure = await _show(pilot, app, MeasureScreen(2566, "2566/measures/04-smart-country.toml"))
        quarters = measure.query_one("#quarters", MarkedSelectionList)
        quarters.focus()
        quarters.highlighted = 0
        before = sorted(quarters.selected)
        await pilot.press("space")
        assert sorted(quarters.selected) != before
        await pilot.press("ctrl+z")
        assert sorted(quarters.selected) == before
