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


# -- the year list: add, duplicate, delete, move, F4 until the next save ---------------------------------
MEASURES = "2566/measures"


def _files(records) -> dict[str, bytes]:
    return {path.name: path.read_bytes() for path in sorted((records / MEASURES).glob("*.toml"))}


def _listed(screen) -> list[tuple[int, str, str]]:
    return [(m.order, m.origin.file, m.title) for m in screen.year.measures]


async def _year(pilot, app):
    from ita_tui.tui.screens.year import YearScreen

    return await _show(pilot, app, YearScreen(2566))


async def _delete_row(pilot, app, screen, row: int) -> None:
    screen.query_one("#measures").move_cursor(row=row)
    await pilot.press("d")
    await pilot.pause()
    app.screen.dismiss("yes")
    await pilot.pause()


async def _press(pilot, *keys) -> None:
    await pilot.press(*keys)
    await pilot.pause()


async def test_a_deleted_measure_comes_back_with_ctrl_z_exactly_as_it_was(sample_records, tmp_path):
    disk = _files(sample_records)
    app = _app(sample_records, tmp_path)
    async with app.run_test(size=SMALL) as pilot:
        screen = await _year(pilot, app)
        listed = _listed(screen)
        await _delete_row(pilot, app, screen, 2)
        assert len(screen.year.measures) == 3
        await _press(pilot, "ctrl+z")
        assert _listed(screen) == listed
        assert _files(sample_records) == disk  # the file is back, byte for byte; nothing else written
        assert app.session.modified_files() == [] and "●" not in app.sub_title
        assert screen.selected_file() == listed[2][1]
        assert any("เลิกทำ: ลบมาตรการที่ 3" in str(n.message) for n in app._notifications)
        await _press(pilot, "ctrl+y")  # redo: deleted again, the last measure renumbered (unsaved)
        assert [m.order for m in screen.year.measures] == [1, 2, 3]
        assert not (sample_records / listed[2][1]).exists()
        await _press(pilot, "ctrl+z")
        assert _listed(screen) == listed and _files(sample_records) == disk


async def test_a_move_and_an_add_are_undone_step_by_step(sample_records, tmp_path):
    disk = _files(sample_records)
    app = _app(sample_records, tmp_path)
    async with app.run_test(size=SMALL) as pilot:
        screen = await _year(pilot, app)
        listed = _listed(screen)
        screen.query_one("#measures").move_cursor(row=1)
        await _press(pilot, "f10")  # measure 2 moves down
        await _press(pilot, "c")  # the moved measure is duplicated as measure 5
        assert len(screen.year.measures) == 5
        await _press(pilot, "ctrl+z")
        assert [m.order for m in screen.year.measures] == [1, 2, 3, 4]
        assert _listed(screen) != listed  # the move is still there
        assert screen.selected_file() == listed[1][1]
        await _press(pilot, "ctrl+z")
        assert _listed(screen) == listed and screen.selected_file() == listed[1][1]
        assert app.session.modified_files() == []
        await _press(pilot, "ctrl+y", "ctrl+y")
        assert len(screen.year.measures) == 5 and screen.year.measures[2].origin.file == listed[1][1]
        await _press(pilot, "ctrl+z", "ctrl+z")
        assert _listed(screen) == listed and app.session.modified_files() == []
    assert _files(sample_records) == disk


async def test_an_f4_edit_of_the_file_is_undone_through_a_checked_save(sample_records, tmp_path, monkeypatch):
    from tests.test_tui_flows import REPLACE_2565_BY_2566, _fake_editor

    _fake_editor(tmp_path, monkeypatch, REPLACE_2565_BY_2566)
    disk = _files(sample_records)
    app = _app(sample_records, tmp_path)
    async with app.run_test(size=SMALL) as pilot:
        screen = await _year(pilot, app)
        listed = _listed(screen)
        await _press(pilot, "f4")
        assert _files(sample_records) != disk
        await _press(pilot, "ctrl+z")
        assert _files(sample_records) == disk
        assert _listed(screen) == listed and app.session.modified_files() == []
        await _press(pilot, "ctrl+y")
        assert _files(sample_records) != disk
        changed = sample_records / MEASURES / listed[0][1].rsplit("/", 1)[1]
        changed.write_bytes(changed.read_bytes() + b"# a colleague's line\n")  # then someone else edits it
        await _press(pilot, "ctrl+z")
        assert changed.read_bytes().endswith(b"# a colleague's line\n")  # never written over
        assert any("เลิกทำไม่ได้" in str(n.message) for n in app._notifications)


