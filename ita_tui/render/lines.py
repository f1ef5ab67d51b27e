"""Our own Thai line layout: break between words (ICU, checked against a compound dictionary), never inside
a cluster, a compound, a date or number with its words, a name or a protected phrase; Thai distributed
justification. One breaker for every paragraph and table cell of both documents."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache

from ..thai.phrases import PhraseIndex, sticky_spans
from ..thai.segment import clusters, line_segments, phrase_segments

_NUMBER = re.compile(r"^[0-9๐-๙][0-9๐-๙.,:/]*\s*$")
_STICKY_BEFORE_NUMBER = re.compile(r"(?:พ\.\s?ศ\.|ค\.\s?ศ\.|ที่|ข้อ|ฉบับที่|ครั้งที่|ไตรมาสที่|หรือ|และ|ถึง|–|-)\s*$")
MAX_CLUSTER_GAP_EM = 0.12  # a line that would need wider gaps is left ragged rather than look stretched


@dataclass
class Line:
    pieces: list[str]  # break-opportunity pieces; trailing spaces of the last one are not drawn
    width: float  # natural width without the trailing space
    indent: float
    last: bool  # last line of its paragraph: never justified

    @property
    def text(self) -> str:
        return "".join(self.pieces).rstrip()


# Called with (paragraph text, its lines) after every break_lines: how bench/render.py and the tests audit
# the breaks of a whole render (see ita_tui/render/audit.py).
LINE_OBSERVERS: list[Callable[[str, list["Line"]], None]] = []


def layout_segments(text: str, keep_whole: tuple[str, ...] = ()) -> list[str]:
    """Break-opportunity pieces of one line of text: compounds whole, numbers and dates beside their words,
    quoted names whole, and each phrase of *keep_whole* (names, protected vocabulary) never broken inside."""
    return list(_layout_segments(text, keep_whole))


@lru_cache(maxsize=2048)
def _layout_segments(text: str, keep_whole: tuple[str, ...]) -> tuple[str, ...]:
    """`layout_segments`, kept per process: a render lays a third of its texts out again (the table header
    on every page; the table title and first row measured for keep-with-next, then drawn), and the TUI
    exports again and again."""
    pieces: list[str] = []
    protected = _protected_offsets(text, keep_whole)
    position = 0
    for piece in phrase_segments(text):
        start, position = position, position + len(piece)
        if pieces and start in protected:
            pieces[-1] += piece
            continue
        if pieces and (_NUMBER.match(pieces[-1]) and not pieces[-1].endswith(" ")
                       or _NUMBER.match(piece) and _STICKY_BEFORE_NUMBER.search(pieces[-1])):
            pieces[-1] += piece
        elif pieces and _NUMBER.match(pieces[-1]) and pieces[-1].endswith(" ") and not piece[:1].isspace() \
                and _is_unit(piece):
            pieces[-1] += piece
        else:
            pieces.append(piece)
    return tuple(pieces)


def _protected_offsets(text: str, phrases: tuple[str, ...]) -> set[int]:
    """Offsets strictly inside a phrase, a date or a number with its words: no line may start there."""
    inside: set[int] = set()
    for start, end in _phrase_index(phrases).spans(text) + list(sticky_spans(text)):
        inside.update(range(start + 1, end))
    return inside


@lru_cache(maxsize=16)
def _phrase_index(phrases: tuple[str, ...]) -> PhraseIndex:
    return PhraseIndex(phrases)


_UNITS = ("คะแนน", "มาตรการ", "บาท", "คน", "ครั้ง", "วัน", "เดือน", "ปี", "ราย", "แห่ง", "%")


def _is_unit(piece: str) -> bool:
    return piece.strip() in _UNITS


def break_lines(text: str, measure: Callable[[str], float], width: float, first_indent: float = 0.0,
                rest_indent: float = 0.0, keep_together: bool = False,
                keep_whole: tuple[str, ...] = ()) -> list[Line]:
    """Lines of *text* (hard newlines kept) no wider than *width*, greedily filled."""
    lines: list[Line] = []
    for paragraph in text.split("\n"):
        pieces = [paragraph] if keep_together else layout_segments(paragraph, keep_whole)
        current: list[str] = []
        current_width = 0.0  # including trailing spaces
        indent = first_indent if not lines else rest_indent

        def finish(last: bool) -> None:
            nonlocal current, current_width, indent
            natural = current_width - (measure(current[-1]) - measure(current[-1].rstrip())) if current else 0.0
            lines.append(Line(current, natural, indent, last))
            current, current_width, indent = [], 0.0, rest_indent

        for piece in pieces or [""]:
            piece_width = measure(piece)
            available = width - indent
            if current and current_width + measure(piece.rstrip()) > available:
                finish(last=False)
                available = width - indent
            if not current and piece_width > available and len(piece) > 1 and not keep_together:
                for chunk in _split_wide(piece, measure, available):
                    if current:
                        finish(last=False)
                    current, current_width = [chunk], measure(chunk)
                continue
            current.append(piece)
            current_width += piece_width
        finish(last=True)
    for observe in LINE_OBSERVERS:
        observe(text, lines)
    return lines


def _split_wide(piece: str, measure: Callable[[str], float], available: float) -> list[str]:
    """A kept-whole piece wider than the line: filled at ICU's boundaries, and a single ICU piece that is
    still too wide (a long URL, a run of Latin text) cut between grapheme clusters."""
    chunks, chunk = [], ""
    for part in line_segments(piece):
        if chunk and measure((chunk + part).rstrip()) > available:
            chunks.append(chunk)
            chunk = ""
        if not chunk and measure(part.rstrip()) > available:
            chunks.extend(_split_by_clusters(part, measure, available))
            chunk = chunks.pop() if chunks else ""
            continue
        chunk += part
    if chunk:
        chunks.append(chunk)
    return chunks


def _split_by_clusters(piece: str, measure: Callable[[str], float], available: float) -> list[str]:
    """A piece wider than the line (a long URL, a run of Latin text) cut between grapheme clusters."""
    chunks, chunk = [], ""
    for cluster in clusters(piece):
        if chunk and measure(chunk + cluster) > available:
            chunks.append(chunk)
            chunk = ""
        chunk += cluster
    if chunk:
        chunks.append(chunk)
    return chunks


def cluster_spacing(line: Line, width: float, cluster_count: int, size_pt: float) -> float:
    """Extra space before each grapheme cluster but the first so the line fills *width* — Thai distributed
    justification, as Word does it: gaps of a fraction of a point, so no word looks split and no false space
    appears in the text layer. The last line of a paragraph, and a line that would look stretched, get none."""
    if line.last or cluster_count < 2:
        return 0.0
    slack = width - line.indent - line.width
    per_cluster = slack / (cluster_count - 1)
    if slack <= 0 or per_cluster > MAX_CLUSTER_GAP_EM * size_pt:
        return 0.0
    return per_cluster
