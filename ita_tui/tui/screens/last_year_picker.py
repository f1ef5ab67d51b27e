"""Choosing which of last year's measures goes with this one, when the titles do not say it clearly."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from ...model.records import Measure
from ..bindings import TranslatedBindings
from ..display import one_line, safe_text


class LastYearPicker(TranslatedBindings, ModalScreen[str | None]):
    """Last year's measures by number and title; Enter answers the chosen file, Escape None."""

    BINDINGS = [Binding("escape", "dismiss(None)", "key.cancel", id="picker.cancel")]

    def __init__(self, question: str, measures: list[Measure], current: str | None = None):
        super().__init__()
        self.question = question
        self.measures = measures
        self.current = current

    def compose(self) -> ComposeResult:
        with Vertical(id="dialog"):
            yield Static(safe_text(self.question), id="dialog-question")
            yield OptionList(*[Option(safe_text(f"{number}. {one_line(measure.title)}"), id=measure.origin.file)
                               for number, measure in enumerate(self.measures, start=1)], id="last-year-choices")

    def on_mount(self) -> None:
        choices = self.query_one(OptionList)
        files = [measure.origin.file for measure in self.measures]
        if self.current in files:
            choices.highlighted = files.index(self.current)
        choices.focus()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(event.option.id)
