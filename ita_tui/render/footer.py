"""The optional version footer ("ฉบับ 1a2b3c4"): which recorded version a page was printed from.

Render stays free of git: the caller passes the PDF's version keywords (ita_tui/vcs/printing.py writes
them, `ita-commit=<id>; ita-unrecorded=yes|no`) and the footer is read back from them."""

from __future__ import annotations

import re
from dataclasses import dataclass

SHORT_ID = 7  # as git shows a commit, and as `ita history` names it (vcs/repository.py; a test holds them equal)
_KEYWORDS = re.compile(r"ita-commit=([0-9a-f]+); ita-unrecorded=(yes|no)")


@dataclass(frozen=True)
class PrintedVersion:
    short_id: str
    unrecorded: bool


def printed_version(version_keywords: str) -> PrintedVersion | None:
    """None without a recorded commit (no history, or none yet): then no footer is printed."""
    match = _KEYWORDS.search(version_keywords or "")
    if match is None:
        return None
    return PrintedVersion(match.group(1)[:SHORT_ID], match.group(2) == "yes")


def footer_text(page: dict, version: PrintedVersion) -> str:
    """The footer line from the layout's `[page] version_footer_format` and `version_footer_unrecorded`."""
    text = page.get("version_footer_format", "ฉบับ {commit}").replace("{commit}", version.short_id)
    if version.unrecorded:
        text += page.get("version_footer_unrecorded", " + แก้ไขที่ยังไม่บันทึก")
    return text
