"""Writing rendered files: atomically, creating the folder; never a half-written PDF."""

from __future__ import annotations

from pathlib import Path

from ..store.atomic import write_atomically


def write_atomically_to(path: Path, data: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    write_atomically(path, data)
