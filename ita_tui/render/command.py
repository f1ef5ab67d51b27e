"""`ita render FY`: write the PDFs (or stream one to stdout) and say where they are."""

from __future__ import annotations

import os
import sys
from argparse import Namespace
from pathlib import Path

from ..i18n import tr
from ..terminal import say
from .build import DOCUMENTS, EvidenceRefused, render_year
from .layout import LayoutError
from .output import write_atomically_to

EXIT_OK, EXIT_REFUSED, EXIT_CANNOT_RUN = 0, 1, 2


def names_a_folder(output: str) -> bool:
    """-o out/ (absent) or -o existing-folder: write the files into that folder, named as by default."""
    return output != "-" and (output.endswith(("/", os.sep)) or Path(output).is_dir())


def render_command(records_path: Path, args: Namespace, lang: str) -> int:
    from ..check import run_checks
    from ..store import load_records

    try:
        store = load_records(records_path, use_cache=True)
    except (FileNotFoundError, NotADirectoryError, PermissionError):
        say(tr("cli.records-not-found", lang, path=records_path), error=True)
        return EXIT_CANNOT_RUN
    if args.year not in store.records.years:
        say(tr("cli.year-not-found", lang, year=args.year, path=records_path), error=True)
        return EXIT_CANNOT_RUN
    report = run_checks(store, args.year)
    errors = sum(1 for finding in report.findings if finding.severity.value == "error")
    if errors:
        key = "render.refused-errors" if args.strict else "render.draft-with-errors"
        say(tr(key, lang, errors=errors, year=args.year), error=True)
        if args.strict:
            return EXIT_REFUSED
    version_keywords, refused = _recorded_version(records_path, lang)
    if refused:
        return EXIT_REFUSED
    documents = ("memo",) if args.memo else ("report",) if args.report else DOCUMENTS
    evidence_root = store.root if args.with_evidence else None
    try:
        if args.output and not names_a_folder(args.output):
            outputs = {Path(args.output) if args.output != "-" else None: documents}
        else:
            folder = Path(args.output) if args.output else Path("out") / str(args.year)
            outputs = {folder / f"ita-{args.year}.pdf": documents} if len(documents) > 1 else {}
            for name in documents:
                outputs[folder / f"{name}-{args.year}.pdf"] = (name,)
        for path, parts in outputs.items():
            rendered = render_year(store.records, args.year, parts, args.layout,
                                   evidence_root if len(parts) == len(documents) else None,
                                   version_keywords=version_keywords)
            if path is None:
                sys.stdout.buffer.write(rendered.pdf)
                sys.stdout.buffer.flush()
            else:
                write_atomically_to(path, rendered.pdf)
                say(tr("render.wrote", lang, path=path, pages=rendered.pages), error=True)
        if rendered.evidence_not_attached:
            say(tr("render.evidence-not-pdf", lang, files=", ".join(rendered.evidence_not_attached)), error=True)
        if rendered.missing_characters:
            shown = " ".join(f"U+{ord(c):04X}" for c in sorted(rendered.missing_characters))
            say(tr("render.missing-glyphs", lang, chars=shown), error=True)
    except (LayoutError, EvidenceRefused) as error:
        say(tr("render.failed", lang, reason=str(error)), error=True)
        return EXIT_CANNOT_RUN
    return EXIT_OK


def _recorded_version(records_path: Path, lang: str) -> tuple[str, bool]:
    """The PDF's version keywords; warn (or refuse, with `unrecorded_print = "refuse"` in the per-user
    settings) when the records have changes not recorded in the history."""
    from ..vcs.printing import print_version

    version = print_version(records_path)
    if version is None:
        return "", False
    if version.unrecorded:
        from ..tui.config import load_config  # only here: importing the tui package loads Textual (~80 ms)

        refuse = load_config().unrecorded_print == "refuse"
        key = "render.unrecorded-refused" if refuse else "render.unrecorded"
        print(tr(key, lang, count=len(version.unrecorded), files=", ".join(version.unrecorded[:5])), file=sys.stderr)
        if refuse:
            return "", True
    return version.keywords(), False
