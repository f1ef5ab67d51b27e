"""Fiscal years the app lists without reading them: each year's summary and findings, kept in the per-user
cache with everything they were computed from, so a start on a large records folder reads only the years
that changed (and the ones the user opens).

A year stays on the shelf only while nothing its summary depends on can have changed: the same files in its
folder, each with the same size, mtime and inode and none modified within the racy window of the moment the
shelf was written (store/cache.py); the same agency.toml; the same day its progress is judged on (today
for the year that runs, a fixed day for a finished one: progress.reference_day; the late-measure rule
depends on nothing else of the date); the same code of the app; the same evidence files present. Anything else, and the year is read and
checked as before. A year with a symbolic link among its folders or files is never shelved.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import functools
import hashlib
import os
import stat
from dataclasses import dataclass
from pathlib import Path

from ..model.findings import Finding
from ..model.records import FiscalYear
from ..model.summary import YearSummary
from .cache import is_racy
from .evidence import evidence_target

SHELVES_MEMO = "year-shelves"
NOT_SHELVED = ("file-leftover-temp",)  # looked for again at every start, for every year


@functools.lru_cache(maxsize=1)
def code_fingerprint() -> str:
    """Names, sizes and times of the package's modules and data (the compound-word list decides what a
    repeated phrase is): a new rule or a fixed one makes old findings stale."""
    package = Path(__file__).resolve().parent.parent
    digest = hashlib.sha256()
    for path in sorted(path for path in package.rglob("*") if path.is_file() and "__pycache__" not in path.parts):
        status = path.stat()
        digest.update(f"{path.relative_to(package)}:{status.st_size}:{status.st_mtime_ns}\n".encode())
    return digest.hexdigest()


def today() -> dt.date:
    """The day the shelves and the app's checks judge progress on (one place, so tests can name a day)."""
    return dt.date.today()


def conditions(agency_sha256: str | None) -> str:
    """What every year's findings depend on besides its own files (and the day: `YearSummary.holds_on`)."""
    return f"{code_fingerprint()}:{agency_sha256 or '-'}"


@dataclass(frozen=True)
class YearShelf:
    signature: tuple  # year_signature() when the shelf was written
    written_at: float
    conditions: str
    evidence: tuple  # evidence_states() of the year's measures
    summary: YearSummary
    findings: tuple[Finding, ...]  # located, as the checker gives them

    @property
    def file_count(self) -> int:
        """The year's records files (`ita check` says how many it checked)."""
        return sum(1 for name, size, _mtime, _inode in self.signature if size is not None and name != "measures")

    def still_true(self, signature: tuple | None, conditions_now: str, root: Path, today: dt.date) -> bool:
        return (signature is not None and signature == self.signature and conditions_now == self.conditions
                and self.summary.holds_on(today)
                and not any(is_racy(entry[2], self.written_at) for entry in signature if entry[2] is not None)
                and evidence_states(root, [path for path, _state in self.evidence]) == self.evidence)


def year_signature(root: Path, fiscal_year: int) -> tuple | None:
    """(name, size, mtime_ns, inode) of report.toml and each measures/*.toml, as loading would read them;
    None when a link is involved (those years are always read). Plain strings, not pathlib: a start takes
    this of every file of the folder."""
    folder = os.path.join(root, str(fiscal_year))
    try:
        if stat.S_ISLNK(os.lstat(folder).st_mode):
            return None
        entries = [_entry(os.path.join(folder, "report.toml"), "report.toml")]
        measures = os.path.join(folder, "measures")
        try:
            status = os.lstat(measures)
        except FileNotFoundError:
            return tuple(entries + [("measures", None, None, None)])
        if stat.S_ISLNK(status.st_mode):
            return None
        if not stat.S_ISDIR(status.st_mode):
            return tuple(entries + [("measures", status.st_size, status.st_mtime_ns, status.st_ino)])
        for name in sorted(name for name in os.listdir(measures) if name.endswith(".toml")):
            entries.append(_entry(os.path.join(measures, name), "measures/" + name))
    except OSError:
        return None
    if any(entry is None for entry in entries):
        return None
    return tuple(entries)


def _entry(path: str, name: str):
    try:
        status = os.lstat(path)
    except FileNotFoundError:
        return (name, None, None, None)
    if stat.S_ISLNK(status.st_mode):
        return None
    return (name, status.st_size, status.st_mtime_ns, status.st_ino)


def year_evidence(year: FiscalYear) -> list[str]:
    return [evidence for measure in year.measures for evidence in measure.evidence]


def evidence_states(root: Path, evidence: list[str]) -> tuple:
    """Per evidence path: whether it leads out of the records folder, and whether its file exists."""
    states = []
    for path in evidence:
        if "://" in path:
            states.append((path, None))
            continue
        try:
            target = evidence_target(root, path)
            states.append((path, (target is None, target is not None and target.exists())))
        except (OSError, ValueError, RuntimeError):
            states.append((path, ("unreadable",)))
    return tuple(states)


def make_shelf(root: Path, year: FiscalYear, read_as: tuple[tuple | None, float], conditions_now: str,
               summary: YearSummary, findings: list[Finding]) -> YearShelf | None:
    """*read_as*: the year's signature and the time, taken just before its files were read (a file changed
    since then makes the signature differ at the next start)."""
    signature, taken_at = read_as
    if signature is None:
        return None
    kept = tuple(f for f in findings if f.rule_id not in NOT_SHELVED)
    named = {f.file for f in kept}  # the problems panel names these measures; the others need no place
    summary = dataclasses.replace(summary, places=tuple(place for place in summary.places if place[0] in named))
    return YearShelf(signature, taken_at, conditions_now, evidence_states(root, year_evidence(year)), summary, kept)
