"""What one version changed, field by field, for the history screen (no Textual here)."""

from __future__ import annotations

from dataclasses import dataclass

from .fielddiff import FieldChange, field_changes
from .repository import Repository, Version


@dataclass
class FileChanges:
    path: str
    before: bytes | None
    after: bytes | None
    fields: list[FieldChange]


def version_changes(repository: Repository, versions: list[Version], index: int, single_file: bool) -> list[FileChanges]:
    """The files *versions[index]* changed, each with its changed fields. For one file's history the
    version before is the next older one in the list (its name may differ: a rename)."""
    version = versions[index]
    if single_file:
        older_path = versions[index + 1].path if index + 1 < len(versions) else version.path
        pairs = [(older_path, version.path)]
    else:
        pairs = [(path, path) for path in version.paths]
    found = []
    for old_path, new_path in pairs:
        after = repository.content(version.commit, new_path)
        before = repository.content(version.commit + "^", old_path)
        found.append(FileChanges(new_path, before, after, field_changes(before, after)))
    return found
