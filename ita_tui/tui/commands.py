"""Command palette (Ctrl+P): jump to a measure by part of its Thai title, and every app action."""

from __future__ import annotations

from functools import partial

from rich.text import Text
from textual.command import DiscoveryHit, Hit, Hits, Provider

from ..i18n import t
from .display import one_line


class MeasureSearch(Provider):
    """Type part of a measure's title (any year) to open it."""

    def _measures(self):
        records = self.app.session.records
        for fiscal_year in sorted(records.years, reverse=True):
            for number, measure in enumerate(records.years[fiscal_year].measures, start=1):
                yield fiscal_year, number, measure

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for fiscal_year, number, measure in self._measures():
            label = f"{fiscal_year} · {number}. {one_line(measure.title, 70)}"
            score = matcher.match(label)
            if query.strip() and query.strip() in measure.title:
                score = max(score, 0.9)
            if score > 0:
                yield Hit(score, Text(label), partial(self.app.open_measure, fiscal_year, measure.origin.file),
                          help=t("palette.open-measure"))

    async def discover(self) -> Hits:
        for fiscal_year, number, measure in self._measures():
            label = f"{fiscal_year} · {number}. {one_line(measure.title, 70)}"
            yield DiscoveryHit(Text(label), partial(self.app.open_measure, fiscal_year, measure.origin.file),
                               help=t("palette.open-measure"))


class AppActions(Provider):
    """Every app action by name, in the interface language (a second route for every key over PuTTY)."""

    ACTIONS = (("save", "key.save"), ("export", "key.export"), ("help", "key.help"),
               ("show_problems", "key.problems"), ("quit_app", "key.quit"), ("edit_in_editor", "key.editor"),
               ("history", "key.history"), ("push", "key.push"), ("search", "key.search"),
               ("screen.toggle_last_year", "key.last-year"), ("screen.copy_last_year", "key.copy-last-year"))

    def _hits(self):
        for action, key in self.ACTIONS:
            screen_action = action.removeprefix("screen.")
            if screen_action != action and not hasattr(self.screen, f"action_{screen_action}"):
                continue  # a key of one screen (the measure form's F3/F8) is offered only over that screen
            yield t(key), action

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for label, action in self._hits():
            score = matcher.match(label)
            if score > 0:
                yield Hit(score, matcher.highlight(label), partial(self.app.run_action, action))

    async def discover(self) -> Hits:
        for label, action in self._hits():
            yield DiscoveryHit(label, partial(self.app.run_action, action))
