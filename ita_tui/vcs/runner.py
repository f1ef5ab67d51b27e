"""Run one git command with a time-out, plain English errors to parse, and a bounded wait on locks.

Two clerks saving at the same moment in one shared tree race for `.git/index.lock` (and `HEAD.lock`);
git fails at once instead of waiting, so we wait a little and try again, up to a bound, then say clearly
which lock is held.
"""

from __future__ import annotations

import os
import random
import re
import subprocess
import time
from dataclasses import dataclass
from pathlib import Path

LOCAL_TIMEOUT = 30.0
NETWORK_TIMEOUT = 120.0
LOCK_WAIT = 15.0  # seconds a save waits for another process's git lock before it gives up and says so

_LOCK_SIGN = re.compile(r"\.lock\b|cannot lock ref|unable to lock", re.IGNORECASE)


class GitError(Exception):
    """git ran and failed; the message is git's own, for the user to read or a helper to act on."""

    def __init__(self, args: list[str], code: int, stderr: str):
        super().__init__(stderr.strip() or f"git {' '.join(args)} exited with {code}")
        self.args_run = args
        self.code = code
        self.stderr = stderr


class GitMissing(GitError):
    """No git program on this machine: history is off, the app works as without it."""

    def __init__(self):
        super().__init__([], 127, "git is not installed")


class GitTimeout(GitError):
    def __init__(self, args: list[str], seconds: float):
        super().__init__(args, -1, f"git {args[0] if args else ''} took longer than {seconds:.0f} s")


class GitLocked(GitError):
    """Another process held a git lock for longer than we wait."""


@dataclass
class GitResult:
    stdout: str
    stderr: str
    code: int = 0


def git_environment(extra: dict[str, str] | None = None) -> dict[str, str]:
    """The user's environment (config, hooks, credentials keep working), with messages we can parse and
    no terminal prompt that would hang an app that owns the terminal."""
    env = dict(os.environ)
    env["LC_ALL"] = "C.UTF-8"
    env.pop("LANGUAGE", None)
    env["GIT_TERMINAL_PROMPT"] = "0"
    env["GIT_LITERAL_PATHSPECS"] = "1"  # a file named `*.toml` is a file, not a pattern
    env.pop("GIT_DIR", None)
    env.pop("GIT_WORK_TREE", None)
    env.pop("GIT_INDEX_FILE", None)
    if extra:
        env.update(extra)
    return env


def run_git(cwd: Path, args: list[str], *, timeout: float = LOCAL_TIMEOUT, input_text: str | None = None,
            extra_env: dict[str, str] | None = None, lock_wait: float = LOCK_WAIT,
            check: bool = True) -> GitResult:
    """`git <args>` in *cwd*. Retries while another process holds a git lock, up to *lock_wait* seconds."""
    deadline = time.monotonic() + lock_wait
    pause = 0.02
    while True:
        try:
            completed = subprocess.run(["git", "-c", "core.quotepath=off", *args], cwd=cwd,
                                       env=git_environment(extra_env), input=input_text, capture_output=True,
                                       text=True, encoding="utf-8", errors="replace", timeout=timeout)
        except FileNotFoundError:
            if not Path(cwd).is_dir():
                raise
            raise GitMissing() from None
        except subprocess.TimeoutExpired:
            raise GitTimeout(args, timeout) from None
        if completed.returncode == 0 or not check:
            return GitResult(completed.stdout, completed.stderr, completed.returncode)
        if _LOCK_SIGN.search(completed.stderr):
            if time.monotonic() >= deadline:
                raise GitLocked(args, completed.returncode, completed.stderr)
            time.sleep(pause * (1 + random.random()))
            pause = min(pause * 2, 0.25)
            continue
        raise GitError(args, completed.returncode, completed.stderr)


def read_blob(cwd: Path, spec: str, timeout: float = LOCAL_TIMEOUT) -> bytes | None:
    """The exact bytes of `<commit>:<path>` (None when that version has no such file)."""
    try:
        completed = subprocess.run(["git", "cat-file", "blob", spec], cwd=cwd, env=git_environment(),
                                   capture_output=True, timeout=timeout)
    except FileNotFoundError:
        raise GitMissing() from None
    except subprocess.TimeoutExpired:
        raise GitTimeout(["cat-file"], timeout) from None
    return completed.stdout if completed.returncode == 0 else None
