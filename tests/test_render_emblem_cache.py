"""The memo's emblem is drawn from a per-user cache of its PDF operators: the PDF must be byte-for-byte the
one fpdf2 draws from the SVG, a changed SVG must never be drawn from a stale entry, and ITA_CACHE=0 (or a
damaged entry) falls back to drawing it."""

from __future__ import annotations

import datetime as dt
import shutil

import pytest

import ita_tui.render.emblem as emblem
from ita_tui.render.build import render_year
from ita_tui.render.layout import LAYOUTS_DIR
from ita_tui.store import load_records

from .conftest import SAMPLE_RECORDS

CREATED = dt.datetime(2026, 1, 1, tzinfo=dt.timezone.utc)


@pytest.fixture
def cache_home(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    monkeypatch.delenv("ITA_CACHE", raising=False)
    monkeypatch.setattr(emblem, "_DRAWN", {})
    return tmp_path / "cache" / "ita-tui" / "emblems"


def _memo(layout: str = "default") -> bytes:
    records = load_records(SAMPLE_RECORDS).records
    return render_year(records, 2566, ("memo",), layout, created=CREATED).pdf


def test_a_memo_drawn_from_the_cache_is_byte_identical_to_one_drawn_from_the_svg(cache_home, monkeypatch):
    monkeypatch.setenv("ITA_CACHE", "0")
    from_svg = _memo()
    assert not cache_home.exists()  # ITA_CACHE=0 writes nothing
    monkeypatch.delenv("ITA_CACHE")
    emblem._DRAWN.clear()  # a new process
    first = _memo()  # draws from the SVG and fills the cache
    assert len(list(cache_home.glob("*.json"))) == 1
    emblem._DRAWN.clear()  # a new process: only the file is left
    from_cache = _memo()
    assert first == from_svg and from_cache == from_svg


def test_a_changed_svg_is_drawn_again_not_taken_from_a_stale_entry(cache_home, tmp_path):
    folder = tmp_path / "layouts" / "mine"
    shutil.copytree(LAYOUTS_DIR, folder)
    _memo(str(folder))
    svg = (folder / "garuda.svg").read_text(encoding="utf-8")
    (folder / "garuda.svg").write_text(svg.replace("</svg>", '<rect width="90" height="90"/></svg>'), encoding="utf-8")
    emblem._DRAWN.clear()
    changed = _memo(str(folder))
    emblem._DRAWN.clear()
    shutil.rmtree(cache_home)
    assert changed == _memo(str(folder))  # what drawing the changed SVG from scratch gives
    assert changed != _memo()


def test_a_damaged_entry_is_ignored_and_rewritten(cache_home):
    expected = _memo()
    (entry,) = cache_home.glob("*.json")
    entry.write_text('{"rendered": 42}', encoding="utf-8")
    emblem._DRAWN.clear()
    assert _memo() == expected
    assert '"rendered": "' in entry.read_text(encoding="utf-8")
