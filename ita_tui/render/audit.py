"""Where a render broke its lines: every paragraph and cell with the offsets of its line breaks.

bench/render.py counts compounds torn at line ends and breaks per 100 Thai characters with it, and the
tests use it to check that no protected phrase, compound, date or number is split in the sample's PDFs.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass

from . import lines as lines_module


@dataclass(frozen=True)
class BrokenText:
    text: str
    breaks: tuple[int, ...]  # offsets in text where a new line starts
    lines: tuple[str, ...]


@contextmanager
def recorded_breaks() -> Iterator[list[BrokenText]]:
    """Collect the line breaks of everything laid out inside the block."""
    found: list[BrokenText] = []

    def observe(text: str, lines: list) -> None:
        offsets, position = [], 0
        for line in lines:
            if position:
                offsets.append(position)
            position += len("".join(line.pieces))
            if position < len(text) and text[position] == "\n":
                position += 1
        found.append(BrokenText(text, tuple(offset for offset in offsets if text[offset - 1] != "\n"),
                                tuple(line.text for line in lines)))

    lines_module.LINE_OBSERVERS.append(observe)
    try:
        yield found
    finally:
        lines_module.LINE_OBSERVERS.remove(observe)
