"""Record text is hostile until shown: markup is never interpreted, escape sequences never reach the
terminal, and nothing crashes — on every screen."""

from __future__ import annotations

from ita_tui.tui.app import ItaApp
from ita_tui.tui.screens.measure import MeasureScreen
from ita_tui.tui.screens.memo import MemoScreen
from ita_tui.tui.screens.year import YearScreen

HOSTILE = '[/] [@click=app.quit]คลิก[/] [bold]หนา[/bold] \\u001b]0;pwned\\u0007 \\u001b[2J'


def _hostile_records(records_builder):
    records_builder.write("agency.toml", f'''name = "อบต.{HOSTILE}"
district = "[/]"
province = "[red]"
document_prefix = "ทส"

[[officials]]
id = "a"
title = "นาย"
name = "{HOSTILE}"
position = "[/]ปลัด"
''')
    records_builder.measure(**{'"มาตรการทดสอบ"': f'"{HOSTILE}"', '"แต่งตั้งคณะทำงาน"': f'"{HOSTILE}"',
                               '"ประชุมคณะทำงานแล้ว"': f'"{HOSTILE}"', '["สำนักปลัด"]': f'["{HOSTILE}"]'})
    report = (records_builder.root / "2566/report.toml").read_text(encoding="utf-8")
    records_builder.write("2566/report.toml", report.replace('subject = "รายงาน"', f'subject = "{HOSTILE}"'))
    return records_builder.root


async def test_every_screen_shows_hostile_text_literally(records_builder, tmp_path):
    root = _hostile_records(records_builder)
    app = ItaApp(root, "th", out_root=tmp_path / "out")
    async with app.run_test(size=(120, 40)) as pilot:
        screens = []
        await pilot.pause()
        screens.append(app.export_screenshot())
        app.push_screen(YearScreen(2566))
        await pilot.pause()
        screens.append(app.export_screenshot())
        app.push_screen(MeasureScreen(2566, "2566/measures/01-test.toml"))
        await pilot.pause()
        screens.append(app.export_screenshot())
        app.pop_screen()
        app.push_screen(MemoScreen(2566))
        await pilot.pause()
        screens.append(app.export_screenshot())
        await pilot.press("f1")
        await pilot.pause()
        screens.append(app.export_screenshot())
        assert app.is_running  # "[@click=app.quit]" did nothing
    for svg in screens:
        assert "\x1b" not in svg and "\x07" not in svg
    assert "[/]" in screens[0].replace("&#160;", " ") or "[/]" in screens[1]
    assert any("␛" in svg for svg in screens)
    assert any("[bold]" in svg for svg in screens[1:])


async def test_notifications_with_record_text_do_not_interpret_markup(records_builder, tmp_path):
    root = _hostile_records(records_builder)
    app = ItaApp(root, "th", out_root=tmp_path / "out")
    async with app.run_test(size=(120, 40)) as pilot:
        app.push_screen(YearScreen(2566))
        await pilot.pause()
        await pilot.press("c")  # duplicate: the notification names the file
        await pilot.pause()
        assert app.is_running


def test_the_app_runs_with_the_mouse_off():
    import inspect

    from ita_tui.tui import app as app_module
    assert "mouse=False" in inspect.getsource(app_module.run_app)


def test_no_palette_command_can_write_files_outside_records_or_out(sample_records, tmp_path):
    app = ItaApp(sample_records, "th", out_root=tmp_path / "out")
    assert list(app.get_system_commands(None)) == []
