"""Five text extractors that people actually copy and search PDFs with, and a "lines read back exactly" count.

pypdf and pdfminer.six read ToUnicode only; poppler (pdftotext), PDFium (Chrome, Edge) and MuPDF also honour
marked-content /ActualText. A drawn line counts as exact when some line of the extractor's page text holds it
verbatim, bounded by the line's ends or by whitespace (table cells on one baseline may share a line).
Used by tests/test_render_textlayer.py and bench/render.py.
"""

from __future__ import annotations

import io
import os
import shutil
import subprocess
import tempfile
from collections.abc import Callable, Iterable
from functools import lru_cache
from pathlib import Path

EXTRACTORS = ("pypdf", "pdftotext", "pdfium", "mupdf", "pdfminer")


def pypdf_pages(data: bytes) -> list[str]:
    import pypdf

    return [page.extract_text() for page in pypdf.PdfReader(io.BytesIO(data)).pages]


def pdftotext_pages(data: bytes) -> list[str]:
    with tempfile.TemporaryDirectory() as temp:
        path = Path(temp) / "in.pdf"
        path.write_bytes(data)
        out = subprocess.run(["pdftotext", "-enc", "UTF-8", str(path), "-"], check=True, capture_output=True)
    pages = out.stdout.decode("utf-8").split("\f")
    return pages[:-1] if pages and not pages[-1].strip() else pages


def pdfium_pages(data: bytes) -> list[str]:
    import pypdfium2

    document = pypdfium2.PdfDocument(data)
    try:
        return [document[index].get_textpage().get_text_range() for index in range(len(document))]
    finally:
        document.close()


def mupdf_pages(data: bytes) -> list[str]:
    import pymupdf

    with pymupdf.open(stream=data, filetype="pdf") as document:
        return [page.get_text() for page in document]


def pdfminer_pages(data: bytes) -> list[str]:
    from pdfminer.high_level import extract_pages
    from pdfminer.layout import LTTextContainer

    return ["".join(element.get_text() for element in page if isinstance(element, LTTextContainer))
            for page in extract_pages(io.BytesIO(data))]


READERS: dict[str, Callable[[bytes], list[str]]] = {
    "pypdf": pypdf_pages, "pdftotext": pdftotext_pages, "pdfium": pdfium_pages, "mupdf": mupdf_pages,
    "pdfminer": pdfminer_pages,
}


@lru_cache(maxsize=32)
def page_texts(data: bytes, extractor: str) -> tuple[str, ...]:
    """Each page's text as *extractor* reads it (cached: the matrix asks several questions of one PDF)."""
    return tuple(READERS[extractor](data))


def available(name: str) -> bool:
    if name == "pdftotext":
        return shutil.which("pdftotext") is not None
    module = {"pypdf": "pypdf", "pdfium": "pypdfium2", "mupdf": "pymupdf", "pdfminer": "pdfminer"}[name]
    try:
        __import__(module)
    except ImportError:
        return False
    return True


def must_run_everywhere() -> bool:
    """In CI (CI=true) a missing extractor is a failure, not a skip."""
    return os.environ.get("CI", "").lower() in ("1", "true", "yes")


def holds_line(page_text: str, line: str) -> bool:
    """Whether some line of *page_text* contains *line* verbatim, bounded by its ends or by whitespace."""
    for extracted in page_text.replace("\r\n", "\n").replace("\r", "\n").split("\n"):
        start = extracted.find(line)
        while start >= 0:
            end = start + len(line)
            if (start == 0 or extracted[start - 1].isspace()) and (end == len(extracted) or extracted[end].isspace()):
                return True
            start = extracted.find(line, start + 1)
    return False


def misses(data: bytes, drawn: Iterable, extractor: str) -> list[tuple[int, str, str]]:
    """(page, drawn text, what that page's best matching extracted line was) for each line not read back."""
    pages = page_texts(data, extractor)
    missed = []
    for item in drawn:
        page_text = pages[item.page - 1] if item.page - 1 < len(pages) else ""
        if not holds_line(page_text, item.text):
            missed.append((item.page, item.text, _closest_line(page_text, item.text)))
    return missed


def _closest_line(page_text: str, line: str) -> str:
    import difflib

    candidates = page_text.replace("\r", "").split("\n")
    best = difflib.get_close_matches(line, candidates, n=1, cutoff=0.0)
    return best[0] if best else ""


def exact_counts(data: bytes, drawn: list) -> dict[str, tuple[int, int] | None]:
    """extractor -> (lines read back exactly, lines drawn); None where the extractor is not installed."""
    return {name: (len(drawn) - len(misses(data, drawn, name)), len(drawn)) if available(name) else None
            for name in EXTRACTORS}
