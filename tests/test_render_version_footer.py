"""The optional version footer: with `[page] version_footer = true` every page says which recorded version
it was printed from ("ฉบับ 1a2b3c4", plus a marker for unrecorded changes); off, the page is unchanged."""

from __future__ import annotations

import io
import re
import shutil

import pypdf
import pytest

from ita_tui.render.build import render_year
from ita_tui.render.layout import LAYOUTS_DIR
from ita_tui.store import load_records

from .conftest import SAMPLE_RECORDS
from .extractors import EXTRACTORS, available, misses, must_run_everywhere, page_texts

COMMIT = "1a2b3c4d5e6f7a8b9c0d1e2f3a4b5c6d7e8f9a0b"


def _layouts_with_footer(folder):
    shutil.copytree(LAYOUTS_DIR, folder)
    for name in ("memo.toml", "report.toml"):
        path = folder / name
        text = path.read_text(encoding="utf-8")
        path.write_text(re.sub(r"(?m)^version_footer = false", "version_footer = true", text), encoding="utf-8")
    return str(folder)


@pytest.fixture(scope="module")
def records():
    return load_records(SAMPLE_RECORDS).records


@pytest.fixture(scope="module")
def footed(records, tmp_path_factory):
    layouts = _layouts_with_footer(tmp_path_factory.mktemp("layouts") / "footed")
    return {
        "recorded": render_year(records, 2566, layout_name=layouts,
                                version_keywords=f"ita-commit={COMMIT}; ita-unrecorded=no"),
        "unrecorded": render_year(records, 2566, layout_name=layouts,
                                  version_keywords=f"ita-commit={COMMIT}; ita-unrecorded=yes"),
    }


def _pages(data: bytes) -> list[str]:
    return [page.extract_text() for page in pypdf.PdfReader(io.BytesIO(data)).pages]


def test_the_default_layouts_have_the_footer_off():
    for name in ("memo.toml", "report.toml"):
        assert re.search(r"(?m)^version_footer = false", (LAYOUTS_DIR / name).read_text(encoding="utf-8"))


def test_every_page_carries_the_short_version_id(footed):
    pages = _pages(footed["recorded"].pdf)
    assert len(pages) > 1
    assert all("ฉบับ 1a2b3c4" in page for page in pages)
    assert not any("แก้ไขที่ยังไม่บันทึก" in page for page in pages)


def test_unrecorded_changes_are_marked_on_every_page(footed):
    pages = _pages(footed["unrecorded"].pdf)
    assert all("ฉบับ 1a2b3c4 + แก้ไขที่ยังไม่บันทึก" in page for page in pages)


def test_the_footer_is_small_and_near_the_paper_edge(footed):
    rendered = footed["recorded"]
    footers = [item for item in rendered.drawn if item.text.startswith("ฉบับ ")]
    assert len(footers) == rendered.pages
    body = max(item.size for item in rendered.drawn if not item.text.startswith("ฉบับ "))
    assert all(item.size < body for item in footers)


def test_without_version_information_there_is_no_footer(records, tmp_path):
    rendered = render_year(records, 2566, layout_name=_layouts_with_footer(tmp_path / "footed"))
    assert not any(item.text.startswith("ฉบับ") for item in rendered.drawn)


def test_with_the_footer_off_the_pages_do_not_change(records):
    keywords = f"ita-commit={COMMIT}; ita-unrecorded=yes"
    assert render_year(records, 2566, version_keywords=keywords).drawn == render_year(records, 2566).drawn


@pytest.mark.parametrize("extractor", EXTRACTORS)
def test_the_footer_reads_back_exactly(footed, extractor):
    if not available(extractor):
        if must_run_everywhere():
            pytest.fail(f"{extractor} is not installed")
        pytest.skip(f"{extractor} is not installed")
    rendered = footed["unrecorded"]
    footers = [item for item in rendered.drawn if item.text.startswith("ฉบับ ")]
    assert footers and misses(rendered.pdf, footers, extractor) == []
    assert all("ฉบับ 1a2b3c4 + แก้ไขที่ยังไม่บันทึก" in page for page in page_texts(rendered.pdf, extractor))
