"""Record text made ready for the page: digits in the layout's style, invisible controls dropped.

The checker reports control, bidi and zero-width characters; the PDF simply does not draw them.
"""

from __future__ import annotations

import re

from ..thai.digits import digits_in_style
from ..thai.hygiene import BIDI_CONTROLS, CONTROL_CHARACTERS, ZERO_WIDTH

# Tokens whose digits are never converted: URLs, e-mail addresses, codes such as O42 or ITA2566.
_KEEP_DIGITS = re.compile(r"(?:https?://|www\.)\S+|\S+@\S+|[A-Za-z]+[0-9][A-Za-z0-9_./-]*")
_INVISIBLE = re.compile(f"{CONTROL_CHARACTERS.pattern}|{BIDI_CONTROLS.pattern}|{ZERO_WIDTH.pattern}")


def printable(text: str, digits: str = "thai") -> str:
    """*text* as it is printed: no invisible characters, digits converted outside URLs and codes."""
    text = _INVISIBLE.sub("", text.replace("\t", " "))
    if digits not in ("thai", "arabic"):
        return text
    pieces = []
    position = 0
    for match in _KEEP_DIGITS.finditer(text):
        pieces.append(digits_in_style(text[position:match.start()], digits))
        pieces.append(match.group())
        position = match.end()
    pieces.append(digits_in_style(text[position:], digits))
    return "".join(pieces)
