"""A per-user cache of parsed records files, so `ita check` and the app start fast on large folders.

An entry is trusted only while the file's size, mtime and inode are unchanged and its mtime is older than
the moment the entry was written (git's "racy clean" rule): a file rewritten within the same clock tick
is always parsed again. The bytes are still read before any save (the store compares hashes then), so a
stale entry could at worst show an old finding, never overwrite anything. Disable with ITA_CACHE=0.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import time
from pathlib import Path

from .atomic import write_atomically

CACHE_VERSION = 1
RACY_SECONDS = 2.0


def default_cache_root() -> Path:
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "ita-tui"


class ParseCache:
    def __init__(self, records_root: Path, cache_root: Path | None = None):
        key = hashlib.sha256(str(Path(records_root).resolve()).encode()).hexdigest()[:16]
        self.path = (cache_root or default_cache_root()) / f"parsed-{key}.pickle"
        self.entries: dict[str, tuple] = {}
        self.memo: dict[str, object] = {}
        self._dirty = False
        try:
            with open(self.path, "rb") as handle:
                data = pickle.load(handle)
            if data.get("version") == CACHE_VERSION:
                self.entries, self.memo = data["entries"], data.get("memo", {})
        except (OSError, pickle.UnpicklingError, EOFError, AttributeError, KeyError, TypeError, ValueError):
            pass  # no cache, or an unreadable one: parse everything

    @staticmethod
    def enabled() -> bool:
        return os.environ.get("ITA_CACHE", "1") != "0"

    def lookup(self, relative: str, status: os.stat_result):
        """(sha256, has_bom, values) for an unchanged file, else None."""
        entry = self.entries.get(relative)
        if entry is None:
            return None
        size, mtime_ns, inode, written_at, sha256, has_bom, values = entry
        if (size, mtime_ns, inode) != (status.st_size, status.st_mtime_ns, status.st_ino):
            return None
        if mtime_ns / 1e9 >= written_at - RACY_SECONDS:
            return None
        return sha256, has_bom, values

    def store(self, relative: str, status: os.stat_result, sha256: str, has_bom: bool, values: dict) -> None:
        self.entries[relative] = (status.st_size, status.st_mtime_ns, status.st_ino, time.time(), sha256,
                                  has_bom, values)
        self._dirty = True

    def remember(self, memo: dict) -> None:
        """Keep these parts of the memo (its other parts stay: the checker and the app keep different ones)."""
        changed = {name: value for name, value in memo.items() if self.memo.get(name) != value}
        if changed:
            self.memo = {**self.memo, **changed}
            self._dirty = True

    def save(self, known: set[str]) -> None:
        """Write the cache (only entries of files that still exist), quietly giving up if it cannot."""
        stale = set(self.entries) - known
        for relative in stale:
            del self.entries[relative]
        if not (self._dirty or stale):
            return
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
            write_atomically(self.path, pickle.dumps({"version": CACHE_VERSION, "entries": self.entries,
                                                      "memo": self.memo}, protocol=pickle.HIGHEST_PROTOCOL))
        except OSError:
            pass
