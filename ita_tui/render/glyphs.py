"""Shaped Thai text drawn straight into an fpdf2 page, with a text layer that copies out exactly.

fpdf2's own shaped output maps a cluster's text to its first glyph and nothing to the others, so every ำ
(drawn as two glyphs) extracts with a garbage character after it. Here each glyph maps to the characters it
was shaped from, and the glyphs that cannot carry text of their own (a mark moved by GPOS, the NIKHAHIT half
of ำ) are drawn apart from the line's run with an empty mapping; each line is also an /ActualText span. So
ToUnicode-only readers (pypdf, pdfminer.six) and ActualText readers (poppler, PDFium, MuPDF) both read the
source text (docs/fpdf2-text-layer.md). This relies on fpdf2 internals (`Glyph`, `SubsetMap`, the ToUnicode
writer): fpdf2 is pinned exactly and tests/test_render_textlayer.py fails if it changes under us.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

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


_HYPHENS = "-\u00ad\u2010\u2011"
_GRAPHEMES = hb.BufferClusterLevel.MONOTONE_GRAPHEMES
_CHARACTERS = hb.BufferClusterLevel.CHARACTERS

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
    in_run: bool = True  # drawn in the line's continuous TJ run (else afterwards, at its absolute place)
    text: str = ""  # its ToUnicode text; empty for a mark drawn apart and the second glyph of ำ
    hex_code: str = ""  # `code` as the content stream shows it ("01A3")


@dataclass(frozen=True, slots=True)
class ShapedText:
    glyphs: tuple[PlacedGlyph, ...]
    advance: int  # font units
    missing: tuple[str, ...]  # characters the font has no glyph for
    cluster_count: int = 0
    text: str = ""  # the source text
    glyph_text: str = ""  # its glyphs' texts in order: what it adds to the /ActualText of its line

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
        self._covered: frozenset[str] | None = None  # the characters of _cmap, built on first use
        self._cache: dict[str, ShapedText] = {}
        self._placed: dict[tuple, PlacedGlyph] = {}  # HarfBuzz glyph tuple -> the glyph in this document
        self._metrics: dict[int, tuple[str, int]] = {}  # glyph id -> (name, /W width)

    @property
    def index(self) -> int:
        return self.font.i

    def has_char(self, char: str) -> bool:
        return ord(char) in self._cmap

    def covers(self, text: str) -> bool:
        """Whether the font has a glyph for every character of *text* (line breaks aside)."""
        if self._covered is None:
            self._covered = frozenset(map(chr, self._cmap)) | {"\n"}
        return self._covered.issuperset(text)

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
        placed = self._placed
        placed_glyphs = tuple([placed.get(glyph) or self._place(glyph) for glyph in glyphs])
        return ShapedText(placed_glyphs, advance, missing, clusters, text, "".join(g.text for g in placed_glyphs))

    def _place(self, glyph: tuple) -> PlacedGlyph:
        """The glyph in this document's font subset; the same glyph recurs in most texts, so it is placed
        (and its subset code picked, in first-use order as before) once."""
        glyph_id, unicode, name, width_1000, x_advance, x_offset, y_offset, starts, in_run, glyph_text = glyph
        code = self.font.subset.pick_glyph(Glyph(glyph_id, unicode, name, width_1000))
        placed = self._placed[glyph] = PlacedGlyph(code, x_advance, x_offset, y_offset, width_1000, starts, in_run,
                                                   glyph_text, f"{code:04X}")
        return placed

    def _harfbuzz(self, text: str) -> tuple:
        """HarfBuzz's glyphs for *text*, independent of any document: the same for every render."""
        hbfont = self.font.hbfont
        infos, positions = _shape(hbfont, text, _GRAPHEMES)
        codepoints = [info.codepoint for info in infos]
        graphemes = [info.cluster for info in infos]
        moves = [(position.x_advance, position.x_offset, position.y_offset) for position in positions]
        advances = [move[0] for move in moves]
        chars = graphemes
        if len(set(graphemes)) < len(graphemes):  # a cluster of several glyphs: which character is whose
            char_infos, _ = _shape(hbfont, text, _CHARACTERS)
            if [info.codepoint for info in char_infos] == codepoints:
                chars = [info.cluster for info in char_infos]
            # else never seen; the grapheme clusters are still a correct (coarser) mapping
        texts, in_run = glyph_texts(text, graphemes, chars, advances, [bool(x or y) for _, x, y in moves])
        starts_at = _cluster_starts(graphemes, advances)
        glyphs = []
        missing = []
        metrics = self._metrics
        for index, codepoint in enumerate(codepoints):
            if codepoint == 0:
                missing.append(text[graphemes[index]:_cluster_ends(text, graphemes)[graphemes[index]]])
            known = metrics.get(codepoint)
            if known is None:
                name = self._glyph_order[codepoint]
                known = metrics[codepoint] = (name, round(self.font.scale * self._hmtx[name][0]))
            glyph_text = texts[index]
            glyphs.append((codepoint, tuple(map(ord, glyph_text)) or (_NO_TEXT,), *known, *moves[index],
                           index in starts_at, in_run[index], glyph_text))
        return (tuple(glyphs), sum(advances), tuple(missing), len(starts_at))


