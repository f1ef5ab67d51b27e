"""Write a file so that readers see the old bytes or the new bytes, never a mix, and it keeps its mode.

The new bytes go to a temp file beside the target, named `.<name>.<random>.ita-tmp` (TEMP_FILE_GLOB, which
the records repository's .gitignore lists), held under an exclusive flock while it is written. A save
killed halfway (SIGKILL, power loss) leaves that file behind; `remove_if_stale` deletes one only when no
process holds its lock and it is older than STALE_TEMP_SECONDS, so a save in progress is never touched.
"""

from __future__ import annotations

import os
import re
import stat
import tempfile
import time
from pathlib import Path

try:
    import fcntl
except ImportError:  # not on POSIX: no locks, the age alone decides
    fcntl = None

TEMP_SUFFIX = ".ita-tmp"
TEMP_FILE_GLOB = ".*" + TEMP_SUFFIX  # the pattern for .gitignore
STALE_TEMP_SECONDS = 10 * 60  # a save takes milliseconds: a temp file this old is a leftover
_TEMP_NAME = re.compile(r"^\..+\.[A-Za-z0-9_]{8}\.ita-tmp$")
_OLDER_TEMP_NAME = re.compile(r"^\..+\.toml\.[a-z0-9_]{8}\.tmp$")  # what versions before 2026-11 left


def is_temp_file(name: str) -> bool:
    """Whether *name* is a temp file of an atomic save (this version's or an older one's)."""
    return bool(_TEMP_NAME.match(name) or _OLDER_TEMP_NAME.match(name))


def write_atomically(path: Path, data: bytes) -> None:
    """Temp file in the same folder, fsync, rename over *path*; mode and group of the old file are kept."""
    previous = None
    try:
        previous = os.stat(path)
    except FileNotFoundError:
        pass
    handle, temp_name = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=TEMP_SUFFIX)
    try:
        if fcntl is not None:
            fcntl.flock(handle, fcntl.LOCK_EX)  # "in use": held until the file is renamed or removed
        with os.fdopen(handle, "wb") as temp_file:
            temp_file.write(data)
            temp_file.flush()
            os.fsync(temp_file.fileno())
            if previous is not None:
                os.chmod(temp_name, previous.st_mode & 0o7777)
                try:
                    os.chown(temp_name, -1, previous.st_gid)
                except OSError:
                    pass  # not a member of that group: the file still gets written, with our group
            else:
                umask = os.umask(0)
                os.umask(umask)
                os.chmod(temp_name, 0o666 & ~umask)
            os.replace(temp_name, path)
    except BaseException:
        try:
            os.unlink(temp_name)
        except FileNotFoundError:
            pass
        raise
    directory = os.open(path.parent, os.O_RDONLY)
    try:
        os.fsync(directory)
    finally:
        os.close(directory)


def remove_if_stale(path: Path, stale_after: float = STALE_TEMP_SECONDS) -> bool:
    """Delete the leftover temp file *path* if no process holds its lock and it is older than
    *stale_after* seconds; True if it was deleted."""
    try:
        handle = os.open(path, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0))
    except OSError:
        return False
    try:
        if fcntl is not None:
            try:
                fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except OSError:
                return False  # a live save is writing it
        status = os.fstat(handle)
        if not stat.S_ISREG(status.st_mode) or time.time() - status.st_mtime < stale_after:
            return False
        if os.stat(path, follow_symlinks=False).st_ino != status.st_ino:
            return False  # replaced meanwhile: not the file we looked at
        os.unlink(path)
        return True
    except OSError:
        return False
    finally:
        os.close(handle)
