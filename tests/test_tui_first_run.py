"""A first run (empty folder, no agency.toml) is a guided start: a short form creates a valid agency.toml."""

from __future__ import annotations

import tomllib

from ita_tui.tui.app import ItaApp

from .vcs_helpers import git_home  # noqa: F401


async def test_an_empty_folder_starts_with_a_form_that_creates_a_valid_agency_file(tmp_path):
    from ita_tui.tui.first_run import FirstRunDialog
    from ita_tui.tui.widgets.thai_text import ThaiInput

    records = tmp_path / "records"
    records.mkdir()
    app = ItaApp(records, "en", out_root=tmp_path / "out")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, FirstRunDialog)
        dialog.query_one("#create").press()  # nothing typed: refused, and says what is missing
        await pilot.pause()
        assert app.screen is dialog and not (records / "agency.toml").exists()
        for field, value in {"name": "อบต.ทดลอง \x1b[2J", "district": "เมือง", "province": "ขอนแก่น",
                             "document_prefix": "ขก ๗๘๙๐๑", "official_name": "นางสาวสมศรี ใจดี",
                             "official_position": "ปลัด"}.items():
            dialog.query_one(f"#{field}", ThaiInput).value = value
        dialog.query_one("#create").press()
        await pilot.pause()
        await pilot.pause()
        assert not isinstance(app.screen, FirstRunDialog)
        assert app.session.records.agency.name == "อบต.ทดลอง \x1b[2J"
        assert [f.rule_id for f in app.session.findings if f.file == "agency.toml"] == ["text-control-char"]
        shot = app.export_screenshot()
        assert "0 officials" not in shot and "ขอนแก่น" in shot and "\x1b[2J" not in shot
    agency = tomllib.loads((records / "agency.toml").read_text(encoding="utf-8"))
    assert agency["province"] == "ขอนแก่น" and agency["officials"][0]["position"] == "ปลัด"


async def test_an_overview_without_an_agency_never_shows_an_empty_header(tmp_path):
    records = tmp_path / "records"
    records.mkdir()
    app = ItaApp(records, "en", out_root=tmp_path / "out")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("escape")  # not now
        await pilot.pause()
        shot = app.export_screenshot()
    assert "0 officials in the roster" not in shot


async def test_an_empty_folder_offers_a_history_only_after_the_first_run_form(tmp_path, git_home):
    """The history offer never opens over the first-run form (an Escape meant for one closed the other)."""
    from ita_tui.tui.dialogs import ChoiceDialog
    from ita_tui.tui.first_run import FirstRunDialog
    from ita_tui.vcs.recorder import Recorder

    records = tmp_path / "records"
    records.mkdir()
    app = ItaApp(records, "en", out_root=tmp_path / "out",
                 recorder=Recorder(records, "en", git_home / ".config/ita-tui/config.toml"))
    async with app.run_test(size=(80, 24)) as pilot:
        for _ in range(3):
            await pilot.pause()
            await app.workers.wait_for_complete()
        assert isinstance(app.screen, FirstRunDialog)
        assert not any(isinstance(screen, ChoiceDialog) for screen in app.screen_stack)
        await pilot.press("escape")  # the clerk leaves the form: now, and only now, the offer comes
        await pilot.pause()
        assert isinstance(app.screen, ChoiceDialog)