def _shape(hbfont, text: str, level) -> tuple:
    buffer = hb.Buffer()
    buffer.cluster_level = level
    buffer.add_str(text)
    buffer.guess_segment_properties()
    hb.shape(hbfont, buffer, {})
    return buffer.glyph_infos, buffer.glyph_positions


def _cluster_ends(text: str, clusters: list[int]) -> dict[int, int]:
    starts = sorted(set(clusters))
    return dict(zip(starts, starts[1:] + [len(text)]))


def _cluster_starts(graphemes: list[int], advances: list[int]) -> set[int]:
    """Index of the first spacing glyph of each grapheme cluster: where justification may add space."""
    first: dict[int, int] = {}
    for index, cluster in enumerate(graphemes):
        if cluster not in first or (advances[index] > 0 and advances[first[cluster]] == 0):
            first[cluster] = index
    return {index for index in first.values() if advances[index] > 0}


def glyph_texts(text: str, graphemes: list[int], chars: list[int], advances: list[int],
                offsets: list[bool]) -> tuple[list[str], list[bool]]:
    """The text each glyph maps to in ToUnicode, and whether it is drawn in the line's continuous run.

    Each glyph maps to the characters it was shaped from (HarfBuzz's per-character clusters; a character
    with no glyph of its own, as ้ inside the NIKHAHIT+MAI THO ligature of น้ำ, goes with the glyph before
    it), so the run's glyphs read in order give back the source text. Drawn apart, after the run at their
    absolute place, and mapped to no text: a glyph moved by a GPOS offset (the run would have to step back
    for it; pypdf then inserts a space), a zero-advance mark right after another zero-advance glyph of the
    run (pdfminer.six starts a new line there), and the glyph of a character drawn by two (ำ = NIKHAHIT +
    SARA AA: SARA AA, which has the advance, carries "ำ"). What a glyph drawn apart stands for goes on the
    run glyph before it in its cluster. So no glyph of the run maps to nothing (MuPDF would print its raw
    code), and the empty mappings are all inside the line's /ActualText span.
    """
    count = len(graphemes)
    texts = [""] * count
    in_run = [False] * count
    previous_zero = False  # the run's last glyph has no advance
    start = 0
    while start < count:
        cluster = graphemes[start]
        stop = start + 1
        while stop < count and graphemes[stop] == cluster:  # MONOTONE_GRAPHEMES keeps a cluster contiguous
            stop += 1
        end = graphemes[stop] if stop < count else len(text)
        if stop == start + 1:  # one glyph, the common case
            in_run[start] = not offsets[start] and not (advances[start] == 0 and previous_zero)
            texts[start] = text[cluster:end]
            if in_run[start]:
                previous_zero = advances[start] == 0
        else:
            spans, runs, previous_zero = _cluster_layout(
                tuple(min(max(chars[m] - cluster, 0), end - cluster) for m in range(start, stop)),
                tuple((advances[m] > 0) - (advances[m] < 0) for m in range(start, stop)),
                tuple(offsets[start:stop]), previous_zero, end - cluster)
            for m, (span_start, span_end), drawn_in_run in zip(range(start, stop), spans, runs):
                texts[m] = text[cluster + span_start:cluster + span_end]
                in_run[m] = drawn_in_run
        start = stop
    return texts, in_run


