"""Where an evidence path of a measure points: one rule for the checker and the renderer."""

from __future__ import annotations

from pathlib import Path


def evidence_target(root: Path, evidence: str) -> Path | None:
    """The file *evidence* names, resolved (links followed), or None when it leaves the records folder
    *root* — by an absolute path, by "..", or through a symbolic link pointing outside."""
    resolved_root = root.resolve()
    target = (resolved_root / evidence).resolve()
    return target if target.is_relative_to(resolved_root) else None
