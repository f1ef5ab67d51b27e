"""Thai ⇄ Arabic digits. Records keep digits as typed; rendering picks the style."""

THAI_DIGITS = "๐๑๒๓๔๕๖๗๘๙"
ARABIC_DIGITS = "0123456789"

_TO_THAI = str.maketrans(ARABIC_DIGITS, THAI_DIGITS)
_TO_ARABIC = str.maketrans(THAI_DIGITS, ARABIC_DIGITS)


def to_thai_digits(text: str) -> str:
    return text.translate(_TO_THAI)


def to_arabic_digits(text: str) -> str:
    return text.translate(_TO_ARABIC)


def digits_in_style(text: str, style: str) -> str:
    """Return *text* with its digits in *style* ("thai" or "arabic"); other styles leave it as typed."""
    if style == "thai":
        return to_thai_digits(text)
    if style == "arabic":
        return to_arabic_digits(text)
    return text
