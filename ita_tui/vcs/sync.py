"""Clone mode: take in the shared copy's work and send ours, never leaving conflict markers on disk.

A merge is computed with `git merge-tree --write-tree` (git ≥ 2.38), which touches neither the working
tree nor the index. When one file was changed on both sides, nothing is merged until the person chooses a
version for that file (mine or theirs); the merge commit is then built in a private index and the working
tree moves to it in one `git merge --ff-only`.
"""

from __future__ import annotations

import os
import tempfile
from dataclasses import dataclass, field

from .identity import Identity
from .repository import Repository
from .runner import NETWORK_TIMEOUT, GitError, run_git


@dataclass
class Conflict:
    path: str  # relative to the records folder
    mine: bytes | None
    theirs: bytes | None


@dataclass
class SyncResult:
    taken: int = 0  # commits taken in from the shared copy
    sent: bool = False
    conflicts: list[Conflict] = field(default_factory=list)


def has_remote(repository: Repository) -> bool:
    return bool(repository.git(["rev-parse", "--abbrev-ref", "--symbolic-full-name", "@{u}"],
                               check=False).stdout.strip())


def fetch(repository: Repository, timeout: float = NETWORK_TIMEOUT) -> None:
    repository.git(["fetch", "--quiet"], timeout=timeout)


def pull(repository: Repository, message: str, identity: Identity | None = None,
         choices: dict[str, str] | None = None) -> SyncResult:
    """Take in the upstream's commits. Conflicting files are returned (nothing changed) unless *choices*
    maps each of them to "mine" or "theirs"."""
    result = SyncResult()
    counts = repository.git(["rev-list", "--left-right", "--count", "HEAD...@{u}"]).stdout.split()
    ahead, behind = int(counts[0]), int(counts[1])
    if behind == 0:
        return result
    if ahead == 0:
        repository.git(["merge", "--ff-only", "--quiet", "@{u}"])
        result.taken = behind
        return result
    merged = repository.git(["merge-tree", "--write-tree", "-z", "--name-only", "HEAD", "@{u}"], check=False)
    if merged.code not in (0, 1):
        raise GitError(["merge-tree"], merged.code, merged.stderr)
    parts = merged.stdout.split("\0")
    tree = parts[0]
    conflicted = []
    for name in parts[1:]:
        if not name:
            break  # the empty entry ends the list of conflicted files; messages follow
        conflicted.append(name)
    conflicted = sorted(set(conflicted))
    if merged.code == 1:
        wanted = choices or {}
        relative = [repository._from_top(name) for name in conflicted]
        missing = [name for name in relative if wanted.get(name) not in ("mine", "theirs")]
        if missing:
            result.conflicts = [Conflict(name, repository.content("HEAD", name), repository.content("@{u}", name))
                                for name in missing]
            return result
        tree = _resolved_tree(repository, tree, conflicted, wanted)
    commit = repository.git(["commit-tree", tree, "-p", "HEAD", "-p", "@{u}", "-F", "-"], input_text=message,
                            extra_env=repository.author_environment(identity)).stdout.strip()
    repository.git(["merge", "--ff-only", "--quiet", commit])
    result.taken = behind
    return result


def _resolved_tree(repository: Repository, tree: str, conflicted: list[str], choices: dict[str, str]) -> str:
    """The merged tree with each conflicted file taken whole from the side the person chose."""
    handle, index_path = tempfile.mkstemp(prefix="ita-merge-index.")
    os.close(handle)
    os.unlink(index_path)
    private = {"GIT_INDEX_FILE": index_path}
    top = repository.toplevel  # plumbing below names files from the top of the repository
    try:
        run_git(top, ["read-tree", tree], extra_env=private)
        for name in conflicted:
            side = "HEAD" if choices[repository._from_top(name)] == "mine" else "@{u}"
            entry = run_git(top, ["ls-tree", "--full-tree", "-z", side, "--", name]).stdout.strip("\0")
            run_git(top, ["update-index", "--force-remove", "--", name], extra_env=private)
            if entry:
                mode_type_object, _ = entry.split("\t", 1)
                mode, _, blob = mode_type_object.split()
                run_git(top, ["update-index", "--add", "--cacheinfo", f"{mode},{blob},{name}"], extra_env=private)
        return run_git(top, ["write-tree"], extra_env=private).stdout.strip()
    finally:
        try:
            os.unlink(index_path)
        except FileNotFoundError:
            pass


def push(repository: Repository, timeout: float = NETWORK_TIMEOUT) -> None:
    repository.git(["push", "--quiet"], timeout=timeout)


def sync(repository: Repository, message: str, identity: Identity | None = None,
         choices: dict[str, str] | None = None, send: bool = True) -> SyncResult:
    """fetch, take in, and (when nothing is left to choose) send."""
    fetch(repository)
    result = pull(repository, message, identity, choices)
    if send and not result.conflicts:
        counts = repository.git(["rev-list", "--left-right", "--count", "HEAD...@{u}"]).stdout.split()
        if int(counts[0]) > 0:
            push(repository)
            result.sent = True
    return result

