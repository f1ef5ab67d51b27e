"""One fiscal year → PDF bytes: memo and/or report in one document, with metadata and bookmarks."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path

from ..model.records import Records
from ..store.evidence import evidence_target
from ..templating import fill
from .canvas import Canvas
from .footer import printed_version
from .text import printable
from .layout import load_layout
from .memo import draw_memo
from .report import draw_report
from .values import year_values

DOCUMENTS = ("memo", "report")
IMAGE_SUFFIXES = (".jpg", ".jpeg", ".png")


class EvidenceRefused(Exception):
    """An evidence path leaves the records folder or is not a readable PDF."""


@dataclass
class Rendered:
    pdf: bytes
    pages: int
    missing_characters: set[str] = field(default_factory=set)
    evidence_not_attached: list[str] = field(default_factory=list)  # evidence that is not a PDF
    drawn: list = field(default_factory=list)  # canvas.DrawnText of every text run, for text-layer checks


def render_year(records: Records, fiscal_year: int, documents: tuple[str, ...] = DOCUMENTS,
                layout_name: str = "default", evidence_root: Path | None = None,
                created: dt.datetime | None = None, version_keywords: str = "") -> Rendered:
    """Render *documents* of *fiscal_year* into one PDF; with *evidence_root*, append evidence PDFs."""
    year = records.years[fiscal_year]
    values = year_values(records, year)
    canvas = Canvas()
    layouts = {name: load_layout(name, layout_name) for name in documents}
    first = layouts[documents[0]]
    pdf = canvas.pdf
    pdf.set_title(fill(first.get("metadata", "title", ""), values))
    pdf.set_subject(fill(first.get("metadata", "subject", ""), values))
    pdf.set_author(records.agency.name)
    pdf.set_creator("ita-tui")
    pdf.set_lang("th-TH")
    pdf.set_creation_date(created or dt.datetime.now(dt.timezone.utc))
    if version_keywords:  # the recorded version it was made from (ita_tui/vcs/printing.py)
        pdf.set_keywords(version_keywords)
    for name in documents:
        (draw_memo if name == "memo" else draw_report)(canvas, layouts[name], records, year)
    not_attached: list[str] = []
    if evidence_root is not None:
        annex_layout = layouts[documents[-1]]
        for label, path in evidence_files(records, fiscal_year, evidence_root, IMAGE_SUFFIXES):
            draw_image_annex(canvas, annex_layout, annex_caption(annex_layout, label), path)
    version = printed_version(version_keywords)
    if version is not None:
        canvas.version_footers(version)
    data = bytes(pdf.output())
    pages = pdf.page
    if evidence_root is not None:
        data, added = append_evidence(data, records, fiscal_year, evidence_root, layouts[documents[-1]])
        pages += added
        not_attached = [evidence for measure in year.measures for evidence in measure.evidence
                        if "://" not in evidence and not evidence.lower().endswith((".pdf",) + IMAGE_SUFFIXES)]
    return Rendered(data, pages, canvas.missing_characters, not_attached, canvas.drawn)


def annex_caption(layout, label: str) -> str:
    """"ภาคผนวก ๑. 2566/evidence/photo.png": the layout's label and digits (paths keep theirs)."""
    return printable(f"{layout.get('metadata', 'annex_label', 'ภาคผนวก')} {label}",
                     layout.section("body").get("digits", "thai"))


def draw_image_annex(canvas: Canvas, layout, caption: str, path: Path) -> None:
    """A photo of evidence on its own page: caption on top, the image scaled to fit, a bookmark."""
    canvas.begin_part(layout, caption)
    sizes = layout.section("sizes")
    canvas.paragraph(caption, style="bold", size=sizes["body"], line_height=sizes["line_height"],
                     x=canvas.left, width=canvas.text_width)
    top = canvas.y + 6
    try:
        canvas.pdf.image(str(path), x=canvas.left, y=top, keep_aspect_ratio=True,
                         w=canvas.text_width, h=canvas.bottom - top)
    except Exception as error:  # a damaged photo must say which one, never a traceback
        raise EvidenceRefused(f"{path}: not a readable image ({error})") from None


def evidence_files(records: Records, fiscal_year: int, root: Path,
                   suffixes: tuple[str, ...] = (".pdf",)) -> list[tuple[str, Path]]:
    """(label, path) of each evidence file of the year's measures with one of *suffixes*; refuses any path
    leaving *root*."""
    root = root.resolve()
    files = []
    for measure in records.years[fiscal_year].measures:
        for evidence in measure.evidence:
            if "://" in evidence:
                continue
            path = evidence_target(root, evidence)
            if path is None:
                raise EvidenceRefused(f"{measure.origin.file}: evidence {evidence!r} is outside the records folder")
            if path.suffix.lower() in suffixes:
                files.append((f"{measure.order}. {evidence}", path))
    return files


def append_evidence(data: bytes, records: Records, fiscal_year: int, root: Path, layout) -> tuple[bytes, int]:
    import io

    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(data)))
    added = 0
    for label, path in evidence_files(records, fiscal_year, root):
        try:
            reader = PdfReader(path)
            start = len(writer.pages)
            writer.append(reader)
        except Exception as error:  # a broken annex must not lose the whole render
            raise EvidenceRefused(f"{path}: not a readable PDF ({error})") from None
        writer.add_outline_item(title=annex_caption(layout, label), page_number=start)
        added += len(writer.pages) - start
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue(), added
