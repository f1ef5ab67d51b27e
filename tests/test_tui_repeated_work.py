"""The app does not redo work that did not change: counted calls, not timings (speed is in bench/tui.py)."""

from __future__ import annotations

from textual.widgets import Footer
from textual.widgets._footer import FooterKey

from ita_tui.tui.app import ItaApp
from ita_tui.tui.screens.year import YearScreen


class _Counter:
    """Wraps a method of a class and counts its calls (monkeypatch undoes it)."""

    def __init__(self, monkeypatch, owner, name):
        self.calls = 0
        original = getattr(owner, name)

        def counted(*args, **kwargs):
            self.calls += 1
            return original(*args, **kwargs)

        monkeypatch.setattr(owner, name, counted)


async def test_opening_the_year_screen_does_not_restyle_footer_keys(sample_records, monkeypatch, tmp_path):
    """Textual's FooterKey starts compact and is then bound to the footer's (not compact) style: two
    restyles per key, for every key, each time the footer is composed again. Ours are built in their style."""
    restyles = _Counter(monkeypatch, FooterKey, "update_node_styles")
    app = ItaApp(sample_records, "th", out_root=tmp_path / "out")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        restyles.calls = 0
        app.push_screen(YearScreen(2566))
        await pilot.pause()
        await pilot.pause()
        assert restyles.calls == 0
        keys = app.screen.query(FooterKey)
        assert len(keys) > 5
        assert not any(key.has_class("-compact") for key in keys if "-command-palette" not in key.classes)


async def test_the_footer_is_composed_again_only_when_its_keys_change(sample_records, monkeypatch, tmp_path):
    composes = _Counter(monkeypatch, Footer, "compose")
    app = ItaApp(sample_records, "th", out_root=tmp_path / "out")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        composes.calls = 0
        app.push_screen(YearScreen(2566))
        await pilot.pause()
        await pilot.pause()
        assert composes.calls <= 2  # once empty at mount, once with the screen's keys
        shown = [key.key for key in app.screen.query(FooterKey)]
        assert "a" in shown  # the year screen's own keys are there
        composes.calls = 0
        await pilot.press("down", "up")
        await pilot.pause()
        assert composes.calls == 0
        app.pop_screen()
        await pilot.pause()
        assert composes.calls == 0  # the overview's footer still shows the overview's keys
