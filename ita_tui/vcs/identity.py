"""Who a commit is by: git's own configuration, else the name the user gave the app once (kept in the
per-user settings, never in the shared repository), else the login name — never "unknown"."""

from __future__ import annotations

import getpass
import os
import socket
import tomllib
from dataclasses import dataclass
from pathlib import Path

from .runner import run_git


@dataclass(frozen=True)
class Identity:
    name: str
    email: str = ""
    source: str = "git"  # "git" (git config or environment), "settings", "login"

    def as_environment(self) -> dict[str, str]:
        """The author and committer for one git call, when git's own configuration has none."""
        email = self.email or f"{_login()}@{socket.gethostname() or 'localhost'}"
        return {"GIT_AUTHOR_NAME": self.name, "GIT_AUTHOR_EMAIL": email,
                "GIT_COMMITTER_NAME": self.name, "GIT_COMMITTER_EMAIL": email}


def git_configured_identity(cwd: Path) -> Identity | None:
    """The identity git itself would use, if the user (or the environment) set one."""
    name = os.environ.get("GIT_AUTHOR_NAME") or _config(cwd, "user.name")
    email = os.environ.get("GIT_AUTHOR_EMAIL") or _config(cwd, "user.email")
    if name and email:
        return Identity(name, email, "git")
    return None


def resolve_identity(cwd: Path, settings_path: Path | None) -> Identity:
    configured = git_configured_identity(cwd)
    if configured is not None:
        return configured
    stored = stored_identity(settings_path) if settings_path else None
    if stored is not None:
        return stored
    return Identity(_login(), "", "login")


def stored_identity(settings_path: Path) -> Identity | None:
    """`[identity] name = "…", email = "…"` from the per-user settings file."""
    try:
        data = tomllib.loads(settings_path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError):
        return None
    table = data.get("identity")
    if isinstance(table, dict) and isinstance(table.get("name"), str) and table["name"].strip():
        email = table.get("email") if isinstance(table.get("email"), str) else ""
        return Identity(table["name"].strip(), email.strip(), "settings")
    return None


def store_identity(settings_path: Path, name: str, email: str = "") -> None:
    """Write the name into the per-user settings, keeping everything else in that file as it was."""
    import tomlkit

    from ..store.atomic import write_atomically

    try:
        document = tomlkit.parse(settings_path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        document = tomlkit.document()
    table = tomlkit.table()
    table["name"] = name.strip()
    table["email"] = email.strip()
    document["identity"] = table
    settings_path.parent.mkdir(parents=True, exist_ok=True)
    write_atomically(settings_path, tomlkit.dumps(document).encode("utf-8"))


def _config(cwd: Path, key: str) -> str:
    return run_git(cwd, ["config", "--get", key], check=False).stdout.strip()


def _login() -> str:
    try:
        return getpass.getuser()
    except (KeyError, OSError):
        return os.environ.get("USER") or os.environ.get("USERNAME") or f"uid{os.getuid()}"
