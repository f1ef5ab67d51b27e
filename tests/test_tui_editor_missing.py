"""An $EDITOR that cannot be started must hand the terminal back: Textual 8.2.8's App.suspend() resumes the
application only when its body returns normally (upstream textual#6692), and a FileNotFoundError inside it left
the clerk on a blank screen with keys echoed, the app still running behind it."""

from __future__ import annotations

from contextlib import contextmanager

from ita_tui.i18n import current_language, set_language
from ita_tui.tui.screens.form import run_editor


class _TerminalApp:
    """Just what run_editor uses of the app, with a suspend() shaped like Textual's (no try/finally)."""

    is_headless = False

    def __init__(self):
        self.suspended = False
        self.notices: list[str] = []

    @contextmanager
    def suspend(self):
        self.suspended = True
        yield
        self.suspended = False

    def notify(self, message, **_):
        self.notices.append(message)


def test_an_editor_that_cannot_start_gives_the_terminal_back_and_says_why(monkeypatch, tmp_path):
    monkeypatch.delenv("VISUAL", raising=False)
    monkeypatch.setenv("EDITOR", "/nonexistent/editor-ita-test")
    language = current_language()
    set_language("th")
    app = _TerminalApp()
    try:
        assert run_editor(app, str(tmp_path / "field.txt")) is False
    finally:
        set_language(language)
    assert app.suspended is False
    assert app.notices == ["ไม่พบโปรแกรมแก้ไข /nonexistent/editor-ita-test ในเครื่องนี้ ตั้งค่า EDITOR เป็นโปรแกรมที่มี "
                           "เช่น EDITOR=vi"]
