"""The year screens opened last are kept, hidden, and shown again: a clerk goes back and forth between the
overview and the running year all day.

A new screen costs what Textual spends on any new screen (some thirty widgets composed, mounted, styled,
laid out twice and painted: ~0.2 s for a 200-measure year); a kept one is only brought up to date
(`refresh_view`, which sets only what changed) and painted. It also keeps the clerk's place: the row they
were on. At most KEPT screens are kept (each holds its rows); a session replaced (first run) starts over.
"""

from __future__ import annotations

from collections import OrderedDict

from . import clock
from .year_columns import layout_for, year_rows

KEPT = 3


class YearScreens:
    def __init__(self, app):
        self.app = app
        self._session = None
        self._screens: OrderedDict = OrderedDict()  # fiscal year → its YearScreen, the last opened last

    def open(self, fiscal_year: int) -> None:
        from .screens.year import YearScreen

        if self._session is not self.app.session:
            self.forget_all()
            self._session = self.app.session
        screen = self._screens.pop(fiscal_year, None)
        if screen is None:
            screen = YearScreen(fiscal_year)
            self.app.install_screen(screen, name=self._name(fiscal_year))  # popping it does not remove it
        self._screens[fiscal_year] = screen
        self.app.push_screen(screen)
        self._forget_beyond(KEPT)

    def prepare(self, fiscal_year: int, list_width: int) -> None:
        """Read *fiscal_year* (if it was listed from its shelf) and build its rows for a list *list_width*
        cells wide, before it is first opened: the app calls this once it is idle after the start, for the
        year under the overview's cursor. Its first opening then costs what any new screen costs (reading
        200 measures and cutting their titles to the column was 0.1 s of it)."""
        from .screens import year as year_screen_module  # noqa: F401 - imported now, not at the opening

        session = self.app.session
        if fiscal_year not in session.records.years or fiscal_year in self._screens:
            return
        year = session.records.years[fiscal_year]
        year_rows(layout_for(list_width), year, session.findings_for_year(fiscal_year),
                  set(session.modified_files()), clock.today())

    def kept(self) -> list[int]:
        return list(self._screens)

    def forget_all(self) -> None:
        self._forget_beyond(0)

    def _forget_beyond(self, count: int) -> None:
        """Remove the screens opened longest ago beyond *count*."""
        for fiscal_year in list(self._screens)[:max(0, len(self._screens) - count)]:
            screen = self._screens[fiscal_year]
            if screen in self.app.screen_stack:
                continue  # shown now (years open from the overview, one at a time): dropped at a later opening
            del self._screens[fiscal_year]
            self.app.uninstall_screen(screen)
            screen.remove()

    @staticmethod
    def _name(fiscal_year: int) -> str:
        return f"year-{fiscal_year}"
