"""Shaped Thai text drawn straight into an fpdf2 page, with a text layer that copies out exactly.

fpdf2's own shaped output maps a cluster's text to its first glyph and nothing to the others, so every ำ
(drawn as two glyphs) extracts with a garbage character after it. Here each cluster's text goes on its
first spacing glyph and the cluster's other glyphs map to the empty string, so extraction gives back the
source text. This relies on fpdf2 internals (`Glyph`, `SubsetMap`, the ToUnicode writer): fpdf2 is pinned
exactly and tests/test_render_textlayer.py fails if it changes under us.
"""

from __future__ import annotations

from dataclasses import dataclass

import uharfbuzz as hb
from fpdf import output as fpdf_output
from fpdf.fonts import Glyph, TTFFont

# A code point no text contains: glyphs mapped to it get an empty ToUnicode entry ("<0012> <>").
_NO_TEXT = 0x10FFFE
_NO_TEXT_HEX = "DBFFDFFE"  # its UTF-16 surrogate pair, as fpdf2 writes it


def _build_cmap_blocks_with_empty_entries(entries, operator):
    entries = [entry.replace(f"<{_NO_TEXT_HEX}>", "<>") for entry in entries]
    return _original_build_cmap_blocks(entries, operator)


_original_build_cmap_blocks = fpdf_output._build_cmap_blocks
if getattr(_original_build_cmap_blocks, "__name__", "") != "_build_cmap_blocks_with_empty_entries":
    fpdf_output._build_cmap_blocks = _build_cmap_blocks_with_empty_entries


# HarfBuzz results by (font file, text), shared by every document this process renders.
_SHAPED: dict[tuple[str, str], tuple] = {}
_SHAPED_LIMIT = 50_000


@dataclass(frozen=True, slots=True)
class PlacedGlyph:
    code: int  # the glyph's code in the font subset (what the content stream shows)
    advance: int  # HarfBuzz advance, font units
    x_offset: int
    y_offset: int
    width_1000: int  # the advance fpdf2 writes in /W (thousandths of an em)
    starts_cluster: bool  # first spacing glyph of a grapheme cluster: where justification may add space


@dataclass(frozen=True, slots=True)
class ShapedText:
    glyphs: tuple[PlacedGlyph, ...]
    advance: int  # font units
    missing: tuple[str, ...]  # characters the font has no glyph for
    cluster_count: int = 0

    def width(self, font: "FontFace", size_pt: float) -> float:
        return self.advance * size_pt / font.units_per_em


class FontFace:
    """One fpdf2 TTF font with a shaping cache: each distinct text is shaped once per document."""

    def __init__(self, ttf_font: TTFFont):
        self.font = ttf_font
        self.units_per_em = ttf_font.ttfont["head"].unitsPerEm
        self._hmtx = ttf_font.ttfont["hmtx"].metrics
        self._glyph_order = ttf_font.ttfont.getGlyphOrder()
        self._cmap = ttf_font.ttfont.getBestCmap()
        self._cache: dict[str, ShapedText] = {}

    @property
    def index(self) -> int:
        return self.font.i

    def has_char(self, char: str) -> bool:
        return ord(char) in self._cmap

    def shape(self, text: str) -> ShapedText:
        cached = self._cache.get(text)
        if cached is None:
            cached = self._cache[text] = self._shape(text)
        return cached

    def width(self, text: str, size_pt: float) -> float:
        return self.shape(text).width(self, size_pt)

    def _shape(self, text: str) -> ShapedText:
        if not text:
            return ShapedText((), 0, ())
        key = (str(self.font.ttffile), text)
        shaped = _SHAPED.get(key)
        if shaped is None:
            shaped = _SHAPED[key] = self._harfbuzz(text)
            if len(_SHAPED) > _SHAPED_LIMIT:
                _SHAPED.pop(next(iter(_SHAPED)))
        glyphs, advance, missing, clusters = shaped
        pick = self.font.subset.pick_glyph
        placed = tuple(
            PlacedGlyph(pick(Glyph(glyph_id, unicode, name, width_1000)), x_advance, x_offset, y_offset,
                        width_1000, starts)
            for glyph_id, unicode, name, width_1000, x_advance, x_offset, y_offset, starts in glyphs)
        return ShapedText(placed, advance, missing, clusters)

    def _harfbuzz(self, text: str) -> tuple:
        """HarfBuzz's glyphs for *text*, independent of any document: the same for every render."""
        buffer = hb.Buffer()
        buffer.cluster_level = hb.BufferClusterLevel.MONOTONE_GRAPHEMES
        buffer.add_str(text)
        buffer.guess_segment_properties()
        hb.shape(self.font.hbfont, buffer, {})
        infos, positions = buffer.glyph_infos, buffer.glyph_positions
        cluster_starts = sorted({info.cluster for info in infos})
        cluster_end = dict(zip(cluster_starts, cluster_starts[1:] + [len(text)]))
        carrier: dict[int, int] = {}  # cluster → index of the glyph that carries its text
        for index, (info, position) in enumerate(zip(infos, positions)):
            if info.cluster not in carrier or (position.x_advance > 0 and positions[carrier[info.cluster]].x_advance == 0):
                carrier[info.cluster] = index
        glyphs = []
        missing = []
        advance = 0
        for index, (info, position) in enumerate(zip(infos, positions)):
            if info.codepoint == 0:
                missing.append(text[info.cluster:cluster_end[info.cluster]])
            if carrier[info.cluster] == index:
                unicode = tuple(ord(char) for char in text[info.cluster:cluster_end[info.cluster]])
            else:
                unicode = (_NO_TEXT,)
            name = self._glyph_order[info.codepoint]
            width_1000 = round(self.font.scale * self._hmtx[name][0])
            starts = carrier[info.cluster] == index and position.x_advance > 0
            glyphs.append((info.codepoint, unicode, name, width_1000, position.x_advance, position.x_offset,
                           position.y_offset, starts))
            advance += position.x_advance
        return tuple(glyphs), advance, tuple(missing), sum(1 for glyph in glyphs if glyph[-1])


