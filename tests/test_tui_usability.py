"""A clerk's working day at 80×24: the things issue 10 saw them trip over, each kept fixed."""

from __future__ import annotations

import difflib

from ita_tui.tui.app import ItaApp
from ita_tui.tui.dialogs import ChoiceDialog
from ita_tui.tui.screens.form import APPLY_DELAY
from ita_tui.tui.screens.measure import MeasureScreen
from ita_tui.tui.screens.year import YearScreen
from ita_tui.tui.widgets.problems import ProblemsPanel
from ita_tui.tui.widgets.thai_text import ThaiTextArea
from tests.test_tui_flows import _fake_editor, _open_measure, _save, _show

SMALL = (80, 24)


def _app(records, tmp_path, lang="th") -> ItaApp:
    return ItaApp(records, lang, out_root=tmp_path / "out")


async def test_editor_gets_a_final_newline_and_an_appended_line_is_a_new_item(sample_records, tmp_path,
                                                                              monkeypatch):
    _fake_editor(tmp_path, monkeypatch, """
        text = open(path, encoding="utf-8").read()
        assert text.endswith("\\n") and not text.endswith("\\n\\n"), repr(text[-20:])
        open(path, "a", encoding="utf-8").write("ขั้นตอนใหม่\\n")
    """)
    app = _app(sample_records, tmp_path)
    async with app.run_test(size=SMALL) as pilot:
        screen = await _open_measure(pilot, app)
        steps = screen.query_one("#steps", ThaiTextArea)
        before = steps.text.split("\n")
        steps.focus()
        await pilot.press("f4")
        await pilot.pause()
        assert steps.text.split("\n") == before + ["ขั้นตอนใหม่"]


async def test_editor_return_strips_exactly_one_final_newline(sample_records, tmp_path, monkeypatch):
    _fake_editor(tmp_path, monkeypatch, """
        open(path, "w", encoding="utf-8").write("ก\\n\\n")
    """)
    app = _app(sample_records, tmp_path)
    async with app.run_test(size=SMALL) as pilot:
        screen = await _open_measure(pilot, app)
        area = screen.query_one("#recommendation", ThaiTextArea)
        area.focus()
        await pilot.press("f4")
        await pilot.pause()
        assert area.text == "ก\n"


def _orders(records) -> dict[str, int]:
    import tomllib

    return {path.name: tomllib.loads(path.read_text(encoding="utf-8"))["order"]
            for path in sorted((records / "2566/measures").glob("*.toml"))}


async def test_a_new_measure_is_an_unsaved_edit_until_ctrl_s(sample_records, tmp_path):
    app = _app(sample_records, tmp_path)
    async with app.run_test(size=SMALL) as pilot:
        await _show(pilot, app, YearScreen(2566))
        await pilot.press("a")
        await pilot.pause()
        new_file = app.screen.file
        assert not (sample_records / new_file).exists()
        assert new_file in app.session.modified_files() and "●" in app.sub_title
        await pilot.press("escape", "ctrl+s")
        await pilot.pause()
        assert (sample_records / new_file).exists()
        assert app.session.modified_files() == []
    assert _orders(sample_records)[new_file.rsplit("/", 1)[1]] == 5


async def test_order_stays_dense_after_add_move_duplicate_and_delete(sample_records, tmp_path):
    before = {path.name: path.read_text(encoding="utf-8")
              for path in (sample_records / "2566/measures").glob("*.toml")}
    app = _app(sample_records, tmp_path)
    async with app.run_test(size=SMALL) as pilot:
        screen = await _show(pilot, app, YearScreen(2566))
        await pilot.press("a")
        await pilot.pause()
        await pilot.press("escape")
        await pilot.pause()
        await pilot.press("f9")  # the new measure moves up to place 4
        await pilot.pause()
        assert [m.order for m in screen.year.measures] == [1, 2, 3, 4, 5]
        await pilot.press("d")
        await pilot.pause()
        app.screen.dismiss("yes")
        await pilot.pause()
        assert [m.order for m in screen.year.measures] == [1, 2, 3, 4]
        screen.query_one("#measures").move_cursor(row=1)
        await pilot.press("c")  # duplicate measure 2: the copy is number 5
        await pilot.pause()
        assert [m.order for m in screen.year.measures] == [1, 2, 3, 4, 5]
        screen.query_one("#measures").move_cursor(row=0)
        await pilot.press("d")
        await pilot.pause()
        app.screen.dismiss("yes")
        await pilot.pause()
        assert [m.order for m in screen.year.measures] == [1, 2, 3, 4]
        await _save(pilot)
    assert sorted(_orders(sample_records).values()) == [1, 2, 3, 4]
    for name, text in before.items():
        path = sample_records / "2566/measures" / name
        if path.exists():
            changed = [line for line in difflib.ndiff(text.splitlines(), path.read_text(encoding="utf-8").splitlines())
                       if line[:1] in "+-"]
            assert all(line[2:].startswith("order = ") for line in changed), changed


