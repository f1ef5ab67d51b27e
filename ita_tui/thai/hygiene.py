"""The one inspection of record text at the load boundary: what would mislead a reader or a terminal.

Nothing is removed from the data; problems become checker findings, and `visible()` gives the one
safe way to show a string on a terminal.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

CONTROL_CHARACTERS = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
BIDI_CONTROLS = re.compile("[\u202a-\u202e\u2066-\u2069\u200e\u200f\u061c]")
ZERO_WIDTH = re.compile("[\u200b\u200c\u200d\u2060\ufeff]")
THAI_ABOVE_BELOW_MARKS = "\u0e31\u0e34\u0e35\u0e36\u0e37\u0e38\u0e39\u0e3a\u0e47\u0e48\u0e49\u0e4a\u0e4b\u0e4c\u0e4d\u0e4e"
THAI_TONE_MARKS = "\u0e48\u0e49\u0e4a\u0e4b"
ORPHAN_MARK = re.compile(rf"(?:^|(?<=\s))[{THAI_ABOVE_BELOW_MARKS}]")
DOUBLED_MARK = re.compile(rf"([{THAI_ABOVE_BELOW_MARKS}])\1|[{THAI_TONE_MARKS}][{THAI_TONE_MARKS}]")


@dataclass(frozen=True)
class TextProblem:
    rule_id: str
    offset: int
    char: str


def inspect_text(text: str) -> list[TextProblem]:
    """Every hygiene problem in *text*, in order of appearance."""
    problems: list[TextProblem] = []
    if not _has_problem(text):
        return problems  # the common case: a few fast scans over clean text
    for rule_id, pattern in (
        ("text-control-char", CONTROL_CHARACTERS),
        ("text-bidi-control", BIDI_CONTROLS),
        ("text-zero-width", ZERO_WIDTH),
        ("text-orphan-mark", ORPHAN_MARK),
        ("text-doubled-mark", DOUBLED_MARK),
    ):
        for match in pattern.finditer(text):
            if rule_id == "text-zero-width" and is_legitimate_joiner(text, match.start()):
                continue
            problems.append(TextProblem(rule_id, match.start(), match.group()))
    problems.sort(key=lambda problem: problem.offset)
    return problems


def codepoint_name(char: str) -> str:
    return " ".join(f"U+{ord(c):04X}" for c in char)


# Cheap checks that find whether a text has any problem at all (most texts have none).
_ANY_INVISIBLE = re.compile(
    "[" + CONTROL_CHARACTERS.pattern[1:-1] + BIDI_CONTROLS.pattern[1:-1] + ZERO_WIDTH.pattern[1:-1] + "]")
_MARK_FIRST = re.compile(rf"[{THAI_ABOVE_BELOW_MARKS}]")  # with match(): "(?:^|\s)" in one pattern is 3x slower
_MARK_AFTER_SPACE = re.compile(rf"\s[{THAI_ABOVE_BELOW_MARKS}]")
_TWO_TONES = re.compile(rf"[{THAI_TONE_MARKS}][{THAI_TONE_MARKS}]")
_SAME_MARK_TWICE = re.compile(rf"([{THAI_ABOVE_BELOW_MARKS}])\1")


def _has_problem(text: str) -> bool:
    return bool(_ANY_INVISIBLE.search(text) or _MARK_FIRST.match(text) or _MARK_AFTER_SPACE.search(text)
                or _TWO_TONES.search(text)
                or _SAME_MARK_TWICE.search(text))


_STAND_INS = {chr(code): chr(0x2400 + code) for code in range(0x20)}
_STAND_INS.update({"\x7f": "␡", "\n": "\n", "\t": "\t"})


def visible(text: str) -> str:
    """*text* safe for a terminal: controls become visible stand-ins (␛), bidi/zero-width become ⟨U+XXXX⟩.

    This is the one escaping rule for everything from the data that reaches a screen, stdout or stderr
    (JSON output uses the same rule through `escape_for_json`). Joiners inside emoji or Indic sequences
    are text and stay as they are."""

    def replace(match: re.Match[str]) -> str:
        char = match.group()
        if char in _STAND_INS:
            return _STAND_INS[char]
        if char in JOINERS and is_legitimate_joiner(text, match.start()):
            return char
        return f"⟨U+{ord(char):04X}⟩"

    return _UNSAFE.sub(replace, text)


def escape_for_json(document: str) -> str:
    """A JSON document with every character `visible()` would not print raw written as a \\uXXXX escape:
    the same rule, but lossless (a JSON reader gets the exact data back). Valid because JSON's own
    structure is ASCII, so these characters can only stand inside strings."""

    def replace(match: re.Match[str]) -> str:
        char = match.group()
        if char in "\n\t" or (char in JOINERS and is_legitimate_joiner(document, match.start())):
            return char
        return f"\\u{ord(char):04x}"

    return _UNSAFE.sub(replace, document)


_UNSAFE = re.compile(f"{CONTROL_CHARACTERS.pattern}|{BIDI_CONTROLS.pattern}|{ZERO_WIDTH.pattern}")

JOINERS = "\u200c\u200d"  # ZWNJ, ZWJ
_INDIC = range(0x0900, 0x0E00)  # Devanagari … Sinhala: joiners choose conjunct forms
_ARABIC = range(0x0600, 0x0700)  # Persian ZWNJ
_EMOJI_TAIL = "\ufe0f\u20e3"  # variation selector 16, keycap


def _is_emoji(char: str) -> bool:
    code = ord(char)
    return code >= 0x1F000 or 0x2600 <= code <= 0x27BF or 0x1F3FB <= code <= 0x1F3FF or char in _EMOJI_TAIL


def is_legitimate_joiner(text: str, index: int) -> bool:
    """True when the ZWJ/ZWNJ at *index* joins two characters of a script or emoji sequence that uses it."""
    if not (0 < index < len(text) - 1) or text[index] not in JOINERS:
        return False
    before, after = ord(text[index - 1]), ord(text[index + 1])
    if text[index] == "\u200d" and _is_emoji(text[index - 1]) and _is_emoji(text[index + 1]):
        return True
    return (before in _INDIC and after in _INDIC) or (before in _ARABIC and after in _ARABIC)
