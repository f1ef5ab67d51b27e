"""Every word on every screen comes from our catalogue (or from the records), in Thai and in English:
Textual's own English ("esc Dismiss menu", "Search for commands…") must not leak into the Thai interface,
and the English one has no grammar slips ("1 warnings") or raw field names ("title")."""

from __future__ import annotations

import re

import pytest

from ita_tui.i18n import en, th
from ita_tui.tui.app import ItaApp
from ita_tui.tui.screens.measure import MeasureScreen
from ita_tui.tui.screens.memo import MemoScreen
from ita_tui.tui.screens.year import YearScreen
from tests.test_tui_search import _with_last_year

WORD = re.compile(r"[A-Za-z][A-Za-z']+")
KEY_NAMES = {"esc", "enter", "tab", "ctrl", "shift", "ita", "EDITOR", "VISUAL"}
CATALOGUES = {"th": th.MESSAGES, "en": en.MESSAGES}


def _screen_text(app) -> str:
    """What the terminal shows now, one row per line (the screen and any dialog over it)."""
    return "\n".join(strip.text for strip in app.screen._compositor.render_strips())


def _allowed_words(records, lang: str) -> set[str]:
    words = set(KEY_NAMES)
    for message in CATALOGUES[lang].values():
        words |= set(WORD.findall(message))
    for path in records.rglob("*.toml"):  # record text and file names are the clerk's own words
        words |= set(WORD.findall(path.read_text(encoding="utf-8"))) | set(WORD.findall(path.name))
    return {word.lower() for word in words}


async def _walk(app, pilot):
    """Every screen and overlay a clerk meets, one screenshot each."""
    async def shot(name):
        await pilot.pause()
        return name, _screen_text(app)

    shots = [await shot("overview")]
    await pilot.press("f1")
    shots.append(await shot("help"))
    await pilot.press("escape", "ctrl+p")
    shots.append(await shot("palette"))
    await pilot.press(*"๙๙๙๙")  # no title or command has it
    await pilot.pause(0.8)  # the palette says so after half a second
    shots.append(await shot("palette without a match"))
    await pilot.press("escape", "ctrl+f")
    await app.screen.workers.wait_for_complete()
    shots.append(await shot("search, empty"))
    app.screen.query_one("#search-query").value = "๒๕๖๖"
    await pilot.pause(0.3)
    shots.append(await shot("search, hits"))
    await pilot.press("f1")
    shots.append(await shot("search help"))
    await pilot.press("escape", "escape")
    app.push_screen(YearScreen(2566))
    shots.append(await shot("year"))
    await pilot.press("d")
    shots.append(await shot("delete question"))
    await pilot.press("escape")
    app.push_screen(MeasureScreen(2566, "2566/measures/01-public-private-interest.toml"))
    shots.append(await shot("measure"))
    await pilot.press("f3")
    shots.append(await shot("last year beside"))
    app.screen.query_one("#results").focus()
    await pilot.press("f8")
    shots.append(await shot("copy last year's results?"))
    await pilot.press("escape")
    app.screen.action_choose_last_year()
    shots.append(await shot("choose last year's measure"))
    await pilot.press("escape", "f3")
    app.push_screen(MeasureScreen(2565, "2565/measures/02-public-forum.toml"))
    await pilot.press("f3")
    await pilot.pause(0.2)
    shots.append(await shot("no year before the first"))
    await pilot.press("escape")
    app.screen.query_one("#status").focus()
    await pilot.press("enter")
    shots.append(await shot("status menu"))
    await pilot.press("escape", "escape")
    app.push_screen(MemoScreen(2566))
    shots.append(await shot("memo"))
    return shots


@pytest.mark.parametrize("lang", ["th", "en"])
async def test_every_word_on_every_screen_is_ours(sample_records, tmp_path, lang):
    _with_last_year(sample_records)
    allowed = _allowed_words(sample_records, lang)
    app = ItaApp(sample_records, lang, out_root=tmp_path / "out")
    async with app.run_test(size=(80, 24)) as pilot:
        shots = await _walk(app, pilot)
    def ours(word: str, cut: bool) -> bool:
        """A known word, a key name, or the start of one cut with an ellipsis."""
        word = word.lower()
        return word in allowed or re.fullmatch(r"f\d+", word) or (cut and any(a.startswith(word) for a in allowed))

    foreign = {name: sorted({m[1] for m in re.finditer(r"([A-Za-z][A-Za-z']+)(…?)", text) if not ours(m[1], bool(m[2]))})
               for name, text in shots}
    assert {name: words for name, words in foreign.items() if words} == {}


async def test_english_has_no_grammar_slips_or_raw_field_names(sample_records, tmp_path):
    _with_last_year(sample_records)
    app = ItaApp(sample_records, "en", out_root=tmp_path / "out")
    async with app.run_test(size=(80, 24)) as pilot:
        shots = await _walk(app, pilot)
    for name, text in shots:
        assert not re.search(r"\b1 (errors|warnings|files|measures|signatories)\b", text), name
        assert "match measure" not in text, name
        for line in text.splitlines():
            assert line.strip() not in ("title", "timeline", "status", "subject", "recommendation"), (name, line)
