"""The one way record text reaches the screen: literal (never markup), controls as visible stand-ins."""

from __future__ import annotations

from rich.text import Text

from ..thai.hygiene import visible


def safe_text(text: str, style: str = "") -> Text:
    return Text(visible(text), style=style, no_wrap=False)


def one_line(text: str, limit: int = 0) -> str:
    flat = visible(text).replace("\n", " ⏎ ")
    if limit and len(flat) > limit:
        return flat[: limit - 1] + "…"
    return flat
