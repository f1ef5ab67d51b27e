"""Version control of the records through the git command line: every save a commit, history, sync.

git is driven as a program (not pygit2/dulwich) so the user's own configuration, hooks, credential
helpers and commit signing keep working, and because it is on every machine the records live on. Nothing
in `model/` or `check/` imports this layer; the TUI and CLI call it, the TUI only from worker threads.
"""

from .runner import GitError, GitLocked, GitMissing, GitTimeout
from .repository import Repository, find_repository

__all__ = ["GitError", "GitLocked", "GitMissing", "GitTimeout", "Repository", "find_repository"]
