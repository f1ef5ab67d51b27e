"""One TOML file as read from disk: exact bytes, their hash, the decoded text and the parsed values.

Reading never raises: a file that cannot be used becomes a finding that names file, line and rule.
"""

from __future__ import annotations

import hashlib
import os
import re
import stat
import tomllib
from dataclasses import dataclass, field
from pathlib import Path

from ..model.findings import Finding, Severity
from .locate import TomlPositions
from .strings import conflict_start, string_spans

MAX_FILE_BYTES = 1024 * 1024
BOM = b"\xef\xbb\xbf"
_CONFLICT_START = re.compile(rb"^<{7}(?: |\r?$)", re.MULTILINE)
_TOMLLIB_POSITION = re.compile(r"\(at line (\d+), column (\d+)\)")


class StaleCache(Exception):
    """A cached file's bytes no longer match what was cached: it changed on disk since loading."""


@dataclass
class SourceFile:
    """A records file that was read successfully (its values may still be of the wrong type).

    Built from the parse cache, it has its values and hash but reads its bytes only when they are needed
    (a position for a finding, an edit), and then checks they are the bytes that were cached.
    """

    relative_path: str
    path: Path
    _raw: bytes | None
    _text: str | None  # without BOM
    has_bom: bool
    values: dict
    _sha256: str | None = None
    _positions: TomlPositions | None = field(default=None, repr=False)

    @property
    def raw(self) -> bytes:
        if self._raw is None:
            raw = self.path.read_bytes()
            if hashlib.sha256(raw).hexdigest() != self._sha256:
                raise StaleCache(self.relative_path)
            self._raw = raw
        return self._raw

    @property
    def text(self) -> str:
        if self._text is None:
            body = self.raw[len(BOM):] if self.has_bom else self.raw
            self._text = body.decode("utf-8")
        return self._text

    @property
    def sha256(self) -> str:
        if self._sha256 is None:
            self._sha256 = hashlib.sha256(self.raw).hexdigest()
        return self._sha256

    def position(self, key_path: tuple, offset: int | None = None) -> tuple[int, int]:
        """Line and column of *key_path*; with *offset*, of that character inside its string value."""
        if self._positions is None:
            try:
                self._positions = TomlPositions(self.text)
            except (OSError, StaleCache, UnicodeDecodeError):
                return (1, 1)
        if offset is not None:
            exact = self._positions.find_in_string(key_path, offset)
            if exact is not None:
                return exact
        return self._positions.find(key_path)


def _line_col_of_byte(raw: bytes, offset: int) -> tuple[int, int]:
    line = raw.count(b"\n", 0, offset) + 1
    line_start = raw.rfind(b"\n", 0, offset) + 1
    column = len(raw[line_start:offset].decode("utf-8", errors="replace")) + 1
    return line, column


def _problem(relative_path: str, rule_id: str, line: int = 1, col: int = 1, **params) -> Finding:
    return Finding(rule_id, Severity.ERROR, relative_path, (), params, line, col)


def relative_to_root(root: Path, path: Path) -> str:
    """*path*'s records-relative name ("2566/measures/01.toml"); string slicing, as pathlib's relative_to
    was a tenth of a 2,000-file start."""
    prefix = str(root) + os.sep
    text = str(path)
    if text.startswith(prefix) and os.sep == "/":
        return text[len(prefix):]
    return path.relative_to(root).as_posix()


def read_source(root: Path, path: Path, cache=None) -> SourceFile | Finding:
    """Read and parse *path* inside *root* (or take it from *cache* if unchanged), or say why it cannot be used."""
    relative_path = relative_to_root(root, path)
    try:
        status = os.lstat(path)  # one system call for an ordinary file: a start stats every file
        if stat.S_ISLNK(status.st_mode):
            target = path.resolve()
            if not target.is_relative_to(root.resolve()):
                return _problem(relative_path, "file-outside-records", target=str(target))
            status = path.stat()
        if status.st_size > MAX_FILE_BYTES:
            return _problem(relative_path, "file-too-large", size=status.st_size, limit=MAX_FILE_BYTES)
        cached = cache.lookup(relative_path, status) if cache is not None else None
        if cached is not None:
            sha256, has_bom, values = cached
            return SourceFile(relative_path, path, None, None, has_bom, values, sha256)
        raw = path.read_bytes()
    except OSError as error:
        return _problem(relative_path, "file-unreadable", reason=error.strerror or str(error))
    result = parse_source(relative_path, path, raw)
    if cache is not None and isinstance(result, SourceFile):
        cache.store(relative_path, status, result.sha256, result.has_bom, result.values)
    return result


def parse_source(relative_path: str, path: Path, raw: bytes) -> SourceFile | Finding:
    """Decode and parse bytes already read (also used to re-check what is about to be written)."""
    if _CONFLICT_START.search(raw):
        start = conflict_start(raw.decode("utf-8", errors="surrogateescape"))
        if start is not None:
            line, col = _line_col_of_byte(raw, len(raw.decode("utf-8", errors="surrogateescape")[:start]
                                                   .encode("utf-8", errors="surrogateescape")))
            return _problem(relative_path, "file-merge-conflict", line, col)
    nul = raw.find(b"\x00")
    if nul >= 0:
        line, col = _line_col_of_byte(raw, nul)
        return _problem(relative_path, "file-nul-byte", line, col)
    has_bom = raw.startswith(BOM)
    body = raw[len(BOM):] if has_bom else raw
    try:
        text = body.decode("utf-8")
    except UnicodeDecodeError as error:
        line, col = _line_col_of_byte(body, error.start)
        return _problem(relative_path, "file-not-utf8", line, col, byte=f"0x{body[error.start]:02X}")
    try:
        values = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        message = str(error)
        position = _TOMLLIB_POSITION.search(message)
        line, col = (int(position[1]), int(position[2])) if position else _end_of_document_place(text)
        return _problem(relative_path, "file-toml-syntax", line, col,
                        detail=_TOMLLIB_POSITION.sub("", message).strip())
    return SourceFile(relative_path, path, raw, text, has_bom, values)


def _end_of_document_place(text: str) -> tuple[int, int]:
    """Where to point for an error tomllib finds "at end of document": the string left open, if one is,
    else the end of the last line that holds anything."""
    _spans, open_from = string_spans(text)
    if open_from is not None:
        line = text.count("\n", 0, open_from) + 1
        return line, open_from - (text.rfind("\n", 0, open_from) + 1) + 1
    lines = text.rstrip().split("\n")
    return len(lines), len(lines[-1].rstrip("\r")) + 1


def file_mode_and_owner(path: Path) -> tuple[int, int, int] | None:
    try:
        status = os.stat(path)
    except OSError:
        return None
    return status.st_mode & 0o7777, status.st_uid, status.st_gid