def draw_shaped(face: FontFace, size_pt: float, shaped: ShapedText, x_pt: float, baseline_pt: float) -> str:
    return draw_pieces(face, size_pt, [(shaped, 0.0)], x_pt, baseline_pt)


def draw_pieces(face: FontFace, size_pt: float, pieces: list[tuple[ShapedText, float]], x_pt: float,
                baseline_pt: float, cluster_gap_pt: float = 0.0) -> str:
    """PDF operators that draw a line of shaped pieces, each after an extra gap (points), with the pen
    starting at (x_pt, baseline_pt) in PDF coordinates. *cluster_gap_pt* is added before every grapheme
    cluster but the first: Thai distributed justification.

    Glyphs that carry text are drawn as one continuous TJ run (so extraction sees no gaps); marks moved by
    GPOS offsets carry no text and are drawn afterwards at their absolute place, so the run never has to
    step back for them.
    """
    to_1000 = 1000 / face.units_per_em
    to_pt = size_pt / face.units_per_em
    run: list[str] = []
    codes: list[str] = []
    overlay: list[str] = []
    pending = 0.0  # thousandths of an em the pen must still move right
    pen = 0.0  # font units from the start
    first_cluster = True
    for shaped, gap_pt in pieces:
        if gap_pt:
            pending += gap_pt * 1000 / size_pt
            pen += gap_pt / to_pt
        for glyph in shaped.glyphs:
            if glyph.starts_cluster:
                if cluster_gap_pt and not first_cluster:
                    pending += cluster_gap_pt * 1000 / size_pt
                    pen += cluster_gap_pt / to_pt
                first_cluster = False
            if glyph.x_offset or glyph.y_offset:
                overlay.append(f"1 0 0 1 {x_pt + (pen + glyph.x_offset) * to_pt:.2f} "
                               f"{baseline_pt + glyph.y_offset * to_pt:.2f} Tm <{glyph.code:04X}> Tj ")
                pending += glyph.advance * to_1000
            else:
                if abs(pending) >= 0.5:
                    if codes:
                        run.append("<" + "".join(codes) + ">")
                        codes.clear()
                    moved = round(pending)
                    run.append(f"{-moved}")
                    pending -= moved  # the rounding remainder is carried, never accumulated as error
                pending += glyph.advance * to_1000 - glyph.width_1000
                codes.append(f"{glyph.code:04X}")
            pen += glyph.advance
    if codes:
        run.append("<" + "".join(codes) + ">")
    if not run and not overlay:
        return ""
    text = f"BT /F{face.index} {size_pt:.2f} Tf 1 0 0 1 {x_pt:.2f} {baseline_pt:.2f} Tm [{' '.join(run)}] TJ "
    return text + "".join(overlay) + "ET"
