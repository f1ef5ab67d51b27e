"""The PDF stack loads in the background once the first screen is shown: importing fpdf2 and HarfBuzz (and
the compound-word list the line breaker reads) was most of the first F5's wait, and the app starts without
them.

A thread that imports while the interface draws takes half the interpreter from it: started right after the
first paint, it made the first screen half a second slower. So the loading is cut into steps, and the thread
takes one step per tick of a timer of the app: a busy interface does not process its timers, so the loading
waits while the interface works and goes on when it is idle. An export waits for the loading to finish (at
full speed) before it imports anything itself: two threads importing one package from different ends can
meet a half-made module. A daemon thread: nothing to cancel at quit, and an import error surfaces at
export, where it is reported.
"""

from __future__ import annotations

import gc
import importlib
import threading

# What fpdf2 imports from other packages first, each step one import of tens of milliseconds, then fpdf2 as a
# whole: its own modules import each other in a circle, and one entered in the middle (fpdf.svg) fails.
STEPS = ("logging", "html.parser", "unittest.mock", "http.client", "xml.etree.ElementTree", "fontTools.ttLib",
         "fontTools.ttLib.tables.otTables", "fontTools.varLib", "fontTools.subset", "fontTools.varLib.instancer",
         "uharfbuzz", "PIL.Image", "fpdf", "ita_tui.tui.export", "compound words")


class ExportWarmUp:
    """Loads STEPS (module names, or callables) one by one, each when `tick()` is called (by the app's timer)."""

    def __init__(self, steps: tuple = STEPS):
        self.steps = steps
        self._go = threading.Event()
        self._stopped = False
        self.thread = threading.Thread(target=self._load, name="ita-warm-export", daemon=True)

    def start(self) -> "ExportWarmUp":
        self.thread.start()
        return self

    def tick(self) -> None:
        """The interface had time for a timer: let the next step run."""
        self._go.set()

    @property
    def done(self) -> bool:
        return not self.thread.is_alive()

    def join(self, timeout: float | None = None) -> None:
        """Wait for the loading (ticking on behalf of the app: the caller may be blocking its event loop)."""
        while not self.done:
            self._go.set()
            self.thread.join(0.01 if timeout is None else min(timeout, 0.01))
            if timeout is not None:
                timeout -= 0.01
                if timeout <= 0:
                    return

    def stop(self, wait: float = 5.0) -> None:
        """No further step; wait for the one under way: an import still running in a daemon thread while
        the interpreter shuts down can abort the process (SIGABRT seen at quit during the loading)."""
        self._stopped = True
        self._go.set()
        self.thread.join(wait)

    def _load(self) -> None:
        for step in self.steps:
            self._go.wait()
            self._go.clear()
            if self._stopped:
                return
            try:
                if callable(step):
                    step()
                elif step == "compound words":
                    from ..thai.compounds import compound_words

                    compound_words()
                else:
                    importlib.import_module(step)
            except Exception:  # noqa: BLE001 - an optional part missing, or broken: the export reports it
                pass
        if not self._stopped:
            freeze_what_lives_all_session()


_frozen = False


def freeze_what_lives_all_session() -> None:
    """Modules, the records read at the start and the first screen live all session: out of every full
    collection from now on (one took 0.1-0.25 s at 2,000 measures, in the middle of a save or a year
    opening). Collected first, so no garbage is kept; once a process, so no closed screen is kept."""
    global _frozen
    if not _frozen:
        _frozen = True
        gc.collect()
        gc.freeze()
