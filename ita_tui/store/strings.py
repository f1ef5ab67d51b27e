"""Where the strings of a TOML text are, without parsing it: for marks that only count outside strings
(git conflict markers) and for pointing at a string left open at the end of a broken file."""

from __future__ import annotations

import re

_QUOTES = re.compile(r"\"\"\"|'''|[\"'#]")


def string_spans(text: str) -> tuple[list[tuple[int, int]], int | None]:
    """(start, end) offsets of every string in *text* (quotes included), and the offset where a string
    still open at the end of the text starts (None if every string is closed). Comments are skipped."""
    spans: list[tuple[int, int]] = []
    i = 0
    while True:
        match = _QUOTES.search(text, i)
        if match is None:
            return spans, None
        start, opener = match.start(), match.group()
        if opener == "#":
            end = text.find("\n", start)
            if end < 0:
                return spans, None
            i = end
            continue
        end = _closing(text, start + len(opener), opener)
        if end is None:
            return spans, start
        spans.append((start, end))
        i = end


def _closing(text: str, i: int, opener: str) -> int | None:
    """Offset just past the quotes closing a string whose content starts at *i*; None if never closed
    (a one-line string ends at the end of its line: it is broken, but not open until the end)."""
    basic = opener[0] == '"'
    if len(opener) == 3:
        while True:
            end = text.find(opener, i)
            if end < 0:
                return None
            if basic and _escaped(text, end):
                i = end + 1
                continue
            while text.startswith(opener[0], end + 3):  # up to two quotes may end the content
                end += 1
            return end + 3
    while i < len(text):
        char = text[i]
        if char == "\n":
            return i
        if basic and char == "\\":
            i += 2
            continue
        if char == opener:
            return i + 1
        i += 1
    return None


def _escaped(text: str, index: int) -> bool:
    backslashes = 0
    while index - 1 - backslashes >= 0 and text[index - 1 - backslashes] == "\\":
        backslashes += 1
    return backslashes % 2 == 1


_MARKERS = re.compile(r"^(<{7}|={7}|>{7})(?= |\r?$)", re.MULTILINE)


def conflict_start(text: str) -> int | None:
    """Offset of the first `<<<<<<<` that git's `<<<<<<<` … `=======` … `>>>>>>>` sequence starts, all
    three marks at the start of a line and outside strings; None when there is no such sequence."""
    spans, open_from = string_spans(text)
    starts = [start for start, _ in spans]
    expected = "<"
    first = None
    for marker in _MARKERS.finditer(text):
        offset = marker.start()
        if _inside(offset, spans, starts) or (open_from is not None and offset > open_from):
            continue
        kind = marker.group()[0]
        if kind == "<":
            first, expected = (offset, "=") if expected == "<" or first is None else (first, expected)
        elif kind == expected == "=":
            expected = ">"
        elif kind == expected == ">":
            return first
    return None


def _inside(offset: int, spans: list[tuple[int, int]], starts: list[int]) -> bool:
    import bisect

    index = bisect.bisect_right(starts, offset) - 1
    return index >= 0 and spans[index][0] < offset < spans[index][1]