def _second_year(records) -> None:
    """A copy of 2566 as 2567, so the overview lists two years."""
    import shutil

    shutil.copytree(records / "2566", records / "2567")
    report = records / "2567/report.toml"
    report.write_text(report.read_text(encoding="utf-8").replace("fiscal_year = 2566", "fiscal_year = 2567"),
                      encoding="utf-8")


async def test_closing_the_export_dialog_keeps_the_year_cursor_and_focus(sample_records, tmp_path):
    _second_year(sample_records)
    app = _app(sample_records, tmp_path)
    async with app.run_test(size=SMALL) as pilot:
        overview = app.screen
        assert overview.selected_year() == 2567
        await pilot.press("down")
        assert overview.selected_year() == 2566
        await pilot.press("f5", "escape")  # the year has errors: asked first; Esc cancels
        await pilot.pause()
        assert app.screen is overview and overview.selected_year() == 2566
        await pilot.press("f5")
        await pilot.pause()
        app.screen.dismiss("draft")
        await pilot.pause()
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert isinstance(app.screen, ChoiceDialog)
        await pilot.press("enter")
        await pilot.pause()
        assert app.screen is overview
        assert overview.selected_year() == 2566
        assert app.focused is overview.query_one("#years")


async def test_closing_help_or_a_cancelled_question_keeps_focus_and_cursor(sample_records, tmp_path):
    app = _app(sample_records, tmp_path)
    async with app.run_test(size=SMALL) as pilot:
        year = await _show(pilot, app, YearScreen(2566))
        year.query_one("#measures").move_cursor(row=2)
        for keys in (("f1", "escape"), ("d", "enter"), ("ctrl+p", "escape")):
            await pilot.press(*keys)
            await pilot.pause()
            assert app.screen is year, keys
            assert year.query_one("#measures").cursor_row == 2, keys
            assert app.focused is year.query_one("#measures"), keys
        form = await _open_measure(pilot, app)
        results = form.query_one("#results", ThaiTextArea)
        results.focus()
        results.move_cursor((1, 4))
        for keys in (("f1", "escape"), ("ctrl+p", "escape")):
            await pilot.press(*keys)
            await pilot.pause()
            assert app.focused is results, keys
            assert results.cursor_location == (1, 4), keys


async def test_export_of_a_year_with_errors_lists_them_and_can_go_to_the_first(sample_records, tmp_path):
    app = _app(sample_records, tmp_path)
    async with app.run_test(size=SMALL) as pilot:
        await _show(pilot, app, YearScreen(2566))
        await pilot.press("f5")
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, ChoiceDialog)
        assert "2" in dialog.question  # two errors
        assert "มาตรการที่ 1" in dialog.detail and "2566/measures/" not in dialog.detail
        dialog.dismiss("goto")
        await pilot.pause()
        await pilot.pause()
        assert isinstance(app.screen, MeasureScreen)
        assert app.screen.file == "2566/measures/01-public-private-interest.toml"
        assert app.focused.id == "results"
    assert not (tmp_path / "out").exists()


async def test_export_anyway_writes_a_draft(sample_records, tmp_path):
    app = _app(sample_records, tmp_path)
    async with app.run_test(size=SMALL) as pilot:
        await _show(pilot, app, YearScreen(2566))
        await pilot.press("f5")
        await pilot.pause()
        app.screen.dismiss("draft")
        await pilot.pause()
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert isinstance(app.screen, ChoiceDialog) and "scp " in app.screen.detail
    assert (tmp_path / "out/2566/ita-2566.pdf").exists()


async def test_an_export_with_empty_placeholders_says_so_before_and_after(sample_records, tmp_path):
    report = sample_records / "2566/report.toml"
    text = report.read_text(encoding="utf-8")
    report.write_text("\n".join(line for line in text.splitlines() if not line.startswith("score")) + "\n",
                      encoding="utf-8")
    app = _app(sample_records, tmp_path)
    async with app.run_test(size=SMALL) as pilot:
        await _show(pilot, app, YearScreen(2566))
        await pilot.press("f5")
        await pilot.pause()
        assert "คะแนน ITA ปีก่อน" in app.screen.detail
        app.screen.dismiss("draft")
        await pilot.pause()
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert "ฉบับร่าง" in app.screen.question
        assert "คะแนน ITA ปีก่อน" in app.screen.detail


