"""Last year's measure, read only, beside (wide terminals) or above (80×24) this year's form."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.widgets import Static

from ..bindings import TranslatedBindings
from ..display import safe_text

WIDE_ENOUGH = 120  # columns from which the panel stands beside the form instead of above it


class LastYearPanel(TranslatedBindings, VerticalScroll):
    """A heading and each field as label + text; focusable so it scrolls from the keyboard. Record text is
    shown with `safe_text`: literal, controls as visible stand-ins."""

    BINDINGS = [Binding("enter", "screen.choose_last_year", "key.choose-last-year", id="last-year.choose")]

    def __init__(self, heading: str, fields: list[tuple[str, str]], **kwargs):
        super().__init__(**kwargs)
        self.heading = heading
        self.fields = fields

    def compose(self) -> ComposeResult:
        yield Static(safe_text(self.heading, "bold"), classes="last-year-heading")
        for label, text in self.fields:
            yield Static(safe_text(label), classes="last-year-label")
            yield Static(safe_text(text), classes="last-year-text")

    def place_for(self, width: int) -> None:
        """Beside the form from WIDE_ENOUGH columns, above it below that."""
        self.set_class(width >= WIDE_ENOUGH, "-beside")
