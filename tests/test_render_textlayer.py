"""The text layer reads back exactly in the five extractors people copy and search PDFs with.

pypdf and pdfminer.six read only the glyphs' ToUnicode text; poppler (pdftotext), PDFium (Chrome, Edge) and
MuPDF read each line's /ActualText span. Every drawn line of the sample and of a stress set (all vowels and
tone marks, ำ after tone marks, stacked marks, digits, Latin, URLs, justified lines, a cell split across
pages) must come back verbatim from each. In CI (CI=true) a missing extractor fails instead of skipping.
"""

from __future__ import annotations

import io
import re

import pypdf
import pytest
from fpdf import FPDF
from hypothesis import given, settings
from hypothesis import strategies as st

from ita_tui.render.build import render_year
from ita_tui.render.glyphs import FontFace
from ita_tui.store import load_records

from .conftest import PROJECT_ROOT, SAMPLE_RECORDS
from .extractors import EXTRACTORS, available, misses, must_run_everywhere, page_texts
from .textlayer_stress import HARD_WORDS, build_stress_records, syllable_table


@pytest.fixture(scope="module")
def documents(tmp_path_factory):
    stress_root = build_stress_records(tmp_path_factory.mktemp("stress") / "records")
    return {
        "sample": render_year(load_records(SAMPLE_RECORDS).records, 2566),
        "stress": render_year(load_records(stress_root).records, 2566),
    }


def _require(extractor: str) -> None:
    if not available(extractor):
        message = f"{extractor} is not installed (pip install -e '.[test]'; pdftotext: apt-get install poppler-utils)"
        if must_run_everywhere():
            pytest.fail(message)
        pytest.skip(message)


@pytest.mark.parametrize("document", ["sample", "stress"])
@pytest.mark.parametrize("extractor", EXTRACTORS)
def test_every_drawn_line_reads_back_exactly(documents, extractor, document):
    _require(extractor)
    rendered = documents[document]
    assert len(rendered.drawn) > 100
    assert misses(rendered.pdf, rendered.drawn, extractor) == []


@pytest.mark.parametrize("extractor", EXTRACTORS)
def test_page_numbers_extract_with_their_spaces(documents, extractor):
    _require(extractor)
    for name in ("sample", "stress"):
        numbers = [item for item in documents[name].drawn if re.fullmatch(r"- [๐-๙]+ -", item.text)]
        assert numbers, name
        pages = page_texts(documents[name].pdf, extractor)
        for number in numbers:
            assert any(line.strip() == number.text for line in pages[number.page - 1].splitlines()), number


@pytest.mark.parametrize("extractor", EXTRACTORS)
def test_no_control_characters_or_raw_glyph_codes(documents, extractor):
    _require(extractor)
    for name in ("sample", "stress"):
        text = "".join(page_texts(documents[name].pdf, extractor))
        assert not re.search(r"[\x00-\x08\x0b\x0e-\x1f\x7f\ufffe\ufffd]", text), name


def _silent_codes_in_runs(data: bytes) -> tuple[int, list[str]]:
    """How many codes the ToUnicode CMaps map to nothing, and those of them shown inside a TJ run."""
    reader = pypdf.PdfReader(io.BytesIO(data))
    silent_count = 0
    found: list[str] = []
    for page in reader.pages:
        silent = {}
        for name, font in page["/Resources"]["/Font"].items():
            cmap = font.get_object()["/ToUnicode"].get_object().get_data().decode("latin-1")
            silent[name] = set(re.findall(r"<([0-9A-F]{4})> <>", cmap))
            silent_count += len(silent[name])
        content = page.get_contents().get_data().decode("latin-1")
        for font_name, body in re.findall(r"BT (/F\d+) [\d.]+ Tf (.*?) ET", content):
            for array in re.findall(r"\[([^\]]*)\] TJ", body):
                for hex_run in re.findall(r"<([0-9A-F]+)>", array):
                    codes = {hex_run[i:i + 4] for i in range(0, len(hex_run), 4)}
                    found += sorted(codes & silent[font_name])
    return silent_count, found


def test_no_glyph_in_a_text_run_relies_on_an_empty_tounicode_target(documents):
    """Glyphs mapped to no text (a mark drawn apart, the second glyph of ำ) are drawn outside the TJ run,
    inside the line's /ActualText span: MuPDF would print their raw code inside the run."""
    for name in ("sample", "stress"):
        silent_count, in_runs = _silent_codes_in_runs(documents[name].pdf)
        assert silent_count > 0, "both documents have marks drawn apart"
        assert in_runs == [], name


def test_every_line_is_one_actualtext_span_holding_its_text(documents):
    rendered = documents["sample"]
    content = "".join(page.get_contents().get_data().decode("latin-1")
                      for page in pypdf.PdfReader(io.BytesIO(rendered.pdf)).pages)
    spans = [bytes.fromhex(hex_text).decode("utf-16-be")
             for hex_text in re.findall(r"/ActualText <FEFF([0-9A-F]*)>", content)]
    assert content.count("BDC") == content.count("EMC") == len(spans) >= len(rendered.drawn)
    drawn = {item.text for item in rendered.drawn}
    assert drawn <= {span.strip() for span in spans}


_FACES: dict[str, FontFace] = {}


def _face(style: str) -> FontFace:
    if style not in _FACES:
        pdf = FPDF()
        pdf.add_font("f", "", str(PROJECT_ROOT / "fonts" / f"Sarabun-{style}.ttf"))
        pdf.set_font("f", "", 12)
        _FACES[style] = FontFace(pdf.current_font)
    return _FACES[style]


def _run_text_and_silent_glyphs(text: str, style: str = "Regular") -> tuple[str, list]:
    shaped = _face(style).shape(text)
    in_run = "".join(glyph.text for glyph in shaped.glyphs if glyph.in_run)
    bad = [glyph for glyph in shaped.glyphs
           if (glyph.in_run and not glyph.text) or (not glyph.in_run and glyph.text)]
    return in_run, bad


@pytest.mark.parametrize("style", ["Regular", "Bold"])
def test_the_run_alone_reads_back_the_source_for_every_syllable(style):
    """What pypdf and pdfminer.six read (ToUnicode of the TJ run, in order) is the source text, with no
    glyph of the run mapped to nothing and no glyph drawn apart carrying text."""
    for text in syllable_table() + HARD_WORDS:
        assert _run_text_and_silent_glyphs(text, style) == (text, [])


THAI_AND_LATIN = st.text(alphabet=st.sampled_from(
    [chr(code) for code in range(0x0E01, 0x0E3B)] + [chr(code) for code in range(0x0E3F, 0x0E5C)]
    + list("abcXYZ019 -./:%()")), min_size=1, max_size=24)


@settings(max_examples=300, deadline=None)
@given(THAI_AND_LATIN)
def test_the_run_alone_reads_back_any_text(text):
    assert _run_text_and_silent_glyphs(text) == (text, [])
