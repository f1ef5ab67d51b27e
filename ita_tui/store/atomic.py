"""Write a file so that readers see the old bytes or the new bytes, never a mix, and it keeps its mode."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path


def write_atomically(path: Path, data: bytes) -> None:
    """Temp file in the same folder, fsync, rename over *path*; mode and group of the old file are kept."""
    previous = None
    try:
        previous = os.stat(path)
    except FileNotFoundError:
        pass
    handle, temp_name = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
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