@lru_cache(maxsize=4096)
def _cluster_layout(chars: tuple[int, ...], advance_signs: tuple[int, ...], offsets: tuple[bool, ...],
                    previous_zero: bool, length: int) -> tuple[tuple, tuple, bool]:
    """`glyph_texts` for one grapheme cluster of several glyphs, from its shape alone (characters as offsets
    into the cluster): each glyph's text as a (start, end) slice of the cluster, whether it is drawn in the
    run, and whether the run then ends on a zero-advance glyph. Clusters repeat, so this is cached."""
    text = "".join(chr(0xE000 + index) for index in range(length))  # stand-ins that say where they came from
    members = range(len(chars))
    texts = [""] * len(chars)
    in_run = [False] * len(chars)
    zero = _cluster_texts(text, 0, length, members, list(chars), list(advance_signs), list(offsets),
                          previous_zero, texts, in_run)
    spans = tuple((ord(piece[0]) - 0xE000, ord(piece[0]) - 0xE000 + len(piece)) if piece else (0, 0)
                  for piece in texts)
    return spans, tuple(in_run), zero


def _cluster_texts(text: str, cluster: int, end: int, members: range, chars: list[int], advances: list[int],
                   offsets: list[bool], previous_zero: bool, texts: list[str], in_run: list[bool]) -> bool:
    """`glyph_texts` for one grapheme cluster of several glyphs; returns whether the run then ends on a
    zero-advance glyph."""
    apart: set[int] = set()  # glyphs drawn apart because they carry no text of their own
    while True:
        zero = previous_zero
        for m in members:
            in_run[m] = m not in apart and not offsets[m] and not (advances[m] == 0 and zero)
            if in_run[m]:
                zero = advances[m] == 0
        for m in members:
            texts[m] = ""
        # each character goes to a glyph shaped from it: preferably one in the run, with an advance
        starts = sorted({min(max(chars[m], cluster), end) for m in members})
        starts[0] = cluster  # characters before the first glyph's own start belong to it
        for position, char_start in enumerate(starts):
            char_end = starts[position + 1] if position + 1 < len(starts) else end
            owners = [m for m in members if min(max(chars[m], cluster), end) == char_start] or [members[0]]
            owner = next((m for m in owners if in_run[m] and advances[m] > 0),
                         next((m for m in owners if in_run[m]), owners[0]))
            texts[owner] += text[char_start:char_end]
        if "".join(texts[m] for m in members) != text[cluster:end]:
            # marks HarfBuzz put in canonical order ("ุ่" is drawn ุ then ่): the whole cluster on its carrier
            for m in members:
                texts[m] = ""
            carrier = next((m for m in members if in_run[m] and advances[m] > 0),
                           next((m for m in members if in_run[m]), members[0]))
            texts[carrier] = text[cluster:end]
        # what a glyph drawn apart stands for goes on the run glyph before it (or after it, if none)
        carrier = None
        pending = ""
        for m in members:
            if in_run[m]:
                texts[m] = pending + texts[m]
                pending = ""
                carrier = m
            elif texts[m]:
                if carrier is None:
                    pending += texts[m]
                else:
                    texts[carrier] += texts[m]
                texts[m] = ""
        if pending:  # no glyph of the cluster is in the run: keep its text on its first glyph
            texts[members[0]] = pending
        silent = {m for m in members if in_run[m] and not texts[m]}
        if not silent:
            return zero
        apart |= silent


