"""The one way record text reaches the screen: literal (never markup), controls as visible stand-ins."""

from __future__ import annotations

from rich.text import Text

from ..thai.cells import clip_cells
from ..thai.hygiene import visible


def safe_text(text: str, style: str = "") -> Text:
    return Text(visible(text), style=style, no_wrap=False)


def one_line(text: str, limit: int = 0) -> str:
    """*text* on one line; with *limit*, at most that many terminal cells, cut between whole Thai clusters
    and ended with "…" (a length in code points cut ผู้ after ผ and left Thai titles shorter than they fit)."""
    flat = visible(text).replace("\n", " ⏎ ")
    return clip_cells(flat, limit) if limit else flat
