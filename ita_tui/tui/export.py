"""Export from the app: render a year's PDFs to out/<FY>/ and say how to fetch them from a laptop."""

from __future__ import annotations

import getpass
import socket
from dataclasses import dataclass
from pathlib import Path

from ..model.records import Records
from ..render.build import DOCUMENTS, render_year
from ..render.output import write_atomically_to


@dataclass
class ExportResult:
    paths: list[Path]
    pages: int
    missing_characters: set[str]

    def fetch_command(self) -> str:
        """The scp line to copy the merged PDF to the laptop the user sits at."""
        target = self.paths[0].resolve()
        return f"scp {getpass.getuser()}@{socket.gethostname()}:{target} ."


def export_year(records: Records, fiscal_year: int, out_root: Path, documents: tuple[str, ...] = DOCUMENTS,
                progress=None, version_keywords: str = "") -> ExportResult:
    folder = out_root / str(fiscal_year)
    jobs = [(folder / f"ita-{fiscal_year}.pdf", documents)] if len(documents) > 1 else []
    jobs += [(folder / f"{name}-{fiscal_year}.pdf", (name,)) for name in documents]
    paths, pages, missing = [], 0, set()
    for index, (path, parts) in enumerate(jobs, start=1):
        rendered = render_year(records, fiscal_year, parts, version_keywords=version_keywords)
        write_atomically_to(path, rendered.pdf)
        paths.append(path)
        pages = max(pages, rendered.pages)
        missing |= rendered.missing_characters
        if progress is not None:
            progress(index, len(jobs))
    return ExportResult(paths, pages, missing)