async def test_overview_problems_name_the_measure_and_show_the_path_on_demand(sample_records, tmp_path):
    app = _app(sample_records, tmp_path)
    async with app.run_test(size=SMALL) as pilot:
        panel = app.screen.query_one(ProblemsPanel)
        first = str(panel.get_option_at_index(0).prompt)
        assert "2566/measures/" not in first and "มาตรการที่ 1" in first
        panel.focus()
        await pilot.press("p")
        assert "2566/measures/01-public-private-interest.toml:" in str(panel.get_option_at_index(0).prompt)


async def test_a_dialog_with_a_big_diff_keeps_its_buttons_on_screen_and_scrolls(sample_records, tmp_path):
    from textual.widgets import Button

    from ita_tui.tui.dialogs import conflict_dialog

    theirs = "\n".join(f'step_{n} = "ของเขา {n}"' for n in range(80))
    mine = "\n".join(f'step_{n} = "ของฉัน {n}"' for n in range(80))
    app = _app(sample_records, tmp_path)
    async with app.run_test(size=SMALL) as pilot:
        app.push_screen(conflict_dialog("2566/measures/01-public-private-interest.toml", mine, theirs))
        await pilot.pause()
        for button in app.screen.query(Button):
            region = button.region
            assert region.height > 0 and region.bottom <= SMALL[1] - 1, button.id  # above the footer line
        detail = app.screen.query_one("#dialog-detail")
        assert detail.max_scroll_y > 0


async def test_quarter_ticks_read_without_colour(sample_records, tmp_path):
    app = _app(sample_records, tmp_path)
    async with app.run_test(size=SMALL) as pilot:
        screen = await _open_measure(pilot, app, "2566/measures/04-smart-country.toml")
        quarters = screen.query_one("#quarters")
        screen.query_one("#form").scroll_to_widget(quarters, animate=False)
        await pilot.pause()
        texts = [quarters.render_line(y).text for y in range(4)]
        assert all("✓" not in text and "X" not in text for text in texts), texts  # measure 4 plans none
        quarters.select(2)
        await pilot.pause()
        texts = [quarters.render_line(y).text for y in range(4)]
        assert ["✓" in text for text in texts] == [False, True, False, False], texts


async def test_signing_order_is_changed_with_f9_and_saved_as_shown(sample_records, tmp_path):
    import tomllib

    from ita_tui.tui.screens.memo import MemoScreen

    before = tomllib.loads((sample_records / "2566/report.toml").read_text(encoding="utf-8"))["memo"]["signatories"]
    app = _app(sample_records, tmp_path)
    async with app.run_test(size=SMALL) as pilot:
        screen = await _show(pilot, app, MemoScreen(2566))
        signers = screen.query_one("#signatories")
        assert signers.values_in_order()[:len(before)] == before
        signers.focus()
        signers.highlighted = 1
        await pilot.press("f9")
        await pilot.pause()
        assert signers.values_in_order()[:2] == [before[1], before[0]]
        await _save(pilot, screen)
    after = tomllib.loads((sample_records / "2566/report.toml").read_text(encoding="utf-8"))["memo"]["signatories"]
    assert after == [before[1], before[0], *before[2:]]


async def test_typing_lines_into_the_last_field_stays_in_sight(sample_records, tmp_path):
    app = _app(sample_records, tmp_path)
    async with app.run_test(size=SMALL) as pilot:
        screen = await _open_measure(pilot, app, "2566/measures/03-integrity-measures-risk.toml")
        evidence = screen.query_one("#evidence", ThaiTextArea)
        evidence.focus()
        evidence.move_cursor((evidence.document.line_count - 1, len(evidence.document[-1])))
        form = screen.query_one("#form")
        panel = screen.query_one(ProblemsPanel)
        for line in ("หลักฐานหนึ่ง", "หลักฐานสอง", "หลักฐานสาม", "หลักฐานสี่"):
            await pilot.press("enter", *line)
            await pilot.pause(APPLY_DELAY + 0.2)  # and the re-check after it, which may grow the problems panel
            await pilot.pause()
            cursor_y = evidence.cursor_screen_offset.y
            assert form.content_region.y <= cursor_y < min(form.content_region.bottom, panel.region.y), line


