"""Random keys on every screen: the app never crashes, and no existing file changes without Ctrl+S."""

from __future__ import annotations

import hashlib
import random

from ita_tui.tui.app import ItaApp
from ita_tui.tui.screens.year import YearScreen

KEYS = ["enter", "escape", "tab", "shift+tab", "up", "down", "left", "right", "home", "end", "m", "n", "u",
        "x", "ก", "ุ", "้", "backspace", "delete", "f1", "f2", "f9", "f10", "space", "ctrl+p", "pagedown", "c"]


def _digests(root):
    return {p.relative_to(root).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(root.rglob("*.toml"))}


async def test_random_keys_never_crash_and_never_write_without_saving(sample_records, tmp_path):
    before = _digests(sample_records)
    rng = random.Random(2566)
    app = ItaApp(sample_records, "th", out_root=tmp_path / "out")
    async with app.run_test(size=(80, 24)) as pilot:
        app.push_screen(YearScreen(2566))
        await pilot.pause()
        for _ in range(160):
            await pilot.press(rng.choice(KEYS))
        assert app._exception is None
    after = _digests(sample_records)
    changed = [name for name in before if name in after and before[name] != after[name]]
    assert changed == []
    assert set(before) <= set(after)  # nothing deleted without the confirmation dialog's "yes"
