"""The records folder as seen by git: commit exactly the saved paths, state in words, history, versions.

The records folder may be the repository's top or a folder inside one; every path this module takes or
returns is relative to the records folder, like the store's.
"""

from __future__ import annotations

import datetime as dt
import os
from dataclasses import dataclass, field
from pathlib import Path

from ..store.atomic import is_temp_file
from .identity import Identity, git_configured_identity
from .runner import GitError, GitMissing, read_blob, run_git

SHORT_ID = 7  # as git shows a commit, and as the paper's version footer prints it (render/footer.py)

_FIELD, _RECORD = "\x1f", "\x1e"


@dataclass(frozen=True)
class Version:
    commit: str
    author: str
    email: str
    when: dt.datetime
    message: str
    path: str  # the file's name in that version (relative to the records folder): renames keep history
    paths: tuple[str, ...] = ()  # every file of the records that this version changed

    @property
    def short(self) -> str:
        return self.commit[:SHORT_ID]


@dataclass
class RecordState:
    """What the header says: files changed outside the app, commits not yet sent, commits not yet taken."""
    outside_changes: list[str] = field(default_factory=list)
    ahead: int = 0
    behind: int = 0
    has_upstream: bool = False
    head: str | None = None


class Repository:
    def __init__(self, records_root: Path, toplevel: Path):
        self.records_root = Path(records_root)
        self.toplevel = Path(toplevel)
        prefix = os.path.relpath(self.records_root.resolve(), self.toplevel.resolve())
        self.prefix = "" if prefix == "." else prefix.replace(os.sep, "/") + "/"

    def git(self, args: list[str], **options):
        return run_git(self.records_root, args, **options)

    # -- identity ---------------------------------------------------------------------------------
    def author_environment(self, fallback: Identity | None) -> dict[str, str]:
        """Nothing when git has its own identity; else the app's fallback as author and committer."""
        if fallback is None or fallback.source == "git" or git_configured_identity(self.records_root) is not None:
            return {}
        return fallback.as_environment()

    # -- recording ----------------------------------------------------------------------------------
    def record(self, paths: list[str], message: str, identity: Identity | None = None) -> str | None:
        """Commit exactly *paths* (new, changed or deleted) and nothing else anyone has staged or changed.
        Returns the new commit id, or None when those paths already matched the last commit."""
        paths = sorted(set(paths))
        existing = [p for p in paths if (self.records_root / p).exists()]
        gone = [p for p in paths if p not in existing]
        tracked_gone = set(self._tracked(gone)) if gone else set()
        if existing:
            self.git(["add", "--", *existing])
        commit_paths = existing + [p for p in gone if p in tracked_gone]
        if not commit_paths or not self._differs_from_head(commit_paths):
            return None
        self.git(["commit", "--quiet", "--only", "--no-edit", "-F", "-", "--", *commit_paths],
                 input_text=message, extra_env=self.author_environment(identity))
        return self.head()

    def _tracked(self, paths: list[str]) -> list[str]:
        output = self.git(["ls-files", "--full-name", "-z", "--", *paths]).stdout
        return [self._from_top(p) for p in output.split("\0") if p]

    def _differs_from_head(self, paths: list[str]) -> bool:
        """After `git add`, new files are in the index, so one diff against HEAD sees new, changed and
        deleted files alike (no HEAD yet: everything differs)."""
        result = self.git(["diff", "--quiet", "HEAD", "--", *paths], check=False)
        if result.code in (0, 1):
            return result.code == 1
        if self.head() is None:
            return True
        raise GitError(["diff"], result.code, result.stderr)

    def head(self) -> str | None:
        result = self.git(["rev-parse", "--verify", "--quiet", "HEAD"], check=False)
        return result.stdout.strip() or None

    def _from_top(self, path: str) -> str:
        return path[len(self.prefix):] if self.prefix and path.startswith(self.prefix) else path

    # -- state ------------------------------------------------------------------------------------
    def state(self) -> RecordState:
        """One `git status` of the records folder: changed-outside files and the distance to upstream."""
        output = self.git(["status", "--porcelain=v1", "-z", "--branch", "--untracked-files=all", "--", "."]).stdout
        state = RecordState(head=None)
        entries = output.split("\0")
        index = 0
        while index < len(entries):
            entry = entries[index]
            index += 1
            if not entry:
                continue
            if entry.startswith("## "):
                _parse_branch(entry[3:], state)
                continue
            code, path = entry[:2], entry[3:]
            if code[0] in "RC":
                index += 1  # the old name follows a rename
            if code == "??" and is_temp_file(path.rsplit("/", 1)[-1]):
                continue  # a save in progress, or a crash leftover `ita check` reports: not the clerk's work
            state.outside_changes.append(self._from_top(path))
        return state

    # -- history ----------------------------------------------------------------------------------
    def history(self, path: str = "", limit: int | None = None) -> list[Version]:
        """Versions of one file (following renames) or of a folder / the whole records, newest first."""
        args = ["log", f"--format={_RECORD}%H{_FIELD}%an{_FIELD}%ae{_FIELD}%at{_FIELD}%B{_FIELD}", "--name-only"]
        if limit:
            args.append(f"-n{limit}")
        if path.endswith(".toml"):
            args.append("--follow")
        args += ["--", path or "."]
        try:
            output = self.git(args).stdout
        except GitError as error:
            if "does not have any commits" in error.stderr:
                return []
            raise
        versions = []
        for chunk in output.split(_RECORD)[1:]:
            commit, author, email, stamp, message, names = chunk.split(_FIELD, 5)
            files = [self._from_top(line) for line in names.strip("\n").splitlines() if line]
            versions.append(Version(commit, author, email, dt.datetime.fromtimestamp(int(stamp)),
                                    message.strip(), files[0] if files else path, tuple(files)))
        return versions

    def content(self, commit: str, path: str) -> bytes | None:
        """The exact bytes of *path* in *commit* (None: not in that version)."""
        return read_blob(self.records_root, f"{commit}:{self.prefix}{path}")

    def raw_diff(self, commit: str, path: str) -> str:
        return self.git(["show", "--format=", "--no-color", "--find-renames", commit, "--", path]).stdout

    def is_shared(self) -> bool:
        return self.git(["config", "--get", "core.sharedRepository"], check=False).stdout.strip() in (
            "group", "true", "1", "all", "world", "everybody", "0660", "0664", "0770", "0775")


def _parse_branch(text: str, state: RecordState) -> None:
    """`main...origin/main [ahead 1, behind 2]` → upstream known, ahead, behind."""
    if "..." in text:
        state.has_upstream = True
    if "[" in text:
        inside = text[text.index("[") + 1:text.rindex("]")]
        for part in inside.split(","):
            words = part.split()
            if len(words) == 2 and words[1].isdigit():
                if words[0] == "ahead":
                    state.ahead = int(words[1])
                elif words[0] == "behind":
                    state.behind = int(words[1])


def find_repository(records_root: Path) -> Repository | None:
    """The repository holding the records folder; None when it is not in one. Raises GitMissing when
    there is no git program, GitError when git refuses (e.g. a folder owned by someone else)."""
    try:
        result = run_git(Path(records_root), ["rev-parse", "--show-toplevel"], check=False)
    except GitMissing:
        raise
    if result.code != 0:
        if "not a git repository" in result.stderr.lower():
            return None
        raise GitError(["rev-parse"], result.code, result.stderr)
    return Repository(Path(records_root), Path(result.stdout.strip()))
