"""Starting a history for a records folder that has none, and checking a shared folder stays shared."""

from __future__ import annotations

import os
import stat
from pathlib import Path

from ..store.atomic import TEMP_FILE_GLOB
from .identity import Identity
from .repository import Repository, find_repository
from .runner import run_git

# The store's temp files (TEMP_FILE_GLOB, store/atomic.py; `.*.tmp` for those of older versions) and half-made
# years (`.<FY>.<random>/`, store/new_year.py), the PDFs and editor leftovers: never part of the records.
GITIGNORE = f"""\
# written by ita: what is not part of the records
out/
{TEMP_FILE_GLOB}
.*.tmp
.[0-9][0-9][0-9][0-9].*/
*~
*.swp
*.swo
.#*
\\#*#
*.bak
*.orig
.DS_Store
"""


def init_repository(records_root: Path, message: str, identity: Identity | None = None,
                    shared_group: bool = False) -> Repository:
    """`git init` the records folder, write `.gitignore`, and record everything in a first commit."""
    records_root = Path(records_root)
    args = ["init", "--quiet"]
    if shared_group:
        args.append("--shared=group")
    run_git(records_root, args)
    ignore = records_root / ".gitignore"
    if not ignore.exists():
        ignore.write_text(GITIGNORE, encoding="utf-8")
    repository = find_repository(records_root)
    assert repository is not None
    repository.git(["add", "--", "."])
    repository.git(["commit", "--quiet", "-F", "-"], input_text=message,
                   extra_env=repository.author_environment(identity))
    return repository


def group_unwritable(paths: list[Path]) -> list[tuple[Path, str]]:
    """Files that the rest of the group could not change after our save (shared folder only)."""
    found = []
    for path in paths:
        try:
            mode = os.stat(path).st_mode
        except OSError:
            continue
        if not mode & stat.S_IWGRP:
            found.append((path, stat.filemode(mode)))
    return found


def is_group_shared_folder(records_root: Path) -> bool:
    """A folder others in our group write to: its group has write permission (setgid or not)."""
    try:
        mode = os.stat(records_root).st_mode
    except OSError:
        return False
    return bool(mode & stat.S_IWGRP)
