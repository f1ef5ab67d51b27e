"""The `ita` command: the terminal app by default; `ita check`, `ita render` for scripts and CI.

Heavy imports (Textual, fpdf2) happen inside the sub-command that needs them, so `ita check` starts fast.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from .i18n import detect_language, tr
from .terminal import say, write_report

EXIT_OK, EXIT_FINDINGS, EXIT_CANNOT_RUN = 0, 1, 2


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="ita", description="ITA records: edit, check, print (Thai government)")
    parser.add_argument("--records", default="records", help="records folder (default: ./records)")
    parser.add_argument("--lang", choices=("th", "en"), help="interface language (default: Thai)")
    commands = parser.add_subparsers(dest="command")

    check = commands.add_parser("check", help="check the records; exit 1 if there are errors")
    check.add_argument("path", nargs="?", help="records folder (default: --records)")
    check.add_argument("--format", choices=("text", "json", "sarif"), default="text",
                       help="text (path:line:col), json, or sarif (SARIF 2.1.0 for code-scanning views)")
    check.add_argument("--year", type=int, help="only this fiscal year (BE)")
    check.add_argument("--lang", choices=("th", "en"), default=argparse.SUPPRESS)

    status = commands.add_parser("status", help="progress of a fiscal year: each measure's state, then totals")
    status.add_argument("year", type=int, nargs="?", help="fiscal year, BE (default: the current or last one)")
    status.add_argument("--format", choices=("text", "json"), default="text")
    status.add_argument("--records", dest="status_records", default=argparse.SUPPRESS)
    status.add_argument("--lang", choices=("th", "en"), default=argparse.SUPPRESS)

    new_year = commands.add_parser("new-year", help="start a fiscal year from the last one")
    new_year.add_argument("year", type=int, nargs="?", help="the new fiscal year, BE (default: the last one + 1)")
    new_year.add_argument("--from", dest="from_year", type=int, help="copy from this year (default: the last one)")
    new_year.add_argument("--copy-measures", action="store_true",
                          help="copy the measures' plans (titles, owners, steps, timeline; no results)")
    new_year.add_argument("--records", dest="new_year_records", default=argparse.SUPPRESS)
    new_year.add_argument("--lang", choices=("th", "en"), default=argparse.SUPPRESS)

    render = commands.add_parser("render", help="print the memo and the measures report of a fiscal year as PDF")
    render.add_argument("year", type=int, help="fiscal year, BE (e.g. 2566)")
    which = render.add_mutually_exclusive_group()
    which.add_argument("--memo", action="store_true", help="only the memo")
    which.add_argument("--report", action="store_true", help="only the measures report")
    render.add_argument("-o", "--output", help="output PDF path, or - for stdout (default: out/<FY>/)")
    render.add_argument("--layout", default="default", help="layout name in layouts/ or a folder")
    render.add_argument("--strict", action="store_true", help="refuse to render when the checker finds errors")
    render.add_argument("--with-evidence", action="store_true", help="append evidence PDFs as annexes")
    render.add_argument("--records", dest="render_records", default=argparse.SUPPRESS)
    render.add_argument("--lang", choices=("th", "en"), default=argparse.SUPPRESS)

    history = commands.add_parser("history", help="who changed what and when (follows renamed files)")
    history.add_argument("path", nargs="?", help="a file or folder inside the records (default: all of them)")
    history.add_argument("--format", choices=("text", "json"), default="text")
    history.add_argument("--records", dest="history_records", default=argparse.SUPPRESS)
    history.add_argument("--lang", choices=("th", "en"), default=argparse.SUPPRESS)

    sync = commands.add_parser("sync", help="take in the shared copy's work and send ours (clone mode)")
    sync.add_argument("--no-push", action="store_true", help="only take in, send nothing")
    sync.add_argument("--records", dest="sync_records", default=argparse.SUPPRESS)
    sync.add_argument("--lang", choices=("th", "en"), default=argparse.SUPPRESS)
    return parser


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    lang = detect_language(getattr(args, "lang", None))
    try:
        return _run(args, lang)
    except OSError as error:  # read-only folder, disk full, missing parent…: one line, never a traceback
        say(os_error_line(error, lang), error=True)
        return EXIT_CANNOT_RUN


def os_error_line(error: OSError, lang: str) -> str:
    """"cannot write <file>: <reason>" from any OSError (the reason as the system words it)."""
    path = error.filename if error.filename is not None else ""
    return tr("cli.os-error", lang, path=path, reason=error.strerror or str(error))


def _run(args, lang: str) -> int:
    if args.command == "check":
        return _check(Path(args.path or args.records), args.format, args.year, lang)
    if args.command == "status":
        return _status(Path(getattr(args, "status_records", args.records)), args.year, args.format, lang)
    if args.command == "new-year":
        return _new_year(Path(getattr(args, "new_year_records", args.records)), args, lang)
    if args.command == "render":
        from .render.command import render_command

        records = Path(getattr(args, "render_records", args.records))
        return render_command(records, args, lang)
    if args.command in ("history", "sync"):
        from .tui.config import config_path
        from .vcs.command import history_command, sync_command

        if args.command == "history":
            records = Path(getattr(args, "history_records", args.records))
            return history_command(records, args.path, args.format, lang, config_path())
        return sync_command(Path(getattr(args, "sync_records", args.records)), lang, config_path(), not args.no_push)
    from .tui.app import run_app

    return run_app(Path(args.records), lang)


def _check(records: Path, output_format: str, year: int | None, lang: str) -> int:
    from .check.output import findings_as_json, findings_as_text
    from .store import load_records

    try:
        # as the app does: years unchanged since the last run are neither read nor checked (store/shelf.py)
        store = load_records(records, use_cache=True, lazy=True)
    except (FileNotFoundError, NotADirectoryError, PermissionError):
        say(tr("cli.records-not-found", lang, path=records), error=True)
        return EXIT_CANNOT_RUN
    if year is not None and year not in store.records.years:
        say(tr("cli.year-not-found", lang, year=year, path=records), error=True)
        return EXIT_CANNOT_RUN
    report = _checked(store, year)
    files = len({*store.sources, *(f.file for f in store.findings)}) + sum(
        shelf.file_count for shelf in store.shelved.values())
    if output_format == "sarif":
        from .check.sarif import findings_as_sarif

        write_report(findings_as_sarif(report.findings, lang, str(records)), machine=True)
    else:
        render = findings_as_json if output_format == "json" else findings_as_text
        write_report(render(report.findings, files, lang, str(records)), machine=output_format != "text")
    return EXIT_FINDINGS if report.has_errors else EXIT_OK


def _checked(store, year: int | None):
    """What `run_checks` finds; with the per-user cache, taken from it for what did not change (the app's
    checker: tests/test_check_incremental.py holds the two to the same findings)."""
    from .check import CheckReport, run_checks
    from .check.incremental import IncrementalCheck

    if store._cache is None:
        return run_checks(store, year)
    findings = IncrementalCheck(store).update()
    if year is not None:
        prefix = f"{year}/"
        findings = [f for f in findings if f.file.startswith(prefix) or f.file == "agency.toml"]
    return CheckReport(findings)


def _status(records: Path, year: int | None, output_format: str, lang: str) -> int:
    import datetime as dt

    from .check.status_output import status_as_json, status_as_text
    from .model.progress import year_progress
    from .store import load_records
    from .thai.dates import fiscal_year_of

    try:
        store = load_records(records, use_cache=True)
    except (FileNotFoundError, NotADirectoryError, PermissionError):
        say(tr("cli.records-not-found", lang, path=records), error=True)
        return EXIT_CANNOT_RUN
    today = dt.date.today()
    years = store.records.years
    if year is None and years:
        year = fiscal_year_of(today) if fiscal_year_of(today) in years else max(years)
    if year not in years:
        say(tr("cli.year-not-found", lang, year=year or "—", path=records), error=True)
        return EXIT_CANNOT_RUN
    progress = year_progress(years[year], today)
    write_report(status_as_json(progress) if output_format == "json" else status_as_text(progress, lang),
                 machine=output_format == "json")
    return EXIT_OK


def _new_year(records: Path, args, lang: str) -> int:
    from .store import SaveRefused, load_records
    from .store.new_year import create_fiscal_year

    try:
        store = load_records(records)
    except (FileNotFoundError, NotADirectoryError, PermissionError):
        say(tr("cli.records-not-found", lang, path=records), error=True)
        return EXIT_CANNOT_RUN
    years = sorted(store.records.years)
    source = args.from_year if args.from_year is not None else (years[-1] if years else None)
    if source is not None and source not in store.records.years:
        say(tr("cli.year-not-found", lang, year=source, path=records), error=True)
        return EXIT_CANNOT_RUN
    new_year = args.year or ((source or 0) + 1 if source else None)
    if new_year is None:
        say(tr("new-year.which", lang), error=True)
        return EXIT_CANNOT_RUN
    try:
        year = create_fiscal_year(store, new_year, source, args.copy_measures)
    except SaveRefused as error:
        say(tr("new-year.refused", lang, reason=str(error)), error=True)
        return EXIT_FINDINGS
    say(tr("new-year.created", lang, year=new_year, path=records / str(new_year), measures=len(year.measures)))
    from .tui.config import config_path
    from .vcs.command import record_new_year

    problem = record_new_year(records, new_year, source, lang, config_path())
    if problem:
        say(problem, error=True)
    return EXIT_OK


if __name__ == "__main__":
    sys.exit(main())
