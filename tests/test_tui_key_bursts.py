"""Keys that arrive together over a slow link are read as the keys typed (the bytes a terminal sends)."""

from __future__ import annotations

import pytest

from ita_tui.tui.key_bursts import BurstSafeParser

DOWN = "\x1b[B"


def _keys(data: str) -> list[str]:
    parser = BurstSafeParser()
    return [event.key for event in [*parser.feed(data), *parser.feed("")] if hasattr(event, "key")]


@pytest.mark.parametrize("enter", ["\r", "\n"])
def test_esc_then_enter_then_down_types_no_caret(enter):
    """Textual re-issued the ESC as a literal "^": a form's field got a "^", saved by the next Ctrl+S."""
    assert _keys("\x1b" + enter + DOWN) == ["escape", "enter", "down"]


def test_esc_then_enter_alone_keeps_the_esc():
    """Read as Enter alone, "back, then open" opened the selected measure instead of going back."""
    assert _keys("\x1b\r") == ["escape", "enter"]


def test_other_keys_and_sequences_are_read_as_before():
    assert _keys("a" + DOWN + "\x1b[A" + "b") == ["a", "down", "up", "b"]
    assert _keys("\x1b\x1b[B") == ["escape", "down"]
    assert _keys("\x1bq") == ["alt+q"]


def test_the_app_s_terminal_drivers_use_it(tmp_path):
    from textual.drivers import linux_driver

    from ita_tui.tui.app import ItaApp

    ItaApp(tmp_path, "th")
    assert linux_driver.XTermParser is BurstSafeParser