async def test_the_footer_is_not_cut_at_80_columns(sample_records, tmp_path):
    from ita_tui.tui.screens.memo import MemoScreen
    from ita_tui.tui.widgets.footer import ItaFooter

    app = _app(sample_records, tmp_path)
    async with app.run_test(size=SMALL) as pilot:
        for screen in (None, YearScreen(2566), MeasureScreen(2566, "2566/measures/02-public-forum.toml"),
                       MemoScreen(2566)):
            if screen is not None:
                await _show(pilot, app, screen)
            await pilot.pause()
            keys = app.screen.query_one(ItaFooter).shown()
            palette = [key for key in keys if key.palette]
            limit = palette[0].start - 1 if palette else SMALL[0]  # the rule before the palette's key
            assert keys and all(key.end <= SMALL[0] for key in keys)
            for key in keys:
                if key not in palette:
                    assert key.end <= limit, (type(app.screen).__name__, key.description, key.end)


async def test_a_file_changed_on_disk_while_its_clean_form_is_open_offers_reload(sample_records, tmp_path):
    path = sample_records / "2566/measures/02-public-forum.toml"
    app = _app(sample_records, tmp_path)
    async with app.run_test(size=SMALL) as pilot:
        await _open_measure(pilot, app, "2566/measures/02-public-forum.toml")
        path.write_text(path.read_text(encoding="utf-8").replace("order = 2", 'order = 2\nstatus = "done"'),
                        encoding="utf-8")
        app.check_disk()  # what the app's poll (every 1.5 s) does
        await pilot.pause()
        assert isinstance(app.screen, ChoiceDialog)
        app.screen.dismiss("reload")
        await pilot.pause()
        await pilot.pause()
        assert isinstance(app.screen, MeasureScreen)
        assert app.screen.query_one("#status").value == "done"
        app.check_disk()  # nothing new: asked once
        await pilot.pause()
        assert isinstance(app.screen, MeasureScreen)


async def test_a_file_changed_on_disk_while_its_form_has_edits_warns(sample_records, tmp_path):
    from tests.test_tui_flows import _retitle

    path = sample_records / "2566/measures/02-public-forum.toml"
    app = _app(sample_records, tmp_path)
    async with app.run_test(size=SMALL) as pilot:
        screen = await _open_measure(pilot, app, "2566/measures/02-public-forum.toml")
        _retitle(screen, "ของฉัน")
        path.write_text(path.read_text(encoding="utf-8") + "# ของเขา\n", encoding="utf-8")
        app.check_disk()
        await pilot.pause()
        assert app.screen is screen
        assert any("02-public-forum.toml" in n.message for n in app._notifications)


async def test_the_problems_panel_is_as_tall_as_its_problems(sample_records, tmp_path):
    app = _app(sample_records, tmp_path)
    async with app.run_test(size=SMALL) as pilot:
        screen = await _open_measure(pilot, app, "2566/measures/03-integrity-measures-risk.toml")
        panel = screen.query_one(ProblemsPanel)
        assert len(panel.findings) == 0
        assert panel.region.height == 3  # its border and "no problems"


async def test_after_a_delete_the_cursor_is_on_the_measure_that_took_its_place(sample_records, tmp_path):
    from textual.widgets import DataTable

    app = _app(sample_records, tmp_path)
    async with app.run_test(size=SMALL) as pilot:
        year = YearScreen(2566)
        await _show(pilot, app, year)
        await pilot.press("down", "down")  # measure 3
        third = year.selected_measure()
        after = year.app.session.records.years[2566].measures[3].origin.file
        year.action_delete_measure()
        await pilot.pause()
        app.screen.dismiss("yes")
        await pilot.pause()
        assert third.origin.file not in [m.origin.file for m in year.app.session.records.years[2566].measures]
        assert year.query_one("#measures", DataTable).cursor_row == 2
        assert year.selected_file() == after


async def test_enter_on_the_problems_panel_jumps_as_soon_as_it_has_the_focus(sample_records, tmp_path):
    """Focused with F2, it highlighted nothing: Enter did nothing until an arrow key was pressed."""
    app = _app(sample_records, tmp_path)
    async with app.run_test(size=SMALL) as pilot:
        await _show(pilot, app, YearScreen(2566))
        await pilot.press("f2")
        await pilot.pause()
        assert isinstance(app.focused, ProblemsPanel)
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, MeasureScreen)
