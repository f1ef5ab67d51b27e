"""Line and column of every key and array element of a TOML text, for findings that name a place.

Values are read with the fast `tomllib`; this scanner runs only for files that have a finding, and only
follows the structure (headers, keys, strings, brackets) — it never interprets values.
"""

from __future__ import annotations

import bisect
import re
import tomllib

_BARE_KEY = re.compile(r"[A-Za-z0-9_-]+")
_SCALAR_END = re.compile(r"[,\]}\n#]")


class TomlPositions:
    """Map from key path to (line, col), both 1-based, built in one pass over the text."""

    def __init__(self, text: str):
        self.text = text
        self.positions: dict[tuple, tuple[int, int]] = {}
        self.value_offsets: dict[tuple, int] = {}  # where each value starts in the text
        self._line_starts = [0] + [m.end() for m in re.finditer(r"\n", text)]
        self._aot_counts: dict[tuple, int] = {}
        try:
            self._scan_document()
        except (IndexError, ValueError):  # tomllib.TOMLDecodeError is a ValueError
            pass  # a broken file still gives the positions found before the break

    def line_col(self, offset: int) -> tuple[int, int]:
        line_index = bisect.bisect_right(self._line_starts, offset) - 1
        return line_index + 1, offset - self._line_starts[line_index] + 1

    def find_in_string(self, key_path: tuple, offset: int) -> tuple[int, int] | None:
        """Position of character *offset* inside the string value at *key_path*, when it can be known
        exactly (no escape sequence before it); None otherwise."""
        start = self.value_offsets.get(tuple(key_path))
        if start is None and key_path and key_path[-1] == "text":  # `results = ["…"]`, `timeline = "…"`
            start = self.value_offsets.get(tuple(key_path[:-1]))
        if start is None or self.text[start:start + 1] not in ("\"", "'"):
            return None
        quote = self.text[start]
        content = start + (3 if self.text.startswith(quote * 3, start) else 1)
        if self.text.startswith(quote * 3, start) and self.text[content:content + 1] == "\n":
            content += 1
        elif self.text.startswith(quote * 3, start) and self.text[content:content + 2] == "\r\n":
            content += 2
        if quote == "\"" and "\\" in self.text[content:content + offset]:
            return None
        return self.line_col(content + offset)

    def find(self, key_path: tuple) -> tuple[int, int]:
        """Position of *key_path*, or of its nearest ancestor that has one; (1, 1) for the whole file."""
        path = tuple(key_path)
        while path:
            if path in self.positions:
                return self.positions[path]
            path = path[:-1]
        return (1, 1)

    # -- scanning -------------------------------------------------------------------------------
    def _mark(self, path: tuple, offset: int) -> None:
        self.positions.setdefault(path, self.line_col(offset))

    def _skip_blank(self, i: int, newlines: bool) -> int:
        text = self.text
        while i < len(text):
            char = text[i]
            if char in " \t\r" or (newlines and char == "\n"):
                i += 1
            elif char == "#":
                end = text.find("\n", i)
                i = len(text) if end < 0 else end
            else:
                break
        return i

    def _scan_document(self) -> None:
        text = self.text
        table: tuple = ()
        i = 0
        while True:
            i = self._skip_blank(i, newlines=True)
            if i >= len(text):
                return
            header_start = i
            if text.startswith("[[", i):
                keys, i = self._read_key(i + 2)
                i = text.index("]]", i) + 2
                table = self._resolve_header(keys, array=True)
                self._mark(table, header_start)
                self._mark(table[:-1], header_start)
            elif text[i] == "[":
                keys, i = self._read_key(i + 1)
                i = text.index("]", i) + 1
                table = self._resolve_header(keys, array=False)
                self._mark(table, header_start)
            else:
                start = i
                keys, i = self._read_key(i)
                path = table + tuple(keys)
                self._mark(path, start)
                i = self._skip_blank(i, newlines=False)
                if text[i] != "=":
                    raise ValueError("expected =")
                i = self._read_value(i + 1, path)

    def _resolve_header(self, keys: list[str], array: bool) -> tuple:
        resolved: tuple = ()
        for index, key in enumerate(keys):
            resolved += (key,)
            last = index == len(keys) - 1
            if last and array:
                count = self._aot_counts.get(resolved, 0)
                self._aot_counts[resolved] = count + 1
                resolved += (count,)
            elif resolved in self._aot_counts:
                resolved += (self._aot_counts[resolved] - 1,)
        return resolved

    def _read_key(self, i: int) -> tuple[list[str], int]:
        keys = []
        while True:
            i = self._skip_blank(i, newlines=False)
            char = self.text[i]
            if char in "\"'":
                start = i
                value, i = self._read_string(i)
                if char == '"' and "\\" in value:  # the key as the parser reads it: escapes decoded
                    value = tomllib.loads(f"k = {self.text[start:i]}")["k"]
                keys.append(value)
            else:
                match = _BARE_KEY.match(self.text, i)
                if not match:
                    raise ValueError("bad key")
                keys.append(match.group())
                i = match.end()
            i = self._skip_blank(i, newlines=False)
            if self.text[i] != ".":
                return keys, i
            i += 1

    def _read_string(self, i: int) -> tuple[str, int]:
        text = self.text
        quote = text[i]
        if text.startswith(quote * 3, i):
            end = i + 3
            while True:
                end = text.index(quote * 3, end)
                if quote == '"' and _escaped(text, end):
                    end += 1
                    continue
                while text.startswith(quote, end + 3):
                    end += 1
                return text[i + 3:end], end + 3
        end = i + 1
        while True:
            char = text[end]
            if char == "\n":
                raise ValueError("unterminated string")
            if quote == '"' and char == "\\":
                end += 2
                continue
            if char == quote:
                return text[i + 1:end], end + 1
            end += 1

    def _read_value(self, i: int, path: tuple) -> int:
        text = self.text
        i = self._skip_blank(i, newlines=False)
        self.value_offsets.setdefault(path, i)
        char = text[i]
        if char in "\"'":
            return self._read_string(i)[1]
        if char == "[":
            i += 1
            index = 0
            while True:
                i = self._skip_blank(i, newlines=True)
                if text[i] == "]":
                    return i + 1
                self._mark(path + (index,), i)
                i = self._read_value(i, path + (index,))
                index += 1
                i = self._skip_blank(i, newlines=True)
                if text[i] == ",":
                    i += 1
        if char == "{":
            i += 1
            while True:
                i = self._skip_blank(i, newlines=False)
                if text[i] == "}":
                    return i + 1
                start = i
                keys, i = self._read_key(i)
                self._mark(path + tuple(keys), start)
                i = self._skip_blank(i, newlines=False)
                i = self._read_value(i + 1, path + tuple(keys))
                i = self._skip_blank(i, newlines=False)
                if text[i] == ",":
                    i += 1
        match = _SCALAR_END.search(text, i)
        return len(text) if match is None else match.start()


def _escaped(text: str, index: int) -> bool:
    backslashes = 0
    while index - 1 - backslashes >= 0 and text[index - 1 - backslashes] == "\\":
        backslashes += 1
    return backslashes % 2 == 1