def draw_shaped(face: FontFace, size_pt: float, shaped: ShapedText, x_pt: float, baseline_pt: float) -> str:
    return draw_pieces(face, size_pt, [(shaped, 0.0)], x_pt, baseline_pt)


def draw_pieces(face: FontFace, size_pt: float, pieces: list[tuple[ShapedText, float]], x_pt: float,
                baseline_pt: float, cluster_gap_pt: float = 0.0) -> str:
    """PDF operators that draw a line of shaped pieces, each after an extra gap (points), with the pen
    starting at (x_pt, baseline_pt) in PDF coordinates. *cluster_gap_pt* is added before every grapheme
    cluster but the first: Thai distributed justification.

    Glyphs that carry text are drawn as one continuous TJ run (so extraction sees no gaps, and reading the
    run's ToUnicode alone gives the line's text: pypdf, pdfminer.six). Glyphs that carry none (see
    `glyph_texts`) are drawn afterwards at their absolute place, so the run never steps back. The whole line
    is one /ActualText span with its source text, which poppler, PDFium and MuPDF read instead of the
    glyphs (they would print a silent glyph's raw code, or a space around a zero-advance mark). A glyph
    without a GPOS offset is placed exactly where the run would have drawn it, so the page looks the same
    to the pixel as when every such glyph was drawn inside the run.
    """
    if pieces and pieces[-1][0].text[-1:] in _HYPHENS:
        # PDFium reads a hyphen ending a line as a word broken across lines and glues the next line to it
        # ("ab \ufffecd"), poppler drops it: an invisible space after it keeps it a hyphen for both.
        pieces = [*pieces, (face.shape(" "), 0.0)]
    to_1000 = 1000 / face.units_per_em
    to_pt = size_pt / face.units_per_em
    x_start, size = float(f"{x_pt:.2f}"), float(f"{size_pt:.2f}")  # as a viewer reads them back
    run: list[str] = []
    codes: list[str] = []
    apart: list[str] = []
    text: list[str] = []
    pending = 0.0  # thousandths of an em the pen must still move right
    run_pen = 0  # thousandths of an em the TJ run has advanced, as a viewer adds it up
    pen = 0.0  # font units from the start
    first_cluster = True
    for shaped, gap_pt in pieces:
        text.append(shaped.glyph_text)
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
                apart.append(f"1 0 0 1 {x_pt + (pen + glyph.x_offset) * to_pt:.2f} "
                             f"{baseline_pt + glyph.y_offset * to_pt:.2f} Tm <{glyph.hex_code}> Tj ")
                pending += glyph.advance * to_1000
            else:
                if abs(pending) >= 0.5:
                    if codes:
                        run.append("<" + "".join(codes) + ">")
                        codes.clear()
                    moved = round(pending)
                    run.append(f"{-moved}")
                    run_pen += moved
                    pending -= moved  # the rounding remainder is carried, never accumulated as error
                pending += glyph.advance * to_1000 - glyph.width_1000
                if glyph.in_run:
                    codes.append(glyph.hex_code)
                else:
                    apart.append(f"1 0 0 1 {x_start + run_pen * size / 1000:.4f} {baseline_pt:.2f} Tm "
                                 f"<{glyph.hex_code}> Tj ")
                    pending += glyph.width_1000  # the run does not advance over it
                run_pen += glyph.width_1000 if glyph.in_run else 0
            pen += glyph.advance
    if codes:
        run.append("<" + "".join(codes) + ">")
    if not run and not apart:
        return ""
    actual_text = "".join(text).encode("utf-16-be").hex().upper()
    return (f"BT /F{face.index} {size_pt:.2f} Tf 1 0 0 1 {x_pt:.2f} {baseline_pt:.2f} Tm "
            f"/Span <</ActualText <FEFF{actual_text}>>> BDC [{' '.join(run)}] TJ {''.join(apart)}EMC ET")
