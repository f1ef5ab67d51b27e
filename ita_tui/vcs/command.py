"""`ita history [PATH]` and `ita sync`: the history of the records, and clone mode's send/receive."""

from __future__ import annotations

import json
from pathlib import Path

from ..i18n import tr
from ..terminal import say, write_report
from ..thai.dates import format_thai_date
from ..thai.digits import to_thai_digits
from .messages import SavedFile
from .recorder import Recorder
from .repository import Version
from .runner import GitError

EXIT_OK, EXIT_CONFLICT, EXIT_CANNOT_RUN = 0, 1, 2


def version_date(version: Version, lang: str) -> str:
    """"๓๐ พ.ย. ๖๙ ๑๔:๐๕" in Thai (Buddhist Era), "2026-11-30 14:05" in English."""
    clock = version.when.strftime("%H:%M")
    if lang == "th":
        return f"{format_thai_date(version.when.date(), abbreviated=True)} {to_thai_digits(clock)}"
    return f"{version.when.date().isoformat()} {clock}"


def records_relative(records_root: Path, path: str | None) -> str | None:
    """PATH as the store names it (relative to the records folder); None if it points outside."""
    if not path:
        return ""
    candidate = Path(path)
    root = records_root.resolve()
    for base in (Path.cwd(), records_root):
        full = (base / candidate).resolve() if not candidate.is_absolute() else candidate.resolve()
        if full.is_relative_to(root) and (full.exists() or base == records_root):
            relative = full.relative_to(root).as_posix()
            return "" if relative == "." else relative
    return None


def history_command(records_root: Path, path: str | None, output_format: str, lang: str,
                    settings_path: Path | None = None) -> int:
    recorder = Recorder(records_root, lang, settings_path)
    if recorder.repository is None:
        say(recorder.off_reason, error=True)
        return EXIT_CANNOT_RUN
    relative = records_relative(records_root, path)
    if relative is None:
        say(tr("cli.records-not-found", lang, path=path), error=True)
        return EXIT_CANNOT_RUN
    try:
        versions = recorder.repository.history(relative)
    except GitError as error:
        say(tr("vcs.off.error", lang, reason=str(error)), error=True)
        return EXIT_CANNOT_RUN
    if output_format == "json":
        items = [{"commit": v.commit, "author": v.author, "email": v.email, "date": v.when.astimezone().isoformat(),
                  "message": v.message, "path": v.path} for v in versions]
        write_report(json.dumps(items, ensure_ascii=False, indent=2) + "\n", machine=True)
        return EXIT_OK
    if not versions:
        say(tr("cli.history-empty", lang, path=relative or str(records_root)))
    for version in versions:
        first_line = version.message.splitlines()[0] if version.message else ""
        say(f"{version.short}  {version_date(version, lang)}  {version.author}  {first_line}")
    return EXIT_OK


def sync_command(records_root: Path, lang: str, settings_path: Path | None = None, send: bool = True) -> int:
    from .sync import has_remote, sync

    recorder = Recorder(records_root, lang, settings_path)
    if recorder.repository is None:
        say(recorder.off_reason, error=True)
        return EXIT_CANNOT_RUN
    if not has_remote(recorder.repository):
        say(tr("sync.no-remote", lang))
        return EXIT_OK
    say(tr("sync.working", lang), error=True)
    try:
        result = sync(recorder.repository, tr("vcs.msg.merged", lang), recorder.identity(), send=send)
    except GitError as error:
        say(tr("sync.failed", lang, reason=str(error).strip()), error=True)
        return EXIT_CANNOT_RUN
    if result.conflicts:
        say(tr("sync.conflicts-left", lang, files=", ".join(c.path for c in result.conflicts)), error=True)
        return EXIT_CONFLICT
    if result.taken:
        say(tr("sync.pulled", lang, count=result.taken))
    if result.sent:
        say(tr("sync.pushed", lang))
    if not result.taken and not result.sent:
        say(tr("sync.nothing", lang))
    return EXIT_OK


def record_new_year(records_root: Path, new_year: int, source: int | None, lang: str,
                    settings_path: Path | None = None) -> str:
    """Commit a year the CLI or the app just created; returns a line to show when it could not."""
    from .messages import new_year_message

    recorder = Recorder(records_root, lang, settings_path)
    recorded = recorder.record_paths([str(new_year)], new_year_message(new_year, source, lang))
    return tr("vcs.not-recorded", lang, reason=recorded.problem) if recorded.problem else ""


__all__ = ["history_command", "sync_command", "record_new_year", "version_date", "SavedFile"]
