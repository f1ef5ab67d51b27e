"""Record text made ready for the page: digits in the layout's style, invisible controls dropped.

The checker reports control, bidi and zero-width characters; the PDF simply does not draw them.
"""

from __future__ import annotations

import re
from functools import lru_cache

from ..thai.digits import digits_in_style
from ..thai.hygiene import BIDI_CONTROLS, CONTROL_CHARACTERS, ZERO_WIDTH

# Tokens whose digits are never converted: URLs, e-mail addresses, file paths (2566/evidence/a.pdf),
# codes such as O42 or ITA2566. A date typed as 15/03/2566 has no letter, so it is not a path.
_KEEP_DIGITS = re.compile(r"(?:https?://|www\.)\S+|\S+@\S+"
                          r"|(?=[A-Za-z0-9_.-]*/[A-Za-z0-9_./-]*[A-Za-z])(?:[A-Za-z0-9_.-]+/)+[A-Za-z0-9_.-]+"
                          r"|[A-Za-z]+[0-9][A-Za-z0-9_./-]*")
_INVISIBLE = re.compile(f"{CONTROL_CHARACTERS.pattern}|{BIDI_CONTROLS.pattern}|{ZERO_WIDTH.pattern}")


@lru_cache(maxsize=4096)  # the protected vocabulary and the column labels are prepared for every document
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
