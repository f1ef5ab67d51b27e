"""Finding a typed phrase in record text the way a Thai reader sees it, not byte for byte.

A clerk types "๒๕๖๖" for a text that says "2566", "นํ้า" for "น้ำ", or searches across a zero-width space
they cannot see. Both sides are *folded* the same way before comparing: Thai digits become Arabic ones,
NIKHAHIT + SARA AA becomes SARA AM (with any tone mark before it, as in "น้ำ"), invisible characters go,
any run of white space is one space, Latin letters lose case and precomposed accents are split. Matches are reported as offsets in the ORIGINAL text, so a cursor lands on them.

`fold()` is the fast path (C-level lower() and regexes that only run where they have work) used to test
every text; the per-character origin map is built only for matching texts that fold other than character
for character.
"""

from __future__ import annotations

import re
import unicodedata

from .digits import ARABIC_DIGITS, THAI_DIGITS

SARA_AM = "\u0e33"
NIKHAHIT = "\u0e4d"
SARA_AA = "\u0e32"
TONE_MARKS = "\u0e48\u0e49\u0e4a\u0e4b"
INVISIBLE = "\u200b\u200c\u200d\u2060\ufeff\u00ad"  # zero-width space/joiners, word joiner, BOM, soft hyphen
WHITE_SPACE = "\t\n\r\x0b\x0c\u00a0\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u202f\u3000"


def _folding_table() -> dict[str, str]:
    table = {thai: arabic for thai, arabic in zip(THAI_DIGITS, ARABIC_DIGITS)}
    table.update({char: "" for char in INVISIBLE})
    table.update({char: " " for char in WHITE_SPACE})
    table["ς"] = "σ"  # str.lower() picks the final sigma by context; one character alone cannot
    for code in range(0x00C0, 0x0250):  # precomposed Latin letters ≡ letter + combining accent
        decomposed = unicodedata.normalize("NFD", chr(code))
        if len(decomposed) > 1:
            table[chr(code)] = decomposed.lower()
    return table


_TABLE = _folding_table()
_IN_TABLE = re.compile("[" + re.escape("".join(_TABLE)) + "]")
_SPACES = re.compile(" {2,}")
# SARA AM written as NIKHAHIT + SARA AA, a tone mark typed after the vowel: all are "ำ" after the tone
_SARA_AM_SPELLINGS = re.compile(f"(?:{NIKHAHIT}([{TONE_MARKS}]?){SARA_AA}|{SARA_AM})([{TONE_MARKS}]?)")
_SARA_AM_TO_FIX = re.compile(f"{NIKHAHIT}|{SARA_AM}[{TONE_MARKS}]")
# a text without any of these folds character for character: offsets in the folded text are the original's
_NOT_ONE_FOR_ONE = re.compile("[" + re.escape("".join(c for c, folded in _TABLE.items() if len(folded) != 1))
                              + "\u0130" + NIKHAHIT + "]|" + f"{SARA_AM}[{TONE_MARKS}]|"
                              + "[ " + re.escape(WHITE_SPACE) + "]{2}")


def _table_piece(match: re.Match[str]) -> str:
    return _TABLE[match.group()]


def _sara_am(match: re.Match[str]) -> str:
    return (match.group(1) or "") + (match.group(2) or "") + SARA_AM


def fold(text: str) -> str:
    """*text* as compared: the same folding `folded_with_origins` maps back, without the map."""
    folded = text.lower()
    if _IN_TABLE.search(folded):
        folded = _IN_TABLE.sub(_table_piece, folded)
    if "  " in folded:
        folded = _SPACES.sub(" ", folded)
    if _SARA_AM_TO_FIX.search(folded):
        folded = _SARA_AM_SPELLINGS.sub(_sara_am, folded)
    return folded


def fold_query(query: str) -> str:
    """What the user typed, folded; leading and trailing space is not part of what they look for."""
    return fold(query).strip(" ")


def folded_with_origins(text: str) -> tuple[str, list[tuple[int, int]]]:
    """The folded text and, for each of its characters, the span of original characters it came from.

    The same steps as `fold`, in the same order, each carrying the spans along."""
    chars: list[str] = []
    spans: list[tuple[int, int]] = []
    for index, char in enumerate(text):
        for piece in _IN_TABLE.sub(_table_piece, char.lower()):
            chars.append(piece)
            spans.append((index, index + 1))
    collapsed, collapsed_spans = [], []
    for char, span in zip(chars, spans):
        if char == " " and collapsed and collapsed[-1] == " ":
            collapsed_spans[-1] = (collapsed_spans[-1][0], span[1])  # one space stands for the whole run
            continue
        collapsed.append(char)
        collapsed_spans.append(span)
    folded = "".join(collapsed)
    if not _SARA_AM_TO_FIX.search(folded):
        return folded, collapsed_spans
    pieces, piece_spans, position = [], [], 0
    for match in _SARA_AM_SPELLINGS.finditer(folded):
        pieces.extend(folded[position:match.start()])
        piece_spans.extend(collapsed_spans[position:match.start()])
        covered = collapsed_spans[match.start():match.end()]
        whole = (min(span[0] for span in covered), max(span[1] for span in covered))
        replacement = _sara_am(match)
        pieces.extend(replacement)
        piece_spans.extend([whole] * len(replacement))
        position = match.end()
    pieces.extend(folded[position:])
    piece_spans.extend(collapsed_spans[position:])
    return "".join(pieces), piece_spans


def find_matches(folded_query: str, text: str, folded_text: str | None = None,
                 limit: int | None = None) -> list[tuple[int, int]]:
    """The non-overlapping matches of *folded_query* in *text* (the first *limit*), as (start, end) offsets
    into *text*.

    A match always covers whole original characters: one that starts or ends inside a folded SARA AM
    covers all of it, and invisible characters inside a match are part of it."""
    if not folded_query:
        return []
    if folded_text is None:
        folded_text = fold(text)
    position = folded_text.find(folded_query)
    if position < 0:
        return []
    one_for_one = not _NOT_ONE_FOR_ONE.search(text)
    spans = None if one_for_one else folded_with_origins(text)[1]
    matches: list[tuple[int, int]] = []
    while position >= 0 and (limit is None or len(matches) < limit):
        last = position + len(folded_query) - 1
        if spans is None:
            matches.append((position, last + 1))
        else:
            matches.append((min(span[0] for span in spans[position:last + 1]),
                            max(span[1] for span in spans[position:last + 1])))
        position = folded_text.find(folded_query, position + len(folded_query))
    return matches
