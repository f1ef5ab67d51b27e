"""When two parsed TOML values are the same value, and the file's own line-ending and indent style.

tomllib and tomlkit read the same text slightly differently: tomllib turns a CRLF inside a multi-line
string into LF, tomlkit keeps it; and NaN is never equal to itself in Python. Both are the same TOML value.
"""

from __future__ import annotations

import difflib
import math
import re


def same_values(left: object, right: object) -> bool:
    """Whether two parsed TOML values are the same value (NaN equals NaN; CRLF equals LF in strings;
    true is not 1)."""
    if isinstance(left, bool) or isinstance(right, bool):
        return type(left) is type(right) and left == right
    if isinstance(left, dict) and isinstance(right, dict):
        return left.keys() == right.keys() and all(same_values(left[key], right[key]) for key in left)
    if isinstance(left, list) and isinstance(right, list):
        return len(left) == len(right) and all(same_values(a, b) for a, b in zip(left, right))
    if isinstance(left, str) and isinstance(right, str):
        return left == right or left.replace("\r\n", "\n") == right.replace("\r\n", "\n")
    if isinstance(left, (int, float)) and isinstance(right, (int, float)):
        both_nan = isinstance(left, float) and isinstance(right, float) and math.isnan(left) and math.isnan(right)
        return both_nan or left == right  # 80 and 80.0 are the same score
    return type(left) is type(right) and left == right


def newline_of(text: str) -> str:
    """The file's own line ending: CRLF when most of its lines end so, else LF."""
    crlf = text.count("\r\n")
    return "\r\n" if crlf and crlf >= text.count("\n") - crlf else "\n"


_ARRAY_ITEM_INDENT = re.compile(r"^([ \t]+)[\"'\[{0-9+-]", re.MULTILINE)


def indent_of(text: str, default: str = "    ") -> str:
    """The indentation the file uses for the items of its multi-line arrays (*default* if it has none)."""
    match = _ARRAY_ITEM_INDENT.search(text)
    return match[1] if match else default


def with_line_endings_of(original: str, edited: str) -> str:
    """*edited* with every line that is not an untouched line of *original* ending like *original*'s lines.

    tomlkit writes new lines (keys, list items, tables) with LF; in a CRLF file they get CRLF. Lines kept
    from *original* keep their bytes, even in a file that mixes both endings.
    """
    newline = newline_of(original)
    if newline == "\n" or "\n" not in edited:
        return edited
    if "\n" not in original.replace("\r\n", ""):  # CRLF throughout: every bare LF is one we wrote
        return re.sub(r"(?<!\r)\n", "\r\n", edited)
    old_lines = _lines(original)
    new_lines = _lines(edited)
    matcher = difflib.SequenceMatcher(None, old_lines, new_lines, autojunk=False)
    out: list[str] = []
    for tag, _a1, _a2, b1, b2 in matcher.get_opcodes():
        for line in new_lines[b1:b2]:
            if tag != "equal" and line.endswith("\n") and not line.endswith("\r\n"):
                line = line[:-1] + "\r\n"
            out.append(line)
    return "".join(out)


def _lines(text: str) -> list[str]:
    """Lines split at LF only, each with its ending (str.splitlines also splits at CR, VT, U+2028…)."""
    return re.findall(r"[^\n]*\n|[^\n]+$", text)


def with_final_newlines_of(original: str, edited: str) -> str:
    """No blank lines at the end of *edited* that *original* did not have (a deleted last table leaves
    the blank line that separated it)."""
    newline = newline_of(original)
    if original.endswith(newline * 2) or not edited.endswith(newline * 2):
        return edited
    return edited.rstrip("\r\n") + newline
