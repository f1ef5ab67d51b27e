"""Real git repositories in temp folders, with an identity of their own (CI machines have none)."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

CLERK = ("สมศรี ใจดี", "somsri@example.org")


def git(cwd: Path, *args: str, check: bool = True) -> str:
    return subprocess.run(["git", *args], cwd=cwd, capture_output=True, text=True, check=check).stdout


@pytest.fixture
def git_home(tmp_path: Path, monkeypatch) -> Path:
    """A HOME whose git configuration names the clerk; no system config, no user-level ita settings."""
    home = tmp_path / "home"
    home.mkdir()
    (home / ".gitconfig").write_text(f"[user]\n\tname = {CLERK[0]}\n\temail = {CLERK[1]}\n"
                                     "[init]\n\tdefaultBranch = main\n", encoding="utf-8")
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setenv("GIT_CONFIG_GLOBAL", str(home / ".gitconfig"))
    monkeypatch.setenv("GIT_CONFIG_NOSYSTEM", "1")
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / ".config"))
    for name in ("GIT_AUTHOR_NAME", "GIT_AUTHOR_EMAIL", "GIT_COMMITTER_NAME", "GIT_COMMITTER_EMAIL",
                 "GIT_DIR", "GIT_WORK_TREE", "GIT_INDEX_FILE"):
        monkeypatch.delenv(name, raising=False)
    return home


def commit_all(root: Path, message: str = "start") -> None:
    git(root, "init", "--quiet")
    git(root, "add", ".")
    git(root, "commit", "--quiet", "-m", message)


def last_commit(root: Path) -> tuple[str, str, list[str]]:
    """(author "name <email>", message, files) of HEAD."""
    author = git(root, "log", "-1", "--format=%an <%ae>").strip()
    message = git(root, "log", "-1", "--format=%B").strip()
    files = git(root, "show", "--format=", "--name-only", "HEAD").split()
    return author, message, files
