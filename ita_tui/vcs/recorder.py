"""What the app and the CLI hold: the repository of the records (or why history is off), who is saving,
and one call per save that records exactly the files that save wrote."""

from __future__ import annotations

import threading
from dataclasses import dataclass
from pathlib import Path

from ..i18n import tr
from .identity import Identity, resolve_identity
from .messages import SavedFile, describe_save
from .repository import RecordState, Repository, find_repository
from .runner import GitError, GitMissing
from .setup import group_unwritable, is_group_shared_folder


@dataclass
class Recorded:
    commit: str | None = None  # None: nothing new to record (or history is off)
    message: str = ""
    problem: str = ""  # why the save could not be recorded: shown, the save itself stands
    group_warnings: list[str] | None = None


class Recorder:
    def __init__(self, records_root: Path, lang: str = "th", settings_path: Path | None = None):
        self.records_root = Path(records_root)
        self.lang = lang
        self.settings_path = settings_path
        self.repository: Repository | None = None
        self.off_reason = ""  # one line for the user when history is off
        self.not_a_repository = False  # the app may offer to start one
        self._identity: Identity | None = None
        self._lock = threading.Lock()  # one commit at a time from this process (others: git's own lock)
        try:
            self.repository = find_repository(self.records_root)
        except GitMissing:
            self.off_reason = tr("vcs.off.no-git", lang)
        except (GitError, OSError) as error:
            self.off_reason = tr("vcs.off.error", lang, reason=_first_line(str(error)))
        else:
            if self.repository is None:
                self.not_a_repository = True
                self.off_reason = tr("vcs.off.no-repo", lang)

    @property
    def enabled(self) -> bool:
        return self.repository is not None

    def identity(self) -> Identity:
        """Resolved once per session (two git calls saved on every commit); `forget_identity` after the
        person gives their name."""
        if self._identity is None:
            self._identity = resolve_identity(self.records_root, self.settings_path)
        return self._identity

    def forget_identity(self) -> None:
        self._identity = None

    def record(self, changes: list[SavedFile], note: str = "") -> Recorded:
        """Commit the files of one save with a message saying what changed."""
        if not changes:
            return Recorded()
        return self.record_paths([c.relative for c in changes], describe_save(changes, self.lang, note))

    def record_paths(self, paths: list[str], message: str) -> Recorded:
        if self.repository is None:
            return Recorded()
        outcome = Recorded(message=message)
        try:
            with self._lock:
                outcome.commit = self.repository.record(paths, message, self.identity())
        except (GitError, OSError) as error:
            outcome.problem = _first_line(str(error))
        if is_group_shared_folder(self.records_root):
            unwritable = group_unwritable([self.records_root / p for p in paths])
            outcome.group_warnings = [tr("vcs.group-unwritable", self.lang, file=str(path.relative_to(self.records_root)),
                                         mode=mode) for path, mode in unwritable]
        return outcome

    def state(self) -> RecordState | None:
        if self.repository is None:
            return None
        try:
            return self.repository.state()
        except (GitError, OSError):
            return None

    def state_words(self, state: RecordState | None) -> str:
        """The header's words: recorded / N changed outside / N not sent / behind."""
        if state is None:
            return tr("vcs.state.off", self.lang)
        parts = []
        if state.outside_changes:
            parts.append(tr("vcs.state.outside", self.lang, count=len(state.outside_changes)))
        if state.ahead:
            parts.append(tr("vcs.state.ahead", self.lang, count=state.ahead))
        if state.behind:
            parts.append(tr("vcs.state.behind", self.lang, count=state.behind))
        return ", ".join(parts) if parts else tr("vcs.state.recorded", self.lang)


def _first_line(text: str) -> str:
    lines = [line for line in text.strip().splitlines() if line.strip()]
    return lines[-1] if len(lines) > 1 and lines[0].startswith("hint:") else (lines[0] if lines else text)
