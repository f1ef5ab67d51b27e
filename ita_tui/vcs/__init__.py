"""Version control of the records through the git command line: every save a commit, history, sync.

git is driven as a program (not pygit2/dulwich) so the user's own configuration, hooks, credential
helpers and commit signing keep working, and because it is on every machine the records live on. Nothing
in `model/` or `check/` imports this layer; the TUI and CLI call it, the TUI only from worker threads.
"""

__all__ = ["GitError", "GitLocked", "GitMissing", "GitTimeout", "Repository", "find_repository"]


def __getattr__(name: str):
    """The package's names, imported on first use: `ita render` imports vcs.printing on every run, and
    records kept outside git need none of the git layer."""
    if name in ("GitError", "GitLocked", "GitMissing", "GitTimeout"):
        from . import runner

        return getattr(runner, name)
    if name in ("Repository", "find_repository"):
        from . import repository

        return getattr(repository, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
