"""The memo's SVG emblem, drawn from a per-user cache of its PDF drawing operators.

Parsing and converting the emblem (layouts/garuda.svg, ≈ 2,300 path segments) was a tenth of every cold
`ita render` (≈ 50–100 ms), for the same operators each time. The first render draws it with fpdf2 and
keeps what that appended to the page (its operators and the graphics states it named); later renders
append the same bytes, so the PDF is byte-identical. An entry is keyed by the SVG's bytes, where and how
large it is drawn, the page and graphics state it starts from, and the fpdf2 version. Only a drawing that
needs nothing but its own graphics states (no image, pattern or soft mask) is kept; anything else is
drawn every time. Like the records parse cache, it lives in ~/.cache/ita-tui and ITA_CACHE=0 turns it off.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

from fpdf import FPDF_VERSION
from fpdf.enums import PDFResourceType
from fpdf.syntax import Name

CACHE_FORMAT = 1
_PARSED_SVG: dict[tuple[Path, int], tuple] = {}  # parsed drawings, for the process (parsing costs ≈ 50 ms)
_DRAWN: dict[str, dict] = {}  # cache key -> cache entry, for the process


def draw_emblem(pdf, path: Path, x: float, y: float, height: float, parse_error: type[Exception]) -> None:
    """Draw the SVG at *path* at (x, y) top-down points, *height* high, on the current page of *pdf*."""
    svg_bytes = path.read_bytes()
    key = _cache_key(pdf, svg_bytes, x, y, height)
    entry = _DRAWN.get(key) or _read_entry(key)
    catalog = pdf._resource_catalog
    if entry is not None and not catalog.graphics_styles:  # the names it uses are free: GS0, GS1…
        catalog.graphics_styles.update((style, Name(name)) for style, name in entry["styles"])
        _DRAWN[key] = entry
        rendered = entry["rendered"]
        catalog.index_stream_resources(rendered, pdf.page)
        pdf._out(rendered)
        pdf._set_min_pdf_version("1.4")
        return
    fresh = not catalog.graphics_styles and not catalog.soft_mask_xobjects and not catalog.form_xobjects
    contents = pdf.pages[pdf.page].contents
    start = len(contents)
    name, svg, info = _parsed(path, pdf, parse_error)
    pdf._vector_image(name, svg, info, x=x, y=y, h=height)
    rendered = bytes(contents[start:]).removesuffix(b"\n").decode("latin-1")
    needs = {kind for kind, _ in catalog.scan_stream(rendered)}
    if fresh and needs <= {PDFResourceType.EXT_G_STATE} and not catalog.soft_mask_xobjects \
            and not catalog.form_xobjects:
        entry = {"rendered": rendered, "styles": [[style, str(name)] for style, name in catalog.graphics_styles.items()]}
        _DRAWN[key] = entry
        _write_entry(key, entry)


def _parsed(path: Path, pdf, parse_error: type[Exception]) -> tuple:
    key = (path, path.stat().st_mtime_ns)
    if key not in _PARSED_SVG:
        from fpdf.image_parsing import get_svg_info

        try:
            with open(path, "rb") as handle:
                _PARSED_SVG[key] = get_svg_info(str(path), handle, pdf.image_cache)
        except OSError:
            raise
        except Exception as error:  # XML ParseError, fpdf2's SVG errors…
            raise parse_error(f"{path}: not an SVG drawing ({error})") from error
    return _PARSED_SVG[key]


def _cache_key(pdf, svg_bytes: bytes, x: float, y: float, height: float) -> str:
    """Everything the operators depend on: the drawing, its box, the page, the starting graphics state."""
    state = (CACHE_FORMAT, FPDF_VERSION, repr((x, y, height, pdf.k, pdf.h, pdf.allow_images_transparency,
                                               pdf.line_width, pdf.draw_color, pdf.fill_color, pdf.dash_pattern)))
    digest = hashlib.sha256(svg_bytes)
    digest.update(repr(state).encode())
    return digest.hexdigest()[:32]


def _entry_path(key: str) -> Path | None:
    from ..store.cache import ParseCache, default_cache_root

    return default_cache_root() / "emblems" / f"{key}.json" if ParseCache.enabled() else None


def _read_entry(key: str) -> dict | None:
    path = _entry_path(key)
    if path is None:
        return None
    try:
        entry = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    if not (isinstance(entry, dict) and isinstance(entry.get("rendered"), str)
            and isinstance(entry.get("styles"), list)
            and all(isinstance(pair, list) and len(pair) == 2 and all(isinstance(part, str) for part in pair)
                    for pair in entry["styles"])):
        return None  # not one of ours: draw it again (and overwrite it)
    return entry


def _write_entry(key: str, entry: dict) -> None:
    path = _entry_path(key)
    if path is None:
        return
    try:
        from ..store.atomic import write_atomically

        path.parent.mkdir(parents=True, exist_ok=True)
        write_atomically(path, json.dumps(entry).encode("utf-8"))
    except OSError:
        pass  # a read-only or full cache folder only means drawing it again next time
