"""The year screens opened last are kept, hidden, and shown again: a clerk goes back and forth between the
overview and the running year all day. The year the overview's cursor rests on is made the same way
before it is opened.

A new screen costs what Textual spends on any new screen (some thirty widgets composed, mounted, styled,
laid out twice and painted: ~0.2 s for a 200-measure year); a kept one is only brought up to date
(`refresh_view`, which sets only what changed) and painted. It also keeps the clerk's place: the row they
were on. At most KEPT screens are kept (each holds its rows); a session replaced (first run) starts over.
"""

from __future__ import annotations

from collections import OrderedDict


KEPT = 3


class YearScreens:
    def __init__(self, app):
        self.app = app
        self._session = None
        self._screens: OrderedDict = OrderedDict()  # fiscal year → its YearScreen, the last opened last

    def open(self, fiscal_year: int) -> None:
        from .screens.year import YearScreen

        self._forget_another_sessions()
        screen = self._screens.pop(fiscal_year, None)
        if screen is None:
            screen = YearScreen(fiscal_year)
            self.app.install_screen(screen, name=self._name(fiscal_year))  # popping it does not remove it
        self._screens[fiscal_year] = screen
        self.app.push_screen(screen)
        self._forget_beyond(KEPT)

    def prepare(self, fiscal_year: int) -> None:
        """Make *fiscal_year*'s screen before it is first opened: compose, mount (which reads the year if it
        was listed from its shelf, and builds its rows), lay out and draw it, hidden. The app calls this
        once it is idle after the start, and the overview when its cursor rests on a year: its first
        opening then costs what opening it again costs (a new screen of a 200-measure year was ~0.2 s,
        reading it and cutting its titles ~0.1 s more). The screen brings its view up to date as it is
        first shown (the records may have changed meanwhile)."""
        from .screens import year as year_screen_module

        self._forget_another_sessions()
        session = self.app.session
        if fiscal_year not in session.records.years or fiscal_year in self._screens:
            return
        screen = year_screen_module.YearScreen(fiscal_year)
        screen.made_ready_hidden = True
        self.app.install_screen(screen, name=self._name(fiscal_year))
        self._screens[fiscal_year] = screen  # the likeliest to be opened next: the last to go
        self.app._get_screen(screen)  # composed and mounted (not shown: it is on no screen stack)
        screen.call_later(self._lay_out_hidden, screen)
        self._forget_beyond(KEPT)

    def _lay_out_hidden(self, screen) -> None:
        """Lay the hidden screen out and draw its widgets (the picture is not shown): its first showing
        then only composites what they drew, as a screen shown before does."""
        if screen in self.app.screen_stack or not screen.is_attached:
            return
        screen._refresh_layout(self.app.size)  # what Textual does to the screens below the top one
        screen._compositor.render_full_update()

    def _forget_another_sessions(self) -> None:
        if self._session is not self.app.session:
            self.forget_all()
            self._session = self.app.session

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
