"""What a form writes is what the user changed: an edit undone is no edit; a value that does not parse is
never replaced silently by the old one."""

from __future__ import annotations

import pytest

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


REPORT = "2566/report.toml"


@pytest.mark.parametrize("field, bad", [("date", "31 ก.พ. 66"), ("score", "abc"), ("previous_year", "๒๕๖x")])
async def test_a_value_that_does_not_parse_is_shown_invalid_and_never_saved_silently(
        records_builder, tmp_path, field, bad):
    from ita_tui.tui.screens.memo import MemoScreen
    from ita_tui.tui.widgets.problems import ProblemsPanel
    from ita_tui.tui.widgets.thai_text import ThaiInput

    path = records_builder.root / REPORT
    before = path.read_text(encoding="utf-8")
    app = ItaApp(records_builder.root, "en", out_root=tmp_path / "out")
    async with app.run_test(size=(80, 24)) as pilot:
        app.push_screen(MemoScreen(2566))
        await pilot.pause()
        screen = app.screen
        screen.query_one(f"#{field}", ThaiInput).value = bad
        screen.query_one("#subject", ThaiInput).value = "รายงานผล"
        screen.apply_now()
        await pilot.pause()
        widget = screen.query_one(f"#{field}", ThaiInput)
        assert widget.has_class("-invalid")
        panel = screen.query_one(ProblemsPanel)
        assert any(bad in str(option.prompt) for option in panel.options)
        assert "invalid" in app.sub_title
        await pilot.press("ctrl+s")
        await pilot.pause()
        after = path.read_text(encoding="utf-8")
        assert 'subject = "รายงานผล"' in after  # the valid edit is saved …
        assert [line for line in after.splitlines() if "subject" not in line] == \
               [line for line in before.splitlines() if "subject" not in line]  # … the invalid one is not
        assert "invalid" in app.sub_title  # still held, still said
        assert widget.value == bad  # what the user typed is still there to fix
        widget.value = {"date": "15 มี.ค. 66", "score": "90", "previous_year": "2565"}[field]
        screen.apply_now()
        await pilot.pause()
        assert not widget.has_class("-invalid") and "invalid" not in app.sub_title


async def test_the_date_preview_says_invalid_instead_of_the_old_date(records_builder, tmp_path):
    from ita_tui.tui.screens.memo import MemoScreen
    from ita_tui.tui.widgets.thai_text import ThaiInput

    app = ItaApp(records_builder.root, "en", out_root=tmp_path / "out")
    async with app.run_test(size=(80, 24)) as pilot:
        app.push_screen(MemoScreen(2566))
        await pilot.pause()
        screen = app.screen
        screen.query_one("#date", ThaiInput).value = "31 ก.พ. 66"
        screen.apply_now()
        await pilot.pause()
        preview = str(screen.query_one("#date-shown").render())
        assert "31 ก.พ. 66" in preview and "2566" not in preview
        await pilot.press("escape")
        await pilot.pause()
        assert "invalid" not in app.sub_title  # leaving the form discarded it, and said so
        assert any("Discarded" in n.message for n in app._notifications)


async def test_editing_one_step_writes_the_other_steps_back_exactly(records_builder, tmp_path):
    steps = 'steps = ["ก\\u001b[2Jข", "👩\u200d💻 ทีมงาน", "ค\u200dง", "เดิม"]'
    records_builder.measure(**{'steps = ["แต่งตั้งคณะทำงาน"]': steps})
    path = records_builder.root / MEASURE
    app = ItaApp(records_builder.root, "en", out_root=tmp_path / "out")
    async with app.run_test(size=(80, 24)) as pilot:
        app.push_screen(MeasureScreen(2566, MEASURE))
        await pilot.pause()
        screen = app.screen
        area = screen.query_one("#steps", ThaiTextArea)
        shown = area.text.split("\n")
        assert shown[0] == "ก␛[2Jข" and shown[1] == "👩\u200d💻 ทีมงาน"  # escaped on screen; emoji as is
        area.text = "\n".join([*shown[:3], "ใหม่", "␛ typed"])
        screen.apply_now()
        await pilot.press("ctrl+s")
        await pilot.pause()
    text = path.read_text(encoding="utf-8")
    line = next(line for line in text.splitlines() if line.startswith("steps"))
    assert line == 'steps = ["ก\\u001b[2Jข", "👩\u200d💻 ทีมงาน", "ค\u200dง", "ใหม่", "␛ typed"]'
