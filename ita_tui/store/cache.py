"""A per-user cache of parsed records files, so `ita check` and the app start fast on large folders.

An entry is trusted only while the file's size, mtime and inode are unchanged and its mtime is older than
the moment the entry was written (git's "racy clean" rule): a file rewritten within the same clock tick
is always parsed again. The bytes are still read before any save (the store compares hashes then), so a
stale entry could at worst show an old finding, never overwrite anything. Disable with ITA_CACHE=0.

The cache of one records folder is a folder of small pickles, each read only when first needed: the parsed
values per fiscal year (`values-2566.pickle`; `values-root.pickle` for agency.toml) and each named memo
(`memo-<name>.pickle`: the checker's findings per year, the years' summaries, ...). Opening one year of a
large folder reads that year's part and nothing else.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import re
import time
from pathlib import Path

from .atomic import write_atomically

CACHE_VERSION = 2
RACY_SECONDS = 2.0
_YEAR_PART = re.compile(r"^([0-9]{4})/")
_PART_FILE = re.compile(r"^values-([0-9]{4})\.pickle$")
_UNREADABLE = (OSError, pickle.UnpicklingError, EOFError, AttributeError, KeyError, TypeError, ValueError,
               ImportError, IndexError)


def default_cache_root() -> Path:
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "ita-tui"


def is_racy(mtime_ns: int, written_at: float) -> bool:
    """A file modified this close to the moment its entry was written may have changed unseen since."""
    return mtime_ns / 1e9 >= written_at - RACY_SECONDS


class ParseCache:
    def __init__(self, records_root: Path, cache_root: Path | None = None):
        self.records_root = Path(records_root)
        key = hashlib.sha256(str(self.records_root.resolve()).encode()).hexdigest()[:16]
        self.folder = (cache_root or default_cache_root()) / f"records-{key}"
        self._parts: dict[str, dict[str, tuple]] = {}  # part → relative path → entry, read on first use
        self._dirty_parts: set[str] = set()
        self._memo: dict[str, object] = {}  # name → value, read on first use
        self._dirty_memo: set[str] = set()

    @staticmethod
    def enabled() -> bool:
        return os.environ.get("ITA_CACHE", "1") != "0"

    # -- reading ---------------------------------------------------------------------------------
    def _read(self, name: str, default):
        try:
            with open(self.folder / name, "rb") as handle:
                data = pickle.load(handle)
            if isinstance(data, dict) and data.get("version") == CACHE_VERSION:
                return data["value"]
        except _UNREADABLE:
            pass  # no cache, or an unreadable one: parse everything again
        return default

    @staticmethod
    def _part_of(relative: str) -> str:
        match = _YEAR_PART.match(relative)
        return match[1] if match else "root"

    def _entries(self, part: str) -> dict[str, tuple]:
        if part not in self._parts:
            entries = self._read(f"values-{part}.pickle", {})
            self._parts[part] = entries if isinstance(entries, dict) else {}
        return self._parts[part]

    def lookup(self, relative: str, status: os.stat_result):
        """(sha256, has_bom, values) for an unchanged file, else None."""
        entry = self._entries(self._part_of(relative)).get(relative)
        if entry is None:
            return None
        size, mtime_ns, inode, written_at, sha256, has_bom, values = entry
        if (size, mtime_ns, inode) != (status.st_size, status.st_mtime_ns, status.st_ino):
            return None
        if is_racy(mtime_ns, written_at):
            return None
        return sha256, has_bom, values

    def store(self, relative: str, status: os.stat_result, sha256: str, has_bom: bool, values: dict) -> None:
        part = self._part_of(relative)
        self._entries(part)[relative] = (status.st_size, status.st_mtime_ns, status.st_ino, time.time(), sha256,
                                         has_bom, values)
        self._dirty_parts.add(part)

    def recall(self, name: str):
        """A memo kept under *name* by an earlier run (None if there is none)."""
        if name not in self._memo:
            self._memo[name] = self._read(f"memo-{name}.pickle", None)
        return self._memo[name]

    def remember(self, memo: dict) -> None:
        """Keep these memos (others stay: the checker and the app keep different ones)."""
        for name, value in memo.items():
            if self.recall(name) != value:
                self._memo[name] = value
                self._dirty_memo.add(name)

    # -- writing ---------------------------------------------------------------------------------
    def save(self, known: set[str]) -> None:
        """Write what changed, quietly giving up if it cannot. *known*: the files loaded now; entries of
        other files are dropped from the parts that were read (a year's part is read whole)."""
        for part, entries in self._parts.items():
            stale = [relative for relative in entries if relative not in known]
            for relative in stale:
                del entries[relative]
            if stale:
                self._dirty_parts.add(part)
        try:
            self.folder.mkdir(parents=True, exist_ok=True, mode=0o700)
            for part in sorted(self._dirty_parts):
                self._write(f"values-{part}.pickle", self._parts[part])
            for name in sorted(self._dirty_memo):
                self._write(f"memo-{name}.pickle", self._memo[name])
            self._drop_parts_of_years_gone()
        except OSError:
            pass
        self._dirty_parts.clear()
        self._dirty_memo.clear()

    def _write(self, name: str, value) -> None:
        write_atomically(self.folder / name, pickle.dumps({"version": CACHE_VERSION, "value": value},
                                                          protocol=pickle.HIGHEST_PROTOCOL))

    def _drop_parts_of_years_gone(self) -> None:
        for name in os.listdir(self.folder):
            match = _PART_FILE.match(name)
            if match and not (self.records_root / match[1]).is_dir():
                (self.folder / name).unlink(missing_ok=True)
