"""Unsaved edits kept on disk until saved, so a crash or a lost SSH connection loses nothing.

One file per edited record file, under $XDG_STATE_HOME/ita-tui/journal/<records folder id>/, written
atomically on every applied edit and removed after a successful save. Never inside the records folder,
so it never shows up in git.
"""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

from ..store.atomic import write_atomically


def default_journal_root() -> Path:
    state = os.environ.get("XDG_STATE_HOME") or str(Path.home() / ".local" / "state")
    return Path(state) / "ita-tui" / "journal"


class Journal:
    def __init__(self, records_root: Path, journal_root: Path | None = None):
        records_id = hashlib.sha256(str(Path(records_root).resolve()).encode()).hexdigest()[:16]
        self.folder = (journal_root or default_journal_root()) / records_id

    def _path(self, relative: str) -> Path:
        return self.folder / (relative.replace("/", "__") + ".pending")

    def record(self, relative: str, data: bytes, base_sha256: str) -> None:
        """Keep *data* (the file as it would be saved) and the hash of the disk version it was edited from."""
        self.folder.mkdir(parents=True, exist_ok=True, mode=0o700)
        write_atomically(self._base_path(relative), base_sha256.encode("ascii"))
        write_atomically(self._path(relative), data)

    def _base_path(self, relative: str) -> Path:
        return self._path(relative).with_suffix(".base")

    def base(self, relative: str) -> str:
        try:
            return self._base_path(relative).read_text(encoding="ascii").strip()
        except OSError:
            return ""

    def forget(self, relative: str) -> None:
        for path in (self._path(relative), self._base_path(relative)):
            try:
                path.unlink()
            except FileNotFoundError:
                pass

    def pending(self) -> dict[str, Path]:
        """Edits left by an earlier session that never saved them: relative record path → journal file."""
        if not self.folder.is_dir():
            return {}
        return {path.name.removesuffix(".pending").replace("__", "/"): path
                for path in sorted(self.folder.glob("*.pending"))}
