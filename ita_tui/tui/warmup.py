"""The PDF stack loads in the background once the first screen is shown: importing fpdf2 and HarfBuzz (and
the compound-word list the line breaker reads) was most of the first F5's wait, and the app starts without
them. A plain daemon thread: nothing to cancel at quit, and an import error surfaces at export, where it is
reported."""

from __future__ import annotations

import threading


def warm_export_stack() -> threading.Thread:
    thread = threading.Thread(target=_load_export_stack, name="ita-warm-export", daemon=True)
    thread.start()
    return thread


def _load_export_stack() -> None:
    try:
        from ..thai.compounds import compound_words
        from .export import export_year  # noqa: F401  (render.build → fpdf2, uharfbuzz)

        compound_words()
    except Exception:  # noqa: BLE001 - the export itself reports what is wrong
        pass
