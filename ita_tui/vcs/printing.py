"""Which recorded version a printed PDF was made from, for its metadata: the commit, and whether the
records had changes not yet recorded (then the paper may not match any version in the history)."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path


@dataclass
class PrintVersion:
    commit: str | None
    unrecorded: list[str] = field(default_factory=list)

    def keywords(self) -> str:
        """What goes in the PDF's Keywords: `ita-commit=<id>; ita-unrecorded=no` (or yes)."""
        return f"ita-commit={self.commit or 'none'}; ita-unrecorded={'yes' if self.unrecorded else 'no'}"

    @property
    def short(self) -> str:
        from .repository import SHORT_ID  # here: records outside git never load the git layer

        return (self.commit or "")[:SHORT_ID]


def in_a_work_tree(records_root: Path) -> bool:
    """Whether a `.git` (folder, or file of a linked worktree) is in *records_root* or above it: without one
    git finds no repository either (we run it without GIT_DIR), so a render of records kept outside git
    neither loads the git layer nor starts a git process."""
    folder = Path(records_root).resolve()
    return any((candidate / ".git").exists() for candidate in (folder, *folder.parents))


def print_version(records_root: Path) -> PrintVersion | None:
    """None when the records are not kept in git (or git is missing): the PDF then says nothing."""
    if not in_a_work_tree(records_root):
        return None
    from .repository import find_repository
    from .runner import GitError

    try:
        repository = find_repository(records_root)
        if repository is None:
            return None
        state = repository.state()
        return PrintVersion(repository.head(), state.outside_changes)
    except (GitError, OSError):
        return None