async def test_after_a_save_there_is_nothing_to_undo_on_the_list(sample_records, tmp_path):
    app = _app(sample_records, tmp_path)
    async with app.run_test(size=SMALL) as pilot:
        screen = await _year(pilot, app)
        await _press(pilot, "f10")
        await _press(pilot, "ctrl+s")
        saved = _files(sample_records)
        listed = _listed(screen)
        await _press(pilot, "ctrl+z")
        assert _listed(screen) == listed and _files(sample_records) == saved
        assert any("ไม่มีอะไรให้เลิกทำ" in str(n.message) for n in app._notifications)


async def test_the_year_footer_with_undo_fits_80_columns_in_english_too(sample_records, tmp_path):
    from tests.conftest import keys_in_sight

    for lang in ("th", "en"):
        app = _app(sample_records, tmp_path, lang)
        async with app.run_test(size=SMALL) as pilot:
            await _year(pilot, app)
            assert "ctrl+z" in keys_in_sight(app), lang


async def test_a_new_measure_undone_and_redone_keeps_what_was_typed_into_it(sample_records, tmp_path):
    disk = _files(sample_records)
    app = _app(sample_records, tmp_path)
    async with app.run_test(size=SMALL) as pilot:
        screen = await _year(pilot, app)
        listed = _listed(screen)
        await _press(pilot, "a")
        form = app.screen
        form.query_one("#title", ThaiInput).value = "มาตรการใหม่"
        form.apply_now()
        await _press(pilot, "escape")
        await _press(pilot, "ctrl+z")
        assert _listed(screen) == listed and app.session.modified_files() == []
        await _press(pilot, "ctrl+y")
        assert screen.year.measures[-1].title == "มาตรการใหม่"
        assert screen.selected_file() == screen.year.measures[-1].origin.file
        await _delete_row(pilot, app, screen, 4)  # a measure no save has written: deleted, then back
        await _press(pilot, "ctrl+z")
        assert [m.title for m in screen.year.measures][-1] == "มาตรการใหม่"
        assert app.session.modified_files() == [screen.year.measures[-1].origin.file]
    assert _files(sample_records) == disk


async def test_an_f4_edit_that_broke_the_file_is_undone_to_the_good_file(sample_records, tmp_path, monkeypatch):
    from tests.test_tui_flows import _fake_editor

    _fake_editor(tmp_path, monkeypatch, """
        open(path, "a", encoding="utf-8").write("title = [unclosed\\n")
    """)
    disk = _files(sample_records)
    app = _app(sample_records, tmp_path)
    async with app.run_test(size=SMALL) as pilot:
        screen = await _year(pilot, app)
        listed = _listed(screen)
        await _press(pilot, "f4")
        assert len(screen.year.measures) == 3  # the broken file left the list; its problem shows
        assert [f for f in app.session.findings if f.rule_id == "file-toml-syntax"]
        await _press(pilot, "ctrl+z")
        assert _files(sample_records) == disk and _listed(screen) == listed
        assert not [f for f in app.session.findings if f.rule_id == "file-toml-syntax"]
        await _press(pilot, "ctrl+y", "ctrl+z")
        assert _files(sample_records) == disk and _listed(screen) == listed


async def test_the_history_names_the_action_an_undo_took_back(sample_records, tmp_path, monkeypatch):
    """A deleted measure undone is a file added back; the history says "undo: delete measure ๓", not only
    "add measure ๓"."""
    notes = []
    app = _app(sample_records, tmp_path)
    monkeypatch.setattr(app, "record_saved", lambda changes, note="": notes.append(note))
    async with app.run_test(size=SMALL) as pilot:
        screen = await _year(pilot, app)
        await _delete_row(pilot, app, screen, 2)
        await _press(pilot, "ctrl+z")
        await _press(pilot, "ctrl+y")
    assert notes[-2:] == ["เลิกทำ: ลบมาตรการที่ ๓", "ทำซ้ำ: ลบมาตรการที่ ๓"]
