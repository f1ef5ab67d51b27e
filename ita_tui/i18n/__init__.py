"""All interface words in one catalogue per language; Thai is the default.

`tr(key, lang, **params)` looks a key up (falling back to English, then to the key itself) and fills
its `{placeholders}` safely.
"""

from __future__ import annotations

import os
import re

from ..templating import fill
from . import en, th

CATALOGUES = {"th": th.MESSAGES, "en": en.MESSAGES}
LANGUAGES = tuple(CATALOGUES)


def detect_language(requested: str | None = None, environ: dict | None = None) -> str:
    """--lang wins, then ITA_LANG, then an English locale (LC_ALL, LC_MESSAGES, LANG) gives English; else Thai."""
    if requested in CATALOGUES:
        return requested
    environ = os.environ if environ is None else environ
    explicit = environ.get("ITA_LANG", "")
    if explicit in CATALOGUES:
        return explicit
    for variable in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = environ.get(variable, "")
        if value:
            return "en" if value.lower().startswith("en") else "th"
    return "th"


_current = {"lang": "th"}


def set_language(lang: str) -> None:
    """The language of the running app (its widgets translate their labels and bindings with it)."""
    _current["lang"] = lang if lang in CATALOGUES else "th"


def current_language() -> str:
    return _current["lang"]


def t(key: str, /, **params: object) -> str:
    """Translate *key* into the app's current language."""
    return tr(key, _current["lang"], **params)


_PLURAL = re.compile(r"\{([A-Za-z_][A-Za-z0-9_]*)\|([^|{}]*)\|([^|{}]*)\}")


def _plurals(template: str, params: dict) -> str:
    """`{count|file|files}` picks the word for the number in `count` (English: 1 file, 2 files)."""
    def choose(match: re.Match) -> str:
        return match[2] if str(params.get(match[1], "")) == "1" else match[3]

    return _PLURAL.sub(choose, template)


def tr(key: str, lang: str = "th", /, **params: object) -> str:
    template = CATALOGUES.get(lang, th.MESSAGES).get(key) or en.MESSAGES.get(key) or key
    return fill(_plurals(template, params), params, strict=False)
