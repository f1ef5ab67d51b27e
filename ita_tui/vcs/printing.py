"""Which recorded version a printed PDF was made from, for its metadata: the commit, and whether the
records had changes not yet recorded (then the paper may not match any version in the history)."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from .repository import SHORT_ID, find_repository
from .runner import GitError


@dataclass
class PrintVersion:
    commit: str | None
    unrecorded: list[str] = field(default_factory=list)

    def keywords(self) -> str:
        """What goes in the PDF's Keywords: `ita-commit=<id>; ita-unrecorded=no` (or yes)."""
        return f"ita-commit={self.commit or 'none'}; ita-unrecorded={'yes' if self.unrecorded else 'no'}"

    @property
    def short(self) -> str:
        return (self.commit or "")[:SHORT_ID]


def print_version(records_root: Path) -> PrintVersion | None:
    """None when the records are not kept in git (or git is missing): the PDF then says nothing."""
    try:
        repository = find_repository(records_root)
        if repository is None:
            return None
        state = repository.state()
        return PrintVersion(repository.head(), state.outside_changes)
    except (GitError, OSError):
        return None
